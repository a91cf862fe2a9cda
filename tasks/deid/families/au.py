"""Australia: tax file numbers, Medicare numbers, ABN and ACN (Presidio's checksums)."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer
from presidio_analyzer.predefined_recognizers import (
    AuAbnRecognizer,
    AuAcnRecognizer,
    AuMedicareRecognizer,
    AuTfnRecognizer,
)
from stdnum.au import tfn

from qualbridge.tasks.deid.families.base import (
    BuildContext,
    ValidatedNumberRecognizer,
    presidio_in_english,
)

COUNTRIES = frozenset({"AU"})
ENTITIES = ("AU_TFN", "AU_MEDICARE", "AU_ABN", "AU_ACN")
_TFN = r"(?<![\d-])\d{3}[- ]?\d{3}[- ]?\d{2,3}(?![\d-])"


def build(context: BuildContext) -> list[EntityRecognizer]:
    """Presidio's Australian recognizers, plus TFNs cued by 'tax file number' whatever the check."""
    return [
        ValidatedNumberRecognizer(
            "AU_TFN", "AuTfnCuedRecognizer", _TFN, tfn.is_valid,
            cues=("tfn", "tax file number", "tax file"), scores=(0.5, 0.8, 0.2),
        ),
        *presidio_in_english(
            AuAbnRecognizer, AuAcnRecognizer, AuMedicareRecognizer, AuTfnRecognizer
        ),
    ]  # fmt: skip
