"""A listed first name that is also an everyday word ('Grace', 'Hope', 'Will'), found on its
first mention by where it stands: capitalised inside a sentence and followed by the verb of
the clause it is the subject of ('for your research - Grace knows far more than me')."""

from __future__ import annotations

import re
from collections.abc import Container, Iterator

from qualbridge.tasks.deid.name_position import followed_as_subject

_CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,}\b")
# What comes before a word that opens a sentence, a quotation or a line.
_OPENERS = frozenset(".!?:\"“‘'(\n")


def find_word_names_as_subjects(text: str, names: Container[str]) -> Iterator[tuple[int, int]]:
    """Each listed first name capitalised inside a sentence, after a word in lower case or a
    dash, and before the verb it is the subject of."""
    for m in _CAPITALISED.finditer(text):
        if m.group().casefold() not in names or not followed_as_subject(text, m.end()):
            continue
        before = text[max(0, m.start() - 30) : m.start()].rstrip()
        if not before or before[-1] in _OPENERS:
            continue
        previous = before.split()[-1]
        # 'Amazing Grace was': a capitalised word before makes it part of a title
        if previous[:1].isupper() and previous.isalpha():
            continue
        yield m.span()
