"""release_run: the one release decision, used by the pipeline and `qualbridge release`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from qualbridge.cli import app
from qualbridge.flows.release import release_run
from qualbridge.tasks.warehouse.export import RELEASE_TABLES
from qualbridge.tasks.warehouse.store import connect
from tests.conftest import FIXTURES, TEST_KEY

RUN = "run-1"
TEXT = "I met [PERSON-3f9a1b2c] at group."  # the tag spans 6..24


def _insert(con: duckdb.DuckDBPyConnection, table: str, **values: object) -> None:
    columns = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    con.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(values.values()))


def _seed(con: duckdb.DuckDBPyConnection) -> None:
    """A tiny warehouse whose every table meets its contract, with a passed validation."""
    con.execute(
        "INSERT INTO runs (run_id, consortium, started_at, status, config_hash, key_fingerprint,"
        " model_version) VALUES (?, 'demo', now(), 'completed', 'h', 'f', 'm')",
        [RUN],
    )
    con.execute("INSERT INTO studies VALUES ('peer_support', 'peer', 'site_a', 'Peer')")
    _insert(con, "themes", theme_id="hope", codebook_id="cb", name="Hope", definition="Hope.")
    con.execute(
        "INSERT INTO transcripts VALUES ('peer_support:PS01', 'peer_support', 'P1', "
        "'transcripts/PS01.txt', 'x', '{}', 1, 6, ?)",
        [RUN],
    )
    con.execute(
        "INSERT INTO utterances VALUES ('peer_support:PS01:0000', 'peer_support:PS01', "
        "'peer_support', 0, 'participant', ?, 6)",
        [TEXT],
    )
    con.execute(
        "INSERT INTO detections VALUES ('peer_support:PS01:0000', 'peer_support:PS01', 6, 11, "
        "6, 24, 'PERSON', 'SpacyRecognizer', 0.85, 'pseudonym', '0123456789abcdef')"
    )
    con.execute(
        "INSERT INTO codings VALUES ('peer_support:PS01:0000', 'peer_support:PS01', 'hope', "
        "'rules:1', 'keyword:group', 0, ?, 'rules')",
        [len(TEXT)],
    )
    counts = dict.fromkeys(("units", "turns", "transcripts", "participants"), 1)
    _insert(
        con,
        "theme_coverage_results",
        run_id=RUN, study_id="peer_support", corpus="peer", theme_id="hope", n_references=1,
        **{f"{k}_total": v for k, v in counts.items()},
        **{f"{k}_coded": v for k, v in counts.items()},
        **{f"share_{k}": 1.0 for k in counts},
        chars_total=len(TEXT), chars_coded=len(TEXT), share_chars=1.0, words_total=6,
        per_1000_words=166.7,
    )  # fmt: skip
    _insert(
        con,
        "theme_comparison_results",
        run_id=RUN, comparison="all", grouped_by="corpus", speaker_roles="", theme_id="hope",
        group_a="peer", group_b="therapy", units_a=1, units_b=1, clusters_a=1, clusters_b=1,
        coded_a=1, coded_b=0, share_a=1.0, share_b=0.5, diff=0.5, ci_low=0.1, ci_high=0.9,
        p_value=0.04, p_adjusted=0.04, cohens_h=1.57, design_effect=1.0,
        method="cluster_bootstrap", clustered=True,
    )  # fmt: skip
    con.execute(
        "INSERT INTO approvals (run_id, config_hash, approved_by, approved_at, note) "
        "VALUES (?, 'h', 'Test Steward', now(), '')",
        [RUN],
    )
    con.execute(
        "INSERT INTO check_results (run_id, contract_id, check_name, success, broken, detail, "
        "stage) VALUES (?, 'qualbridge-deidentified-utterances', 'text.no_email', true, false, "
        "'passed', 'validate')",
        [RUN],
    )


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The mini consortium config with a seeded warehouse in its output folder."""
    shutil.copytree(FIXTURES / "mini", tmp_path, dirs_exist_ok=True)
    monkeypatch.setenv("QUALBRIDGE_KEY", TEST_KEY)
    with connect(tmp_path / "out" / "warehouse.duckdb") as con:
        _seed(con)
    return tmp_path


def _release(site: Path, **kwargs):
    return release_run(site / "consortium.yaml", str(site / "out"), **kwargs)


