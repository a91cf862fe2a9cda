"""Street types of many countries, from Faker's address providers (a maintained lexicon).

Three kinds: types glued to the end of the name ('Vesterbrogade', 'Forsterstrasse'), types
written as a word before the name ('rue', 'ulica', 'Praça'), and types written as a word
after it ('Petőfi utca', 'Aleševa ulica'). English street types are the speech family's.
"""

from __future__ import annotations

import importlib
import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from qualbridge.tasks.deid.wordlists import load_word_list

GLUED_LOCALES = ("de_DE", "de_AT", "de_CH", "nl_NL", "nl_BE", "da_DK", "sv_SE", "no_NO", "fi_FI")
PREFIX_LOCALES = ("fr_FR", "fr_CA", "pl_PL", "es_ES", "pt_PT", "ro_RO")
# Italian lists its types, written before the name, as street suffixes.
ITALIAN = ("it_IT",)
# Central European locales list the word types before the name as their street suffixes.
TYPE_WORD_LOCALES = ("cs_CZ", "sk_SK", "hr_HR")
AFTER_LOCALES = ("hu_HU",)
_WORD = re.compile(r"[^\W\d_]{2,}")


def _words(locales: tuple[str, ...], attrs: tuple[str, ...]) -> frozenset[str]:
    found: set[str] = set()
    for locale in locales:
        provider = importlib.import_module(f"faker.providers.address.{locale}").Provider
        for attr in attrs:
            values = getattr(provider, attr, None) or ()
            found.update(str(v).strip().lower() for v in values)
    return frozenset(w for w in found if _WORD.fullmatch(w) and w not in STOP_WORDS)


def _long(words: frozenset[str]) -> frozenset[str]:
    return frozenset(w for w in words if len(w) > 2)


def types_from_faker() -> dict[str, frozenset[str]]:
    """Street types by where they are written, from Faker's address providers.

    The shipped files hold these (a test keeps them in sync), so start-up never imports Faker.
    """
    return {
        "glued": _long(_words(GLUED_LOCALES, ("street_suffixes", "street_suffixes_short")))
        - {"street"},
        "before": _long(
            _words(PREFIX_LOCALES, ("street_prefixes",))
            | _words(ITALIAN, ("street_suffixes",))
            | _words(TYPE_WORD_LOCALES, ("street_suffixes_long", "street_suffixes_short"))
        ),
        "after": _words(AFTER_LOCALES, ("street_suffixes",))
        | _words(TYPE_WORD_LOCALES, ("street_suffixes_long",)),
    }


def _shipped(position: str) -> frozenset[str]:
    return load_word_list(f"street_types_{position}.txt")


@lru_cache(maxsize=1)
def glued_types() -> frozenset[str]:
    """Types written as the end of the street's one word ('gade', 'straße', 'vägen')."""
    return _shipped("glued")


@lru_cache(maxsize=1)
def before_types() -> frozenset[str]:
    """Types written as a word before the street's name, in any listed country."""
    romance = {w.casefold() for w in load_word_list("street_prefixes.txt")}
    return _shipped("before") | romance


@lru_cache(maxsize=1)
def after_types() -> frozenset[str]:
    """Types written as a word after the street's name ('utca', 'ulica', 'cesta')."""
    return _shipped("after")


def alternation(words: frozenset[str]) -> str:
    """A regex alternation of the words, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
