"""What a reader sees is what the detector sees: format characters out, NFKC, offsets kept.

Zero-width spaces and joiners, soft hyphens and bidi overrides (Unicode category Cf) render
as nothing, yet split a name into pieces no recognizer knows. The detector reads a view
without them, each view character mapped back to the original text.
"""

from __future__ import annotations

import unicodedata


def is_format_char(ch: str) -> bool:
    """Invisible formatting: zero-width characters, bidi controls, soft hyphen (category Cf)."""
    return unicodedata.category(ch) == "Cf"


def normalised_view(text: str) -> tuple[str, list[int]]:
    """(view, origin) where view[i] came from text[origin[i]]; origin has one extra end entry."""
    if text.isascii():
        return text, list(range(len(text) + 1))
    parts: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(text):
        if is_format_char(ch):
            continue
        out = unicodedata.normalize("NFKC", ch) if not ch.isascii() else ch
        parts.append(out)
        origin.extend([index] * len(out))
    origin.append(len(text))
    return "".join(parts), origin


def to_original(origin: list[int], start: int, end: int) -> tuple[int, int]:
    """A view span as the span of the original characters it came from."""
    if end <= start:
        return origin[start], origin[start]
    return origin[start], origin[end - 1] + 1


def strip_format_chars(text: str) -> str:
    """The text without invisible formatting characters."""
    return text if text.isascii() else "".join(ch for ch in text if not is_format_char(ch))
