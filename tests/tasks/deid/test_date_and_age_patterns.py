"""Dates of birth read out, years written short, and 'coming up' ages."""

from __future__ import annotations

import pytest

from tests.helpers.coverage import masked, touched


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("my date of birth is nine oh eight two", "nine oh eight two"),
        ("Born thirteen one one eighty-eight.", "thirteen one one eighty-eight"),
        (
            "Date of birth twenty-one, five, nineteen ninety-eight.",
            "twenty-one, five, nineteen ninety-eight",
        ),
        ("Back in '42 I had my first episode.", "'42"),
        ("in '12 we lost my dad", "'12"),
        ("Back in eighty-two I had my first episode.", "eighty-two"),
        ("In ninety-four we lost my dad.", "ninety-four"),
        ("Date of birth, twenty-one double one sixteen.", "twenty-one double one sixteen"),
        ("Born five, seven, two thousand and sixteen.", "five, seven, two thousand and sixteen"),
        ("He's coming up ninety-two.", "ninety-two"),
        ("she's coming up thirty", "thirty"),
        ("my son's eighteen and my daughter's fifty-six", "fifty-six"),
        ("I'm about six.", "six"),
        ("I'm sixty, sixty one next month.", "sixty one"),
        ("She'd be about seventy-odd.", "seventy-odd"),
        ("He was born in the October of eighty-six.", "October of eighty-six"),
        ("he was born in ninety eight", "ninety eight"),
        ("she's eight, and she loves it", "eight"),
        ("I'm two, I live at eighty-five Mafeking Mews.", "two"),
        ("our Jade's only seven", "seven"),
        ("Kyle's nearly fourteen now.", "fourteen"),
    ],
)
def test_spoken_birth_dates_short_years_and_ages_are_found(speech_engine, text, value):
    assert masked(speech_engine, text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I was born on the third floor.", "third"),
        ("born one of three kids", "one of three"),
        ("It's coming up ten o'clock.", "ten"),
        ("She's coming up two weeks late.", "two"),
        ("I was in the '90s band.", "'90s"),
        ("I'll be back in ten minutes.", "ten"),
        ("In ten years I'll be retired.", "ten"),
        ("We're five now in the house.", "five"),
        ("I'm sixty, twenty minutes away.", "twenty"),
        ("I'm nine and a half stone.", "nine"),
        ("I'm two minutes away.", "two"),
        ("It was sixty odd years ago.", "sixty"),
        ("I am seven, twenty seven.", "seven"),
        ("It's only seven.", "seven"),
        ("Let's say seven.", "seven"),
        ("That's seven.", "seven"),
    ],
)
def test_counts_floors_and_times_are_not_dates_or_ages(speech_engine, text, value):
    assert not touched(speech_engine, text, value)
