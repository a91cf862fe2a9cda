"""Venues after 'at' and state or province codes in posts; by function and engine."""

from __future__ import annotations

import pytest

from qualbridge.tasks.deid import Deidentifier
from qualbridge.tasks.deid.recasing import Vocabulary
from qualbridge.tasks.deid.venues import find_state_codes, find_venues


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("quiz night at Lanterns tonight, who's in?", ["Lanterns"]),
        ("dj set at The Crow's Nest this friday", ["The Crow's Nest"]),
        ("first time at the Albatross and it was lovely", ["the Albatross"]),
        ("see u all at MOONLIGHT later", ["MOONLIGHT"]),
        ("open mic @ The Tern Room tonight", ["The Tern Room"]),
        ("kickoff @Hollins Field at 7", ["Hollins Field"]),
        ("@maddie Thanks for the lift", []),
        # Generic places, times and stop words stay words.
        ("stuck at Work again", []),
        ("see you at Christmas", []),
        ("at The end of the day it's fine", []),
        ("at Least we tried", []),
        ("I'll be at home", []),
        # A headline in title case, or a shouted line, says nothing.
        ("Local Band Plays At The Lanterns Tonight With Friends", []),
        ("WE ARE AT THE LANTERNS TONIGHT", []),
    ],
)
def test_venues_after_at(text: str, found: list[str]) -> None:
    assert [text[s:e] for s, e in find_venues(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("open mic in Dayton, OH this saturday", ["OH"]),
        ("new job in Kelowna, BC starts monday", ["BC"]),
        ("finally back home to GA!!", ["GA"]),
        ("road trip from TX next week", ["TX"]),
        # Codes that are words count only after a place and a comma.
        ("we got in OK", []),
        ("Sorry, OK I get it", []),
        ("it went to ME first", []),
    ],
)
def test_state_codes(text: str, found: list[str], vocabulary: Vocabulary) -> None:
    assert [text[s:e] for s, e in find_state_codes(text, vocabulary)] == found


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("cocktails at Juniper tonight!!", "Juniper"),
        ("moving to Fresno, CA next month", "CA"),
    ],
)
def test_engine_masks_venues_and_codes(text: str, place: str, speech_engine: Deidentifier) -> None:
    start = text.index(place)
    assert any(
        d.start <= start and d.end >= start + len(place) for d in speech_engine.detect([text])[0]
    )
