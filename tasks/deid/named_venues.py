"""Venues named by everyday words, found by where they stand, in any case.

Speech names day centres, pubs, cafés and hostels by ordinary words with no head noun ('the
willows', 'the crown and anchor', 'the pantry'), and nothing in the words marks them. Where
they stand does: on a named street ('the pantry on stapleton road'), gone to on a day of the
week ('the copper kettle on a saturday'), in a named town ('the wellspring in bletchley'), two
things joined as pubs are named ('at the fox and hounds'), or whose place it is ('drink in
mulligan's every day'). A venue's words must not all be generic: everyday places, rooms and
times name no one ('the shop on ...', 'the match on a saturday', 'the kitchen and bathroom').
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from qualbridge.tasks.deid.big_places import big_place_names
from qualbridge.tasks.deid.date_patterns import WEEKDAY
from qualbridge.tasks.deid.gazetteers import world_places
from qualbridge.tasks.deid.organisations import FUNCTION_HEAD_WORDS, HEAD_WORDS
from qualbridge.tasks.deid.recasing import RELATIONS, Vocabulary
from qualbridge.tasks.deid.wordlists import generic_service_words, load_word_list

NAMED_VENUE_SCORE = 0.9
_WORD = r"[A-Za-z][\w'’\-]*"
# One to four words, 'and' may join them, 'the' never opens one: 'the night shelter the
# wayfarer' is tried at the second 'the'.
_VENUE_WORDS = rf"(?P<value>(?!(?i:the)\b){_WORD}(?:\s+(?:and\s+)?(?!(?i:the)\b){_WORD}){{0,3}}?)"
_STREET_WORDS = r"road|rd|street|st|lane|avenue|way|drive|parade|terrace|row|square|place|crescent"
_ON_A_STREET = re.compile(
    rf"(?i:\bthe\s+){_VENUE_WORDS}(?=\s+(?:on|off|in)\s+"
    rf"(?:(?!(?i:the|a|my|our|your|his|her|their)\b){_WORD}\s+){{1,2}}(?i:{_STREET_WORDS})\b)"
)
_GONE_TO_THE = r"(?i:\b(?:at|to|from|outside|down|into|past)\s+the\s+)"
_BY_DAY = re.compile(
    rf"{_GONE_TO_THE}{_VENUE_WORDS}(?=\s+(?i:on\s+(?:a\s+|the\s+(?:first|second|third|fourth"
    rf"|last)\s+)?{WEEKDAY}s?|every\s+(?:other\s+)?{WEEKDAY}s?)\b)"
)
_IN_TOWN = re.compile(rf"{_GONE_TO_THE}{_VENUE_WORDS}(?=\s+in\s+(?P<town>{_WORD}(?:\s+{_WORD})?))")
_PAIR_NAMED = re.compile(
    r"(?i:\b(?:at|to|in|outside|past|from|down|behind|opposite|near|by|into|round|up)\s+the\s+)"
    r"(?P<value>(?P<first>[a-z]{3,})\s+and\s+(?P<second>[a-z]{3,}))\b"
    # nothing it names comes after ('the fish and chip shop')
    r"(?=\s+(?:in|on|at|for|every|and|with|last|this|next|most|upstairs|downstairs|tonight"
    r"|when|but|so|till|until|pub|years?|before|after|again|once)\b|\s*[,.;!?]|\s*$)"
)
_WHOSE_PLACE = re.compile(
    r"(?i:\b(?:at|in|down|to|from|outside|into|round|inside)\s+)"
    r"(?P<value>(?P<owner>[a-z][\w\-]*(?:['’][a-z]+)?)['’]s)"
    r"(?=\s+(?i:every|on|last|for|after|before|and|at|in|with|till|until|tonight|today"
    r"|yesterday|most|again|once|twice|now)\b|\s*[,.;!?]|\s*$)"
)


@lru_cache(maxsize=1)
def everyday_places() -> frozenset[str]:
    """Places, rooms, times and kinds of place that name no one ('shop', 'kitchen', 'match')."""
    return load_word_list("everyday_places.txt")


def _plain(word: str) -> str:
    return word.casefold().replace("’", "'")


def _is_generic(word: str) -> bool:
    return word in everyday_places() or word in HEAD_WORDS or word in generic_service_words()


def _venue(m: re.Match[str], vocabulary: Vocabulary) -> bool:
    """No stop word but 'and', no person, and some word that is neither generic nor a
    describing word."""
    words = [_plain(w) for w in m.group("value").split()]
    if any(w in STOP_WORDS - {"and"} or w in RELATIONS for w in words):
        return False
    return any(w != "and" and not _is_generic(w) and w not in vocabulary.adjectives for w in words)


def _names_its_place(m: re.Match[str]) -> bool:
    """'the willows in lakenham', not 'the chicken factory in boston': a last word that is a
    kind of place only describes the venue."""
    last = _plain(m.group("value").split()[-1])
    return not (_is_generic(last) or last in FUNCTION_HEAD_WORDS)


def _town(words: str, vocabulary: Vocabulary) -> bool:
    """A listed place of one or two words, the first alone or both together."""
    return any(
        _plain(w) in vocabulary.all_places
        or _plain(w) in big_place_names()
        or _plain(w) in world_places()
        for w in (words, words.split()[0])
    )


def _pair(m: re.Match[str], vocabulary: Vocabulary) -> bool:
    """Two things a pub is named for: neither a stop, generic, person or describing word."""
    return all(
        w not in STOP_WORDS
        and not _is_generic(w)
        and w not in RELATIONS
        and w not in vocabulary.adjectives
        for w in (_plain(m.group("first")), _plain(m.group("second")))
    )


def _owner(m: re.Match[str], vocabulary: Vocabulary) -> bool:
    """Whose place it is names someone: a surname or a word no dictionary knows, no relation
    or kind of place ('at the doctor's', 'round mum's')."""
    owner = _plain(m.group("owner"))
    if owner in STOP_WORDS or owner in RELATIONS or owner in HEAD_WORDS:
        return False
    return owner in vocabulary.surnames or vocabulary.is_unknown(owner)


def find_named_venues(text: str, vocabulary: Vocabulary) -> list[tuple[int, int]]:
    """Offsets of every venue the places it stands in name."""
    spans = [
        m.span("value")
        for pattern in (_ON_A_STREET, _BY_DAY)
        for m in pattern.finditer(text)
        if _venue(m, vocabulary)
    ]
    spans += [
        m.span("value")
        for m in _IN_TOWN.finditer(text)
        if _venue(m, vocabulary) and _town(m.group("town"), vocabulary) and _names_its_place(m)
    ]
    spans += [m.span("value") for m in _PAIR_NAMED.finditer(text) if _pair(m, vocabulary)]
    return spans + [m.span("value") for m in _WHOSE_PLACE.finditer(text) if _owner(m, vocabulary)]
