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
# A question put about someone: an auxiliary, the name, then the verb it goes with ('Would Rose
# be alright with us mentioning her?', 'Did Hope ever come back?').
_SEASONS = frozenset({"spring", "summer", "autumn", "winter"})
_ASKED_ABOUT = re.compile(
    r"\b(?:Would|Did|Does|Do|Is|Was|Has|Had|Will|Can|Could|Should|Shall|Might)\s+"
    r"(?P<name>[A-Z][a-z]{2,})\s+(?=(?:be|ever|still|really|come|go|get|ring|call|say|know|want"
    r"|mind|feel|like|have|tell|see|visit|stay|live|work)\b)"
)


def find_word_names_as_subjects(text: str, names: Container[str]) -> Iterator[tuple[int, int]]:
    """Each listed first name capitalised inside a sentence, after a word in lower case or a
    dash, and before the verb it is the subject of; or asked about after an auxiliary."""
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
    for m in _ASKED_ABOUT.finditer(text):
        word = m.group("name").casefold()
        if word in names and word not in _SEASONS:  # 'Could Summer come sooner?'
            yield m.span("name")
