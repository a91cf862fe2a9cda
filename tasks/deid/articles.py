"""A 'the' said as part of a body's or place's name joins it: 'at the Hollies day service',
'on the Lincoln Estate'. Readers and annotators take the article with the name, and a mask
that leaves it adds nothing a reader needs."""

from __future__ import annotations

import re
from dataclasses import replace

from qualbridge.tasks.deid.filters import Detection

# Types whose names are said with 'the'.
ARTICLE_TYPES = frozenset({"ORGANIZATION", "LOCATION"})
_THE_BEFORE = re.compile(r"(?i)\bthe[ \t]+$")


def with_articles(detections: list[Detection], text: str) -> list[Detection]:
    """Each organisation or place detection grown over a 'the' right before it."""
    out = []
    for d in detections:
        the = _THE_BEFORE.search(text, max(0, d.start - 5), d.start)
        out.append(replace(d, start=the.start()) if d.entity_type in ARTICLE_TYPES and the else d)
    return out
