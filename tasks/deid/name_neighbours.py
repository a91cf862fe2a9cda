"""A found name takes in the words that are plainly more of it.

- A first name said just before it, in any case, or a word no dictionary knows:
  'then violet [Mason] took over', 'then gwenllian [Parry-Jones]'.
- A name particle between two of its parts: '[Aoife] ni [Bhriain]'.
- After a name typed in lower case, a lower-case word that names no action or quality, as
  speech recognisers write a surname: '[torquil] macleod and um'.
- A capitalised place or organisation guess just after a capitalised name: 'Ffion Carver', where
  the model took the surname for the town; or after a capitalised first name that nothing
  found: 'AMBER RUSK', 'Amber Rusk'.
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence
from dataclasses import replace
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from qualbridge.tasks.deid.big_places import big_place_names
from qualbridge.tasks.deid.filters import Detection, merge_overlaps
from qualbridge.tasks.deid.gazetteers import first_names, uk_places
from qualbridge.tasks.deid.recasing import PLACE_CUES, lower_set
from qualbridge.tasks.deid.wordlists import load_word_list

NAME_TYPE = "PERSON"
# Types a word list or the model guesses from a word alone; a name's neighbour outranks them.
GUESSED_TYPES = frozenset({"LOCATION", "ORGANIZATION", "NRP"})
PARTICLES = frozenset(
    "ni nic mac mc ui van von der den de da di del della dos das du le la al el bin ap ab".split()
)
# Words that speak of a name, never one: 'adebayo surname ogunleye'.
NAME_WORDS = frozenset(
    "name names surname surnames nickname initial initials spelt spelled".split()
)
# A plain word (letters, perhaps hyphenated), never a contraction such as "I'm".
_WORD_BEFORE = re.compile(r"(?<![\w'’])(?P<word>[^\W\d_]+(?:-[^\W\d_]+)*)(?P<gap>[ \t]+)$")
# After a name, a surname may open with a letter and an apostrophe: "liam o'dowd", "d'souza".
_WORD_AFTER = re.compile(r"[ \t]+(?P<word>(?:[^\W\d_]['’])?[^\W\d_]+(?:-[^\W\d_]+)*)(?![\w'’])")
_TITLE_WORD = re.compile(r"[A-Z][a-z'’\-]+")


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    """First names in any case, minus stop words: 'will', 'may' stay words."""
    names = lower_set(first_names()) | lower_set(load_word_list("faker_first_names_en_all.txt"))
    names |= lower_set(load_word_list("word_first_names.txt"))
    return frozenset(n for n in names if len(n) >= 3 and n not in STOP_WORDS)


@lru_cache(maxsize=1)
def _spoken_words() -> frozenset[str]:
    """Interjections, chat words and contractions written without their apostrophe ('shes'),
    which no dictionary lists but no name is either."""
    return (
        load_word_list("interjections.txt")
        | load_word_list("chat_words.txt")
        | load_word_list("everyday_unlisted_words.txt")
    )


def with_name_neighbours(
    texts: Sequence[str],
    detections: Sequence[Sequence[Detection]],
    everyday: Container[str],
    describing: Container[str],
) -> list[list[Detection]]:
    """Each text's detections, every name grown over its neighbours; `everyday` holds the
    dictionary's words, `describing` its verbs, adjectives and adverbs."""
    return [
        join_name_neighbours(t, d, everyday, describing)
        for t, d in zip(texts, detections, strict=True)
    ]


def join_name_neighbours(
    text: str,
    detections: Sequence[Detection],
    everyday: Container[str],
    describing: Container[str] = frozenset(),
) -> list[Detection]:
    """The detections, each name grown over the first name, particle or guessed surname
    beside it."""
    dets = sorted(detections, key=lambda d: d.start)
    grown: list[Detection] = []
    for det in dets:
        if det.entity_type == NAME_TYPE:
            det = _with_first_name(text, det, everyday, grown[-1] if grown else None)
            det = _with_typed_surname(text, det, describing)
            if grown and _particle_between(text, grown[-1], det):
                det = replace(det, start=grown.pop().start)
        elif grown and _guessed_surname(text, grown[-1], det):
            det = replace(grown.pop(), end=det.end)
        elif det.entity_type in GUESSED_TYPES:
            det = _named_by_first_name(text, det, grown[-1] if grown else None)
        grown.append(det)
    return grown if len(grown) == len(dets) and grown == dets else merge_overlaps(grown)


