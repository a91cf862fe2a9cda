"""Tests of loading ODCS contracts into the check model."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from qualbridge.tasks.shared.contracts import ContractError, load_contract, parse_contract

CONTRACT = Path(__file__).parents[3] / "data_contracts" / "deidentified_utterances.odcs.yaml"
UTTERANCE_ID = r"^[a-z0-9_]+:[^:]+:[0-9]{4}$"
ROLES = ("interviewer", "participant", "therapist", "client", "peer_worker", "other")

MINIMAL: dict[str, Any] = {
    "apiVersion": "v3.1.0",
    "kind": "DataContract",
    "id": "c1",
    "version": "1.0.0",
    "status": "draft",
    "schema": [
        {
            "name": "utterances",
            "properties": [
                {"name": "utterance_id", "logicalType": "string"},
                {"name": "text", "logicalType": "string"},
            ],
        }
    ],
}


def _doc(edit=None) -> dict[str, Any]:
    doc = copy.deepcopy(MINIMAL)
    if edit:
        edit(doc)
    return doc


def _prop(doc: dict[str, Any], index: int = 0) -> dict[str, Any]:
    return doc["schema"][0]["properties"][index]


def _set_quality(rule: dict[str, Any], index: int = 0):
    return lambda doc: _prop(doc, index).setdefault("quality", []).append(rule)


def _residual(patterns: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    impl = {"check": "residualPii", "mustMatchRows": 0, "patterns": patterns, **extra}
    return {"type": "custom", "engine": "qualbridge", "implementation": impl}


@pytest.fixture(scope="module")
def release():
    return load_contract(CONTRACT)


def test_release_contract_identity(release):
    assert (release.contract_id, release.version, release.dataset) == (
        "qualbridge-deidentified-utterances",
        "1.0.0",
        "utterances",
    )
    assert (release.min_rows, release.max_rows) == (1, None)
    assert release.source == str(CONTRACT)


@pytest.mark.parametrize(
    ("name", "required", "unique", "valid_values", "pattern", "minimum", "withheld"),
    [
        ("utterance_id", True, True, None, UTTERANCE_ID, None, False),
        ("transcript_id", True, False, None, None, None, False),
        ("study_id", True, False, None, r"^[a-z0-9_]+$", None, False),
        ("seq", True, False, None, None, 0, False),
        ("speaker_role", True, False, ROLES, None, None, False),
        ("text", True, False, None, None, None, True),
        ("n_words", True, False, None, None, 0, False),
    ],
)
def test_release_contract_columns(
    release, name, required, unique, valid_values, pattern, minimum, withheld
):
    col = release.column(name)
    assert (col.required, col.unique, col.valid_values) == (required, unique, valid_values)
    assert (col.pattern, col.minimum, col.withhold_values) == (pattern, minimum, withheld)


def test_release_contract_residual_pii_sits_on_text_only(release):
    names = {c.name: [p.name for p in c.residual_pii] for c in release.columns}
    assert names.pop("text") == [
        "email",
        "uk_phone",
        "nhs_number",
        "uk_postcode",
        "ni_number",
        "url",
    ]
    assert all(not pats for pats in names.values())
    assert release.column("text").classification == "deidentified-free-text"


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("demo_study:T001:0001", True),
        ("demo_study:T001:1", False),
        ("Demo_Study:T001:0001", False),
        ("demo_study:T:001:0001", False),
        ("demo_study::0001", False),
    ],
)
def test_utterance_id_pattern(release, value, valid):
    assert bool(re.search(release.column("utterance_id").pattern, value)) is valid


@pytest.mark.parametrize(
    ("rule", "bounds"),
    [
        ({"mustBeGreaterThan": 0}, (1, None)),
        ({"mustBeGreaterOrEqualTo": 5}, (5, None)),
        ({"mustBeLessThan": 100}, (None, 99)),
        ({"mustBeLessOrEqualTo": 100}, (None, 100)),
        ({"mustBe": 7}, (7, 7)),
        ({"mustBeBetween": [10, 20]}, (11, 19)),
    ],
)
def test_row_count_operators(rule, bounds):
    def edit(doc):
        doc["schema"][0]["quality"] = [{"metric": "rowCount", **rule}]

    contract = parse_contract(_doc(edit))
    assert (contract.min_rows, contract.max_rows) == bounds


@pytest.mark.parametrize(
    ("edit", "required", "unique"),
    [
        (None, False, False),
        (lambda d: _prop(d).update(required=True, unique=True), True, True),
        (_set_quality({"metric": "nullValues", "mustBe": 0}), True, False),
        (_set_quality({"metric": "duplicateValues", "mustBeLessThan": 1}), False, True),
        (_set_quality({"type": "text", "description": "Looks right."}), False, False),
    ],
)
def test_required_and_unique_from_flags_or_rules(edit, required, unique):
    col = parse_contract(_doc(edit)).column("utterance_id")
    assert (col.required, col.unique) == (required, unique)


def test_other_engines_custom_rules_are_left_to_them():
    rule = {"type": "custom", "engine": "soda", "implementation": "type: row_count"}
    assert parse_contract(_doc(_set_quality(rule))).column("utterance_id").residual_pii == ()


def test_personal_data_defaults_to_withheld():
    def edit(doc):
        _prop(doc)["customProperties"] = [{"property": "personalData", "value": "none"}]

    contract = parse_contract(_doc(edit))
    assert contract.column("utterance_id").withhold_values is False
    assert contract.column("text").withhold_values is True


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (lambda d: d.update(kind="DataProduct"), "kind must be DataContract"),
        (lambda d: d.update(apiVersion="v2.2.2"), "apiVersion must be one of"),
        (lambda d: d.update(version=1.0), "version"),
        (lambda d: d.pop("id"), "id: a non-empty string"),
        (lambda d: d.update(schema=[]), "0 objects"),
        (lambda d: d["schema"][0].update(properties=[]), "at least one property"),
        (lambda d: _prop(d, 1).update(name="utterance_id"), "names must be unique"),
        (lambda d: _prop(d).update(required="yes"), "required: must be true or false"),
        (
            lambda d: _prop(d).update(logicalTypeOptions={"maxLength": 5}),
            "'maxLength' is not supported",
        ),
        (_set_quality({"metric": "nullValues", "mustBeLessThan": 5}), "zero threshold"),
        (_set_quality({"metric": "nullValues", "mustBe": 0, "unit": "percent"}), "percent"),
        (_set_quality({"metric": "nullValues"}), "exactly one mustBe"),
        (_set_quality({"metric": "invalidValues", "mustBe": 0}), "validValues or .pattern"),
        (_set_quality({"metric": "rowCount", "mustBe": 1}), "'rowCount' is not supported"),
        (_set_quality({"type": "sql", "query": "SELECT 1", "mustBe": 1}), "'sql'"),
        (
            _set_quality(
                {"metric": "invalidValues", "mustBe": 0, "arguments": {"pattern": "^[a-z"}}
            ),
            "not a valid Python regular expression",
        ),
        (
            _set_quality({"metric": "invalidValues", "mustBe": 0, "arguments": {"pattern": r"\d"}}),
            "spell out an ASCII class",
        ),
        (_set_quality(_residual([{"name": "x", "regex": "a(?=b)"}]), 1), "not valid RE2"),
        (_set_quality(_residual([{"name": "x", "regex": r"(a)\1"}]), 1), "not valid RE2"),
        (_set_quality(_residual([{"name": "Bad Name", "regex": "a"}]), 1), "lower-case"),
        (
            _set_quality(_residual([{"name": "x", "regex": "a"}, {"name": "x", "regex": "b"}]), 1),
            "need unique names",
        ),
        (_set_quality(_residual([]), 1), "need unique names"),
        (_set_quality(_residual([{"name": "x", "regex": "a"}], mustMatchRows=3), 1), "only 0"),
        (
            lambda d: _prop(d).update(
                customProperties=[{"property": "personalData", "value": "anonymous"}]
            ),
            "personalData must be one of",
        ),
    ],
)
def test_unusable_contracts_name_file_and_problem(tmp_path, edit, problem):
    path = tmp_path / "bad.odcs.yaml"
    path.write_text(yaml.safe_dump(_doc(edit)), encoding="utf-8")
    with pytest.raises(ContractError) as err:
        load_contract(path)
    assert str(err.value).startswith(f"{path}: ")
    assert problem in str(err.value)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (None, "contract not found"),
        ("kind: [unclosed", "not valid YAML"),
        ("- a\n- b\n", "mapping"),
    ],
)
def test_unreadable_files_name_file_and_problem(tmp_path, text, problem):
    path = tmp_path / "c.odcs.yaml"
    if text is not None:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(ContractError, match=re.escape(problem)) as err:
        load_contract(path)
    assert str(path) in str(err.value)


@pytest.mark.parametrize(("dataset", "ok"), [("utterances", True), ("themes", False)])
def test_dataset_is_chosen_by_name(dataset, ok):
    doc = _doc(lambda d: d["schema"].append({"name": "codes", "properties": [{"name": "x"}]}))
    if ok:
        assert parse_contract(doc, dataset=dataset).dataset == dataset
    else:
        with pytest.raises(ContractError, match="no object named 'themes'"):
            parse_contract(doc, dataset=dataset)


def _schema_quality(rule: dict[str, Any]):
    return lambda doc: doc["schema"][0].setdefault("quality", []).append(rule)


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (_schema_quality({"type": "sql", "query": "SELECT 0", "mustBe": 0}), "name"),
        (
            _schema_quality({"type": "sql", "name": "x", "query": "SELECT 0; DROP", "mustBe": 0}),
            "single SELECT",
        ),
        (_schema_quality({"type": "sql", "name": "x", "query": "SELECT 0"}), "exactly one mustBe"),
        (
            lambda d: _prop(d).update(relationships=[{"type": "foreignKey", "to": "utterances"}]),
            "<dataset>.<column>",
        ),
        (
            lambda d: _prop(d).update(
                customProperties=[{"property": "presence", "value": "sometimes"}]
            ),
            "presence must be one of",
        ),
    ],
)
def test_unusable_sql_rules_and_relationships(edit, problem):
    with pytest.raises(ContractError, match=re.escape(problem)):
        parse_contract(_doc(edit))


def test_sql_rules_relationships_and_presence_are_read():
    def edit(doc):
        doc["schema"][0]["quality"] = [
            {"type": "sql", "name": "few", "query": "SELECT 3;", "mustBeLessThan": 5},
            {"metric": "rowCount", "mustBeGreaterThan": 0},
        ]
        _prop(doc).update(
            relationships=[{"type": "foreignKey", "to": "utterances_all.utterance_id"}],
            customProperties=[{"property": "presence", "value": "optional"}],
        )

    contract = parse_contract(_doc(edit))
    (rule,) = contract.sql_rules
    assert (rule.name, rule.query, rule.operator, rule.value) == (
        "few",
        "SELECT 3",
        "mustBeLessThan",
        5,
    )
    assert rule.holds(3) and not rule.holds(5)
    assert contract.min_rows == 1
    column = contract.column("utterance_id")
    assert column.references == ("utterances_all.utterance_id",) and column.optional
