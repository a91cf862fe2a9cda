"""Venues named by everyday words, found by where they stand; generic places are left."""

from __future__ import annotations

import pytest

from qualbridge.tasks.deid import Deidentifier
from qualbridge.tasks.deid.named_venues import find_named_venues
from qualbridge.tasks.deid.recasing import Vocabulary
from tests.helpers.coverage import masked


def venues(text: str, vocabulary: Vocabulary) -> list[str]:
    return [text[s:e] for s, e in find_named_venues(text, vocabulary)]


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # on a named street
        ("and the pantry on stapleton road on a friday", "pantry"),
        ("i used to go to the kingdom hall on green street", "kingdom hall"),
        ("the night shelter the wayfarer on queen street but", "wayfarer"),
        # gone to on a day of the week, or in a named town
        ("we always went to the copper kettle on a saturday and now", "copper kettle"),
        ("a carers group at the wellspring in bletchley on the first monday", "wellspring"),
        # a pub named by two things joined
        ("was captain of the darts team at the fox and hounds in hope", "fox and hounds"),
        ("the group meets upstairs at the crown and anchor every other monday", "crown and anchor"),
        # whose place it is, no noun after it
        ("my da used to drink in mulligan's every day after work", "mulligan's"),
        ("meet at o'neill's on a friday", "o'neill's"),
    ],
)
def test_venues_are_found_by_where_they_stand(
    text: str, venue: str, vocabulary: Vocabulary
) -> None:
    assert venue in venues(text, vocabulary)


@pytest.mark.parametrize(
    "text",
    [
        "the lights on london road were out",
        "says the Consultant on the way past",
        "we were living there at the time on champion street",
        "i was in the kitchen and bathroom all day",
        "we went to the fish and chip shop",
        "we went to the match on a saturday",
        "my husband worked at the chicken factory in boston",
        "i was at the hospital in leeds for a week",
        "we went round mum's after",
        "i was at the doctor's on monday",
    ],
)
def test_generic_places_are_no_venues(text: str, vocabulary: Vocabulary) -> None:
    assert venues(text, vocabulary) == []


def test_the_engine_masks_a_venue_on_a_street(speech_engine: Deidentifier) -> None:
    assert masked(speech_engine, "she works at the co op on whitstable road", "co op")
