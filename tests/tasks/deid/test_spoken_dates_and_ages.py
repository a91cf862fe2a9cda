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
        # Ages as posts type them.
        ("I (24F) finally got my diagnosis", "24F"),
        ("My (19 m) mum keeps reading my journal", "19 m"),
        ("I'm 24F and tired", "24F"),
        ("19f from brum, anyone else on sertraline", "19f"),
        ("34m, uk, long time lurker", "34m"),
        ("my 8yo asked who Queen were", "8yo"),
        ("rewatching it as a 34 y/o with no kids", "34 y/o"),
        ("My son Kwabena (9) was diagnosed this week", "9"),
        ("Young carer here (15). School is hard", "15"),
        ("Gráinne's twenty-one and she's repeating the year", "twenty-one"),
        ("I had a young woman, Chloe, nineteen, who I found", "nineteen"),
        ("a woman who's fifty-three and has had anorexia", "fifty-three"),
        ("Int: How old were you the first time? P: Thirteen. Maybe twelve.", "Thirteen"),
        ("and she's sixty-something now", "sixty-something"),
        ("My mum, Lau Mei-Ling, eighty-six. She ran a takeaway", "eighty-six"),
        ("i'm thirty-one, been using since sixteen, started at a party", "sixteen"),
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
        "the video got 5M views",
        "the shop is 20m away from here",  # a distance
        "they paid £25m, and more",
        "see chapter (9) of the guide",
        "It's twenty-five and that's the price.",
        "we've lived here since nineteen ninety",
        "In Leeds, nineteen, twenty people came.",
    ],
)
def test_phrases_like_ages_are_not_ages(text):
    assert not _values(AGE_PATTERNS, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("it was back in twenty nineteen when it started", "twenty nineteen"),
        ("i was born nineteen eighty two", "nineteen eighty two"),
        ("twenty twenty one was hard", "twenty twenty one"),
        ("the appointment is on the fourteenth.", "the fourteenth"),
        ("she came on the third and we talked", "the third"),
        ("i finish on the 23rd of this month", "the 23rd"),
        ("hes on the ward since the twenty ninth", "the twenty ninth"),
        ("meetup at the leisure centre on 22/03 if anyone's about", "22/03"),
        ("its the sixteenth not the ninth because of the holiday", "the sixteenth"),
        ("its the sixteenth not the ninth because of the holiday", "the ninth"),
    ],
)
def test_years_in_full_and_days_said_alone_are_dates(text, value):
    assert value in _values(DATE_PATTERNS, text)


@pytest.mark.parametrize(
    "text",
    [
        "we live on the fourth floor",
        "on the second attempt it worked",
        "we had nineteen twenty pound notes",
        "there were twenty nineteen runners",
        "nineteen, twenty, twenty one, they counted",
        "I rated it 3/10 on the day",
        "that's the third I've had this week",
        "it's the fourth time this year",
        "from 1.5 to 2.5 mg",
    ],
)
def test_floors_counts_and_sequences_are_not_dates(text):
    assert not _values(DATE_PATTERNS, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # The engine packs consecutive turns with a line holding a full stop between them.
        ("How old are you?\n.\nTwenty six.", "Twenty six"),
        ("And how old are you? Um, about sixty, yeah.", "sixty"),
        ("What's your age?\n.\nI'm, uh, forty two", "forty two"),
        ("How old is your daughter? She's about nine I think.", "nine"),
        ("I am seven, twenty seven.", "twenty seven"),
        ("roughly about fifty years old, fifty one, fifty one years old", "fifty one"),
        ("She's ninety, ninety one now.", "ninety one"),
        ("I'm forty, forty and a half.", "forty and a half"),
        ("I'm, uh, twenty, twenty three.", "twenty three"),
        ("I've got two kids, they're four and six.", "four"),
        ("I've got two kids, they're four and six.", "six"),
    ],
)
def test_answers_to_an_age_question_and_corrected_ages_are_ages(text, value):
    assert value in _values(AGE_PATTERNS, text)


@pytest.mark.parametrize(
    "text",
    [
        "How old are you? I've got three kids.",
        "the midwife said that's normal at thirty weeks",
        "they're two and a half hours away",
        "they were one and two miles apart",
        "How old are you?\n.\nSorry, two minutes and I'll be back.",
        "How old is the house?\n.\nFifty years or so.",
        "I am one, two, three steps behind",
        "What's the time?\n.\nTwenty past.",
    ],
)
def test_other_answers_and_counts_are_not_ages(text):
    assert not _values(AGE_PATTERNS, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "date of birth, one two, oh eight, nineteen fifty eight",
            "one two, oh eight, nineteen fifty eight",
        ),
        ("Can I take your date of birth?\n.\nFourteen, three, eighty.", "Fourteen, three, eighty"),
        ("Date of birth? Eleventh, eleventh, sixty.", "Eleventh, eleventh, sixty"),
        ("DOB is 14 03 80", "14 03 80"),
        ("Um the 3rd of the 5th 1980.", "the 3rd of the 5th 1980"),
        # A leading 'oh' on the day or the month makes numbers a date without a cue.
        ("It's uh, oh five, oh six, eighty seven.", "oh five, oh six, eighty seven"),
        ("twelve, oh three, ninety", "twelve, oh three, ninety"),
    ],
)
def test_dates_read_out_as_numbers_after_a_birth_date_cue_are_dates(text, value):
    assert value in _values(DATE_PATTERNS, text)


@pytest.mark.parametrize(
    "text",
    [
        "What's your date of birth? One sec, let me think.",
        "My birthday is in two weeks.",
        "Date of birth is on the form, one copy.",
        "It's fourteen or fifteen of them.",
        "It's twelve, three, ninety of them.",  # no 'oh': counts, not a date
    ],
)
def test_other_numbers_near_a_birth_date_cue_are_not_dates(text):
    assert not _values(DATE_PATTERNS, text)
