"""Replacement operators: keyed pseudonyms, consistent surrogates, tags, date shifts, age bands."""

from __future__ import annotations

import hashlib
import hmac
import re
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from qualbridge.tasks.shared.pseudonym import normalise_value, pseudonym

if TYPE_CHECKING:  # each costs a fifth of a second to import: loaded when first used
    from dateparser.date import DateDataParser
    from faker import Faker

# Surrogates look real, so the residual-PII gate could not tell them from leaks: only types
# without a checkable format get them.
SURROGATE_TYPES = frozenset({"PERSON", "LOCATION", "ORGANIZATION", "STREET_ADDRESS"})
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b|\b\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}\b")
_DECADES = {
    "teens": 13, "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
    "seventies": 70, "eighties": 80, "nineties": 90,
}  # fmt: skip
_DATE_SETTINGS = {
    "DATE_ORDER": "DMY",
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PARSERS": ["absolute-time", "custom-formats"],
}


def _keyed_int(key: bytes, purpose: str, value: str) -> int:
    message = f"{purpose}\x1f{value}".encode()
    return int.from_bytes(hmac.new(key, message, hashlib.sha256).digest()[:8], "big")


@lru_cache(maxsize=1)
def _faker() -> Faker:
    from faker import Faker

    return Faker("en_GB")


def surrogate(key: bytes, entity_type: str, value: str) -> str:
    """A realistic stand-in, the same for the same keyed value (first name for one word)."""
    fake = _faker()
    fake.seed_instance(_keyed_int(key, f"surrogate:{entity_type}", normalise_value(value)))
    if entity_type == "PERSON":
        return fake.first_name() if len(value.split()) == 1 else fake.name()
    if entity_type == "LOCATION":
        return fake.city()
    if entity_type == "ORGANIZATION":
        return fake.company()
    return fake.street_address().replace("\n", ", ")


@lru_cache(maxsize=1)
def _date_parser() -> DateDataParser:
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings=_DATE_SETTINGS)


def parse_date(value: str) -> tuple[date, str, bool] | None:
    """(date, granularity 'day'|'month'|'year', whether a year was written) or None."""
    data = _date_parser().get_date_data(value)
    if data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day", bool(_YEAR.search(value))


def _format(day: date, period: str, with_year: bool) -> str:
    if period == "year":
        return f"{day.year}"
    text = f"{day:%B}" if period == "month" else f"{day.day} {day:%B}"
    return f"{text} {day.year}" if with_year else text


def date_offset_days(key: bytes, participant: str, max_days: int) -> int:
    """A keyed non-zero shift in [-max_days, max_days], shared by all of a participant's dates."""
    offset = _keyed_int(key, "date-shift", participant) % (2 * max_days + 1) - max_days
    return offset or max_days


def shift_date(value: str, key: bytes, participant: str, max_days: int) -> str | None:
    """The date moved by the participant's offset, at its own granularity; None if unparsed."""
    parsed = parse_date(value)
    if parsed is None:
        return None
    day, period, with_year = parsed
    return _format(
        day + timedelta(days=date_offset_days(key, participant, max_days)), period, with_year
    )


def month_year(value: str) -> str | None:
    """The date generalised to its month (and year when written); None if unparsed."""
    parsed = parse_date(value)
    if parsed is None:
        return None
    day, period, with_year = parsed
    return _format(day, "year" if period == "year" else "month", with_year)


def age_band(value: str, width: int) -> str | None:
    """'34' -> '[AGE 30-39]' for width 10; 'forties' -> '[AGE 40-49]'; None if no age found."""
    digits = re.search(r"\d{1,3}", value)
    decade = next((age for word, age in _DECADES.items() if word in value.casefold()), None)
    if digits is None and decade is None:
        return None
    if digits is None:
        assert decade is not None  # at least one of digits and decade was found
        return "[AGE 13-19]" if decade == 13 else f"[AGE {decade}-{decade + 9}]"
    low = int(digits.group()) // width * width
    return f"[AGE {low}-{low + width - 1}]"


def replace_value(
    action: str,
    entity_type: str,
    value: str,
    key: bytes,
    participant: str,
    max_shift_days: int,
    age_band_width: int,
) -> tuple[str, str]:
    """The replacement text and the action actually applied (unparseable values get pseudonyms)."""
    replacement: str | None
    if action == "tag":
        replacement = f"[{entity_type}]"
    elif action == "redact":
        replacement = "[REDACTED]"
    elif action == "surrogate" and entity_type in SURROGATE_TYPES:
        replacement = surrogate(key, entity_type, value)
    elif action == "date_shift":
        replacement = shift_date(value, key, participant, max_shift_days)
    elif action == "month_year":
        replacement = month_year(value)
    elif action == "age_band":
        replacement = age_band(value, age_band_width)
    else:
        replacement = None
    if replacement is None:
        return pseudonym(key, entity_type, value), "pseudonym"
    return replacement, action
