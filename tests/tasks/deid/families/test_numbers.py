"""Harmless numbers: a unit or amount after a number, however far into the text it is."""

from __future__ import annotations

import pytest

from qualbridge.tasks.deid.families.numbers import (
    DigitRunRecognizer,
    cued_code_recognizer,
    is_harmless,
)


@pytest.mark.parametrize(
    ("text", "value", "harmless"),
    [
        ("I walk about 123456 steps a day", "123456", True),
        ("we had 3 kids in tralee 12 years ago", "12", True),
        ("the rate went 123456% up", "123456", True),
        ("she takes 100000mg of it", "100000", True),
        ("it cost $250000 in the end", "250000", True),
        ("call me on 123456 now", "123456", False),
        ("my pin is 123456 gold card", "123456", False),  # 'g' only as a whole unit
        ("the number is 987654 please", "987654", False),
        ("my ref is AA 7731 0925 K", "7731 0925", False),  # a letter of the reference, not 'k'
    ],
)
def test_units_after_a_number_anywhere_in_the_text(text: str, value: str, harmless: bool) -> None:
    start = text.index(value)
    assert is_harmless(text, start, start + len(value)) is harmless


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("it's 0 7 8 4 5, 3 3 2, 9 1 0 yeah", "0 7 8 4 5, 3 3 2, 9 1 0"),
        ("my number is 4 8 5, 7 7 7, 3 4 5 6", "4 8 5, 7 7 7, 3 4 5 6"),
        ("call 07845 332910", "07845 332910"),
        ("it's 485.777.3456", "485.777.3456"),
        ("rooms 101, 102, 103 were full", None),  # a list of numbers, not one said digit by digit
        ("I paid 120,000 for it", None),
        ("scores of 1, 2 and 3", None),
        # Capitals set apart are the reference's own letters; 'I' and 'A' are words.
        ("my ref is AA 7731 0925 K if that helps", "AA 7731 0925 K"),
        ("it was 07700 900461 I think", "07700 900461"),
    ],
)
def test_long_digit_runs_are_found_however_the_pauses_are_written(
    text: str, found: str | None
) -> None:
    results = DigitRunRecognizer().analyze(text, ["ID_NUMBER"])
    assert [text[r.start : r.end] for r in results] == ([found] if found else [])


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("my badge number, LCC 27741, I've still got it", "LCC 27741"),
        ("the door pin is 4829 if you get there first", "4829"),  # spoken labels share the list
        ("participant code P-0093 and i came from", "P-0093"),
        ("the hospital number is RX1 2345 on the letter", "RX1 2345"),
        ("case number 48213 please", "48213"),
        ("room number 4 on the left", None),
        ("the reference was 2019-2020", None),  # a range, not a reference
        ("order number 12 pounds", None),
        ("my step number 12000 steps a day", None),  # an amount of a unit
    ],
)
def test_codes_after_the_word_that_labels_them(text: str, found: str | None) -> None:
    results = cued_code_recognizer().analyze(text, ["ID_NUMBER"])
    assert [text[r.start : r.end] for r in results] == ([found] if found else [])
