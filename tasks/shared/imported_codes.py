"""Codings imported with the sources (REFI-QDA selections, label columns), moved onto the
de-identified text so each still covers the same words."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence

# (start, end) of an identifier in the original text and (start, end) of its replacement.
Replacement = tuple[int, int, int, int]
_NOT_ID = re.compile(r"[^a-z0-9]+")


def theme_id_for(code: str) -> str:
    """A study's code name as a theme id matching ^[a-z0-9_]+$ (crosswalks map it later)."""
    ascii_name = unicodedata.normalize("NFKD", code).encode("ascii", "ignore").decode()
    theme = _NOT_ID.sub("_", ascii_name.casefold()).strip("_")
    return theme or "code_" + hashlib.sha256(code.encode()).hexdigest()[:8]


def remap_start(position: int, replacements: Sequence[Replacement]) -> int:
    """Where a span starting at `position` starts in the de-identified text."""
    shift = 0
    for start, end, out_start, out_end in replacements:
        if start <= position < end:
            return out_start  # starts inside (or at) an identifier: cover all its replacement
        if end <= position:
            shift = out_end - end
    return position + shift


def remap_end(position: int, replacements: Sequence[Replacement]) -> int:
    """Where a span ending (exclusive) at `position` ends in the de-identified text."""
    shift = 0
    for start, end, _, out_end in replacements:
        if start < position <= end:
            return out_end  # ends inside (or at the end of) an identifier: cover all of it
        if end < position:
            shift = out_end - end
    return position + shift


def remap_span(start: int, end: int, replacements: Sequence[Replacement]) -> tuple[int, int]:
    """A span of the original text as the span of the same words in the de-identified text."""
    ordered = sorted(replacements)
    return remap_start(start, ordered), max(remap_end(end, ordered), remap_start(start, ordered))
