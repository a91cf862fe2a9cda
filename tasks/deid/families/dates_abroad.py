"""Dates written in the configured countries' own languages: '7 augustus 1944', '15 de agosto'.

Month and weekday names come from dateparser's translation data, one language list per
country. A month counts only with a day number before it or a year after it ('maart 2021'):
a month name alone is too often a word ('mars', 'maj') to mask.
"""

from __future__ import annotations

import ast
import importlib.util
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from presidio_analyzer import EntityRecognizer

from qualbridge.tasks.deid.families.base import BuildContext
from qualbridge.tasks.deid.recognizers import GroupPatternRecognizer

# The languages dates are written in, per country this family serves.
LANGUAGES = {
    "AT": ("de",), "BE": ("fr", "nl", "de"), "BG": ("bg",), "HR": ("hr",), "CY": ("el",),
    "CZ": ("cs",), "DK": ("da",), "EE": ("et",), "FI": ("fi", "sv"), "FR": ("fr",),
    "DE": ("de",), "GR": ("el",), "HU": ("hu",), "IT": ("it",), "LV": ("lv",), "LT": ("lt",),
    "LU": ("fr", "de"), "MT": ("mt",), "NL": ("nl",), "PL": ("pl",), "PT": ("pt",),
    "RO": ("ro",), "SK": ("sk",), "SI": ("sl",), "ES": ("es", "ca"), "SE": ("sv",),
    "CA": ("fr",),
}  # fmt: skip
COUNTRIES = frozenset(LANGUAGES)
ENTITIES = ("DATE_TIME",)
_MONTH_KEYS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_DAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Shorter forms are abbreviations ('mar', 'jan') that read as words or names.
_SHORTEST_NAME = 4
_ENGLISH = frozenset(k.casefold() for k in (*_MONTH_KEYS, *_DAY_KEYS))
_DAY_NUMBER = r"(?:[12]\d|3[01]|0?[1-9])(?:\.|º|°|er|e|o)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_LINK = r"(?:\s+(?:de|del|d['’]|di)\s*|\s+)"  # '15 de agosto', 'enero de 2020'


@lru_cache(maxsize=64)
def _translation(language: str) -> dict[str, Any]:
    """dateparser's table for a language, read as the literal it is, without importing the
    dateparser package (its import costs start-up time the recognizers do not need)."""
    spec = importlib.util.find_spec("dateparser")
    if spec is None or spec.origin is None:
        return {}
    path = Path(spec.origin).parent / "data" / "date_translation_data" / f"{language}.py"
    if not path.is_file():
        return {}
    source = path.read_text(encoding="utf-8")
    table = ast.literal_eval(source.split("=", 1)[1].strip())
    return table if isinstance(table, dict) else {}


@lru_cache(maxsize=64)
def _names(language: str, keys: tuple[str, ...]) -> frozenset[str]:
    """A language's full names for these calendar keys, as dateparser lists them."""
    info = _translation(language)
    return frozenset(
        name.casefold()
        for key in keys
        for name in info.get(key, [])
        if len(name) >= _SHORTEST_NAME and name.casefold() not in _ENGLISH
    )


def _alternation(words: set[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def date_patterns(countries: frozenset[str]) -> list[tuple[str, float]]:
    """Day-month(-year) and month-year patterns in the countries' languages."""
    languages = {lang for c in countries & COUNTRIES for lang in LANGUAGES[c]}
    months = set().union(*(_names(lang, _MONTH_KEYS) for lang in languages))
    days = set().union(*(_names(lang, _DAY_KEYS) for lang in languages))
    if not months:
        return []
    month = rf"(?:{_alternation(months)})\.?"
    weekday = rf"(?:(?:{_alternation(days)}),?\s+)?" if days else ""
    return [
        # 'venerdì 12 luglio', '7 augustus 1944', '15 de agosto de 2023', '12. März'
        (
            rf"(?i)(?<![\w.])(?P<value>{weekday}{_DAY_NUMBER}{_LINK}{month}(?:,?{_LINK}{_YEAR})?)"
            r"(?![^\W\d_])",
            0.85,
        ),
        # 'maart 2021', 'enero de 2020'
        (rf"(?i)(?<![\w])(?P<value>{month}{_LINK}{_YEAR})(?!\d)", 0.8),
    ]


def build(context: BuildContext) -> list[EntityRecognizer]:
    """One recognizer of dates in the configured countries' languages."""
    patterns = date_patterns(context.countries)
    return (
        [GroupPatternRecognizer("DATE_TIME", "DateAbroadRecognizer", patterns)] if patterns else []
    )
