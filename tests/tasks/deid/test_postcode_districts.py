"""A UK postcode district said after a place cue ('we're in BD9') places someone: masked."""

from __future__ import annotations

import pytest

from tests.helpers.coverage import masked, touched


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("we're in BD9 now", "BD9"),
        ("we're in BD nine", "BD nine"),
        ("I moved to the M14 area", "M14"),
        ("he's in L8", "L8"),
        ("she's from SW16 originally", "SW16"),
        ("just the first bit? Speaker 2: NW10. Speaker 1: Lovely.", "NW10"),  # a whole answer
    ],
)
def test_districts_after_a_place_cue_are_masked(speech_engine, text, value):
    assert masked(speech_engine, text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I take B12 tablets", "B12"),
        ("I was in S6 form", "S6"),
        ("in A and E all night", "A and E"),
    ],
)
def test_roads_vitamins_and_school_years_are_not_districts(speech_engine, text, value):
    assert not touched(speech_engine, text, value)


def test_a_road_by_its_number_is_a_place_not_a_district(speech_engine) -> None:
    text = "stuck on the M62 again"
    types = {d.entity_type for d in speech_engine.detect([text])[0]}
    assert "LOCATION" in types and "UK_POSTCODE" not in types
