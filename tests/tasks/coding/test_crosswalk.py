"""Tests of mapping imported codings onto consortium themes through a study's crosswalk."""

from __future__ import annotations

import shutil
from pathlib import Path

import polars as pl
import pytest

from qualbridge.schemas import frames
from qualbridge.schemas.codebook import Codebook
from qualbridge.schemas.config import ConfigError, load_config
from qualbridge.schemas.crosswalk import Crosswalk, load_crosswalk
from qualbridge.tasks.coding.crosswalk import (
    apply_crosswalk,
    apply_crosswalks,
    check_code_names,
    check_inputs,
    crosswalk_frame,
    unmapped_quarantine,
)
from qualbridge.tasks.warehouse.store import connect, replace_crosswalks

CODEBOOK = Codebook.model_validate(
    {
        "codebook_id": "cb",
        "themes": [
            {"theme_id": "heard", "name": "Heard", "definition": "d"},
            {"theme_id": "identity", "name": "Identity", "definition": "d"},
        ],
    }
)
DEMO = Path(__file__).parents[3] / "examples" / "demo"
CROSSWALK_TEXT = (
    "version: '2'\ncodes:\n  Felt heard: heard\n  Not judged: heard\n  Been there: identity\n"
)


@pytest.fixture
def crosswalk(tmp_path: Path) -> Crosswalk:
    path = tmp_path / "crosswalk.yaml"
    path.write_text(CROSSWALK_TEXT, encoding="utf-8")
    return load_crosswalk(path, CODEBOOK, "ps")


def _coding(code: str, utterance: int = 1, start: int = 0, coder: str = "ann", **extra) -> dict:
    row = {
        "utterance_id": f"ps:T1:{utterance:04d}",
        "transcript_id": "ps:T1",
        "theme_id": code.lower().replace(" ", "_"),
        "coder": coder,
        "matched_rule": f"code:{code}",
        "start_offset": start,
        "end_offset": start + 5,
        "origin": "qdpx",
    }
    return row | extra


def _codings(*rows: dict) -> pl.DataFrame:
    return frames.frame(list(rows), frames.CODINGS)


@pytest.mark.parametrize(
    ("code", "expected_theme"),
    [
        ("Felt heard", "heard"),
        ("Not judged", "heard"),
        ("Been there", "identity"),
        ("felt-heard", "heard"),  # spelt differently, same normalised code
        ("Admin", None),
        ("Heard", None),  # a consortium theme id is not mapped unless the crosswalk says so
    ],
)
def test_each_code_maps_or_is_reported(
    crosswalk: Crosswalk, code: str, expected_theme: str | None
) -> None:
    mapped, unmapped = apply_crosswalk(_codings(_coding(code)), crosswalk, "ps")
    if expected_theme is None:
        assert mapped.is_empty()
        assert unmapped.to_dicts() == [{"study_id": "ps", "study_code": code, "n_codings": 1}]
    else:
        assert mapped["theme_id"].to_list() == [expected_theme]
        assert mapped["matched_rule"].to_list() == [f"code:{code}"]
        assert unmapped.is_empty()


def test_mapped_rows_keep_everything_but_the_theme(crosswalk: Crosswalk) -> None:
    row = _coding("Been there", utterance=7, start=12, coder="bob", origin="table")
    mapped, _ = apply_crosswalk(_codings(row), crosswalk, "ps")
    assert mapped.schema == pl.Schema(frames.CODINGS)
    assert mapped.to_dicts() == [row | {"theme_id": "identity"}]


def test_two_codes_on_one_span_onto_one_theme_keep_one_row(crosswalk: Crosswalk) -> None:
    codings = _codings(
        _coding("Not judged"), _coding("Felt heard"), _coding("Felt heard", coder="bob")
    )
    mapped, unmapped = apply_crosswalk(codings, crosswalk, "ps")
    assert mapped.select("coder", "theme_id", "matched_rule").rows() == [
        ("ann", "heard", "code:Felt heard"),
        ("bob", "heard", "code:Felt heard"),
    ]
    assert unmapped.is_empty()


def test_unmapped_codes_are_counted_not_dropped(crosswalk: Crosswalk) -> None:
    codings = _codings(
        _coding("Admin"), _coding("Admin", utterance=2), _coding("Felt heard"), _coding("Zeta")
    )
    mapped, unmapped = apply_crosswalk(codings, crosswalk, "ps")
    assert mapped.height + unmapped["n_codings"].sum() == codings.height
    assert unmapped.rows() == [("ps", "Admin", 2), ("ps", "Zeta", 1)]
    quarantine = unmapped_quarantine(unmapped, "run-1")
    assert quarantine.schema == pl.Schema(frames.QUARANTINE)
    assert quarantine.select("study_id", "source", "stage").rows() == [
        ("ps", "code:Admin", "code"),
        ("ps", "code:Zeta", "code"),
    ]
    assert quarantine["reason"][0].startswith("2 codings with this study code were not loaded")


def test_without_a_code_rule_the_theme_id_is_the_study_code(crosswalk: Crosswalk) -> None:
    row = _coding("x", theme_id="been_there", matched_rule="label")
    mapped, _ = apply_crosswalk(_codings(row), crosswalk, "ps")
    assert mapped["theme_id"].to_list() == ["identity"]


