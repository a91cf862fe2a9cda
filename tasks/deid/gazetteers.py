"""Name and place lists that let the engine catch what a small NER model misses."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from qualbridge.tasks.deid.nlp import Dictionary
from qualbridge.tasks.deid.recasing import Vocabulary, lower_set
from qualbridge.tasks.deid.wordlists import load_word_list

# Names and places that are also everyday words; left to NER and context rules instead.
AMBIGUOUS_WORDS = load_word_list("ambiguous_words.txt")


def _names(value: object) -> Iterable[str]:
    if isinstance(value, dict):
        return value.keys()
    if isinstance(value, list | tuple | set | frozenset):
        return value
    return ()


def _usable(name: str) -> bool:
    core = name.replace("'", "").replace("-", "")
    return (
        len(name) >= 3
        and core.isascii()
        and core.isalpha()
        and name[0].isupper()
        and name.casefold() not in STOP_WORDS
        and name.casefold() not in AMBIGUOUS_WORDS
    )


FIRST_NAME_ATTRS = ("first_names", "first_names_female", "first_names_male")


# The three name sets, built from Faker once and shipped (start-up reads a file instead of
# importing every locale); a test keeps each file equal to what Faker gives.
NAME_FILES = {
    ((*FIRST_NAME_ATTRS, "last_names"), "", True): "faker_person_names.txt",
    (FIRST_NAME_ATTRS, "en_", True): "faker_first_names_en.txt",
    (FIRST_NAME_ATTRS, "en_", False): "faker_first_names_en_all.txt",
}


@lru_cache(maxsize=4)
def _faker_names(
    attrs: tuple[str, ...], locale_prefix: str = "", filtered: bool = True
) -> frozenset[str]:
    shipped = NAME_FILES.get((attrs, locale_prefix, filtered))
    if shipped is not None:
        return load_word_list(shipped)
    return names_from_faker(attrs, locale_prefix, filtered)


def names_from_faker(
    attrs: tuple[str, ...], locale_prefix: str = "", filtered: bool = True
) -> frozenset[str]:
    """Names of Faker's person providers whose locale starts with the prefix."""
    import faker.providers.person  # a third of a second: only when a shipped list is rebuilt

    found: set[str] = set()
    for module in pkgutil.iter_modules(faker.providers.person.__path__):
        if not module.name.startswith(locale_prefix):
            continue
        try:
            provider = importlib.import_module(f"faker.providers.person.{module.name}").Provider
        except (ImportError, AttributeError):
            continue
        for attr in attrs:
            names = _names(getattr(provider, attr, None))
            found.update(n for n in names if _usable(n) or (not filtered and n.isalpha()))
    return frozenset(found)


def person_names() -> frozenset[str]:
    """First and last names from every Latin-script locale Faker ships (MIT licensed)."""
    return _faker_names((*FIRST_NAME_ATTRS, "last_names"))


def first_names() -> frozenset[str]:
    """First names of English-speaking locales: the list used for names written in lower case."""
    return _faker_names(FIRST_NAME_ATTRS, "en_")


@lru_cache(maxsize=1)
def uk_places() -> frozenset[str]:
    """UK populated places (GeoNames), minus everyday words."""
    return frozenset(p for p in load_word_list("uk_places.txt") if " " in p or _usable(p))


@lru_cache(maxsize=1)
def world_places() -> frozenset[str]:
    """Towns of 5,000+ residents, countries and US states worldwide (GeoNames), as lookup keys."""
    return load_word_list("world_places.txt")


@lru_cache(maxsize=1)
def world_first_names() -> frozenset[str]:
    """First names common in some country of the world (names-dataset, MIT licence), minus
    chat and stop words: 'oksana', 'kiran', 'rav', not 'lol'; the file holds no dictionary word."""
    spoken = (
        load_word_list("chat_words.txt")
        | load_word_list("interjections.txt")
        | load_word_list("everyday_unlisted_words.txt")
        | load_word_list("medicines_and_conditions.txt")
    )
    return frozenset(
        name
        for name in load_word_list("world_first_names.txt")
        if name not in spoken and name not in STOP_WORDS
    )


def vocabulary(dictionary: Dictionary, non_nouns: Dictionary, adjectives: Dictionary) -> Vocabulary:
    """The word lists of the recaser and the unknown-word rule, all lower case."""
    return Vocabulary(
        first_names=lower_set(first_names()) - AMBIGUOUS_WORDS,
        all_first_names=lower_set(_faker_names(FIRST_NAME_ATTRS, "en_", filtered=False))
        | world_first_names(),
        surnames=lower_set(person_names()) - AMBIGUOUS_WORDS,
        places=lower_set(uk_places()),
        employers=lower_set(load_word_list("uk_employers.txt")),
        dictionary=dictionary,
        non_nouns=non_nouns,
        adjectives=adjectives,
        all_places=lower_set(load_word_list("uk_places.txt")),
        everyday=lower_set(load_word_list("everyday_unlisted_words.txt"))
        | lower_set(load_word_list("domain_allow_list.txt"))
        | lower_set(load_word_list("medicines_and_conditions.txt")),
    )
