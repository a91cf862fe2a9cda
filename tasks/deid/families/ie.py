"""Ireland: PPS numbers (python-stdnum) and Eircodes."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer
from stdnum.ie import pps

from qualbridge.tasks.deid.families.base import BuildContext, ValidatedNumberRecognizer

COUNTRIES = frozenset({"IE"})
ENTITIES = ("IE_PPS", "IE_EIRCODE")
_PPS = r"(?i)(?<![\w-])\d{7}\s?[A-W][A-IW]?(?![\w-])"
# Routing key (letter, two digits, or D6W) and a four-character unique identifier.
_EIRCODE = Pattern("Eircode", r"(?i)\b(?:[AC-FHKNPRTV-Y]\d{2}|D6W)\s?[0-9AC-FHKNPRTV-Y]{4}\b", 0.5)


def build(context: BuildContext) -> list[EntityRecognizer]:
    """PPS numbers ranked by their mod-23 check letter; Eircodes by shape."""
    return [
        ValidatedNumberRecognizer(
            "IE_PPS", "IePpsRecognizer", _PPS, pps.is_valid,
            cues=("pps", "ppsn", "personal public service"), scores=(0.85, 0.8, 0.5),
        ),
        PatternRecognizer("IE_EIRCODE", name="IeEircodeRecognizer", patterns=[_EIRCODE]),
    ]  # fmt: skip
