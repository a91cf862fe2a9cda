"""Replacement operators: consistency, granularity and honest fallbacks."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from qualbridge.schemas.config import DeidConfig
from qualbridge.tasks.deid.operators import (
    age_band,
    date_offset_days,
    month_year,
    replace_value,
    shift_date,
    surrogate,
)

KEY = b"operators-test-key-0123456789"
OTHER_KEY = b"another-consortium-key-987654"


@pytest.mark.parametrize(
    ("value", "width", "expected"),
    [
        ("34", 10, "[AGE 30-39]"),
        ("39", 10, "[AGE 30-39]"),
        ("58 years old", 10, "[AGE 50-59]"),
        ("34", 5, "[AGE 30-34]"),
        ("forties", 10, "[AGE 40-49]"),
        ("late twenties", 10, "[AGE 20-29]"),
        ("teens", 10, "[AGE 13-19]"),
        ("a while", 10, None),
    ],
)
def test_age_band(value: str, width: int, expected: str | None) -> None:
    assert age_band(value, width) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("the 3rd of March 2019", "March 2019"),
        ("14/06/2021", "June 2021"),
        ("March 2019", "March 2019"),
        ("12 May", "May"),
        ("2019", "2019"),
        ("not a date at all", None),
    ],
)
def test_month_year_generalises(value: str, expected: str | None) -> None:
    assert month_year(value) == expected


def test_date_shift_is_per_participant_consistent_and_keeps_granularity() -> None:
    offset = date_offset_days(KEY, "P-01", 180)
    assert offset != 0 and -180 <= offset <= 180
    assert date_offset_days(KEY, "P-01", 180) == offset
    shifted = [shift_date(v, KEY, "P-01", 180) for v in ("14/06/2021", "15/06/2021")]
    first, second = (s.split() for s in shifted)
    assert int(second[0]) - int(first[0]) in (1, -27, -28, -29, -30)  # one day apart
    assert shift_date("14/06/2021", KEY, "P-01", 180) != "14 June 2021"
    assert len(shift_date("12 May", KEY, "P-01", 180).split()) == 2  # no year invented
    assert shift_date("whenever", KEY, "P-01", 180) is None


def test_different_participants_get_independent_offsets() -> None:
    offsets = {date_offset_days(KEY, f"P-{i:02d}", 180) for i in range(20)}
    assert len(offsets) > 10


@pytest.mark.parametrize("entity_type", ["PERSON", "LOCATION", "ORGANIZATION", "STREET_ADDRESS"])
def test_surrogate_is_consistent_per_key_and_value(entity_type: str) -> None:
    first = surrogate(KEY, entity_type, "Bethany Holroyd")
    assert surrogate(KEY, entity_type, "bethany  holroyd") == first
    assert first != "Bethany Holroyd"
    assert {surrogate(OTHER_KEY, entity_type, "Bethany Holroyd"), first} != {first}


def test_single_word_person_gets_a_first_name() -> None:
    assert len(surrogate(KEY, "PERSON", "Bethany").split()) == 1


@pytest.mark.parametrize(
    ("action", "entity_type", "value", "applied"),
    [
        ("date_shift", "DATE_TIME", "whenever it was", "pseudonym"),
        ("month_year", "DATE_TIME", "14/06/2021", "month_year"),
        ("surrogate", "PERSON", "Bethany", "surrogate"),
        ("age_band", "AGE", "34", "age_band"),
        ("tag", "UK_NHS", "943 476 5919", "tag"),
    ],
)
def test_replace_value_reports_the_action_it_applied(action, entity_type, value, applied) -> None:
    replacement, used = replace_value(action, entity_type, value, KEY, "P-01", 180, 10)
    assert used == applied
    assert value not in replacement


@pytest.mark.parametrize(
    "actions",
    [{"UK_NHS": "surrogate"}, {"PERSON": "date_shift"}, {"DATE_TIME": "age_band"}],
)
def test_config_refuses_actions_that_do_not_fit_the_type(actions: dict[str, str]) -> None:
    with pytest.raises(ValidationError, match="cannot be used"):
        DeidConfig(actions=actions)
