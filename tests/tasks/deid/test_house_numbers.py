"""A house number right before a street or place joins it as one address."""

from __future__ import annotations

import pytest

from qualbridge.tasks.deid.filters import Detection
from qualbridge.tasks.deid.house_numbers import with_house_number


def _at(text: str, value: str, entity_type: str) -> Detection:
    start = text.index(value)
    return Detection(start, start + len(value), entity_type, 0.85, "Test")


@pytest.mark.parametrize(
    ("text", "value", "entity_type", "expected"),
    [
        ("she lives at 9a Kingsway", "Kingsway", "LOCATION", "9a Kingsway"),
        ("at flat 3, 27 Albion Street", "Albion Street", "STREET_ADDRESS",
         "flat 3, 27 Albion Street"),
        ("flat three at forty four ashgrove road", "ashgrove road", "STREET_ADDRESS",
         "flat three at forty four ashgrove road"),
        ("flat three at forty four ashgrove road", "forty four ashgrove road", "STREET_ADDRESS",
         "flat three at forty four ashgrove road"),
        ("the flat is flat twenty two wren house", "wren house", "ORGANIZATION",
         "flat twenty two wren house"),
        ("we live at Flat 22, Wren House", "Wren House", "ORGANIZATION", "Flat 22, Wren House"),
        ("at number 4 Beckett Tower now", "Beckett Tower", "LOCATION", "number 4 Beckett Tower"),
        ("at 4 Sefton Trust", "Sefton Trust", "ORGANIZATION", "Sefton Trust"),  # no building
        ("about twenty Leeds people", "Leeds", "LOCATION", "Leeds"),  # a number word alone
        ("at flat 3 Albion Street", "Albion Street", "STREET_ADDRESS", "flat 3 Albion Street"),
        ("we're at 12-14 Mill Lane", "Mill Lane", "STREET_ADDRESS", "12-14 Mill Lane"),
        ("it's number 7 Orchard Way", "Orchard Way", "STREET_ADDRESS", "number 7 Orchard Way"),
        ("back in 1998 Leeds was different", "Leeds", "LOCATION", "Leeds"),  # a year
        ("she lives at 9a Kingsway", "Kingsway", "PERSON", "Kingsway"),  # not a place
        ("at 9 kingsway", "kingsway", "LOCATION", "kingsway"),  # lower case: no address shape
        ("page 1.5 Leeds", "Leeds", "LOCATION", "Leeds"),  # a decimal, not a house number
    ],
)  # fmt: skip
def test_house_number_joins_the_street(text, value, entity_type, expected) -> None:
    found = with_house_number(_at(text, value, entity_type), text)
    assert text[found.start : found.end] == expected
    if expected != value:
        assert found.entity_type == "STREET_ADDRESS" and found.end == text.index(value) + len(value)
