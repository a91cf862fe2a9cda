"""New Zealand: IRD numbers (python-stdnum)."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer
from stdnum.nz import ird

from qualbridge.tasks.deid.families.base import BuildContext, ValidatedNumberRecognizer

COUNTRIES = frozenset({"NZ"})
ENTITIES = ("NZ_IRD",)
_IRD = r"(?<![\d-])\d{2,3}[- ]?\d{3}[- ]?\d{3}(?![\d-])"


def build(context: BuildContext) -> list[EntityRecognizer]:
    """IRD numbers ranked by their check digit, scored high only after a cue."""
    return [
        ValidatedNumberRecognizer(
            "NZ_IRD", "NzIrdRecognizer", _IRD, ird.is_valid,
            cues=("ird", "inland revenue", "tax number"), scores=(0.35, 0.8, 0.2),
        )
    ]  # fmt: skip
