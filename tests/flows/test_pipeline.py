"""End to end: the real pipeline flow on the mini fixture, run twice, searched for leaks."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import shutil
from pathlib import Path

import duckdb
import polars as pl
import pytest
from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

from qualbridge.flows.pipeline import RunSummary, pipeline
from qualbridge.flows.release import release_run
from qualbridge.tasks.audit.signoff import approve
from qualbridge.tasks.warehouse.store import connect
from tests.conftest import FIXTURES, PREFECT_HOME, TEST_KEY
from tests.helpers.leaks import files_under, find_leaks
from tests.tasks.ingest.builders import docx_bytes

# Identifiers planted in the extra non-text transcripts, searched for like the generator's.
CANARIES = ["Zebedee Quartermaine", "07700 900777", "HX7 8QT", "zeb.q@example.org"]
VTT = (
    "WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\n<v Interviewer>Who was your worker?</v>\n\n"
    "2\n00:00:04.500 --> 00:00:09.000\n<v Participant>Zebedee Quartermaine. He'd ring me on"
    " 07700 900777 and he'd been there himself, you know.</v>\n"
)
DOCX_LINES = [
    "Interviewer: Where were you living then?",
    "Participant: Near HX7 8QT, and I'd email zeb.q@example.org when I was low.",
]

DEMO_CROSSWALK = Path(__file__).parents[2] / "examples/demo/studies/peer_support/crosswalk.yaml"
DATA_TABLES = ("studies", "transcripts", "utterances", "detections", "themes", "codings")


@pytest.fixture(scope="module")
def consortium(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini fixture plus a manifest row without a file and a binary file named .txt."""
    root = tmp_path_factory.mktemp("consortium")
    shutil.copytree(FIXTURES / "mini", root, dirs_exist_ok=True)
    study = root / "studies" / "peer_support"
    (study / "transcripts" / "PS99.txt").write_bytes(bytes(range(256)) * 4)
    (study / "transcripts" / "PS90.vtt").write_text(VTT, encoding="utf-8")
    (study / "transcripts" / "PS91.docx").write_bytes(docx_bytes(DOCX_LINES))
    with (study / "manifest.csv").open("a", encoding="utf-8") as manifest:
        manifest.write("PS90,transcripts/PS90.vtt,P-PS90,site_a,25-34,female\n")
        manifest.write("PS91,transcripts/PS91.docx,P-PS91,site_a,35-44,male\n")
        manifest.write("PS98,transcripts/PS98.txt,P-PS98,site_a,25-34,female\n")
        manifest.write("PS99,transcripts/PS99.txt,P-PS99,site_a,25-34,male\n")
    shutil.copy(DEMO_CROSSWALK, study / "crosswalk.yaml")
    config = root / "consortium.yaml"
    deny_list = "  deny_list: studies/peer_support/known_identifiers.txt\n"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            deny_list, deny_list + "  crosswalk: studies/peer_support/crosswalk.yaml\n"
        ),
        encoding="utf-8",
    )
    return root


@pytest.fixture(scope="module")
def runs(consortium: Path) -> list[tuple[RunSummary, dict[str, int]]]:
    """Run the pipeline twice; return each summary with the data tables' row counts after it."""
    mp = pytest.MonkeyPatch()
    mp.setenv("QUALBRIDGE_KEY", TEST_KEY)
    results = []
    try:
        with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
            for _ in range(2):
                summary = pipeline(str(consortium / "consortium.yaml"), str(consortium / "out"))
                with duckdb.connect(str(consortium / "out" / "warehouse.duckdb")) as con:
                    counts = {
                        t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                        for t in DATA_TABLES
                    }
                results.append((_signed_off(consortium, summary), counts))
    finally:
        mp.undo()
    return results


def _signed_off(consortium: Path, summary: RunSummary) -> RunSummary:
    """What a steward does after a clean run: try to release, approve, release."""
    config, out = consortium / "consortium.yaml", str(consortium / "out")
    unapproved = release_run(config, out, summary.run_id)
    with connect(consortium / "out" / "warehouse.duckdb") as con:
        digest = hashlib.sha256(config.read_bytes()).hexdigest()
        approve(con, summary.run_id, digest, "Test Steward")
    released = release_run(config, out, summary.run_id)
    assert released.released, released.blockers
    SIGNOFF[summary.run_id] = unapproved.blockers
    return dataclasses.replace(summary, release=str(released.path))


