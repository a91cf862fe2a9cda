"""Ages said again, or as alternatives, right after a found age."""

from __future__ import annotations

import pytest

from qualbridge.tasks.deid.age_chains import with_restated_ages
from qualbridge.tasks.deid.filters import Detection


def _age(text: str, value: str) -> Detection:
    start = text.index(value)
    return Detection(start, start + len(value), "AGE", 0.6, "Test")


@pytest.mark.parametrize(
    ("text", "found", "ages"),
    [
        ("I'd be seven, eight maybe, then", "seven", ["seven", "eight"]),
        ("about nine or ten when", "nine", ["nine", "ten"]),
        ("like, twenty-five? Twenty-six? Younger", "twenty-five", ["twenty-five", "Twenty-six"]),
        ("I'm 52. Fifty-two years on this earth", "52", ["52", "Fifty-two years"]),
        ("kids, twelve, nine and four, and", "twelve", ["twelve", "nine", "four"]),
        ("in my sixties — sixty-three, since", "sixties", ["sixties", "sixty-three"]),
        # A count or a unit after the number: no age.
        ("I was 15, 16 people were there", "15", ["15"]),
        ("I was fifteen, two years later I left", "fifteen", ["fifteen"]),
        ("I'm sixty, twenty minutes away", "sixty", ["sixty"]),
        ("I was 30 and 2019 was", "30", ["30"]),
        ("I'm thirty-nine, forty in June, and", "thirty-nine", ["thirty-nine", "forty"]),
        ("I was 15, 16 in the house", "15", ["15"]),
    ],
)
def test_ages_said_right_after_an_age_are_ages(text, found, ages):
    out = with_restated_ages([_age(text, found)], text)
    assert [text[d.start : d.end] for d in out] == ages


def test_other_detections_are_left_as_they_are():
    text = "Leeds, 45, 46"
    place = Detection(0, 5, "LOCATION", 0.8, "Test")
    assert with_restated_ages([place], text) == [place]


@pytest.mark.parametrize(
    ("text", "name", "age"),
    [
        ("my little one ines is four shes at the ecole", "ines", "four"),
        ("and Dawn's seventy, now", "Dawn", "seventy"),
        ("Tom is one of them", "Tom", None),
        ("Tom was ten minutes late", "Tom", None),
        # Between commas or in brackets after the name, as posts give it.
        ("and Tyler, he's six in August", "Tyler", "six"),  # restated by a pronoun
        ("and Tyler, he's one of them", "Tyler", None),
        ("Chloe, 12, has been in the ward", "Chloe", "12"),
        ("Pacjent Tomasz W., 58; NIP 725", "Tomasz W", "58"),  # a note's field after it
        ("my dad (Fintan, 69) was moved", "Fintan", "69"),
        ("Chloe, 12 weeks pregnant", "Chloe", None),
        ("Chloe, 2019 was hard", "Chloe", None),
    ],
)
def test_a_persons_age_said_after_the_name(text, name, age):
    start = text.index(name)
    person = Detection(start, start + len(name), "PERSON", 0.8, "Test")
    ages = [
        text[d.start : d.end] for d in with_restated_ages([person], text) if d.entity_type == "AGE"
    ]
    assert ages == ([age] if age else [])
