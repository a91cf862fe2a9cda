"""Read WebVTT and SRT subtitle transcripts (Zoom, Teams) into speaker turns."""

from __future__ import annotations

import html
import re
from collections.abc import Collection
from dataclasses import dataclass

from qualbridge.tasks.ingest.limits import DEFAULT_LIMITS, IngestLimits
from qualbridge.tasks.ingest.reading import to_text
from qualbridge.tasks.ingest.speaker_labels import LabelMatcher
from qualbridge.tasks.ingest.timestamps import clock_seconds
from qualbridge.tasks.ingest.turns import ParseError, Turn

_TIME = r"(?:(\d{1,3}):)?(\d{2}):(\d{2})[.,](\d{3})"
_TIMING = re.compile(rf"^{_TIME}[ \t]+-->[ \t]+{_TIME}(?:[ \t].*)?$")
_WEBVTT_HEADER = re.compile(r"^WEBVTT(?:[ \t].*)?$")
_SKIPPED_BLOCK = re.compile(r"^(?:NOTE|STYLE|REGION)(?:[ \t].*)?$")
_CUE_NUMBER = re.compile(r"^\d+$")
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?(?:[ \t]+([^>]*))?>")
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class ParseResult:
    """The turns of a subtitle file and how many broken cues lenient parsing skipped."""

    turns: list[Turn]
    skipped: int = 0


@dataclass(frozen=True)
class _Block:
    line: int
    lines: list[str]


class _BrokenCue(Exception):
    """A cue that cannot be used; carries the problem, never the cue's content."""


def _blocks(lines: list[str], limits: IngestLimits) -> list[_Block]:
    blocks: list[_Block] = []
    current: list[str] = []
    for number, line in enumerate(lines, start=1):
        if len(line) > limits.max_line_chars:
            raise ParseError(
                f"line {number}: longer than the limit of {limits.max_line_chars} characters"
            )
        if line.strip():
            if not current:
                blocks.append(_Block(number, current))
            current.append(line.strip())
        else:
            current = []
    return blocks


def _clean(text: str) -> str:
    return _SPACE.sub(" ", html.unescape(_TAG.sub("", text))).strip()


def _segments(payload: list[str], matcher: LabelMatcher) -> list[tuple[str, str]]:
    """(speaker, text) parts of a cue: one per <v> span, else one, labelled 'Name: text' or ''."""
    joined = "\n".join(payload)
    voices = list(_VOICE.finditer(joined))
    if not voices:
        # Formatting tags go first, so "<i>P1: Hi</i>" still shows its label.
        try:
            labelled = matcher.split(_clean(payload[0]))
        except ValueError:  # an impossible time in the text: the cue keeps its own timing
            return [("", _clean(joined))]
        if labelled.label is not None:
            rest = _clean(" ".join(payload[1:]))
            return [(labelled.label, f"{labelled.text} {rest}".strip())]
        return [("", _clean(joined))]
    segments = [("", _clean(joined[: voices[0].start()]))]
    for voice, following in zip(voices, [*voices[1:], None], strict=True):
        end = following.start() if following else len(joined)
        segments.append(((voice.group(1) or "").strip(), _clean(joined[voice.end() : end])))
    return [(speaker, text) for speaker, text in segments if text]


def _cue(block: _Block, number_line: bool, matcher: LabelMatcher) -> list[Turn]:
    lines = block.lines
    if number_line and _CUE_NUMBER.match(lines[0]):
        lines = lines[1:]
    elif not number_line and "-->" not in lines[0]:
        lines = lines[1:]  # a WebVTT cue identifier
    if not lines or "-->" not in lines[0]:
        raise _BrokenCue("no timing line")
    timing = _TIMING.match(lines[0])
    if not timing:
        raise _BrokenCue("bad timing line")
    try:
        start = clock_seconds(*timing.groups()[:4])
        end = clock_seconds(*timing.groups()[4:])
    except ValueError:
        raise _BrokenCue("bad timing line (minutes or seconds over 59)") from None
    if end < start:
        raise _BrokenCue("cue ends before it starts")
    segments = _segments(lines[1:], matcher) if lines[1:] else []
    if not segments:
        raise _BrokenCue("missing text")
    return [Turn(speaker, text, start, end) for speaker, text in segments]


def _merge(turns: list[Turn]) -> list[Turn]:
    merged: list[Turn] = []
    for turn in turns:
        if merged and merged[-1].speaker == turn.speaker:
            last = merged[-1]
            end = max(e for e in (last.end_s, turn.end_s) if e is not None)
            merged[-1] = Turn(last.speaker, f"{last.text} {turn.text}", last.start_s, end)
        else:
            merged.append(turn)
    return merged


def _parse(
    blocks: list[_Block],
    number_line: bool,
    lenient: bool,
    known_labels: Collection[str] | None,
) -> ParseResult:
    matcher = LabelMatcher(known_labels)
    turns: list[Turn] = []
    skipped = 0
    cue_no = 0
    for block in blocks:
        if not number_line and _SKIPPED_BLOCK.match(block.lines[0]):
            continue
        cue_no += 1
        try:
            turns.extend(_cue(block, number_line, matcher))
        except _BrokenCue as exc:
            if not lenient:
                raise ParseError(f"cue {cue_no} (line {block.line}): {exc}") from None
            skipped += 1
    if not turns:
        raise ParseError(
            f"no usable cues ({skipped} broken cues skipped)" if skipped else "no cues found"
        )
    return ParseResult(_merge(turns), skipped)


def _lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")


def parse_webvtt(
    text: str,
    *,
    lenient: bool = False,
    known_labels: Collection[str] | None = None,
    limits: IngestLimits = DEFAULT_LIMITS,
) -> ParseResult:
    """Turns of a WebVTT file; a broken cue raises ParseError, or is skipped if lenient."""
    lines = _lines(text)
    if not _WEBVTT_HEADER.match(lines[0]):
        raise ParseError("line 1: missing the WEBVTT header")
    blocks = _blocks(lines, limits)
    return _parse(blocks[1:], number_line=False, lenient=lenient, known_labels=known_labels)


def parse_srt(
    text: str,
    *,
    lenient: bool = False,
    known_labels: Collection[str] | None = None,
    limits: IngestLimits = DEFAULT_LIMITS,
) -> ParseResult:
    """Turns of an SRT file; a broken cue raises ParseError, or is skipped if lenient."""
    blocks = _blocks(_lines(text), limits)
    return _parse(blocks, number_line=True, lenient=lenient, known_labels=known_labels)


def parse_subtitles(
    text: str,
    *,
    lenient: bool = False,
    known_labels: Collection[str] | None = None,
    limits: IngestLimits = DEFAULT_LIMITS,
) -> ParseResult:
    """Turns of a WebVTT file (if it starts with the WEBVTT header) or else an SRT file."""
    if _WEBVTT_HEADER.match(_lines(text)[0]):
        return parse_webvtt(text, lenient=lenient, known_labels=known_labels, limits=limits)
    return parse_srt(text, lenient=lenient, known_labels=known_labels, limits=limits)


def file_turns(
    data: bytes, known_labels: Collection[str] | None, limits: IngestLimits = DEFAULT_LIMITS
) -> list[Turn]:
    """Turns of a WebVTT or SRT file's bytes (told apart by the WEBVTT header)."""
    return parse_subtitles(to_text(data), known_labels=known_labels, limits=limits).turns
