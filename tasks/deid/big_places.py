"""Big places named in any case after a place cue: 'moved to amsterdam', 'from the usa'.

Posts type countries, US states, big cities and their short names ('nyc', 'vegas') in lower
case, where the tagger, reading capitals, misses them. A big place that is also an everyday
word other than a noun ('nice', 'reading') counts only in capitals.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from qualbridge.tasks.deid.recasing import Vocabulary
from qualbridge.tasks.deid.wordlists import load_word_list

PLACE_SCORE = 0.6
MAX_WORDS = 4
# A place cue and an optional 'the': 'live in', 'from', 'moved to', 'visiting', 'leaving',
# 'all over'.
_CUE = re.compile(
    r"(?i)\b(?:in|from|to|visit(?:ed|ing|s)?|leav(?:e|es|ing)|near|around|outside|across|over)"
    r"\s+(?P<the>the\s+)?"
)
# Places of one word said with 'the' ('the usa'); after 'the' any other one word is a thing
# ('in the van', 'to the reunion': Van and Reunion are places too).
_TAKES_THE = frozenset(
    "usa u.s. u.s.a. uk u.k. uae netherlands philippines bahamas gambia maldives seychelles "
    "congo vatican bay".split()
)
# Places that are everyday nouns in lower case ('a bimbo', 'guinea pigs', 'for sale').
_NOUNS_IN_LOWER_CASE = frozenset(
    "van bimbo batman sale pest honcho warder reunion carrefour tamale mesa guinea".split()
)
_WORDS = re.compile(r"[^\W_][\w.'’-]*")
# Between two places said one after the other: a space or a comma, on the same line.
_JOINT = re.compile(r"[ \t]*,?[ \t]+")


@lru_cache(maxsize=1)
def big_place_names() -> frozenset[str]:
    """Countries, US states, cities of 300,000+ and their short names, lower case."""
    return load_word_list("big_places.txt") | load_word_list("place_nicknames.txt")


def _everyday(phrase: str, vocabulary: Vocabulary) -> bool:
    """One word that is also a verb, adjective or adverb ('nice', 'reading')."""
    return " " not in phrase and (phrase in vocabulary.non_nouns or phrase in vocabulary.adjectives)


def _listed(phrase: str) -> str | None:
    """The phrase as listed, with or without a last full stop ('u.s.' and 'usa.'), or None."""
    for key in (phrase, phrase.rstrip(".")):
        if key.casefold() in big_place_names():
            return key
    return None


def _counts(key: str, after_the: bool, vocabulary: Vocabulary) -> bool:
    """A listed phrase after a cue is a place: several words, or one word in capitals, or one
    lower-case word that is no everyday word (and takes 'the' if it follows one)."""
    word = key.casefold()
    if " " in word:
        return True
    if after_the and word not in _TAKES_THE:
        return False
    if key[:1].isupper():
        return True
    return word not in _NOUNS_IN_LOWER_CASE and not _everyday(word, vocabulary)


def find_big_places(text: str, vocabulary: Vocabulary) -> Iterator[tuple[int, int]]:
    """Offsets of listed big places right after a place cue, longest first, and of the places
    said straight after one ('from zimbabwe bulawayo', 'in Kingston, Jamaica')."""
    for cue in _CUE.finditer(text):
        start, after_the = cue.end(), cue.group("the") is not None
        while (end := _place_at(text, start, after_the, vocabulary)) is not None:
            yield start, end
            joint = _JOINT.match(text, end)
            if joint is None:
                break
            start, after_the = joint.end(), False


# A capitalised place said as a sentence of its own: '31 F here. Vancouver. Anyone on ...'.
_ALONE = re.compile(
    r"(?:^|[.!?][ \t]+|\n)(?P<place>[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})(?=[.!?](?:\s|$))"
)


def find_places_alone(text: str, vocabulary: Vocabulary) -> Iterator[tuple[int, int]]:
    """Offsets of listed big places written as a sentence of their own, capitalised."""
    for m in _ALONE.finditer(text):
        key = _listed(m.group("place"))
        if key is not None and not _everyday(key.casefold(), vocabulary):
            yield m.span("place")


def _place_at(text: str, start: int, after_the: bool, vocabulary: Vocabulary) -> int | None:
    """The end of the longest listed big place that starts at `start` and counts, or None."""
    words = list(_WORDS.finditer(text, start, start + 60))[:MAX_WORDS]
    for n in range(len(words), 0, -1):
        key = _listed(text[start : words[n - 1].end()])
        if key and _counts(key, after_the, vocabulary):
            return start + len(key)
    return None
