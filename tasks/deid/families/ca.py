"""Canada: Social Insurance Numbers (Luhn, python-stdnum) and postal codes."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer
from presidio_analyzer.predefined_recognizers import CaPostalCodeRecognizer
from stdnum.ca import sin

from qualbridge.tasks.deid.families.base import (
    BuildContext,
    ValidatedNumberRecognizer,
    presidio_in_english,
)

COUNTRIES = frozenset({"CA"})
ENTITIES = ("CA_SIN", "CA_POSTAL_CODE")
_SIN = r"(?<![\d-])\d{3}[- ]?\d{3}[- ]?\d{3}(?![\d-])"


def build(context: BuildContext) -> list[EntityRecognizer]:
    """SINs ranked by their Luhn check; Presidio's postal code recognizer."""
    return [
        ValidatedNumberRecognizer(
            "CA_SIN", "CaSinRecognizer", _SIN, sin.is_valid,
            cues=("sin", "social insurance"), scores=(0.5, 0.8, 0.3),
        ),
        *presidio_in_english(CaPostalCodeRecognizer),
    ]  # fmt: skip
