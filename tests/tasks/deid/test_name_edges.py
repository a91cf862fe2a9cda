"""Name spans grown to their edges: a '#' or 'the' before them, capitalised words beside them
on a line that is not title case or shouted; by function and engine."""

from __future__ import annotations

import pytest

from qualbridge.tasks.deid import Deidentifier
from qualbridge.tasks.deid.filters import Detection
from qualbridge.tasks.deid.name_edges import grow_names, join_titles, with_name_edges
from qualbridge.tasks.deid.recasing import Vocabulary


def _grown(text: str, found: str, entity_type: str, vocabulary: Vocabulary) -> str:
    start = text.index(found)
    detection = Detection(start, start + len(found), entity_type, 0.85, "SpacyRecognizer")
    grown = with_name_edges(detection, text, vocabulary)
    return text[grown.start : grown.end]


@pytest.mark.parametrize(
    ("text", "found", "entity_type", "grown"),
    [
        # The sign and the article belong to the name.
        ("landed in #Lisbon at last", "Lisbon", "LOCATION", "#Lisbon"),
        ("gig tonight at the Roundhouse, who's coming", "Roundhouse", "LOCATION", "the Roundhouse"),
        ("saw The Velvettes live last night", "Velvettes", "ORGANIZATION", "The Velvettes"),
        # Capitalised words beside a found word, in a post written in sentence case.
        ("so glad to be back in East Kilbride for the weekend", "Kilbride", "LOCATION",
         "East Kilbride"),
        ("just met Priya Ramaswamy at the launch", "Priya", "PERSON", "Priya Ramaswamy"),
        ("heading to Brackley Stadium later with the kids", "Brackley", "LOCATION",
         "Brackley Stadium"),
        # A place word typed in lower case after a place or body is part of it.
        ("sunset over Kerrow bay tonight", "Kerrow", "LOCATION", "Kerrow bay"),
        ("walking round Hollins campus", "Hollins", "ORGANIZATION", "Hollins campus"),
        ("told Priya park there", "Priya", "PERSON", "Priya"),
        # Stop words, weekdays, greetings and words typed in another case stay outside.
        ("told Priya I would call", "Priya", "PERSON", "Priya"),
        ("seeing Priya Tuesday for coffee", "Priya", "PERSON", "Priya"),
        ("Thanks Priya for the lift", "Priya", "PERSON", "Priya"),
        ("meet you in Lisbon LOL", "Lisbon", "LOCATION", "Lisbon"),
        ("the kids love the park by the lake", "lake", "LOCATION", "lake"),
        # A sentence's first dictionary word is capitalised anyway.
        ("Yesterday Priya rang me", "Priya", "PERSON", "Priya"),
        # A headline in title case says nothing about where a name ends.
        ("Local Man Finds Priya Ramaswamy Painting In Loft", "Ramaswamy", "PERSON", "Ramaswamy"),
        ("rang about my ticket #1234 today", "1234", "PERSON", "#1234"),
        # A body's name runs on, found with its article or joined by 'of', 'for', 'and'.
        ("so when you ring the Conwy Community Nursing Team just give them your number",
         "the Conwy", "ORGANIZATION",
         "the Conwy Community Nursing Team"),
        ("she works at Leeds Teaching Hospitals Trust now and she loves it there", "Leeds",
         "ORGANIZATION",
         "Leeds Teaching Hospitals Trust"),
        ("I studied at the University of Sunderland then", "University", "ORGANIZATION",
         "the University of Sunderland"),
        ("told Priya and Sam", "Priya", "PERSON", "Priya"),  # a person takes no 'and'
        # A saint's name before a found name makes a church, school or place of it.
        ("father tadeusz at st casimirs has been kind", "casimirs", "PERSON", "st casimirs"),
        ("she worked at St. Cuthbert's for years", "Cuthbert's", "PERSON", "St. Cuthbert's"),
        ("i was in st patrick's on the ward", "patrick", "PERSON", "st patrick's"),
        ("meetings at st. ambrose parish hall", "ambrose", "PERSON", "st. ambrose parish hall"),
        # A name's particle before another capitalised part.
        ("the account's in the name Jordi Casals i Riera now", "Jordi Casals", "PERSON",
         "Jordi Casals i Riera"),
        # Only names grow.
        ("booked for #Friday 12 June", "Friday 12 June", "DATE_TIME", "Friday 12 June"),
    ],
)  # fmt: skip
def test_with_name_edges(
    text: str, found: str, entity_type: str, grown: str, vocabulary: Vocabulary
) -> None:
    assert _grown(text, found, entity_type, vocabulary) == grown


def test_grown_names_keep_the_type_of_a_word_already_found(vocabulary: Vocabulary) -> None:
    text = "my mate Baldric Oyelaran-Smith came too"
    person = Detection(8, 32, "PERSON", 0.85, "SpacyRecognizer")
    (merged,) = grow_names([person], text, vocabulary)
    assert (merged.start, merged.end, merged.entity_type) == (8, 32, "PERSON")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("off to #Reykjavik tomorrow!!", "#Reykjavik"),
        ("drinks at the Lamb and Flag tonight?", "the Lamb"),
    ],
)
def test_engine_masks_the_edges(text: str, name: str, speech_engine: Deidentifier) -> None:
    start = text.index(name)
    covered = [False] * len(text)
    for d in speech_engine.detect([text])[0]:
        covered[d.start : d.end] = [True] * (d.end - d.start)
    assert all(covered[start : start + len(name)])


def _person(text: str, value: str) -> Detection:
    start = text.index(value)
    return Detection(start, start + len(value), "PERSON", 0.85, "SpacyRecognizer")


@pytest.mark.parametrize(
    ("text", "title", "name", "joined"),
    [
        ("written by Dr. med. Katharina von Weizsäcker at", "Dr. med", "Katharina", True),
        ("Coordinator: Sra. María José Fernández; sede", "Sra", "María José Fernández", True),
        ("I met Jo. Kim was there too.", "Jo", "Kim", False),  # two people, two sentences
    ],
)
def test_an_abbreviated_title_joins_the_name_after_it(
    text: str, title: str, name: str, joined: bool
) -> None:
    found = join_titles([_person(text, title), _person(text, name)], text)
    assert (len(found) == 1) is joined
