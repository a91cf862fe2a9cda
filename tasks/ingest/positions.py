"""Map code-point positions from a source's text as stored to the normalised text ingest uses."""

from __future__ import annotations

import unicodedata

from tasks.ingest.turns import ParseError


def _lf_endings(raw: str) -> tuple[str, list[int]]:
    """CRLF and lone CR become LF; offsets[i] is where raw position i lands (len(raw)+1 long)."""
    out: list[str] = []
    offsets: list[int] = []
    length = 0
    for index, char in enumerate(raw):
        offsets.append(length)
        if char == "\r" and raw[index + 1 : index + 2] == "\n":
            continue  # the CR of a CRLF lands where its LF does
        out.append("\n" if char == "\r" else char)
        length += 1
    offsets.append(length)
    return "".join(out), offsets


def _nfc(text: str) -> tuple[str, list[int]]:
    """NFC text and where each position lands (inside a composed run: the run's start)."""
    if unicodedata.is_normalized("NFC", text):
        return text, list(range(len(text) + 1))
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


def normalise_with_offsets(raw: str) -> tuple[str, list[int]]:
    """LF line endings and NFC, as ingest reads every text; offsets map raw positions into it."""
    lf_text, lf_offsets = _lf_endings(raw)
    text, nfc_offsets = _nfc(lf_text)
    return text, [nfc_offsets[offset] for offset in lf_offsets]
