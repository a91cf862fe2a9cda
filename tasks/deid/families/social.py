"""Hashtags that spell a person's name (every country)."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from qualbridge.tasks.deid.families.base import BuildContext
from qualbridge.tasks.deid.social import NameHashtagRecognizer

ENTITIES = ("PERSON",)


def build(context: BuildContext) -> list[EntityRecognizer]:
    """One recognizer, reading the shared name lists."""
    return [NameHashtagRecognizer(context.vocabulary)]
