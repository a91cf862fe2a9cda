"""Tests of the GX suite compiled from the release contract."""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

from qualbridge.tasks.quality.gx_suite import (
    build_suite,
    check_specs,
    run_suites,
    to_check_results,
    validate_frame,
)
from qualbridge.tasks.shared.contracts import NamedPattern, load_contract

CONTRACT = Path(__file__).parents[3] / "data_contracts" / "deidentified_utterances.odcs.yaml"
TAGS = [
    "[PERSON-3f9a1b2c]",
    "[PHONE_NUMBER-0a1b2c3d]",
    "[PHONE_NUMBER-07123456]",
    "[EMAIL_ADDRESS-12345678]",
    "[UK_NHS-0123abcd]",
    "[UK_POSTCODE-ab12cd34]",
    "[UK_NINO-ab123456]",
    "[URL-deadbeef]",
]
CHECKS = [
    "utterances.row_count",
    *(f"utterance_id.{c}" for c in ("exists", "not_null", "unique", "pattern")),
    *(f"transcript_id.{c}" for c in ("exists", "not_null")),
    *(f"study_id.{c}" for c in ("exists", "not_null", "pattern")),
    *(f"seq.{c}" for c in ("exists", "not_null", "range")),
    *(f"speaker_role.{c}" for c in ("exists", "not_null", "valid_values")),
    *(f"text.{c}" for c in ("exists", "not_null")),
    *(f"text.no_{p}" for p in ("email", "uk_phone", "nhs_number", "uk_postcode", "ni_number")),
    "text.no_url",
    *(f"n_words.{c}" for c in ("exists", "not_null", "range")),
]


@pytest.fixture(scope="module")
def contract():
    return load_contract(CONTRACT)


