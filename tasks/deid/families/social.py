"""Social-media names: name hashtags, sports teams and named groups (every country)."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from qualbridge.tasks.deid.families.base import BuildContext
from qualbridge.tasks.deid.gazetteers import world_places
from qualbridge.tasks.deid.social import NameHashtagRecognizer
from qualbridge.tasks.deid.teams import SportsTeamRecognizer

ENTITIES = ("PERSON", "ORGANIZATION")


def build(context: BuildContext) -> list[EntityRecognizer]:
    """Name hashtags and named groups from the shared lists; teams, clubs named after a place."""
    places = context.vocabulary.places | world_places()
    return [
        NameHashtagRecognizer(context.vocabulary),
        SportsTeamRecognizer(places, context.vocabulary),
    ]
