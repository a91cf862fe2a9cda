"""Social-media names: name hashtags, sports teams, named groups, big places in lower case."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from qualbridge.tasks.deid.big_places import BigPlaceRecognizer
from qualbridge.tasks.deid.families.base import BuildContext
from qualbridge.tasks.deid.gazetteers import world_places
from qualbridge.tasks.deid.social import NameHashtagRecognizer
from qualbridge.tasks.deid.stage_names import StageNameRecognizer
from qualbridge.tasks.deid.teams import SportsTeamRecognizer
from qualbridge.tasks.deid.vocatives import VocativeNameRecognizer

ENTITIES = ("PERSON", "ORGANIZATION", "LOCATION")


def build(context: BuildContext) -> list[EntityRecognizer]:
    """Name hashtags, groups and big places from the shared lists; teams and their clubs."""
    places = context.vocabulary.places | world_places()
    return [
        NameHashtagRecognizer(context.vocabulary),
        SportsTeamRecognizer(places, context.vocabulary),
        BigPlaceRecognizer(context.vocabulary),
        VocativeNameRecognizer(context.vocabulary),
        StageNameRecognizer(),
    ]
