"""Performers' names after a stage-name prefix: 'DJ Khaled', 'Lil Yachty', 'MC Hammer'.

The tagger often reads the prefix as a word and the name after it as anything but a person;
the prefix, in capitals or title case, and a capitalised word after it make a person's name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

STAGE_NAME_SCORE = 0.6
_CAPITALISED = r"[A-Z][\w'’.\-]*[\w]"
_STAGE_NAME = re.compile(
    rf"\b(?:DJ|Dj|MC|Mc(?=\s)|Lil|LIL|Lil['’])\s+{_CAPITALISED}(?:[^\S\n]+{_CAPITALISED})?"
)


def find_stage_names(text: str) -> Iterator[tuple[int, int]]:
    """Offsets of a stage-name prefix with the capitalised name after it."""
    for match in _STAGE_NAME.finditer(text):
        yield match.span()
