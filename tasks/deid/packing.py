"""Pack many short texts into few documents, so Presidio and spaCy run once per document.

Utterances are short; analysing each alone pays the analyser's fixed cost thousands of times
per transcript. Packed documents keep every text's offsets, and detections are mapped back
and clipped to the text they came from.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

# A full stop on a line of its own: a sentence break for NER, and a character no cue pattern's
# whitespace can cross, so "thanks" at the end of one turn never names the next turn's word.
SEPARATOR = "\n.\n"


@dataclass(frozen=True)
class Segment:
    """Where one text (or piece of a long text) sits in a document."""

    index: int  # which input text
    offset: int  # where the piece starts in that text
    start: int  # where the piece starts in the document
    length: int


@dataclass
class Document:
    """Several texts joined by SEPARATOR, with the map back to them."""

    parts: list[str] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    size: int = 0

    @property
    def text(self) -> str:
        """The packed text."""
        return SEPARATOR.join(self.parts)

    def add(self, index: int, offset: int, piece: str) -> None:
        """Append a piece of text number index that starts at offset in that text."""
        start = self.size + (len(SEPARATOR) if self.parts else 0)
        self.parts.append(piece)
        self.segments.append(Segment(index, offset, start, len(piece)))
        self.size = start + len(piece)

    def locate(self, start: int, end: int) -> Iterator[tuple[int, int, int]]:
        """(text index, start, end) of every piece a document span overlaps, clipped to it."""
        starts = [s.start for s in self.segments]
        position = max(bisect_right(starts, start) - 1, 0)
        for segment in self.segments[position:]:
            if segment.start >= end:
                break
            lo, hi = max(start, segment.start), min(end, segment.start + segment.length)
            if lo < hi:
                yield (
                    segment.index,
                    lo - segment.start + segment.offset,
                    hi - segment.start + segment.offset,
                )


def pack(pieces: Sequence[tuple[int, int, str]], max_chars: int) -> list[Document]:
    """Greedily fill documents of at most max_chars with (index, offset, piece) in order."""
    documents: list[Document] = []
    current = Document()
    for index, offset, piece in pieces:
        if current.parts and current.size + len(SEPARATOR) + len(piece) > max_chars:
            documents.append(current)
            current = Document()
        current.add(index, offset, piece)
    if current.parts:
        documents.append(current)
    return documents