def test_empty_codings_give_empty_frames(crosswalk: Crosswalk) -> None:
    mapped, unmapped = apply_crosswalk(_codings(), crosswalk, "ps")
    assert mapped.is_empty() and mapped.schema == pl.Schema(frames.CODINGS)
    assert unmapped.is_empty() and unmapped.schema == pl.Schema(frames.UNMAPPED_CODES)


def test_codings_of_another_study_are_refused(crosswalk: Crosswalk) -> None:
    row = _coding("Felt heard", transcript_id="td:T1")
    with pytest.raises(ValueError, match="not of study 'ps'"):
        apply_crosswalk(_codings(row), crosswalk, "ps")


def test_warehouse_rows_are_replaced_per_study(tmp_path: Path, crosswalk: Crosswalk) -> None:
    with connect(tmp_path / "warehouse.duckdb") as con:
        replace_crosswalks(con, ["ps", "td"], crosswalk_frame({"ps": crosswalk, "td": crosswalk}))
        replace_crosswalks(con, ["ps"], crosswalk_frame({}))
        rows = con.execute(
            "SELECT study_id, study_code, code_key, theme_id, crosswalk_version, crosswalk_hash "
            "FROM crosswalks ORDER BY ALL"
        ).fetchall()
    assert rows == [
        ("td", code, key, theme, "2", crosswalk.sha256)
        for code, key, theme in sorted(
            [
                ("Been there", "been_there", "identity"),
                ("Felt heard", "felt_heard", "heard"),
                ("Not judged", "not_judged", "heard"),
            ]
        )
    ]


@pytest.mark.parametrize(
    ("code", "refused"),
    [
        ("Lorna's story", True),
        ("talk about LORNA", True),
        ("Ward 7 visits", True),
        ("Lornas", False),  # whole words only, as the deny-list recognizer matches
        ("Being heard", False),
    ],
)
def test_code_names_holding_a_known_identifier_are_refused_without_echo(
    tmp_path: Path, code: str, refused: bool
) -> None:
    path = tmp_path / "cw.yaml"
    path.write_text(f"codes:\n  Felt heard: heard\n  {code}: identity\n", encoding="utf-8")
    crosswalk = load_crosswalk(path, CODEBOOK, "ps")
    known = ["Lorna", "Ward 7"]
    if not refused:
        check_code_names(crosswalk, known)
        return
    with pytest.raises(ConfigError) as caught:
        check_code_names(crosswalk, known)
    assert "lines 3 contain an identifier" in str(caught.value)
    assert not any(value.lower() in str(caught.value).lower() for value in known)


def test_check_inputs_reads_the_study_deny_list(tmp_path: Path) -> None:
    shutil.copytree(DEMO, tmp_path, dirs_exist_ok=True)
    deny_list = tmp_path / "studies" / "peer_support" / "known_identifiers.txt"
    assert check_inputs(load_config(tmp_path / "consortium.yaml"))[1].keys() == {"peer_support"}
    deny_list.write_text(deny_list.read_text(encoding="utf-8") + "PERSON: Felt\n", "utf-8")
    with pytest.raises(ConfigError, match=r"crosswalk\.yaml: study codes on lines 11 contain"):
        check_inputs(load_config(tmp_path / "consortium.yaml"))


def test_all_studies_at_once_pass_studies_without_a_crosswalk_unchanged(
    crosswalk: Crosswalk,
) -> None:
    other = _coding("Felt heard", transcript_id="td:T1", utterance_id="td:T1:0001")
    codings = _codings(_coding("Felt heard"), _coding("Admin", utterance=2), other)
    loaded, quarantine = apply_crosswalks(codings, {"ps": crosswalk}, "run-1")
    assert sorted(loaded.select("transcript_id", "theme_id").rows()) == [
        ("ps:T1", "heard"),
        ("td:T1", "felt_heard"),
    ]
    assert quarantine.select("run_id", "study_id", "source").rows() == [
        ("run-1", "ps", "code:Admin")
    ]
    loaded, quarantine = apply_crosswalks(codings, {}, "run-1")
    assert loaded.equals(codings) and quarantine.is_empty()


def test_check_inputs_names_a_missing_deny_list(tmp_path: Path) -> None:
    shutil.copytree(DEMO, tmp_path, dirs_exist_ok=True)
    (tmp_path / "studies" / "peer_support" / "known_identifiers.txt").unlink()
    with pytest.raises(ConfigError, match=r"study peer_support: deny list .* not found"):
        check_inputs(load_config(tmp_path / "consortium.yaml"))


def test_a_code_mapped_onto_several_themes_gives_a_coding_per_theme(tmp_path: Path) -> None:
    path = tmp_path / "crosswalk.yaml"
    path.write_text("codes:\n  Shared story: [heard, identity]\n", encoding="utf-8")
    crosswalk = load_crosswalk(path, CODEBOOK, "ps")
    mapped, unmapped = apply_crosswalk(_codings(_coding("Shared story")), crosswalk, "ps")

    assert sorted(mapped["theme_id"].to_list()) == ["heard", "identity"]
    assert unmapped.is_empty()
    with connect(tmp_path / "w.duckdb") as con:
        replace_crosswalks(con, ["ps"], crosswalk_frame({"ps": crosswalk}))
        assert con.execute("SELECT count(*) FROM crosswalks").fetchone()[0] == 2
