"""Split long texts into pieces at natural boundaries, keeping each piece's offset."""

from __future__ import annotations

import re

# Preferred cut points, best first: paragraph, line, sentence end, any whitespace.
_BOUNDARIES = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?]\s"), re.compile(r"\s"))


def split_text(text: str, max_chars: int) -> list[tuple[int, str]]:
    """(offset, piece) pairs covering text exactly; pieces end at the best boundary in reach."""
    pieces, start = [], 0
    while len(text) - start > max_chars:
        window = text[start : start + max_chars]
        cut = max_chars
        for boundary in _BOUNDARIES:
            ends = [m.end() for m in boundary.finditer(window, max_chars // 2)]
            if ends:
                cut = ends[-1]
                break
        pieces.append((start, text[start : start + cut]))
        start += cut
    pieces.append((start, text[start:]))
    return pieces
