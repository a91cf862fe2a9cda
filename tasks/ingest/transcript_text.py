"""Parse plain-text transcripts with speaker labels into utterances."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A label is one to three capitalised words before a colon: "Interviewer:", "P1:", "Dr Khan:".
_LABELLED_LINE = re.compile(r"^\s*([A-Z][\w'\-]*(?: [A-Z0-9][\w'\-]*){0,2})\s*:\s+(.*)$")


@dataclass(frozen=True, slots=True)
class Utterance:
    """One speaker turn: its order, the speaker's role, and its raw text (never persisted)."""

    seq: int
    speaker_role: str
    text: str


class TranscriptError(ValueError):
    """A transcript that does not follow its study's format; names the line, never its text."""


def parse_labelled_text(text: str, speakers: dict[str, str]) -> list[Utterance]:
    """Split 'Label: text' lines into utterances; unlabelled lines continue the previous turn."""
    roles = {label.casefold(): role for label, role in speakers.items()}
    known_label = re.compile(
        r"^\s*(" + "|".join(re.escape(label) for label in speakers) + r")\s*:\s*(.*)$",
        re.IGNORECASE,
    )
    turns: list[tuple[str, list[str]]] = []
    for line_no, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        known = known_label.match(line)
        if known:
            turns.append((roles[known.group(1).casefold()], [known.group(2).strip()]))
        elif _LABELLED_LINE.match(line):
            raise TranscriptError(
                f"line {line_no}: speaker label not in the study's speakers map "
                f"(expected one of {sorted(speakers)})"
            )
        elif turns:
            turns[-1][1].append(line.strip())
        else:
            raise TranscriptError(f"line {line_no}: text before the first speaker label")
    if not turns:
        raise TranscriptError("no speaker turns found")
    return [
        Utterance(seq=i, speaker_role=role, text=" ".join(parts))
        for i, (role, parts) in enumerate(turns)
    ]
