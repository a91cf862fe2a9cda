"""Spoken dates and ages: the 'value' group of the date and age patterns, as speech says them."""

from __future__ import annotations

import re

import pytest

from qualbridge.tasks.deid.age_patterns import AGE_PATTERNS
from qualbridge.tasks.deid.date_patterns import DATE_PATTERNS


def _values(patterns: list[tuple[str, float]], text: str) -> set[str]:
    return {m.group("value") for p, _ in patterns for m in re.finditer(p, text)}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("i went last tuesday the 5th with her", "tuesday the 5th"),
        ("it was Friday the thirteenth, of all days", "Friday the thirteenth"),
        ("born on the twenty third of the fourth eighty five",
         "the twenty third of the fourth eighty five"),
        ("I was born in eighty-five, so", "eighty-five"),
        ("I was born in '85 in Leeds", "'85"),
        ("we split up christmas two thousand and eight", "christmas two thousand and eight"),
        ("that was march twenty twenty-one", "march twenty twenty-one"),
        ("the third of march, I think", "the third of march"),
        ("date of birth third of march eighty five", "third of march eighty five"),
    ],
)  # fmt: skip
def test_spoken_dates_are_found_whole(text, value):
    assert value in _values(DATE_PATTERNS, text)


@pytest.mark.parametrize(
    "text",
    [
        "it was the first of the month",
        "on the second of the two options",
        "every tuesday we go",
        "born in a small village",
        "at christmas we went away",
    ],
)
def test_relative_and_generic_times_are_not_dates(text):
    assert not _values(DATE_PATTERNS, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I'm coming up to fifty now", "fifty"),
        ("he'd be forty now if he'd lived", "forty"),
        ("she's pushing seventy and still works", "seventy"),
        ("she's eighty-two and lives alone", "eighty-two"),
        ("I'm in my late forties", "late forties"),
        ("Twenty six, OK. And how can I help you?", "Twenty six"),
        ("when I hit fifty-eight it all changed", "fifty-eight"),
        ("she's sixty eight years of age", "sixty eight years of age"),
        ("he was a lad of nineteen then", "nineteen"),
    ],
)
def test_spoken_ages_are_found(text, value):
    assert value in _values(AGE_PATTERNS, text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm coming up to the end of it",
        "he'd be one of them, I suppose",
        "I'm about 5 foot 6",
        "she's going on holiday",
        "Fifteen minutes, OK, then we stop.",
        "Ten milligrams, OK.",
        "I hit 20 out of 30 on the test",
        "she reached 50 percent",
        "a man of two minds",
    ],
)
def test_phrases_like_ages_are_not_ages(text):
    assert not _values(AGE_PATTERNS, text)
