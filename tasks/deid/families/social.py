"""Social-media names: name and place hashtags, sports teams, named groups, big places in
lower case, venues after 'at', state codes and chains."""

from __future__ import annotations

from functools import partial

from presidio_analyzer import EntityRecognizer

from qualbridge.tasks.deid.big_places import PLACE_SCORE, find_big_places, find_places_alone
from qualbridge.tasks.deid.chains import CHAIN_SCORE, find_chains
from qualbridge.tasks.deid.families.base import BuildContext
from qualbridge.tasks.deid.gazetteers import world_places
from qualbridge.tasks.deid.social import (
    HASHTAG_SCORE,
    NAME_HASHTAG_RECOGNIZER,
    find_name_hashtags,
    find_place_hashtags,
)
from qualbridge.tasks.deid.stage_names import STAGE_NAME_SCORE, find_stage_names
from qualbridge.tasks.deid.teams import TEAM_SCORE, find_teams_and_groups
from qualbridge.tasks.deid.token_recognizers import SpanFinderRecognizer
from qualbridge.tasks.deid.venues import VENUE_SCORE, find_state_codes, find_venues
from qualbridge.tasks.deid.vocatives import VOCATIVE_SCORE, find_vocative_names

ENTITIES = ("PERSON", "ORGANIZATION", "LOCATION")


def build(context: BuildContext) -> list[EntityRecognizer]:
    """Name hashtags, groups and big places from the shared lists; teams and their clubs;
    venues, state codes and chains in any case."""
    words = context.vocabulary
    places = words.places | world_places()
    return [
        SpanFinderRecognizer(
            NAME_HASHTAG_RECOGNIZER, "PERSON", HASHTAG_SCORE,
            partial(find_name_hashtags, vocabulary=words), marker="#",
        ),
        SpanFinderRecognizer(
            "PlaceHashtagRecognizer", "LOCATION", HASHTAG_SCORE,
            partial(find_place_hashtags, vocabulary=words), marker="#",
        ),
        SpanFinderRecognizer(
            "SportsTeamRecognizer", "ORGANIZATION", TEAM_SCORE,
            partial(find_teams_and_groups, places=places, vocabulary=words),
        ),
        SpanFinderRecognizer(
            "BigPlaceRecognizer", "LOCATION", PLACE_SCORE,
            partial(find_big_places, vocabulary=words),
        ),
        SpanFinderRecognizer(
            "PlaceAloneRecognizer", "LOCATION", PLACE_SCORE,
            partial(find_places_alone, vocabulary=words),
        ),
        SpanFinderRecognizer(
            "VocativeNameRecognizer", "PERSON", VOCATIVE_SCORE,
            partial(find_vocative_names, vocabulary=words),
        ),
        SpanFinderRecognizer("StageNameRecognizer", "PERSON", STAGE_NAME_SCORE, find_stage_names),
        SpanFinderRecognizer("VenueRecognizer", "LOCATION", VENUE_SCORE, find_venues),
        SpanFinderRecognizer(
            "StateCodeRecognizer", "LOCATION", VENUE_SCORE,
            partial(find_state_codes, vocabulary=words),
        ),
        SpanFinderRecognizer(
            "ChainRecognizer", "ORGANIZATION", CHAIN_SCORE, partial(find_chains, vocabulary=words),
        ),
    ]  # fmt: skip
