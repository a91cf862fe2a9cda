"""What a reader sees is what the detector sees: format characters out, NFKC, offsets kept.

Zero-width spaces and joiners, soft hyphens and bidi overrides (Unicode category Cf), and the
other default-ignorable code points (variation selectors, the combining grapheme joiner, Hangul
fillers) render as nothing, yet split a name into pieces no recognizer knows, or give one
person two pseudonyms. The detector reads a view without them, each view character mapped back
to the original text. Dashes, spaces, quotes and digits of other scripts are read as their ASCII
forms too: a card number joined by en dashes or a phone number by non-breaking hyphens is the
same number to a reader, and must be to every recognizer. So is a number typed with the letter O
for zero ('O77OO 9OO 461').
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right

# Unicode's Default_Ignorable_Code_Point ranges (DerivedCoreProperties.txt) outside category
# Cf: marks and letters that a renderer draws as nothing.
_IGNORABLE_RANGES = (
    (0x034F, 0x034F), (0x115F, 0x1160), (0x17B4, 0x17B5), (0x180B, 0x180F),
    (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
)  # fmt: skip
_RANGE_STARTS = [start for start, _ in _IGNORABLE_RANGES]
# Unicode categories read as one ASCII character: dashes, spaces, and the quote marks that stand
# for an apostrophe ("O’Brien", "Jade’s").
_FOLDED_CATEGORIES = {"Pd": "-", "Zs": " "}
# Cyrillic and Greek letters drawn like Latin ones (Unicode TR39 confusables, one letter to one):
# read as Latin only inside a word that has Latin letters too, so Russian or Greek text is kept.
_LATIN_LOOKALIKES = str.maketrans(
    "\u0410\u0412\u0415\u041a\u041c\u041d\u041e\u0420\u0421\u0422\u0425\u0423"
    "\u0430\u0435\u043e\u0440\u0441\u0443\u0445\u0456\u0406\u0458\u0408\u0455\u0405"
    "\u0501\u051b\u051d\u04bb\u04cf"
    "\u0391\u0392\u0395\u0396\u0397\u0399\u039a\u039c\u039d\u039f\u03a1\u03a4\u03a5"
    "\u03a7\u03bf\u03bd",
    "ABEKMHOPCTXYaeopcyxiIjJsSdqwhlABEZHIKMNOPTYXov",
)
_WORD = re.compile(r"[^\W\d_]+")
# A run of digits with the letter O among them: the O is a zero ('O77OO', '9OO').
_DIGITS_WITH_OS = re.compile(r"(?<![^\W\d_])(?=[0-9Oo]*[Oo])[0-9Oo]*[0-9][0-9Oo]*(?![^\W\d_])")
_FOLDED_QUOTES = {"\u2018": "'", "\u2019": "'", "\u201b": "'", "\u02bc": "'", "\u2032": "'"}


def is_format_char(ch: str) -> bool:
    """Invisible: format characters (zero-width, bidi controls, soft hyphen) and the rest of
    Unicode's default-ignorable code points."""
    if unicodedata.category(ch) == "Cf":
        return True
    index = bisect_right(_RANGE_STARTS, ord(ch)) - 1
    return index >= 0 and ord(ch) <= _IGNORABLE_RANGES[index][1]


def normalised_view(text: str) -> tuple[str, list[int]]:
    """(view, origin) where view[i] came from text[origin[i]]; origin has one extra end entry."""
    if text.isascii():
        return _zeros_for_os(text), list(range(len(text) + 1))
    parts: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(text):
        if is_format_char(ch):
            continue
        out = ascii_form(ch) if not ch.isascii() else ch
        parts.append(out)
        origin.extend([index] * len(out))
    origin.append(len(text))
    return _zeros_for_os(_WORD.sub(_latin_if_mixed, "".join(parts))), origin


def _zeros_for_os(view: str) -> str:
    """Every letter O inside a run of digits read as the zero it stands for."""
    if "o" not in view and "O" not in view:
        return view
    return _DIGITS_WITH_OS.sub(lambda m: m.group().replace("O", "0").replace("o", "0"), view)


def _latin_if_mixed(match: re.Match[str]) -> str:
    """A word mixing Latin letters with look-alikes of other scripts, read as all Latin."""
    word = match.group()
    latin = word.translate(_LATIN_LOOKALIKES)
    if latin == word or not any("a" <= c.lower() <= "z" for c in word):
        return word
    return latin


def ascii_form(ch: str) -> str:
    """One non-ASCII character as the detector reads it: NFKC, then dashes, spaces, apostrophes
    and decimal digits of any script folded to ASCII."""
    out = unicodedata.normalize("NFKC", ch)
    if len(out) != 1:
        return out
    category = unicodedata.category(out)
    if category in _FOLDED_CATEGORIES:
        return _FOLDED_CATEGORIES[category]
    if category == "Nd":
        return str(unicodedata.digit(out))
    return _FOLDED_QUOTES.get(out, out)


def reading(text: str) -> str:
    """The text as the detector reads it: one spelling for every way of writing the same value."""
    return normalised_view(text)[0]


def to_original(origin: list[int], start: int, end: int) -> tuple[int, int]:
    """A view span as the span of the original characters it came from."""
    if end <= start:
        return origin[start], origin[start]
    return origin[start], origin[end - 1] + 1


def strip_format_chars(text: str) -> str:
    """The text without invisible formatting characters."""
    return text if text.isascii() else "".join(ch for ch in text if not is_format_char(ch))
