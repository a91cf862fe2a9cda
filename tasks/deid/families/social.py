"""Social-media user names and name hashtags (every country)."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from qualbridge.tasks.deid.families.base import BuildContext
from qualbridge.tasks.deid.social import SocialHandleRecognizer

ENTITIES = ("PERSON",)


def build(context: BuildContext) -> list[EntityRecognizer]:
    """One recognizer, reading the shared name lists."""
    return [SocialHandleRecognizer(context.vocabulary)]
