"""Transcript rules, whatever the country: names, places, institutions, ages, dates, URLs."""

from __future__ import annotations

from functools import partial

from presidio_analyzer import EntityRecognizer

from qualbridge.tasks.deid.families.base import BuildContext
from qualbridge.tasks.deid.named_venues import NAMED_VENUE_SCORE, find_named_venues
from qualbridge.tasks.deid.organisations import OrganisationShapeRecognizer
from qualbridge.tasks.deid.recognizers import speech_recognizers
from qualbridge.tasks.deid.speaker_names import find_speaker_names
from qualbridge.tasks.deid.spelled_names import SpelledNameRecognizer
from qualbridge.tasks.deid.spoken_numbers import SpokenDigitsRecognizer
from qualbridge.tasks.deid.spoken_web import (
    find_said_user_names,
    find_spoken_ip_addresses,
    find_spoken_sites,
)
from qualbridge.tasks.deid.structure import StructureRecognizer
from qualbridge.tasks.deid.token_recognizers import SpanFinderRecognizer
from qualbridge.tasks.deid.word_names import find_word_names_as_subjects

ENTITIES = (
    "PERSON", "LOCATION", "ORGANIZATION", "DATE_TIME", "AGE", "URL", "STREET_ADDRESS",
    "UK_POSTCODE", "POSTAL_CODE", "ZIP_CODE", "EMAIL_ADDRESS", "PHONE_NUMBER", "ID_NUMBER",
    "IP_ADDRESS",
)  # fmt: skip


def build(context: BuildContext) -> list[EntityRecognizer]:
    """The project's context, word-list and shape recognizers."""
    return [
        *speech_recognizers(context.vocabulary),
        StructureRecognizer(context.vocabulary),
        OrganisationShapeRecognizer(context.vocabulary),
        SpokenDigitsRecognizer(),
        SpanFinderRecognizer("SpokenSiteRecognizer", "URL", 0.7, find_spoken_sites, marker="dot"),
        SpanFinderRecognizer("SpokenIpRecognizer", "IP_ADDRESS", 0.7, find_spoken_ip_addresses),
        SpanFinderRecognizer(
            "SaidUserNameRecognizer", "URL", 0.7, find_said_user_names, marker="underscore"
        ),
        SpelledNameRecognizer(),
        SpanFinderRecognizer(
            "WordNameRecognizer",
            "PERSON",
            0.6,
            partial(find_word_names_as_subjects, names=context.vocabulary.all_first_names),
        ),
        SpanFinderRecognizer(
            "NamedVenueRecognizer",
            "ORGANIZATION",
            NAMED_VENUE_SCORE,
            partial(find_named_venues, vocabulary=context.vocabulary),
        ),
        SpanFinderRecognizer(
            "SpeakerNameRecognizer",
            "PERSON",
            0.7,
            partial(find_speaker_names, vocabulary=context.vocabulary),
            marker=":",
        ),
    ]