def test_clean_run_is_released_with_a_full_manifest(site: Path) -> None:
    outcome = _release(site)
    assert (outcome.released, outcome.blockers, outcome.run_id) == (True, [], RUN)
    manifest = json.loads((outcome.path / "release_manifest.json").read_text())
    assert {"run_id", "created_at", "key_fingerprint", "contracts", "files"} <= manifest.keys()
    assert manifest["files"]["codings.parquet"]["rows"] == 1
    assert set(manifest["files"]) == {f"{name}.parquet" for name in RELEASE_TABLES}
    assert manifest["contract_versions"]["codings"] == {
        "id": "qualbridge-codings",
        "version": "1.1.0",
        "file": "codings.odcs.yaml",
    }
    assert manifest["validation"]["validate"] == {"checks": 1, "passed": 1, "broken": 0}
    assert manifest["validation"]["release"]["checks"] > 50
    assert len(manifest["config_hash"]) == 64
    assert (site / "out" / "runs" / RUN / "data_docs" / "index.html").is_file()


@pytest.mark.parametrize(
    ("sql", "blocker"),
    [
        (
            "UPDATE check_results SET success = false, detail = '3 of 9 rows failed'",
            "qualbridge-deidentified-utterances: text.no_email failed (3 of 9 rows failed)",
        ),
        (
            "UPDATE check_results SET success = false, broken = true, detail = 'broken: KeyError'",
            "text.no_email broke (broken: KeyError)",
        ),
        ("DELETE FROM check_results", f"run {RUN} has no validation results"),
        (
            "INSERT INTO runs (run_id, consortium, started_at, status, config_hash, "
            "key_fingerprint, model_version) VALUES ('run-2', 'demo', now() + INTERVAL 1 HOUR, "
            "'gate_failed', 'h', 'f', 'm')",
            f"run {RUN} is not the latest run (run-2)",
        ),
        (
            "UPDATE codings SET theme_id = 'despair'",
            "qualbridge-codings: theme_id.references.themes.theme_id",
        ),
        ("UPDATE codings SET end_offset = 999", "codings.span_inside_text"),
        ("UPDATE detections SET out_end = 99", "detections.replacement_inside_text"),
        ("UPDATE theme_coverage_results SET units_coded = 5", "coverage.coded_within_total"),
        ("UPDATE theme_comparison_results SET share_a = 1.5", "share_a.range"),
        ("DELETE FROM approvals", f"run {RUN} has no steward approval"),
        ("UPDATE approvals SET config_hash = 'old'", f"run {RUN} has no steward approval"),
    ],
)
def test_any_failure_blocks_and_is_quarantined(site: Path, sql: str, blocker: str) -> None:
    with connect(site / "out" / "warehouse.duckdb") as con:
        con.execute(sql)
    outcome = _release(site, run_id=RUN)
    assert not outcome.released and outcome.path is None
    assert any(blocker in b for b in outcome.blockers), outcome.blockers
    assert not (site / "out" / "release").exists()
    with duckdb.connect(str(site / "out" / "warehouse.duckdb"), read_only=True) as con:
        reasons = [r[0] for r in con.execute("SELECT reason FROM quarantine").fetchall()]
    assert reasons == outcome.blockers


def test_callers_blockers_refuse_the_release(site: Path) -> None:
    reasons = ["steward sign-off missing", "k-anonymity below 5 for age_band"]
    outcome = _release(site, extra_blockers=reasons)
    assert outcome.blockers == reasons and not outcome.released


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        ([], 0, "Released run run-1"),
        (["--run", RUN], 0, "Released run run-1"),
        (["--run", "nope"], 2, "no run 'nope'"),
    ],
)
def test_release_command_exit_codes(site: Path, args: list[str], code: int, says: str) -> None:
    config = ["--config", str(site / "consortium.yaml"), "--out", str(site / "out")]
    result = CliRunner().invoke(app, ["release", *config, *args])
    assert result.exit_code == code, result.output
    assert says in " ".join(result.output.split())


def test_release_command_names_each_blocker_and_exits_3(site: Path) -> None:
    with connect(site / "out" / "warehouse.duckdb") as con:
        con.execute("UPDATE codings SET theme_id = 'despair'")
    config = ["--config", str(site / "consortium.yaml"), "--out", str(site / "out")]
    result = CliRunner().invoke(app, ["release", *config])
    assert result.exit_code == 3
    assert "qualbridge-codings: theme_id.references.themes.theme_id" in result.output
