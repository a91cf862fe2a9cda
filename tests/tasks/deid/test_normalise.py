"""The normalised view: invisible characters out, NFKC, offsets mapped back to the original."""

from __future__ import annotations

import re
import unicodedata

import pytest

from qualbridge.schemas.config import DeidConfig
from qualbridge.tasks.deid import Deidentifier
from qualbridge.tasks.deid.normalise import (
    is_format_char,
    normalised_view,
    strip_format_chars,
    to_original,
)
from tests.conftest import TEST_KEY

# Invisible characters a reader never sees: format characters (Cf) and the other
# default-ignorable code points; visible marks and letters beside them.
INVISIBLE = [
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u202e", "\u2066", "\u061c",
    "\u180e", "\U000e0041", "\u034f", "\ufe0f", "\u3164", "\u115f", "\uffa0", "\u17b4",
]  # fmt: skip
VISIBLE = ["a", " ", "\u0301", "\u00e9", "\u2019", "\ue000", "\u2800", "\u0410"]


@pytest.mark.parametrize(("ch", "invisible"), [(c, True) for c in INVISIBLE] +
                         [(c, False) for c in VISIBLE])  # fmt: skip
def test_invisible_characters_are_recognised(ch, invisible):
    assert is_format_char(ch) is invisible


@pytest.mark.parametrize(
    ("text", "view"),
    [
        ("Maria Kowalska", "Maria Kowalska"),
        ("Maria Kowa\u200blska", "Maria Kowalska"),
        ("\u202eMaria\u202c Kowa\u034flska", "Maria Kowalska"),
        ("\uff2d\uff41\uff52\uff49\uff41 x", "Maria x"),  # full-width letters, NFKC
        ("caf\u00e9 \ufb01ne", "caf\u00e9 fine"),  # a ligature becomes two letters
    ],
)
def test_view_drops_invisibles_and_maps_back(text, view):
    seen, origin = normalised_view(text)
    assert seen == view and len(origin) == len(seen) + 1
    assert all(ch in unicodedata.normalize("NFKC", text[origin[i]]) for i, ch in enumerate(seen))
    start, end = to_original(origin, 0, len(seen))
    assert strip_format_chars(text[:start]) == "" and strip_format_chars(text[end:]) == ""


@pytest.fixture(scope="module")
def engine() -> Deidentifier:
    return Deidentifier(DeidConfig(), TEST_KEY.encode())


@pytest.mark.parametrize("ch", INVISIBLE)
def test_an_invisible_character_neither_hides_a_name_nor_survives_release(engine, ch):
    plain, hidden = engine.deidentify(
        ["Maria Kowalska is my sister.", f"Maria Kowa{ch}lska is my sister."]
    )
    assert hidden.text == plain.text  # same pseudonym: one person, one value
    assert not any(is_format_char(c) for c in hidden.text)
    [name] = [d for d in hidden.detections if d.entity_type == "PERSON"]
    original = f"Maria Kowa{ch}lska is my sister."
    assert original[name.start : name.end] == f"Maria Kowa{ch}lska"  # offsets into the original


def test_invisible_characters_outside_identifiers_are_stripped_too(engine):
    [result] = engine.deidentify(["we\u200b went \u2066home\u2069 early\ufe0f"])
    assert result.text == "we went home early"


@pytest.mark.parametrize(
    ("text", "view"),
    [
        ("4111\u20131111\u20131111\u20131111", "4111-1111-1111-1111"),  # en dashes
        ("0161\u2011496\u20110000", "0161-496-0000"),  # non-breaking hyphens
        ("07700\u00a0900\u202f123", "07700 900 123"),  # no-break and narrow spaces
        ("\u0664\u0668\u0665 \u0967\u0968", "485 12"),  # Arabic-Indic and Devanagari digits
        ("O\u2019Brien\u2018s", "O'Brien's"),  # typographic apostrophes
        ("\u201cquoted\u201d", "\u201cquoted\u201d"),  # double quotes are not apostrophes
        ("ring O77OO 9OO 461", "ring 07700 900 461"),  # the letter O typed for zero
        ("room 4o4", "room 404"),
        ("Oooh, NO 10 and GO1", "Oooh, NO 10 and GO1"),  # words and codes keep their Os
    ],
)
def test_view_reads_dashes_spaces_digits_and_apostrophes_as_ascii(text, view):
    seen, origin = normalised_view(text)
    assert seen == view and len(origin) == len(seen) + 1


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("My card number is 4111\u20131111\u20131111\u20131111.", "4111"),
        ("Ring 0161\u2011496\u20110000 for the clinic.", "496"),
        ("Ring 0161\u2012496\u20120000 for the clinic.", "0000"),  # figure dashes
        ("My number is 07700\u202f900\u202f123 yeah.", "900"),
        ("My number is O77OO 9OO 123 yeah.", "123"),  # the letter O typed for zero
    ],
)
def test_numbers_joined_by_unicode_dashes_or_spaces_are_masked_whole(engine, text, digits):
    [result] = engine.deidentify([text])
    unmasked = re.sub(r"\[[A-Z_]+-[0-9a-f]+\]", "", result.text)
    assert digits not in unmasked and not any(c.isdigit() for c in unmasked)


@pytest.mark.parametrize(
    ("text", "view"),
    [
        ("Dr \u0410nna Kowalsk\u0456", "Dr Anna Kowalski"),  # Cyrillic A and i in Latin words
        ("\u0392\u03bfb Sm\u0456th", "Bob Smith"),  # Greek capital beta and omicron
        ("\u041c\u043e\u0441\u043a\u0432\u0430 and \u0391\u03b8\u03ae\u03bd\u03b1", None),
    ],
)
def test_look_alike_letters_inside_latin_words_are_read_as_latin(text, view):
    seen, origin = normalised_view(text)
    assert seen == (text if view is None else view)  # all-Cyrillic or all-Greek words are kept
    assert len(origin) == len(seen) + 1


def test_a_name_spelt_with_look_alike_letters_gets_the_plain_spelling_pseudonym(engine):
    plain, look_alike = engine.deidentify(
        ["My sister Rosalind Fairweather came.", "My sister Ros\u0430lind Fairw\u0435ather came."]
    )
    assert "Ros" not in look_alike.text and look_alike.text == plain.text