def _with_first_name(
    text: str, name: Detection, everyday: Container[str], before: Detection | None
) -> Detection:
    m = _WORD_BEFORE.search(text, 0, name.start)
    if m is None:
        return name
    if before is not None and before.end > m.start() and before.entity_type != NAME_TYPE:
        return name  # the word is a place or number found already: 'in [Leeds] [Mason]'
    word = m.group("word").casefold()
    unknown = (
        len(word) >= 3
        and word not in STOP_WORDS
        and word not in everyday
        and word not in _spoken_words()
    )
    # The start of the name said first, as people restart: 'gill gillian shaw'.
    restart = len(word) >= 3 and text[name.start : name.end].casefold().startswith(word)
    # A first name that is a stop word, capitalised before a capitalised name: 'Will Brookes'.
    titled = _capitalised(m.group("word")) and _capitalised(text[name.start : name.end])
    stop_name = titled and word in STOP_WORDS and word in load_word_list("word_first_names.txt")
    if word not in _first_names() and not unknown and not restart and not stop_name:
        return name
    # 'she said sunny had': a verb typed in lower case is the verb, though 'Said' is a name
    if m.group("word").islower() and word in load_word_list("verb_forms.txt"):
        return name
    return replace(name, start=m.start("word"))


def _with_typed_surname(text: str, name: Detection, describing: Container[str]) -> Detection:
    value = text[name.start : name.end]
    if not value.islower() or " " in value.strip():
        return name
    m = _WORD_AFTER.match(text, name.end)
    if m is None:
        return name
    word = m.group("word")
    folded = word.casefold()
    if (
        not word.islower()
        or len(word) < 3
        or folded in STOP_WORDS
        or folded in describing
        or folded in _spoken_words()
        or folded in NAME_WORDS
    ):
        return name
    return replace(name, end=m.end("word"))


def _named_by_first_name(text: str, guess: Detection, before: Detection | None) -> Detection:
    m = _WORD_BEFORE.search(text, 0, guess.start)
    if m is None or m.group("gap") != " " or (before is not None and before.end > m.start()):
        return guess
    word, value = m.group("word"), text[guess.start : guess.end]
    if not (_capitalised(word) and _capitalised(value) and " " not in value):
        return guess
    if word.casefold() not in _first_names() or _known_place(value):
        return guess  # 'to Chelsea London' is two places
    cue = _WORD_BEFORE.search(text, 0, m.start())
    if cue is not None and cue.group("word").casefold() in PLACE_CUES:
        return guess
    return replace(guess, start=m.start("word"), entity_type=NAME_TYPE)


def _known_place(value: str) -> bool:
    return value.casefold() in _places()


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """Big places of the world and UK towns, lower case: a place guess that is surely one."""
    return big_place_names() | lower_set(uk_places())


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and (word[1:].islower() or word.isupper())


def _particle_between(text: str, before: Detection, name: Detection) -> bool:
    if before.entity_type != NAME_TYPE:
        return False
    gap = text[before.end : name.start].split()
    return len(gap) == 1 and gap[0].casefold() in PARTICLES and text[before.end] == " "


def _guessed_surname(text: str, name: Detection, guess: Detection) -> bool:
    return (
        name.entity_type == NAME_TYPE
        and guess.entity_type in GUESSED_TYPES
        and text[name.end : guess.start] == " "
        and _TITLE_WORD.fullmatch(text[guess.start : guess.end]) is not None
        and _TITLE_WORD.fullmatch(text[name.start : name.end].split()[-1]) is not None
    )
