"""Labelled text split into utterances that remember where each piece sat in the source text."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from qualbridge.tasks.ingest.limits import DEFAULT_LIMITS, IngestLimits
from qualbridge.tasks.ingest.plain_text import labelled_turns, numbered_lines
from qualbridge.tasks.ingest.transcript_text import Utterance, turns_to_utterances


@dataclass(frozen=True, slots=True)
class Segment:
    """Source text [start, end) is utterance seq's text from utterance_start on."""

    seq: int
    start: int
    end: int
    utterance_start: int


def segment_labelled_text(
    text: str, speakers: dict[str, str], limits: IngestLimits = DEFAULT_LIMITS
) -> tuple[list[Utterance], list[Segment]]:
    """The utterances parse_labelled_text gives, plus where each of their pieces came from."""
    turns = labelled_turns(numbered_lines(text), list(speakers), limits)
    utterances = turns_to_utterances([turn.turn() for turn in turns], speakers)
    segments: list[Segment] = []
    for seq, turn in enumerate(turns):
        position = 0
        for offset, piece in turn.pieces:
            segments.append(Segment(seq, offset, offset + len(piece), position))
            position += len(piece) + 1  # pieces are joined with one space
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
