"""Every shipped contract is valid ODCS, loads, and marks each column's personal-data status."""

from __future__ import annotations

import json
from importlib.resources import files

import jsonschema
import pytest
import yaml

from tasks.quality.catalog import CONTRACT_FILES, CONTRACTS_DIR, contract_for
from tasks.quality.contracts import PERSONAL_DATA

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
    ],
)
def test_relationships_are_read(dataset: str, column: str, targets: tuple[str, ...]) -> None:
    assert contract_for(dataset).column(column).references == targets


@pytest.mark.parametrize("column", ["p_value", "p_adjusted"])
def test_comparison_statistics_are_optional_columns(column: str) -> None:
    rule = contract_for("theme_comparison").column(column)
    assert rule.optional and not rule.required
