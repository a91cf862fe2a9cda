"""EU member states whose national identifiers Presidio ships (with their checksums)."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer
from presidio_analyzer.predefined_recognizers import (
    EsNieRecognizer,
    EsNifRecognizer,
    FiPersonalIdentityCodeRecognizer,
    ItFiscalCodeRecognizer,
    PlPeselRecognizer,
    SePersonnummerRecognizer,
)

from qualbridge.tasks.deid.families.base import BuildContext, presidio_in_english

# Country of each recognizer: only the configured countries' ones are built.
BY_COUNTRY = {
    "ES": (EsNifRecognizer, EsNieRecognizer),
    "FI": (FiPersonalIdentityCodeRecognizer,),
    "IT": (ItFiscalCodeRecognizer,),
    "PL": (PlPeselRecognizer,),
    "SE": (SePersonnummerRecognizer,),
}
COUNTRIES = frozenset(BY_COUNTRY)
ENTITIES = ("ES_NIF", "ES_NIE", "FI_PERSONAL_IDENTITY_CODE", "IT_FISCAL_CODE", "PL_PESEL",
            "SE_PERSONNUMMER")  # fmt: skip


def build(context: BuildContext) -> list[EntityRecognizer]:
    """Presidio's recognizers of the configured EU countries."""
    return [
        recognizer
        for country in sorted(context.countries & COUNTRIES)
        for recognizer in presidio_in_english(*BY_COUNTRY[country])
    ]
