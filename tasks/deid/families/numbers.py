"""Any long run of digits in speech: someone's number until a rule knows it is harmless; and
a shorter code right after the word that labels it ('badge number, LCC 27741')."""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from qualbridge.tasks.deid.families.base import BuildContext
from qualbridge.tasks.deid.recognizers import GroupPatternRecognizer
from qualbridge.tasks.deid.token_recognizers import recognizer_result

ENTITIES = ("ID_NUMBER",)
MIN_DIGITS = 6
# Digits joined by single spaces, dots or dashes, with letters stuck to either end ('6524903s'),
# or capitals set apart by a space as references write them ('AA 7731 0925 K'; not 'I', 'A').
_RUN = re.compile(
    r"(?<![\w.,])(?:[A-Z]{1,2}\s(?=\d))?[A-Za-z]{0,2}\d(?:[\s.\-/]?\d)+[A-Za-z]{0,2}"
    r"(?:\s(?![IA]\b)[A-Z](?![\w'’]))?(?![\w])"
)
# Digits said one at a time, the pauses written as commas: '0 7 8 4 5, 3 3 2, 9 1 0'. Each
# element is one digit, so a list of amounts ('101, 102, 103') is not one run.
_SINGLE_DIGITS = re.compile(r"(?<![\w.,])\d(?:,?\s\d)+(?![\w])")
# Harmless shapes: a year range, a clock time, an amount with a decimal part or unit.
_HARMLESS = re.compile(
    r"^(?:(?:19|20)\d{2}\s?[-/]\s?(?:19|20)?\d{2}|\d{1,2}[.:]\d{2}(?:[.:]\d{2})?)$"
)
_UNIT_AFTER = re.compile(
    # No one-letter unit ('k', 'p'): after six digits or more it is a reference's letter.
    r"\s*(?:%|(?:percent|mg|mcg|ml|kg|grams?|milligrams?|micrograms?|units?|pounds|quid"
    r"|dollars|euros|pence|miles|km|steps|calories|words|people|years)\b)",
    re.IGNORECASE,
)
_CURRENCY_BEFORE = re.compile(r"[£$€]\s*$")


def is_harmless(text: str, start: int, end: int) -> bool:
    """A year range, a clock time, an amount of money or of a unit: not anybody's number."""
    return bool(
        _HARMLESS.match(text[start:end].strip())
        or _UNIT_AFTER.match(text, end)
        or _CURRENCY_BEFORE.search(text, max(0, start - 2), start)
    )


