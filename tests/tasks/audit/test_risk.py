"""k-anonymity, l-diversity and generalisation suggestions on small, hand-made records."""

from __future__ import annotations

import pytest

from qualbridge.schemas.config import RiskConfig
from qualbridge.tasks.audit.generalise import age_band, region
from qualbridge.tasks.audit.risk import flag_records, suggestions

RECORDS = {
    "P1": {"age": "34", "town": "Leeds", "diagnosis": "depression"},
    "P2": {"age": "36", "town": "Bradford", "diagnosis": "anxiety"},
    "P3": {"age": "34", "town": "Leeds", "diagnosis": "anxiety"},
    "P4": {"age": "71", "town": "Glasgow", "diagnosis": "psychosis"},
    "P5": {"age": "38", "town": "Halifax", "diagnosis": "depression"},
}


@pytest.mark.parametrize(
    ("risk", "flagged"),
    [
        (RiskConfig(quasi_identifiers=["age", "town"], k=2), ["P2", "P4", "P5"]),
        (RiskConfig(quasi_identifiers=["age", "town"], k=3), ["P1", "P2", "P3", "P4", "P5"]),
        (RiskConfig(quasi_identifiers=["town"], k=1), []),
        # P1 and P3 share a group of two but only if diagnoses differ do they pass l=2.
        (RiskConfig(quasi_identifiers=["age", "town"], sensitive=["diagnosis"], k=1, l=2),
         ["P2", "P4", "P5"]),
        # A column no record has puts everyone in one group of five.
        (RiskConfig(quasi_identifiers=["missing_column"], k=5), []),
        (RiskConfig(quasi_identifiers=["missing_column"], k=6), ["P1", "P2", "P3", "P4", "P5"]),
    ],
)  # fmt: skip
def test_flagged_records(risk: RiskConfig, flagged: list[str]) -> None:
    assert [f.participant_id for f in flag_records(RECORDS, risk)] == flagged


def test_l_diversity_flags_a_group_with_one_sensitive_value() -> None:
    records = {p: {"town": "Leeds", "diagnosis": "anxiety"} for p in ("A", "B", "C")}
    risk = RiskConfig(quasi_identifiers=["town"], sensitive=["diagnosis"], k=3, l=2)
    flags = flag_records(records, risk)
    assert [(f.size, f.diversity) for f in flags] == [(3, 1)] * 3


@pytest.mark.parametrize(
    ("value", "band"),
    [("34", "30-39"), ("30", "30-39"), ("9", "0-9"), ("45-54", "40-59"), ("18-24", "14-27"),
     ("unknown", "unknown")],
)  # fmt: skip
def test_age_band(value: str, band: str) -> None:
    assert age_band(value) == band


@pytest.mark.parametrize(
    ("town", "expected"),
    [("Leeds", "Yorkshire and The Humber"), ("glasgow", "Scotland"), ("Nowhereton", "other")],
)
def test_region(town: str, expected: str) -> None:
    assert region(town) == expected


def test_suggestions_show_how_many_records_stay_flagged() -> None:
    risk = RiskConfig(quasi_identifiers=["age", "town"], k=2)
    found = {s.description: s.flagged_after for s in suggestions(RECORDS, risk)}
    assert found["age: wider age band (10 years, or twice the band)"] == 3
    assert found["town: region instead of town"] == 3  # ages 36, 71 and 38 stay unique
    assert found["all the gentlest generalisations together"] == 1  # only P4 (71, Scotland)
    assert found["town: suppress (drop the attribute)"] == 3