# Blockers of each run's release attempt before its approval, by run id.
SIGNOFF: dict[str, list[str]] = {}


def planted_values(consortium: Path) -> set[str]:
    """Every identifier the generator planted in the fixture, plus the consortium key."""
    planted = json.loads((consortium / "planted_identifiers.json").read_text(encoding="utf-8"))
    return {p["value"] for p in planted} | {TEST_KEY, *CANARIES}


def test_first_run_loads_good_files_and_quarantines_bad_ones(runs) -> None:
    summary, counts = runs[0]
    assert summary.status == "awaiting_approval" and summary.gates_passed
    assert summary.counts == {"seen": 10, "loaded": 8, "unchanged": 0, "quarantined": 2}
    assert counts["transcripts"] == 8 and counts["studies"] == 2 and counts["themes"] == 5
    assert counts["utterances"] > 100 and counts["detections"] > 30 and counts["codings"] > 0


def test_rerun_skips_unchanged_files_and_adds_no_rows(runs) -> None:
    (first, first_counts), (second, second_counts) = runs
    assert second.counts == {"seen": 10, "loaded": 0, "unchanged": 8, "quarantined": 2}
    assert second_counts == first_counts
    assert second.run_id != first.run_id


def test_quarantine_names_file_and_reason(runs, consortium: Path) -> None:
    summary, _ = runs[1]
    with duckdb.connect(str(consortium / "out" / "warehouse.duckdb")) as con:
        rows = con.execute(
            "SELECT source, stage, reason FROM quarantine WHERE run_id = ? ORDER BY source",
            [summary.run_id],
        ).fetchall()
    assert rows == [
        ("transcripts/PS98.txt", "ingest", "file not found"),
        ("transcripts/PS99.txt", "ingest", "binary content (NUL bytes), not a text transcript"),
    ]


def test_run_folder_lists_quarantine_reasons_as_csv(runs) -> None:
    summary, _ = runs[1]
    listing = pl.read_csv(Path(summary.report).parent / "quarantine.csv")
    assert sorted(listing["source"].to_list()) == [
        "transcripts/PS98.txt",
        "transcripts/PS99.txt",
    ]


@pytest.mark.parametrize(
    ("entity_type", "enabled", "scanned"),
    [("UK_NHS", True, True), ("CREDIT_CARD", True, True), ("US_SSN", True, True),
     ("PERSON", True, False)],
)  # fmt: skip
def test_each_run_records_its_entity_types_and_gate_coverage(
    runs, consortium: Path, entity_type, enabled, scanned
) -> None:
    summary, _ = runs[1]
    with duckdb.connect(str(consortium / "out" / "warehouse.duckdb")) as con:
        row = con.execute(
            "SELECT enabled, residual_scan FROM entity_types WHERE run_id = ? AND entity_type = ?",
            [summary.run_id, entity_type],
        ).fetchone()
    assert row == (enabled, scanned)
    listing = pl.read_csv(Path(summary.report).parent / "results" / "entity_types.csv")
    assert entity_type in listing["entity_type"].to_list()


def test_release_waits_for_a_steward_approval(runs) -> None:
    for summary, _ in runs:
        assert SIGNOFF[summary.run_id] == [
            f"run {summary.run_id} has no steward approval (qualbridge approve RUN --by NAME)"
        ]


def test_report_and_release_exist(runs) -> None:
    summary, _ = runs[1]
    report = Path(summary.report).read_text(encoding="utf-8")
    assert "peer_vs_therapy_all" in report and "<svg" in report
    assert not re.search(r"(?:src|href)\s*=\s*[\"']?https?:", report), "report must open offline"
    assert 'id="run-status">Run status: Released</span>' in report  # updated by the release
    manifest = json.loads((Path(summary.release) / "release_manifest.json").read_text())
    assert manifest["files"]["utterances.parquet"]["rows"] > 100


def test_every_result_table_opens_with_its_columns_even_when_empty(runs) -> None:
    summary, _ = runs[1]
    results = Path(summary.report).parent / "results"
    tables = sorted(results.glob("*.parquet"))
    assert tables
    for table in tables:
        frame = pl.read_parquet(table)
        assert frame.width > 0, f"{table.name} has no columns"
        header = table.with_suffix(".csv").read_text(encoding="utf-8").splitlines()[0]
        assert header.split(",") == frame.columns


