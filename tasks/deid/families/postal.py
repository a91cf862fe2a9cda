"""Postal codes: the 4- and 5-digit kind next to a place name, any country's shape after a cue."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from qualbridge.tasks.deid.families.base import BuildContext
from qualbridge.tasks.deid.recognizers import GroupPatternRecognizer

COUNTRIES = frozenset(
    "US AU NZ AT BE BG HR CY CZ DK EE FI FR DE GR HU IT LV LT LU NL PL PT RO SK SI ES SE CA IE"
    .split()
)  # fmt: skip
ENTITIES = ("POSTAL_CODE",)
# The shapes of the configured countries' codes: ZIP+4, 4 or 5 digits, '123 45' (SE, CZ, SK,
# GR), '12-345' (PL), '1234-567' (PT), '1234 AB' (NL), Canadian 'K1A 0B1', Irish Eircodes.
POSTCODE = (
    r"(?:\d{5}(?:-\d{4})?|\d{4}(?:-\d{3}|\s?[A-Za-z]{2}(?![^\W\d_]))?|\d{3}\s\d{2}|\d{2}-\d{3}"
    r"|[ABCEGHJ-NPRSTVXYabceghj-nprstvxy]\d[A-Za-z]\s?\d[A-Za-z]\d"
    r"|(?:[AC-FHKNPRTV-Yac-fhknprtv-y]\d{2}|[Dd]6[Ww])\s?[0-9AC-FHKNPRTV-Yac-fhknprtv-y]{4})"
)
_PLACE = r"[A-ZÀ-Þ][a-zà-ÿ]+(?:[ -][A-ZÀ-Þa-zà-ÿ][a-zà-ÿ]+)?"
_NOT_YEAR = r"(?!(?:19\d\d|20[0-3]\d)\b)"
# What a postal code is called, in the configured countries' languages.
POSTAL_LABEL = (
    r"(?:zip(?:\s*code)?|postal\s+code|post\s*code|pin\s*code|eircode|c[oó]digo\s+postal"
    r"|code\s+postal|postleitzahl|plz|cap|kod\s+pocztowy|cep|c\.\s?p(?=\.))"
)
_CUE = rf"(?i:{POSTAL_LABEL})"
POSTAL_PATTERNS = [
    # 'Tarragona 17905', 'Austin, TX 78701-1234', 'Melbourne VIC 3000'
    (rf"\b{_PLACE},?\s(?:[A-Z]{{2,3}}\s)?(?P<value>{_NOT_YEAR}\d{{4,5}}(?:-\d{{4}})?)\b", 0.55),
    # 'any good clinics near 19143?': five digits after 'near', closing the clause
    (
        rf"(?i:\b(?:near|around)\s+)(?P<value>{_NOT_YEAR}\d{{5}})"
        r"(?=\s*[?,.!;]|\s+(?i:area|way)\b|\s*$)",
        0.55,
    ),
    # 'near 4810 (Townsville)': a code with its town in brackets after it
    (rf"(?<![\w.-])(?P<value>{_NOT_YEAR}\d{{4,5}})\s+\((?={_PLACE}\))", 0.55),
    # '75008 Paris', '9060 LE', '1011 AB Amsterdam', '00-950 Warszawa'
    (r"(?<![\w,.-])(?P<value>\d{4}\s?[A-Z]{2})(?![\w])", 0.55),
    (rf"(?<![\w.-])(?P<value>{_NOT_YEAR}\d{{2}}-?\d{{3}})\s+(?={_PLACE}\b)", 0.45),
    # After a cue, a few words apart: 'the zip is 02139', 'our postcode changed to 391 79'.
    (rf"\b{_CUE}\b(?:\W+\w+){{0,3}}?\W+(?P<value>{POSTCODE})(?![\w-])", 0.6),
    # A Canadian code in any case: its letter-digit alternation is its own evidence.
    (r"(?i)(?<![\w-])(?P<value>[abceghj-nprstvxy]\d[abceghj-nprstv-z]\s?\d[abceghj-nprstv-z]\d)"
     r"(?![\w-])", 0.5),
]  # fmt: skip


def build(context: BuildContext) -> list[EntityRecognizer]:
    """One recognizer with the patterns above."""
    return [GroupPatternRecognizer("POSTAL_CODE", "PostalCodeRecognizer", POSTAL_PATTERNS)]
