"""Utterances: numbered turns whose speaker labels are mapped to the study's roles."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from qualbridge.tasks.ingest.limits import DEFAULT_LIMITS, IngestLimits
from qualbridge.tasks.ingest.plain_text import parse_plain_text
from qualbridge.tasks.ingest.turns import ParseError, Turn

# Speakers the study's map does not name (a Zoom display name, a visitor, the one speaker of a
# transcript without labels) keep no label.
UNMAPPED_ROLE = "other"


@dataclass(frozen=True, slots=True)
class Utterance:
    """One speaker turn: its order, the speaker's role, and its raw text (never persisted)."""

    seq: int
    speaker_role: str
    text: str


def turns_to_utterances(turns: Sequence[Turn], speakers: dict[str, str]) -> list[Utterance]:
    """Number the non-empty turns and map labels to roles (case-insensitive); others: `other`."""
    roles = {label.casefold(): role for label, role in speakers.items()}
    kept = [t for t in turns if t.text.strip()]
    if not kept:
        raise ParseError("no speaker turns found")
    return [
        Utterance(i, roles.get(t.speaker.strip().casefold(), UNMAPPED_ROLE), t.text.strip())
        for i, t in enumerate(kept)
    ]


def parse_labelled_text(
    text: str, speakers: dict[str, str], limits: IngestLimits = DEFAULT_LIMITS
) -> list[Utterance]:
    """Utterances of `Label: text` lines, labels mapped to the study's roles."""
    return turns_to_utterances(parse_plain_text(text, list(speakers), limits=limits), speakers)
