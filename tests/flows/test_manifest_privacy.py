"""End to end: a manifest with an undeclared attribute column (name) loads nothing of it."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import duckdb
import pytest
from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

from qualbridge.flows.pipeline import RunSummary, pipeline
from qualbridge.flows.release import release_run
from qualbridge.tasks.audit.signoff import approve
from qualbridge.tasks.warehouse.store import connect
from tests.conftest import FIXTURES, PREFECT_HOME, TEST_KEY
from tests.helpers.leaks import files_under, find_leaks

NAMES = ["Philippa Wetherspoon-Adeyemi", "Ignatius Crowthorne"]


@pytest.fixture(scope="module")
def named_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[RunSummary, Path]:
    """The mini fixture with a `name` column added to one study's manifest, run and released."""
    root = tmp_path_factory.mktemp("named")
    shutil.copytree(FIXTURES / "mini", root, dirs_exist_ok=True)
    manifest = root / "studies" / "therapist_disclosure" / "manifest.csv"
    header, *rows = manifest.read_text(encoding="utf-8").splitlines()
    names = (NAMES * len(rows))[: len(rows)]
    lines = [f"{header},name"] + [f"{row},{name}" for row, name in zip(rows, names, strict=True)]
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    config, out = root / "consortium.yaml", root / "out"
    mp = pytest.MonkeyPatch()
    mp.setenv("QUALBRIDGE_KEY", TEST_KEY)
    try:
        with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
            summary = pipeline(str(config), str(out))
            with connect(out / "warehouse.duckdb") as con:
                digest = hashlib.sha256(config.read_bytes()).hexdigest()
                approve(con, summary.run_id, digest, "Test Steward")
            released = release_run(config, str(out), summary.run_id)
    finally:
        mp.undo()
    assert released.released, released.blockers
    return summary, root


def test_the_study_is_refused_naming_manifest_and_column(named_run) -> None:
    _, root = named_run
    with duckdb.connect(str(root / "out" / "warehouse.duckdb"), read_only=True) as con:
        loaded = con.execute("SELECT DISTINCT study_id FROM transcripts").fetchall()
        reasons = con.execute(
            "SELECT source, reason FROM quarantine WHERE stage = 'manifest'"
        ).fetchall()
    assert loaded == [("peer_support",)]
    assert [source for source, _ in reasons] == ["manifest.csv"]
    assert "['name']" in reasons[0][1] and "study_manifest.odcs.yaml" in reasons[0][1]


@pytest.mark.parametrize("where", ["output folder", "PREFECT_HOME"])
def test_no_name_from_the_manifest_is_written_anywhere(named_run, where: str) -> None:
    _, root = named_run
    folder = root / "out" if where == "output folder" else PREFECT_HOME
    assert files_under([folder]) > 0
    assert find_leaks([folder], set(NAMES)) == []


def test_comparisons_left_without_a_group_are_skipped_with_their_reason(named_run) -> None:
    summary, root = named_run
    with duckdb.connect(str(root / "out" / "warehouse.duckdb"), read_only=True) as con:
        skipped = con.execute(
            "SELECT source, reason FROM quarantine WHERE run_id = ? AND stage = 'compare' "
            "ORDER BY source",
            [summary.run_id],
        ).fetchall()
    assert [source for source, _ in skipped] == [
        "comparison:helper_talk",
        "comparison:peer_vs_therapy_all",
    ]
    assert all("needs at least 2 transcripts" in reason for _, reason in skipped)
