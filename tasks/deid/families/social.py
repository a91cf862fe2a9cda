"""Social-media names: hashtags that spell a person's name, sports teams (every country)."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from qualbridge.tasks.deid.families.base import BuildContext
from qualbridge.tasks.deid.gazetteers import world_places
from qualbridge.tasks.deid.social import NameHashtagRecognizer
from qualbridge.tasks.deid.teams import SportsTeamRecognizer

ENTITIES = ("PERSON", "ORGANIZATION")


def build(context: BuildContext) -> list[EntityRecognizer]:
    """Name hashtags from the shared name lists; teams, and clubs named after a place."""
    places = context.vocabulary.places | world_places()
    return [NameHashtagRecognizer(context.vocabulary), SportsTeamRecognizer(places)]