def clean_frame() -> pd.DataFrame:
    """Eight de-identified turns carrying every kind of pseudonym tag."""
    n = len(TAGS)
    return pd.DataFrame(
        {
            "utterance_id": [f"demo_study:T001:{i:04d}" for i in range(n)],
            "transcript_id": ["T001"] * n,
            "study_id": ["demo_study"] * n,
            "seq": list(range(n)),
            "speaker_role": ["interviewer", "participant"] * (n // 2),
            "text": [f"So {tag} told me about it on 12/03 at 10:30." for tag in TAGS],
            "n_words": [9] * n,
        }
    )


def set_cell(column: str, value: object, row: int = 1):
    """A mutation that puts value in one cell and lets pandas re-infer the column dtype."""

    def mutate(df: pd.DataFrame) -> pd.DataFrame:
        values = df[column].tolist()
        values[row] = value
        df[column] = pd.Series(values, index=df.index)
        return df

    return mutate


def failing(results) -> set[str]:
    return {r.check for r in results if not r.success}


def serialized(suite_results) -> str:
    return json.dumps([r.to_json_dict() for r in suite_results], default=str)


def test_suite_compiles_every_contract_rule(contract):
    suite = build_suite(contract)
    assert [e.meta["check"] for e in suite.expectations] == CHECKS
    assert [s.check for s in check_specs(contract)] == CHECKS
    assert {s.check for s in check_specs(contract) if s.withhold_values} == {
        c for c in CHECKS if c.startswith("text.")
    }


def test_clean_frame_with_pseudonym_tags_passes_every_check(contract):
    results = validate_frame(clean_frame(), contract)
    assert [r.check for r in results] == CHECKS
    assert [(r.check, r.success, r.broken) for r in results if not r.success or r.broken] == []
    assert {r.contract_id for r in results} == {"qualbridge-deidentified-utterances"}


@pytest.mark.parametrize(
    ("column", "value", "check", "count", "detail"),
    [
        ("utterance_id", None, "utterance_id.not_null", 1, "1 of 8 rows failed"),
        ("utterance_id", "demo_study:T001:0000", "utterance_id.unique", 2, "2 of 8 rows failed"),
        ("utterance_id", "demo_study:T001:12", "utterance_id.pattern", 1, "1 of 8 rows failed"),
        ("transcript_id", None, "transcript_id.not_null", 1, "1 of 8 rows failed"),
        ("study_id", None, "study_id.not_null", 1, "1 of 8 rows failed"),
        ("study_id", "Demo-Study", "study_id.pattern", 1, "1 of 8 rows failed"),
        ("seq", None, "seq.not_null", 1, "1 of 8 rows failed"),
        ("seq", -987654, "seq.range", 1, "1 of 8 rows failed"),
        ("speaker_role", None, "speaker_role.not_null", 1, "1 of 8 rows failed"),
        ("speaker_role", "Dr Jane Roe", "speaker_role.valid_values", 1, "1 of 8 rows failed"),
        ("text", None, "text.not_null", None, "failed; values and counts withheld"),
        ("n_words", None, "n_words.not_null", 1, "1 of 8 rows failed"),
        ("n_words", -876543, "n_words.range", 1, "1 of 8 rows failed"),
        (None, None, "utterances.row_count", None, "0 rows"),
    ],
)
def test_each_violation_fails_exactly_its_check_without_copying_values(
    contract, column, value, check, count, detail
):
    frame = set_cell(column, value)(clean_frame()) if column else clean_frame().iloc[0:0]
    suite_results = run_suites(frame, contract)
    results = to_check_results(contract, suite_results)
    assert failing(results) == {check}
    assert not any(r.broken for r in results)
    [hit] = [r for r in results if r.check == check]
    assert (hit.unexpected_count, hit.detail) == (count, detail)
    if value is not None:
        assert str(value) not in repr(results) + serialized(suite_results)


@pytest.mark.parametrize(
    ("planted", "check"),
    [
        ("jane.doe@example.org", "text.no_email"),
        ("+44 7700 900123", "text.no_uk_phone"),
        ("943 476 5919", "text.no_nhs_number"),
        ("SW1A 1AA", "text.no_uk_postcode"),
        ("AB123456C", "text.no_ni_number"),
        ("www.example-clinic.org", "text.no_url"),
    ],
)
def test_planted_pii_fails_its_check_and_never_reaches_results(contract, planted, check):
    sentence = f"Honestly you can find me at {planted} most days."
    suite_results = run_suites(set_cell("text", sentence, row=3)(clean_frame()), contract)
    results = to_check_results(contract, suite_results)
    assert failing(results) == {check}
    [hit] = [r for r in results if r.check == check]
    assert (hit.broken, hit.unexpected_count) == (False, None)
    for shown in (repr(results), serialized(suite_results)):
        assert planted not in shown
        assert sentence not in shown


def _drop_n_words(df: pd.DataFrame) -> pd.DataFrame:
    return df.drop(columns=["n_words"])


def _bad_regex(contract):
    text = contract.column("text")
    broken = dataclasses.replace(text, residual_pii=(NamedPattern("email", "([a-z"),))
    columns = tuple(broken if c.name == "text" else c for c in contract.columns)
    return dataclasses.replace(contract, columns=columns)


@pytest.mark.parametrize(
    ("mutate", "edit_contract", "broken", "failed"),
    [
        (_drop_n_words, None, {"n_words.not_null", "n_words.range"}, {"n_words.exists"}),
        (set_cell("seq", "Sally Example"), None, {"seq.range"}, set()),
        (None, _bad_regex, {"text.no_email"}, set()),
    ],
)
def test_checks_that_raise_are_broken_not_failed(contract, mutate, edit_contract, broken, failed):
    frame = mutate(clean_frame()) if mutate else clean_frame()
    contract = edit_contract(contract) if edit_contract else contract
    suite_results = run_suites(frame, contract)
    results = to_check_results(contract, suite_results)
    assert {r.check for r in results if r.broken} == broken
    assert failing(results) - broken == failed
    for r in results:
        if r.broken:
            assert not r.success
            assert r.unexpected_count is None
            assert r.detail.startswith("broken: ") and "Error" in r.detail
    assert "Sally" not in repr(results) + serialized(suite_results)


TRACEBACK = (
    "Traceback (most recent call last):\n"
    '  File "metric.py", line 9, in compute\n'
    "    check(value)\n"
    "ValueError: bad cell 'Sally Example'\n"
    "Sally: a second message line\n"
    "\nThe above exception was the direct cause of the following exception:\n\n"
    "Traceback (most recent call last):\n"
    '  File "graph.py", line 3, in resolve\n'
    "    raise MetricResolutionError(str(exc))\n"
    "great_expectations.exceptions.exceptions.MetricResolutionError: bad cell 'Sally Example'\n"
)


@pytest.mark.parametrize(
    ("exception_info", "broken", "detail"),
    [
        (
            {
                "raised_exception": True,
                "exception_message": "Sally",
                "exception_traceback": TRACEBACK,
            },
            True,
            "broken: ValueError -> MetricResolutionError",
        ),
        (
            {"metric-id": {"raised_exception": True, "exception_traceback": TRACEBACK}},
            True,
            "broken: ValueError -> MetricResolutionError",
        ),
        (
            {"raised_exception": True, "exception_message": "Sally Example"},
            True,
            "broken: unknown exception",
        ),
        ({"raised_exception": False, "exception_message": None}, False, "passed"),
    ],
)
def test_exception_messages_never_reach_check_results(contract, exception_info, broken, detail):
    config = SimpleNamespace(meta={"check": "utterances.row_count"})
    gx_result = SimpleNamespace(
        expectation_config=config, exception_info=exception_info, result={}, success=not broken
    )
    [result] = to_check_results(
        contract, [SimpleNamespace(results=[gx_result])], check_specs(contract)[:1]
    )
    assert (result.broken, result.detail) == (broken, detail)
    assert "Sally" not in repr(result)


def test_gx_writes_nothing_and_has_analytics_off(contract, tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(home))
    validate_frame(clean_frame(), contract)
    assert [p.name for p in tmp_path.rglob("*")] == ["home"]
    assert os.environ["GX_ANALYTICS_ENABLED"] == "false"


@pytest.mark.parametrize(
    ("references", "success", "broken", "count"),
    [
        ({"utterances.utterance_id": {"s:t:0001", "s:t:0002", None}}, True, False, 0),
        ({"utterances.utterance_id": {"s:t:0001"}}, False, False, 1),
        ({}, False, True, None),
    ],
)
def test_relationships_become_value_set_checks(references, success, broken, count):
    from qualbridge.tasks.shared.contract_catalog import contract_for

    detections = contract_for("detections")
    frame = pd.DataFrame({"utterance_id": ["s:t:0001", "s:t:0002"]})
    results = {r.check: r for r in validate_frame(frame, detections, references)}
    result = results["utterance_id.references.utterances.utterance_id"]
    assert (result.success, result.broken, result.unexpected_count) == (success, broken, count)
    assert result.contract_version == detections.version


@pytest.mark.parametrize(("present", "checked"), [(False, False), (True, True)])
def test_optional_columns_are_checked_only_when_present(present, checked):
    from qualbridge.tasks.shared.contract_catalog import contract_for

    comparison = contract_for("theme_comparison")
    frame = pd.DataFrame({"theme_id": ["hope"], **({"p_value": [1.5]} if present else {})})
    results = {r.check: r for r in validate_frame(frame, comparison)}
    assert ("p_value.range" in results) is checked
    assert "p_value.exists" not in results
    if checked:
        assert not results["p_value.range"].success
