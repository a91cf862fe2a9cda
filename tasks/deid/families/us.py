"""United States: SSN (SSA rules), ITIN, passport, bank and routing numbers, ZIP codes."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer
from presidio_analyzer.predefined_recognizers import (
    AbaRoutingRecognizer,
    UsItinRecognizer,
    UsPassportRecognizer,
)
from stdnum.us import ssn

from qualbridge.tasks.deid.families.base import (
    BuildContext,
    ValidatedNumberRecognizer,
    presidio_in_english,
)

COUNTRIES = frozenset({"US"})
ENTITIES = ("US_SSN", "US_ITIN", "US_PASSPORT", "ABA_ROUTING_NUMBER", "ZIP_CODE")
_SSN = r"(?<![\d-])\d{3}[- .]?\d{2}[- .]?\d{4}(?![\d-])"
# A ZIP code after a state's two capitals or name and a comma: 'Austin, TX 78701'.
_ZIP_AFTER_STATE = Pattern(
    "ZIP after state", r"(?<=\b[A-Z]{2}\s)\d{5}(?:-\d{4})?\b|(?<=\b[A-Z]{2},\s)\d{5}\b", 0.6
)


def build(context: BuildContext) -> list[EntityRecognizer]:
    """SSNs validated by python-stdnum; Presidio's ITIN, passport and routing recognizers."""
    return [
        ValidatedNumberRecognizer(
            "US_SSN", "UsSsnRecognizer", _SSN, ssn.is_valid,
            cues=("social", "ssn", "social security"), scores=(0.5, 0.8, 0.3),
        ),
        PatternRecognizer("ZIP_CODE", name="UsZipRecognizer", patterns=[_ZIP_AFTER_STATE]),
        *presidio_in_english(UsItinRecognizer, UsPassportRecognizer, AbaRoutingRecognizer),
    ]  # fmt: skip