def test_crosswalk_is_stored_reported_and_released(runs, consortium: Path) -> None:
    summary, _ = runs[1]
    with duckdb.connect(str(consortium / "out" / "warehouse.duckdb"), read_only=True) as con:
        stored = con.execute("SELECT DISTINCT study_id, theme_id FROM crosswalks").fetchall()
        notes = con.execute("SELECT count(*) FROM themes WHERE include_note <> ''").fetchone()
    assert {study for study, _ in stored} == {"peer_support"} and len(stored) == 5
    assert notes == (5,)
    report = Path(summary.report).read_text(encoding="utf-8")
    assert "Crosswalk of peer_support" in report and "Felt heard" in report
    released = pl.read_parquet(Path(summary.release) / "crosswalks.parquet")
    assert released.height == 9


@pytest.mark.parametrize("where", ["output folder", "PREFECT_HOME"])
def test_no_planted_identifier_or_key_is_written_anywhere(runs, consortium: Path, where) -> None:
    folder = consortium / "out" if where == "output folder" else PREFECT_HOME
    assert files_under([folder]) > 0, f"nothing written under {where}"
    assert find_leaks([folder], planted_values(consortium)) == []


@pytest.fixture(scope="module")
def leaky_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[RunSummary, Path]:
    """A config that forgets contact details: the residual-PII gate must stop the release."""
    root = tmp_path_factory.mktemp("leaky")
    shutil.copytree(FIXTURES / "mini", root, dirs_exist_ok=True)
    config = root / "consortium.yaml"
    config.write_text(
        config.read_text(encoding="utf-8") + "deid:\n  entities: [PERSON, LOCATION]\n",
        encoding="utf-8",
    )
    mp = pytest.MonkeyPatch()
    mp.setenv("QUALBRIDGE_KEY", TEST_KEY)
    try:
        with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
            summary = pipeline(str(config), str(root / "out"))
    finally:
        mp.undo()
    return summary, root


def test_failed_gate_blocks_the_release_and_quarantines_rows_by_id(leaky_run) -> None:
    summary, root = leaky_run
    assert summary.status == "blocked" and not summary.gates_passed
    assert summary.release is None and not (root / "out" / "release").exists()
    assert {"text.no_uk_phone", "text.residual_pii_scan.uk_phone"} <= set(summary.failed_checks)
    with duckdb.connect(str(root / "out" / "warehouse.duckdb")) as con:
        rows = con.execute(
            "SELECT source, reason FROM quarantine WHERE run_id = ? AND stage = 'validate'",
            [summary.run_id],
        ).fetchall()
        status = con.execute(
            "SELECT status FROM runs WHERE run_id = ?", [summary.run_id]
        ).fetchone()
    assert rows and all(source.count(":") == 2 for source, _ in rows)
    assert status == ("blocked",)


def test_failed_gate_results_and_report_hold_no_values(leaky_run) -> None:
    summary, root = leaky_run
    planted = json.loads((root / "planted_identifiers.json").read_text(encoding="utf-8"))
    contact = [p["value"] for p in planted if p["entity_type"] in ("PHONE_NUMBER", "EMAIL_ADDRESS")]
    with duckdb.connect(str(root / "out" / "warehouse.duckdb"), read_only=True) as con:
        results = con.sql("SELECT * FROM check_results UNION ALL BY NAME SELECT * FROM quarantine")
        stored = str(results.pl().to_dicts())
        leaked = con.execute("SELECT string_agg(text, ' ') FROM utterances").fetchone()[0]
    assert any(v in leaked for v in contact), "this config should really leak contact details"
    report = Path(summary.report).read_text(encoding="utf-8")
    assert "A quality gate failed" in report
    assert [v for v in contact if v in stored or v in report] == []


def test_failed_gate_data_docs_and_gx_results_hold_no_values(leaky_run) -> None:
    summary, root = leaky_run
    planted = json.loads((root / "planted_identifiers.json").read_text(encoding="utf-8"))
    run_dir = Path(summary.report).parent
    assert (run_dir / "data_docs" / "index.html").is_file()
    assert files_under([run_dir / "gx_results"]) > 0
    # The staging Parquet of this run does leak (that is what the gate caught); GX output not.
    gx_output = [run_dir / "data_docs", run_dir / "gx_results"]
    assert find_leaks(gx_output, [p["value"] for p in planted]) == []
