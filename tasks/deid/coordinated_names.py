"""First names listed beside a found name: 'was george with Carmen', 'jen, ginny and Ola'.

A found person makes a listed first name joined to it by 'and', '&', 'with', 'or' or a comma
a person too, in any case; a first name that is also a verb, adjective or adverb ('rose',
'will') counts only capitalised, and so does a word no dictionary knows ('Leroy and Min-jun').
A name said after 'aka' or 'also known as' is the same person's ('Trev aka T-Bone').
Greetings, address words and chat words never do.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from qualbridge.tasks.deid.filters import Detection
from qualbridge.tasks.deid.recasing import RELATIONS, Vocabulary
from qualbridge.tasks.deid.social import is_chat_word

COORDINATED_RECOGNIZER = "CoordinatedNameRecognizer"
COORDINATED_SCORE = 0.5
_JOIN = r"[^\S\n]*(?:,|&|\band\b|\bwith\b|\bor\b)[^\S\n]*"
_AKA = re.compile(r"(?i)[^\S\n]*,?[^\S\n]+(?:aka|a\.k\.a\.?|also\s+known\s+as)[^\S\n]+")
_NAME = r"[^\W\d_][\w'’-]*"
_AFTER = re.compile(rf"{_JOIN}(?P<name>{_NAME})")
# A name of one or two words after 'aka', in any case: 'T-Bone', 'big mick'.
_NAME_RUN = re.compile(rf"{_NAME}(?:[^\S\n]+[A-Z][\w'’-]*)?")
_BEFORE = re.compile(rf"(?<![\w'’@#-])(?P<name>{_NAME}){_JOIN}$")
_SHORTEST_CUT = 3
_ADDRESS_WORDS = frozenset("man mate dude bro sis guys girl babe baby honey love".split())


@lru_cache(maxsize=2)
def _shortened_names(first_names: frozenset[str]) -> frozenset[str]:
    """Every first name cut short to three letters or more: 'des', 'desm', 'desmo'."""
    return frozenset(
        name[:size]
        for name in first_names
        for size in range(_SHORTEST_CUT, len(name))
        if name.isalpha()
    )


def _is_first_name(word: str, vocabulary: Vocabulary) -> bool:
    """A listed first name, no stop, chat or address word; in lower case no verb, adjective
    or adverb ('will', 'rose')."""
    folded = word.casefold()
    if folded in STOP_WORDS or folded in _ADDRESS_WORDS or is_chat_word(folded):
        return False
    if word[:1].isupper():
        # 'Grace' as well as 'Megan', a word no dictionary knows ('Shaz', 'Min-jun'), and a
        # name cut short, as nicknames are ('Des', 'Rich' for 'Desmond', 'Richard')
        return (
            folded in vocabulary.all_first_names
            or vocabulary.is_unknown(folded)
            or (
                folded not in RELATIONS
                and folded not in vocabulary.everyday  # 'Paddy, God rest him'
                and folded in _shortened_names(vocabulary.first_names)
            )
        )
    if folded not in vocabulary.first_names:
        return False
    return folded not in vocabulary.non_nouns and folded not in vocabulary.adjectives


def coordinated_names(
    detections: Sequence[Detection], text: str, vocabulary: Vocabulary
) -> Iterator[Detection]:
    """Listed first names joined to a found person, right after or right before it."""
    for found in detections:
        # A word no list knows may be found as a place ('Trev'): 'aka' says it is a person.
        aka = _AKA.match(text, found.end) if found.entity_type in ("PERSON", "LOCATION") else None
        if aka and (name := _NAME_RUN.match(text, aka.end())):
            yield Detection(*name.span(), "PERSON", COORDINATED_SCORE, COORDINATED_RECOGNIZER)
        if found.entity_type != "PERSON":
            continue
        after = _AFTER.match(text, found.end)
        before = _BEFORE.search(text, max(0, found.start - 40), found.start)
        for match in (after, before):
            if match and _is_first_name(match.group("name"), vocabulary):
                start, end = match.span("name")
                yield Detection(start, end, "PERSON", COORDINATED_SCORE, COORDINATED_RECOGNIZER)
