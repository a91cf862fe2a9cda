"""Phone numbers of every configured country, found by the phonenumbers library, leniently."""

from __future__ import annotations

import re

import phonenumbers
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from qualbridge.tasks.deid.families.base import BuildContext
from qualbridge.tasks.deid.families.numbers import is_harmless
from qualbridge.tasks.deid.token_recognizers import recognizer_result

ENTITIES = ("PHONE_NUMBER",)
# Only stretches with seven or more digits can hold a phone number: the matcher runs on them
# alone (with a little context for a leading + or bracket), never on the whole document.
_CANDIDATE = re.compile(r"[+(]?\d[\d\s().\-/]{4,}\d")
_MIN_DIGITS = 7
# Dotted quads are IP addresses, not phone numbers.
_IP_LIKE = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")
# ISO code -> phonenumbers region (the library spells the UK 'GB', Greece 'GR').
_REGION = {"UK": "GB", "EL": "GR"}


class PhoneMatcherRecognizer(EntityRecognizer):
    """phonenumbers' matcher, leniency POSSIBLE, per region; the first region to match wins."""

    def __init__(self, regions: list[str]) -> None:
        self._regions = regions
        super().__init__(
            supported_entities=["PHONE_NUMBER"], name="PhoneMatcherRecognizer",
            supported_language="en",
        )  # fmt: skip

    def load(self) -> None:
        """Nothing to load: the library carries its metadata."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """Phone numbers inside digit-rich stretches of the text."""
        results: dict[tuple[int, int], RecognizerResult] = {}
        for candidate in _CANDIDATE.finditer(text):
            value = candidate.group()
            if sum(ch.isdigit() for ch in value) < _MIN_DIGITS or _IP_LIKE.match(value):
                continue
            offset = candidate.start()
            for region in self._regions:
                matcher = phonenumbers.PhoneNumberMatcher(
                    candidate.group(), region, leniency=phonenumbers.Leniency.POSSIBLE
                )
                for match in matcher:
                    span = (offset + match.start, offset + match.end)
                    if is_harmless(text, *span):
                        continue
                    if span not in results:
                        results[span] = recognizer_result(self, "PHONE_NUMBER", *span, 0.6)
        return list(results.values())


def build(context: BuildContext) -> list[EntityRecognizer]:
    """One matcher over every configured region, the most likely (GB, US) first."""
    regions = sorted({_REGION.get(c, c) for c in context.countries})
    preferred = [r for r in ("GB", "US", "IE", "AU", "CA", "NZ") if r in regions]
    return [PhoneMatcherRecognizer(preferred + [r for r in regions if r not in preferred])]
