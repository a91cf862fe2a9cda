"""Map code-point positions from a source's text as stored to the normalised text ingest uses."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass

from qualbridge.tasks.ingest.turns import ParseError


@dataclass(frozen=True)
class PositionMap:
    """Where each position 0..len(raw) of the stored text lands in the normalised text."""

    raw_length: int
    dropped: list[int]  # the CR of each CRLF, in order: it lands where its LF does
    nfc: list[int] | None = None  # positions after line-ending normalisation -> after NFC

    def __len__(self) -> int:
        return self.raw_length + 1

    def __getitem__(self, position: int) -> int:
        if position < 0:
            position += len(self)
        if not 0 <= position < len(self):
            raise IndexError(position)
        moved = position - bisect_left(self.dropped, position)
        return moved if self.nfc is None else self.nfc[moved]


def _nfc(text: str) -> tuple[str, list[int] | None]:
    """NFC text and where each position lands (inside a composed run: the run's start)."""
    if unicodedata.is_normalized("NFC", text):
        return text, None
    runs: list[tuple[int, int]] = []
    start = 0
    for index in range(1, len(text)):
        if unicodedata.combining(text[index]) == 0:
            runs.append((start, index))
            start = index
    runs.append((start, len(text)))
    pieces: list[str] = []
    offsets = [0] * (len(text) + 1)
    length = 0
    for first, end in runs:
        piece = unicodedata.normalize("NFC", text[first:end])
        same_length = len(piece) == end - first
        for index in range(first, end):
            offsets[index] = length + (index - first if same_length else 0)
        pieces.append(piece)
        length += len(piece)
    offsets[len(text)] = length
    normalised = "".join(pieces)
    if normalised != unicodedata.normalize("NFC", text):
        raise ParseError("text composes across characters (cannot map coding positions)")
    return normalised, offsets


def normalise_with_offsets(raw: str) -> tuple[str, PositionMap]:
    """LF line endings and NFC, as ingest reads every text, and where raw positions land."""
    dropped = [match.start() for match in re.finditer("\r\n", raw)]
    text, nfc = _nfc(raw.replace("\r\n", "\n").replace("\r", "\n"))
    return text, PositionMap(len(raw), dropped, nfc)
