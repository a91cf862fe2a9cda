"""Postal codes of the 4- and 5-digit kind (US, AU, NZ, most of the EU) next to a place name."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from qualbridge.tasks.deid.families.base import BuildContext
from qualbridge.tasks.deid.recognizers import GroupPatternRecognizer

COUNTRIES = frozenset(
    "US AU NZ AT BE BG HR CY CZ DK EE FI FR DE GR HU IT LV LT LU NL PL PT RO SK SI ES SE".split()
)
ENTITIES = ("POSTAL_CODE",)
_PLACE = r"[A-ZÀ-Þ][a-zà-ÿ]+(?:[ -][A-ZÀ-Þa-zà-ÿ][a-zà-ÿ]+)?"
_NOT_YEAR = r"(?!(?:19|20)\d{2}\b)"
POSTAL_PATTERNS = [
    # 'Tarragona 17905', 'Austin, TX 78701-1234', 'Melbourne VIC 3000'
    (rf"\b{_PLACE},?\s(?:[A-Z]{{2,3}}\s)?(?P<value>{_NOT_YEAR}\d{{4,5}}(?:-\d{{4}})?)\b", 0.55),
    # '75008 Paris', '9060 LE', '1011 AB Amsterdam', '00-950 Warszawa'
    (r"(?<![\w,.-])(?P<value>\d{4}\s?[A-Z]{2})(?![\w])", 0.55),
    (rf"(?<![\w.-])(?P<value>{_NOT_YEAR}\d{{2}}-?\d{{3}})\s+(?={_PLACE}\b)", 0.45),
]


def build(context: BuildContext) -> list[EntityRecognizer]:
    """One recognizer with the patterns above."""
    return [GroupPatternRecognizer("POSTAL_CODE", "PostalCodeRecognizer", POSTAL_PATTERNS)]
