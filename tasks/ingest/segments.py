"""Labelled text split into utterances that remember where each piece sat in the source text."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from qualbridge.tasks.ingest.transcript_text import (
    _LABELLED_LINE,
    TranscriptError,
    Utterance,
)


@dataclass(frozen=True, slots=True)
class Segment:
    """Source text [start, end) is utterance seq's text from utterance_start on."""

    seq: int
    start: int
    end: int
    utterance_start: int


def segment_labelled_text(
    text: str, speakers: dict[str, str]
) -> tuple[list[Utterance], list[Segment]]:
    """The utterances parse_labelled_text gives, plus where each of their pieces came from."""
    roles = {label.casefold(): role for label, role in speakers.items()}
    known_label = re.compile(
        r"^\s*(" + "|".join(re.escape(label) for label in speakers) + r")\s*:\s*(.*)$",
        re.IGNORECASE,
    )
    turns: list[tuple[str, list[tuple[int, str]]]] = []
    line_start = 0
    for line_no, line in enumerate(text.split("\n"), start=1):
        start, line_start = line_start, line_start + len(line) + 1
        if not line.strip():
            continue
        known = known_label.match(line)
        if known:
            body = known.group(2)
            offset = start + known.start(2) + len(body) - len(body.lstrip())
            turns.append((roles[known.group(1).casefold()], [(offset, body.strip())]))
        elif _LABELLED_LINE.match(line):
            raise TranscriptError(
                f"line {line_no}: speaker label not in the study's speakers map "
                f"(expected one of {sorted(speakers)})"
            )
        elif turns:
            offset = start + len(line) - len(line.lstrip())
            turns[-1][1].append((offset, line.strip()))
        else:
            raise TranscriptError(f"line {line_no}: text before the first speaker label")
    if not turns:
        raise TranscriptError("no speaker turns found")
    utterances: list[Utterance] = []
    segments: list[Segment] = []
    for seq, (role, parts) in enumerate(turns):
        position = 0
        for offset, part in parts:
            if part:
                segments.append(Segment(seq, offset, offset + len(part), position))
            position += len(part) + 1  # parts are joined with one space
        utterances.append(Utterance(seq, role, " ".join(part for _, part in parts)))
    return utterances, segments


def spans_per_utterance(
    start: int, end: int, segments: list[Segment], ends: list[int] | None = None
) -> dict[int, tuple[int, int]]:
    """A source span [start, end) as one span per utterance it touches (utterance offsets).

    Segments are in source order; pass `ends` ([s.end for s in segments]) when mapping many
    spans, so each lookup is a bisection.
    """
    ends = [segment.end for segment in segments] if ends is None else ends
    found: dict[int, tuple[int, int]] = {}
    for index in range(bisect_right(ends, start), len(segments)):
        segment = segments[index]
        if segment.start >= end:
            break
        first, last = max(start, segment.start), min(end, segment.end)
        if first >= last:
            continue
        span = (
            segment.utterance_start + first - segment.start,
            segment.utterance_start + last - segment.start,
        )
        previous = found.get(segment.seq)
        found[segment.seq] = (
            span if previous is None else (min(previous[0], span[0]), max(previous[1], span[1]))
        )
    return found
