"""The one speaker-label grammar: split a transcript line into label, timestamp and text.

Every format with `Label: text` lines (.txt, .docx paragraphs, subtitles, REFI-QDA text sources)
uses LabelMatcher, so a label means the same thing in every file a study sends.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from qualbridge.tasks.ingest.timestamps import parse_clock

_CLOCK = r"(?:\d{1,3}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
# Unbracketed times need hours, so that "10:30 we left" stays text.
_FULL_CLOCK = r"\d{1,3}:\d{2}:\d{2}(?:[.,]\d{1,3})?"
# A label word: a letter, then letters, digits and name punctuation ("Dr.", "O'Neil").
_FIRST_WORD = r"[^\W\d_][\w'’.\-]{0,29}"
_NEXT_WORD = r"[\w'’.\-]{1,30}"


def _timestamp(name: str) -> str:
    """A bracketed, parenthesised or bare timestamp whose value lands in group name1/2/3."""
    return (
        rf"(?:\[\s*(?P<{name}1>{_CLOCK})\s*\]"
        rf"|\(\s*(?P<{name}2>{_CLOCK})\s*\)"
        rf"|(?P<{name}3>{_FULL_CLOCK})(?![\d:.,]))"
    )


def _line_pattern(label: str, after_colon: str) -> str:
    return (
        rf"^(?:{_timestamp('a')}\s*(?:[-–—]\s*)?)?"
        rf"(?P<label>{label})"
        rf"\s*(?:{_timestamp('b')}\s*)?"
        rf":{after_colon}"
        rf"(?:{_timestamp('c')}\s*(?:[-–—]\s*)?)?"
        r"(?P<text>.*)$"
    )


_CONSERVATIVE = re.compile(
    _line_pattern(rf"{_FIRST_WORD}(?: {_NEXT_WORD}){{0,2}}", after_colon=r"(?:\s+|$)")
)
_BRACKETED_LEAD = re.compile(
    rf"^(?:\[\s*(?P<a1>{_CLOCK})\s*\]|\(\s*(?P<a2>{_CLOCK})\s*\))\s*(?P<text>.*)$"
)
_BARE_ONLY = re.compile(rf"^(?P<a3>{_FULL_CLOCK})$")


@dataclass(frozen=True)
class LabelledLine:
    """A stripped line: its speaker label (None if it has none), timestamp and text.

    `offset` is where `text` starts in the line as given (before stripping).
    """

    label: str | None
    start_s: float | None
    text: str
    offset: int = 0


def _is_label(label: str) -> bool:
    """Every word of a conservative label is capitalised or a number ("Participant 3")."""
    return all(word[0].isupper() or word.isdigit() for word in label.split(" "))


def _start(match: re.Match[str]) -> float | None:
    for group in ("a1", "a2", "a3", "b1", "b2", "b3", "c1", "c2", "c3"):
        value = match.groupdict().get(group)
        if value:
            return parse_clock(value)
    return None


def _text(match: re.Match[str], lead: int) -> tuple[str, int]:
    """The match's text group, stripped, and where it starts in the unstripped line."""
    raw = match["text"] or ""
    return raw.strip(), lead + match.start("text") + len(raw) - len(raw.lstrip())


class LabelMatcher:
    """Finds speaker labels: the study's known labels first, else 1-3 capitalised words or a code.

    A label the study does not know still opens a turn (its speaker becomes role `other`), so an
    unexpected speaker's words are never folded into someone else's turn.
    """

    def __init__(self, known_labels: Collection[str] | None = None) -> None:
        cleaned = {label.strip().rstrip(":").strip() for label in known_labels or ()}
        labels = sorted(label for label in cleaned if label)
        labels.sort(key=len)
        if known_labels is not None and not labels:
            raise ValueError("known_labels is empty")
        self._known: re.Pattern[str] | None = None
        if labels:
            # Longest first, so "Dr Khan" wins over "Dr"; the label must end at a word boundary.
            alternatives = "|".join(re.escape(label) for label in reversed(labels))
            self._known = re.compile(
                _line_pattern(rf"(?:{alternatives})(?!\w)", after_colon=r"\s*"), re.IGNORECASE
            )

    def split(self, line: str) -> LabelledLine:
        """Split one line; raises ValueError for a timestamp with minutes or seconds over 59."""
        stripped = line.strip()
        lead = len(line) - len(line.lstrip())
        match = self._known.match(stripped) if self._known else None
        if match is None:
            match = _CONSERVATIVE.match(stripped)
            match = match if match and _is_label(match["label"]) else None
        if match:
            return LabelledLine(match["label"], _start(match), *_text(match, lead))
        found = _BRACKETED_LEAD.match(stripped) or _BARE_ONLY.match(stripped)
        if found and "text" in found.groupdict():
            return LabelledLine(None, _start(found), *_text(found, lead))
        if found:
            return LabelledLine(None, _start(found), "", lead + len(stripped))
        return LabelledLine(None, None, stripped, lead)
