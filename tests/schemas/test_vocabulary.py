"""Declared speaker roles and missing label values, checked when the config loads."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from qualbridge.schemas.config import ConfigError, TableSourceConfig, load_config
from qualbridge.tasks.ingest.documents import table_documents
from qualbridge.tasks.shared.contract_catalog import (
    contract_file,
    use_speaker_roles,
    with_speaker_roles,
)

HEAD = """\
consortium: c
codebook: codebook.yaml
{roles}studies:
- study_id: esc
  corpus: chat
  site: a
  speakers:
    Seeker: seeker
    Supporter: {supporter}
  tables:
  - path: chats.{suffix}
    mapping: {{conversation_id: conv, role: who, text: text, labels: [strategy]}}
"""
ROWS = [
    {"conv": "C1", "who": "Seeker", "text": "hi", "strategy": "n/a"},
    {"conv": "C1", "who": "supporter", "text": "hello", "strategy": "Question"},
    {"conv": "C1", "who": "{bad}", "text": "x", "strategy": "-"},
]


def _write(tmp_path: Path, roles: str, supporter: str, bad: str, suffix: str = "csv") -> Path:
    (tmp_path / "codebook.yaml").write_text("codebook_id: cb\nthemes: []\n")
    rows = [{**r, "who": r["who"].format(bad=bad)} for r in ROWS]
    frame = pl.DataFrame(rows)
    if suffix == "csv":
        frame.write_csv(tmp_path / "chats.csv")
    elif suffix == "jsonl":
        frame.write_ndjson(tmp_path / "chats.jsonl")
    else:
        frame.write_parquet(tmp_path / "chats.parquet")
    path = tmp_path / "consortium.yaml"
    path.write_text(HEAD.format(roles=roles, supporter=supporter, suffix=suffix))
    return path


DECLARED = "speaker_roles: [seeker, supporter, other]\n"


@pytest.mark.parametrize("suffix", ["csv", "jsonl", "parquet"])
def test_declared_roles_load(tmp_path, suffix) -> None:
    config = load_config(_write(tmp_path, DECLARED, "supporter", "seeker", suffix))

    assert config.speaker_roles == ["seeker", "supporter", "other"]


@pytest.mark.parametrize(
    ("roles", "supporter", "bad", "suffix", "fragment"),
    [
        # The speaker map names an undeclared role: the config's own line.
        (
            DECLARED,
            "helper",
            "seeker",
            "csv",
            "line 10 (studies.0.speakers.Supporter): role 'helper'",
        ),
        # Default roles: 'seeker' is not one of them.
        ("", "participant", "participant", "csv", "line 8 (studies.0.speakers.Seeker)"),
        # A role column's value outside the roles and the map: the table's file and row.
        (DECLARED, "supporter", "listener", "csv", "chats.csv:4: speaker role 'listener'"),
        (DECLARED, "supporter", "listener", "jsonl", "chats.jsonl:3: speaker role 'listener'"),
        (DECLARED, "supporter", "listener", "parquet", "chats.parquet:3: speaker role 'listener'"),
    ],
)
def test_an_undeclared_role_stops_the_config_check_with_file_and_line(
    tmp_path, roles, supporter, bad, suffix, fragment
) -> None:
    with pytest.raises(ConfigError, match="not declared in speaker_roles") as caught:
        load_config(_write(tmp_path, roles, supporter, bad, suffix))

    assert fragment in str(caught.value)
    assert str(tmp_path / "consortium.yaml") in str(caught.value)


def test_roles_named_by_comparisons_and_agreement_are_checked(tmp_path) -> None:
    path = _write(tmp_path, DECLARED, "supporter", "seeker")
    path.write_text(
        path.read_text()
        + "comparisons:\n- {comparison_id: c, by: speaker_role, group_a: seeker, group_b: helper}\n"
        + "stats: {agreement_roles: [therapist]}\n"
    )

    with pytest.raises(ConfigError) as caught:
        load_config(path)

    assert "(comparisons.0): role 'helper'" in str(caught.value)
    assert "(stats.agreement_roles): role 'therapist'" in str(caught.value)


@pytest.mark.parametrize(
    ("missing", "codes"),
    [
        (None, ["Question"]),  # the defaults: "n/a" and "-" are no code
        ("missing_values: ['-']\n", ["n/a", "Question"]),
    ],
)
def test_missing_label_values_are_no_code(tmp_path, missing, codes) -> None:
    path = _write(tmp_path, DECLARED + (missing or ""), "supporter", "seeker")
    config = load_config(path)
    table = config.studies[0].tables[0]

    documents = table_documents(
        (tmp_path / "chats.csv").read_bytes(), table, config.studies[0].speakers, b"k" * 32
    )
    assert [a.code for d in documents for a in d.annotations] == codes


def test_a_table_may_set_its_own_missing_values() -> None:
    table = TableSourceConfig.model_validate(
        {"path": "t.csv", "mapping": {"conversation_id": "c", "role": "r", "text": "t"},
         "missing_values": ["?"]}
    )  # fmt: skip
    assert table.missing_values == ["?"]


def test_the_utterances_contract_checks_the_declared_roles() -> None:
    original = contract_file("utterances")
    declared = with_speaker_roles(original, ("seeker", "supporter"))

    assert declared.column("speaker_role").valid_values == ("seeker", "supporter")
    assert "therapist" in original.column("speaker_role").valid_values
    use_speaker_roles(("seeker", "supporter"))
    try:
        from qualbridge.tasks.shared.contract_catalog import contract_for

        assert contract_for("utterances").column("speaker_role").valid_values == (
            "seeker",
            "supporter",
        )
    finally:
        use_speaker_roles(tuple(original.column("speaker_role").valid_values))
