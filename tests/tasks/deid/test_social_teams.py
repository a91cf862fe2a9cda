"""Sports teams (listed names anywhere, nicknames only after 'the' in capitals or in a sports
context, clubs named after a place before 'fan') and named groups; by function and engine."""

from __future__ import annotations

import pytest

from qualbridge.tasks.deid import Deidentifier
from qualbridge.tasks.deid.gazetteers import world_places
from qualbridge.tasks.deid.recasing import Vocabulary
from qualbridge.tasks.deid.teams import find_groups, find_teams


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("honestly the Rockets are a mess this year", ["the Rockets"]),
        ("THE RAVENS WILL WIN IT ALL", ["THE RAVENS"]),
        ("can't believe the jets lost again", ["the jets"]),
        ("knicks game tonight anyone??", ["knicks"]),
        ("kai was wearing an arsenal shirt and kept talking", ["arsenal"]),  # what fans wear
        ("my dad and I support the dolphins", ["the dolphins"]),
        ("going to watch atletico madrid on sunday", ["atletico madrid"]),
        ("Red Sox tickets for sale", ["Red Sox"]),
        ("proud Bristol fan since 1990", ["Bristol"]),
        ("cant wait for nfl sunday", ["nfl"]),
        ("who wins the champions league this year", ["the champions league"]),
        ("big night for the city #Rockets", ["Rockets"]),
        ("so gutted, another loss for Rangers at home", ["Rangers"]),
        ("final score tonight: Hornets 3, Tigers 1", ["Hornets", "Tigers"]),
        ("Go Wolverines !! we believe", ["Wolverines"]),
        ("a lifelong Everton supporter", ["Everton"]),
        # Everyday words stay words without a sports context.
        ("we went to the kings arms for a drink", []),
        ("the heat was too much in the afternoon", []),
        ("the Magic Roundabout was on telly", []),
        ("the giants in the story were kind", []),
        ("feeling the #heat today", []),
        # A capital at a sentence's start or in a headline says nothing; a cheer needs a plural.
        ("Rangers were out walking the hills today", []),
        ("Local Rangers Rescue Stranded Walkers On Hills", []),
        ("Go Shopping! it helps", []),
        ("we always go on All Saints Day", []),
        ("my brother is a big fan of cooking", []),
        ("Keep calm fans", []),
        ("so many fans\n.\nWarriors of the world unite", []),
    ],
)
def test_teams_by_name_or_context(text: str, found: list[str]) -> None:
    assert [text[s:e] for s, e in find_teams(text, world_places())] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("has anyone seen the Okafor twins lately", ["Okafor twins"]),
        ("love love love Dan reynolds band", ["Dan reynolds band"]),
        ("we met the Whitaker sisters at the fair", ["Whitaker sisters"]),
        ("shoutout to Kwame crew", ["Kwame crew"]),
        ("My brothers are coming round later", []),
        ("I used to play in a brass band", []),
        ("Brass band music on a Sunday", []),
        ("she went up to Band 6 last year", []),
        ("My Mum and her sisters came too", []),
    ],
)
def test_named_groups(text: str, found: list[str], vocabulary: Vocabulary) -> None:
    assert [text[s:e] for s, e in find_groups(text, vocabulary)] == found


@pytest.mark.parametrize(
    ("text", "team"),
    [
        ("nobody expected the Pistons to come back like that", "Pistons"),
        ("been a Stoke fan all my life lol", "Stoke"),
        ("real madrid or barca, who wins", "real madrid"),
        ("where are the Okafor twins", "Okafor twins"),
    ],
)
def test_engine_masks_teams(text: str, team: str, speech_engine: Deidentifier) -> None:
    detections = speech_engine.detect([text])[0]
    start = text.index(team)
    assert any(d.start <= start and d.end >= start + len(team) for d in detections)
