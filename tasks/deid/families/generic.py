"""Identifiers of no one country: NER names, e-mail, IP, cards (Luhn), crypto, MAC, IBAN."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer
from presidio_analyzer.predefined_recognizers import (
    CreditCardRecognizer,
    CryptoRecognizer,
    DateRecognizer,
    EmailRecognizer,
    IpRecognizer,
    MacAddressRecognizer,
    SpacyRecognizer,
)
from schwifty import IBAN

from qualbridge.tasks.deid.families.base import BuildContext, ValidatedNumberRecognizer

NER_ENTITIES = ("PERSON", "LOCATION", "ORGANIZATION", "DATE_TIME", "NRP")
ENTITIES = (
    *NER_ENTITIES, "EMAIL_ADDRESS", "IP_ADDRESS", "CREDIT_CARD", "CRYPTO", "MAC_ADDRESS",
    "IBAN_CODE",
)  # fmt: skip
# An address by its shape alone: Presidio's check of the top-level domain would let
# 'sam@clinic.example' or a mistyped 'jo@gmail.con' through, and either is still someone's.
_EMAIL_SHAPE = Pattern(
    "e-mail shape", r"(?<![\w.+-])[\w.+-]*\w@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?![\w@-])", 0.6
)
# Two letters and two check digits (set apart only in capitals: 'GB 55', not 'is 12'), then
# 11-30 letters or digits, grouped by spaces or not, ending on a digit (and at most one
# letter), so words after it stay out.
_IBAN = r"\b(?:(?i:[A-Z]{2}\d{2})|[A-Z]{2} \d{2})(?i:(?:[ ]?[A-Z0-9]){10,29}\d[A-Z]?)\b"
# Every country's account number holds eight digits or more; words spaced out do not
# ('AB12 CDE and the old one was ab12cde').
_IBAN_MIN_DIGITS = 8


def _iban_shaped(value: str) -> bool:
    return sum(c.isdigit() for c in value) >= _IBAN_MIN_DIGITS


def _valid_iban(value: str) -> bool:
    IBAN(value.replace(" ", "").upper())
    return True


def build(context: BuildContext) -> list[EntityRecognizer]:
    """One instance of each; the card and crypto recognizers carry Presidio's checksums."""
    return [
        SpacyRecognizer(supported_entities=list(context.ner_entities)),
        EmailRecognizer(),
        PatternRecognizer("EMAIL_ADDRESS", name="EmailShapeRecognizer", patterns=[_EMAIL_SHAPE]),
        DateRecognizer(),
        IpRecognizer(),
        CreditCardRecognizer(),
        CryptoRecognizer(),
        MacAddressRecognizer(),
        ValidatedNumberRecognizer(
            "IBAN_CODE", "IbanRecognizer", _IBAN, _valid_iban,
            cues=("iban", "account", "bank", "refund", "transfer"), scores=(0.9, 0.7, 0.5),
            shape=_iban_shaped,
        ),
    ]  # fmt: skip
