"""Every shipped contract is valid ODCS, loads, and marks each column's personal-data status."""

from __future__ import annotations

import json
from importlib.resources import files

import duckdb
import jsonschema
import pytest
import yaml

from qualbridge.tasks.ingest.manifest import DECLARED_COLUMNS, REQUIRED_COLUMNS
from qualbridge.tasks.quality.sql_checks import run_sql_rules
from qualbridge.tasks.shared.contract_catalog import (
    CONTRACT_FILES,
    CONTRACTS_DIR,
    contract_for,
    released_contracts,
)
from qualbridge.tasks.shared.contracts import PERSONAL_DATA
from qualbridge.tasks.warehouse.export import RELEASE_TABLES

ODCS_SCHEMA = json.loads(files("open_data_contract_standard").joinpath("schema.json").read_text())


def test_every_contract_file_is_catalogued() -> None:
    assert sorted(p.name for p in CONTRACTS_DIR.glob("*.yaml")) == sorted(CONTRACT_FILES.values())


@pytest.mark.parametrize("dataset", sorted(CONTRACT_FILES))
def test_contract_is_valid_odcs(dataset: str) -> None:
    doc = yaml.safe_load((CONTRACTS_DIR / CONTRACT_FILES[dataset]).read_text(encoding="utf-8"))
    errors = [e.message for e in jsonschema.Draft201909Validator(ODCS_SCHEMA).iter_errors(doc)]
    assert errors == []
    assert doc["apiVersion"] == "v3.1.0"


@pytest.mark.parametrize("dataset", sorted(CONTRACT_FILES))
def test_every_column_says_whether_it_holds_personal_data(dataset: str) -> None:
    contract = contract_for(dataset)
    assert contract.dataset == dataset
    assert all(c.personal_data in PERSONAL_DATA and c.classification for c in contract.columns)


@pytest.mark.parametrize(
    ("dataset", "withheld"),
    [
        ("utterance_table", {"speaker", "text"}),
        ("utterances", {"text"}),
        ("study_manifest", set()),
        ("detections", set()),
        ("codings", set()),
    ],
)
def test_free_text_and_speaker_names_are_withheld(dataset: str, withheld: set[str]) -> None:
    assert {c.name for c in contract_for(dataset).columns if c.withhold_values} == withheld


@pytest.mark.parametrize(
    ("dataset", "column", "targets"),
    [
        ("detections", "utterance_id", ("utterances.utterance_id",)),
        ("codings", "utterance_id", ("utterances.utterance_id",)),
        ("codings", "theme_id", ("themes.theme_id",)),
        ("theme_coverage", "study_id", ("studies.study_id",)),
        ("theme_comparison", "theme_id", ("themes.theme_id",)),
        ("transcripts", "study_id", ("studies.study_id",)),
        ("crosswalks", "study_id", ("studies.study_id",)),
        ("crosswalks", "theme_id", ("themes.theme_id",)),
        ("themes", "parent", ("themes.theme_id",)),
        ("theme_coverage_breakdown", "theme_id", ("themes.theme_id",)),
        ("theme_cooccurrence", "theme_b", ("themes.theme_id",)),
        ("coder_agreement", "theme_id", ("themes.theme_id",)),
    ],
)
def test_relationships_are_read(dataset: str, column: str, targets: tuple[str, ...]) -> None:
    assert contract_for(dataset).column(column).references == targets


@pytest.mark.parametrize("column", ["p_value", "p_adjusted"])
def test_comparison_statistics_are_optional_columns(column: str) -> None:
    rule = contract_for("theme_comparison").column(column)
    assert rule.optional and not rule.required


def test_every_released_file_has_a_contract() -> None:
    assert sorted(released_contracts()) == sorted(RELEASE_TABLES)


@pytest.mark.parametrize(
    ("dataset", "column", "low", "high"),
    [
        ("theme_coverage_breakdown", "share_chars", 0, 1),
        ("theme_cooccurrence", "jaccard", 0, 1),
        ("coder_agreement", "percent_agreement", 0, 1),
        ("coder_agreement", "cohens_kappa", -1, 1),
        ("coder_agreement", "krippendorff_alpha", -1, 1),
    ],
)
def test_shares_and_agreement_statistics_are_bounded(
    dataset: str, column: str, low: int, high: int
) -> None:
    rule = contract_for(dataset).column(column)
    assert (rule.minimum, rule.maximum) == (low, high)


def _attribute_rule_count(attributes: dict[str, str]) -> int | None:
    with duckdb.connect() as con:
        con.execute("CREATE TABLE transcripts AS SELECT ? AS attributes", [json.dumps(attributes)])
        [result] = [
            r for r in run_sql_rules(con, contract_for("transcripts")) if "attributes" in r.check
        ]
    return result.unexpected_count


def test_released_attributes_are_the_manifest_declared_columns() -> None:
    declared = {name: "x" for name in DECLARED_COLUMNS - set(REQUIRED_COLUMNS)}

    assert _attribute_rule_count(declared) == 0
    assert _attribute_rule_count({**declared, "name": "x", "address": "x"}) == 2
