"""Dates in the configured countries' languages: a day or a year makes a month name a date."""

from __future__ import annotations

import pytest

from qualbridge.tasks.deid.families.dates_abroad import date_patterns
from qualbridge.tasks.deid.recognizers import GroupPatternRecognizer

EU = frozenset({"NL", "FR", "ES", "IT", "DE", "PL"})


def dates(text: str, countries: frozenset[str] = EU) -> list[str]:
    """The longest dates found: a month-year inside a day-month-year is one date."""
    recognizer = GroupPatternRecognizer("DATE_TIME", "DateAbroad", date_patterns(countries))
    spans = {(r.start, r.end) for r in recognizer.analyze(text, [])}
    longest = [s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)]
    return [text[start:end] for start, end in sorted(longest)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mevrouw J. van der Berg, geboren 7 augustus 1944.", ["7 augustus 1944"]),
        ("suite à notre entretien du 12 octobre, je", ["12 octobre"]),
        ("in de studie sinds maart 2021; mijn nummer", ["maart 2021"]),
        ("arranged for venerdì 12 luglio; mother will travel", ["venerdì 12 luglio"]),
        ("hasta el 15 de agosto; si necesitáis algo", ["15 de agosto"]),
        ("am 12. März 2023 in Berlin", ["12. März 2023"]),
        ("urodzona 3 maja 1950 w Krakowie", ["3 maja 1950"]),
        # A month name alone, or an English month, is left to the other rules.
        ("la mars était bonne", []),
        ("the 6 March 2024 review", []),
        ("a Mars bar and 2 mars", ["2 mars"]),
    ],
)
def test_dates_abroad(text: str, expected: list[str]) -> None:
    assert dates(text) == expected


def test_only_the_configured_countries_languages() -> None:
    assert dates("geboren 7 augustus 1944", frozenset({"GB", "US"})) == []
    assert dates("geboren 7 augustus 1944", frozenset({"NL"})) == ["7 augustus 1944"]