class DigitRunRecognizer(EntityRecognizer):
    """Six or more digits in one run: masked unless it is a year range, a time or an amount."""

    def __init__(self) -> None:
        super().__init__(
            supported_entities=["ID_NUMBER"], name="DigitRunRecognizer", supported_language="en"
        )

    def load(self) -> None:
        """Nothing to load."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """One result per long run that no harmless rule explains."""
        results = []
        for match in (*_RUN.finditer(text), *_SINGLE_DIGITS.finditer(text)):
            if sum(ch.isdigit() for ch in match.group()) < MIN_DIGITS or is_harmless(
                text, match.start(), match.end()
            ):
                continue
            results.append(recognizer_result(self, "ID_NUMBER", match.start(), match.end(), 0.5))
        return results


# What a reference is called, then the reference: capitals and three digits or more
# ('participant code P-0093', 'badge number, LCC 27741'), or four digits or more ('case 48213').
CODE_LABEL = (
    r"(?i:\b(?:reference|ref|code|number|no\.?|id|badge|pin|account|case|claim|membership|member"
    r"|patient|hospital|crime|payroll|staff|student|tenancy|booking|order|policy|customer"
    r"|client|participant)(?:\s+(?:number|no\.?|code|id|ref))?(?:\s+(?:is|was)|['’]s|:)?"
    r"[\s,]+"
    # A label in capitals, as health and national numbers are named ('my NHI is ZMV8649').
    r"|\b[A-Z]{2,5}(?:\s+(?i:number|no\.?))?(?:\s+(?i:is|was)|['’]s|:)[\s,]+)"
)
# Not part of a range ('2019-2020') nor an amount of a unit ('12000 steps').
_CUED_CODE = (
    rf"{CODE_LABEL}(?P<value>[A-Z]{{1,4}}\d{{0,3}}[ \-/]?\d{{3,}}(?:[ \-/]\d+)*"
    r"(?:[\-/]?[A-Z]{1,3})?"
    rf"|\d{{4,}})"
    rf"(?![\w\-/])(?!(?i:{_UNIT_AFTER.pattern}))"
)


# Letters, digits and letters in groups, as number plates are written: 'GH-482-TK' (France,
# Spain, Poland), 'YK17 HTU' (UK, the space optional). Short codes of this shape ('A4', 'PS5',
# 'COVID-19') have too few letters or digits.
# Ireland's year, county and number: '191-KY-4408', '07-D-12345'.
_PLATE = (
    r"(?<![\w\-])(?P<value>[A-Z]{1,3}-\d{2,4}-[A-Z]{1,3}|[A-Z]{2}\d{2}\s?[A-Z]{3}"
    r"|\d{2,3}-[A-Z]{1,2}-\d{1,6})(?![\w\-])"
)


# The last digits of a card or account, which narrow it down: 'the card ending 3365', 'last
# four digits are 0912'.
_LAST_DIGITS = (
    r"(?i:\b(?:ending(?:\s+in)?|ends\s+(?:in|with)|last\s+(?:four|4|five|5)(?:\s+digits)?"
    r"(?:\s+(?:are|is|were|was))?)[\s:,]+)(?!(?:19|20)\d\d\b)(?P<value>\d{4,5})\b"
)


# Two to four capitals and four digits or more, typed as one code: 'ZAC5124', 'BA2490' (not
# a road, 'A6120', nor a model, 'PS5').
_CAPITALS_AND_DIGITS = r"(?<![\w\-/])(?P<value>[A-Z]{2,4}\d{4,7}[A-Z]?)(?![\w\-/])"
# Letters and digits in three parts or more joined by slashes: '4187/P/2021', 'GHA/T/0093341'
# (a date, '12/03/2023', has no letter; 'w/e' no digit).
_SLASHED_CODE = (
    r"(?<![\w/])(?P<value>(?=[\w/]*\d)(?=[\w/]*[A-Za-z])[A-Za-z0-9]+(?:/[A-Za-z0-9]+){2,})"
    r"(?![\w/])"
)
# Capitals and digits in three parts or more joined by hyphens, three digits in a row:
# 'WCBC-HOU-55127', 'MRN-2024-00817' (not 'COVID-19' nor 'x-ray-2').
_HYPHENED_CODE = (
    r"(?<![\w\-])(?P<value>(?=[A-Z0-9\-]*\d{3})(?=[A-Z0-9\-]*[A-Z])[A-Z0-9]+(?:-[A-Z0-9]+){2,})"
    r"(?![\w\-])"
)
# A plate after its label, in any country's shape and word for it: 'rego 1HK 4ZT', 'reg is
# KX65 LMN', 'Targa FK 482 LM', 'Nr rej. WX 48213', 'placa RJB4E72', 'Kennzeichen B-MK 4821'.
_CUED_PLATE = (
    r"(?i:\b(?:rego|reg|registration|number\s+plate|licen[cs]e\s+plate|plate|targa|placa"
    r"|plaque|kenteken|kennzeichen|matr[ií]cula|immatriculation|nr\.?\s+rej\.?|rejestracja)"
    r"(?:\s+(?:number|no\.?))?"
    r"(?:\s+(?:is|was)|['’]s|:)?\s+)"
    r"(?P<value>(?=[A-Z0-9 \-]*\d)(?=[A-Z0-9 \-]*[A-Z])[A-Z0-9]{1,4}[ \-]?[A-Z0-9]{2,5}"
    r"(?:[ \-][A-Z]{2,3}(?![\w\-])|-\d{2,3}(?![\w\-]))?)(?![\w\-])"
)
# A code typed as one word of capitals and digits mixed, with three digits or more and two
# letters or more: 'RJB4E72', 'S3000620H', '961D047233' (not 'COVID19', 'MP3' or 'PS5').
_MIXED_CODE = (
    r"(?<![\w\-/])(?P<value>(?=(?:[A-Z]*\d){3})(?=(?:\d*[A-Z]){1})"
    r"(?=[A-Z0-9]*[A-Z][A-Z0-9]*\d[A-Z0-9]*[A-Z]|[A-Z0-9]*\d[A-Z0-9]*[A-Z][A-Z0-9]*\d)"
    r"[A-Z0-9]{6,12})(?![\w\-/])"
)


def cued_code_recognizer() -> GroupPatternRecognizer:
    """A short code or number right after the word that labels it as a reference, and codes
    by their shape: number plates, capitals and digits, parts joined by slashes or hyphens."""
    patterns = [
        _CUED_CODE, _PLATE, _LAST_DIGITS, _CAPITALS_AND_DIGITS, _SLASHED_CODE, _HYPHENED_CODE,
        _CUED_PLATE, _MIXED_CODE,
    ]  # fmt: skip
    return GroupPatternRecognizer("ID_NUMBER", "CuedCodeRecognizer", [(p, 0.6) for p in patterns])


def build(context: BuildContext) -> list[EntityRecognizer]:
    """The digit-run and labelled-code recognizers."""
    return [DigitRunRecognizer(), cued_code_recognizer()]
