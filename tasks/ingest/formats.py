"""Parse a source file of any supported format into utterances with speaker roles."""

from __future__ import annotations

from dataclasses import dataclass

from qualbridge.tasks.ingest.docx_reader import parse_docx
from qualbridge.tasks.ingest.limits import DEFAULT_LIMITS, IngestLimits
from qualbridge.tasks.ingest.loading import to_text
from qualbridge.tasks.ingest.reading import SourceError, decode_text
from qualbridge.tasks.ingest.subtitles import parse_subtitles
from qualbridge.tasks.ingest.textgrid import TextGridError, parse_textgrid, timeline
from qualbridge.tasks.ingest.transcript_text import TranscriptError, Utterance, parse_labelled_text
from qualbridge.tasks.ingest.turns import ParseError, Turn

# Speakers the study's map does not name (a Zoom display name, a visitor) keep no label.
UNMAPPED_ROLE = "other"
SUPPORTED_SUFFIXES = (".txt", ".docx", ".vtt", ".srt", ".textgrid")
# Every error a parser raises for a bad file; their messages never quote the file's text.
SOURCE_ERRORS = (SourceError, TranscriptError, ParseError, TextGridError)


@dataclass(frozen=True)
class TimedTurn:
    """A turn with its speaker label, as every parser yields."""

    speaker: str
    text: str


def turns_to_utterances(
    turns: list[Turn] | list[TimedTurn], speakers: dict[str, str]
) -> list[Utterance]:
    """Number the non-empty turns and map labels to roles (case-insensitive)."""
    roles = {label.casefold(): role for label, role in speakers.items()}
    kept = [t for t in turns if t.text.strip()]
    if not kept:
        raise ParseError("no speaker turns found")
    return [
        Utterance(i, roles.get(t.speaker.strip().casefold(), UNMAPPED_ROLE), t.text.strip())
        for i, t in enumerate(kept)
    ]


def parse_source(
    data: bytes, suffix: str, speakers: dict[str, str], limits: IngestLimits = DEFAULT_LIMITS
) -> list[Utterance]:
    """Utterances of a file's bytes, by its suffix; raises one of SOURCE_ERRORS if unusable."""
    suffix = suffix.casefold()
    labels = list(speakers)
    if suffix in (".txt", ".text"):
        text = decode_text(data)
        if any(len(line) > limits.max_line_chars for line in text.split("\n")):
            raise ParseError(
                f"a line is longer than the limit of {limits.max_line_chars} characters"
            )
        return parse_labelled_text(text, speakers)
    if suffix == ".docx":
        return turns_to_utterances(parse_docx(data, known_labels=labels, limits=limits), speakers)
    if suffix in (".vtt", ".srt"):
        return turns_to_utterances(
            parse_subtitles(to_text(data), known_labels=labels, limits=limits).turns, speakers
        )
    if suffix == ".textgrid":
        merged = timeline(parse_textgrid(to_text(data)))
        return turns_to_utterances([TimedTurn(u.speaker, u.text) for u in merged], speakers)
    raise SourceError(
        f"unsupported file type '{suffix}' (supported: {', '.join(SUPPORTED_SUFFIXES)})"
    )
