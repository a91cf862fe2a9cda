"""Crash safety: SIGKILL the real pipeline mid-load or after the load; a rerun must heal it."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from prefect.server.api.server import SubprocessASGIServer
from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

from qualbridge.flows.pipeline import RunSummary, pipeline
from qualbridge.tasks.warehouse.store import TRANSCRIPT_TABLES
from tests.conftest import FIXTURES, PREFECT_HOME, TEST_KEY

REPO_ROOT = Path(__file__).resolve().parents[2]
DRIVER_TIMEOUT_S = 180
HISTORY_TABLES = (
    "runs",
    "quarantine",
    "check_results",
    "theme_coverage_results",
    "theme_comparison_results",
)

# Columns compared per data table and each table's key; run ids and timestamps are left out.
COMPARED = {
    "studies": ("study_id, corpus, site, title", "study_id"),
    "transcripts": (
        "transcript_id, study_id, participant_id, source, content_hash, attributes::VARCHAR, "
        "n_utterances, n_words",
        "transcript_id",
    ),
    "utterances": (
        "utterance_id, transcript_id, study_id, seq, speaker_role, text, n_words",
        "utterance_id",
    ),
    "detections": (
        "utterance_id, transcript_id, start_offset, end_offset, out_start, out_end, entity_type, "
        "recognizer, score, "
        "action, value_digest",
        "utterance_id, start_offset",
    ),
    "themes": ("theme_id, codebook_id, name, definition, parent", "theme_id"),
    "codings": (
        "utterance_id, transcript_id, theme_id, coder, matched_rule, start_offset, end_offset, "
        "origin",
        "utterance_id, theme_id, coder, start_offset",
    ),
}

# Runs the real pipeline in a child process and SIGKILLs it at the chosen point. The marker
# file, written and fsynced just before the kill, proves the kill point was really reached.
DRIVER = '''
import json, os, signal, sys

config_path, output_dir, kill_at, marker = sys.argv[1:5]

import qualbridge  # noqa: F401  (process settings before Prefect is imported)
from prefect.runtime import flow_run
from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

import qualbridge.flows.validate
from qualbridge.flows.context import run_context
from qualbridge.flows.pipeline import pipeline
from qualbridge.tasks.warehouse import store
from qualbridge.tasks.warehouse import tasks as warehouse_tasks


def die(con, **facts):
    """Record what the warehouse holds right now (as this process sees it), then SIGKILL."""
    facts["pipeline_run_id"] = str(flow_run.get_root_flow_run_id())
    facts["seen"] = {
        t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("transcripts", "utterances", "detections")
    }
    with open(marker, "w", encoding="utf-8") as f:
        json.dump(facts, f)
        f.flush()
        os.fsync(f.fileno())
    os.kill(os.getpid(), signal.SIGKILL)


class KillBeforeDetections:
    """A connection that dies when the open transaction is about to insert detections."""

    def __init__(self, con):
        self._con = con
        self._statements = []

    def execute(self, sql, *args, **kwargs):
        self._statements.append(sql.split(" WHERE ")[0])
        if sql.startswith("INSERT INTO detections"):
            die(self._con, kill_at=kill_at, statements=self._statements)
        return self._con.execute(sql, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(self._con, name)


real_replace = store.replace_transcripts


def replace_then_die(con, transcripts, utterances, detections, codings=None):
    return real_replace(KillBeforeDetections(con), transcripts, utterances, detections, codings)


def validate_then_die(*args, **kwargs):
    with store.connect(run_context(config_path, output_dir, "").warehouse) as con:
        die(con, kill_at=kill_at)


if kill_at == "mid_load":
    warehouse_tasks.replace_transcripts = replace_then_die
elif kill_at == "after_load":
    qualbridge.flows.validate.validate_warehouse_task = validate_then_die
else:
    raise SystemExit(f"unknown kill point {kill_at}")

with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
    pipeline(config_path, output_dir)
raise SystemExit("the pipeline finished; the kill point was never reached")
'''


def _consortium(root: Path) -> Path:
    """A fresh copy of the mini fixture; returns its config."""
    shutil.copytree(FIXTURES / "mini", root)
    return root / "consortium.yaml"


def _run_in_process(config: Path, monkeypatch: pytest.MonkeyPatch) -> RunSummary:
    """Run the pipeline normally in this process."""
    monkeypatch.setenv("QUALBRIDGE_KEY", TEST_KEY)
    with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        return pipeline(str(config), str(config.parent / "out"))


def _run_and_kill(config: Path, kill_at: str, tmp_path: Path) -> dict:
    """Run the pipeline in a child process that SIGKILLs itself; return its marker facts."""
    driver = tmp_path / "crash_driver.py"
    driver.write_text(DRIVER, encoding="utf-8")
    marker = tmp_path / f"{kill_at}.killed.json"
    env = {
        **os.environ,
        "QUALBRIDGE_KEY": TEST_KEY,
        "PREFECT_HOME": str(PREFECT_HOME),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")])),
    }
    server = SubprocessASGIServer()  # this session's temporary Prefect server, if started
    if server.running and "PREFECT_API_URL" not in env:
        env["PREFECT_API_URL"] = server.api_url  # saves the child starting one of its own
    args = [sys.executable, str(driver), str(config), str(config.parent / "out"), kill_at]
    with (tmp_path / "driver.log").open("wb") as log:
        # Own session: had the child started a temporary Prefect server, the SIGKILL would
        # orphan it; it is stopped by its process group afterwards.
        proc = subprocess.Popen(
            [*args, str(marker)],
            cwd=REPO_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            returncode = proc.wait(timeout=DRIVER_TIMEOUT_S)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL if proc.poll() is None else signal.SIGTERM)
            proc.wait()
    output = (tmp_path / "driver.log").read_text(encoding="utf-8", errors="replace")
    assert returncode == -signal.SIGKILL, f"driver exited {returncode}:\n{output[-3000:]}"
    assert marker.is_file(), f"killed before reaching {kill_at}:\n{output[-3000:]}"
    return json.loads(marker.read_text(encoding="utf-8"))


def _snapshot(warehouse: Path) -> dict[str, list[tuple]]:
    """Sorted contents of every data table, without run-specific columns."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return {
            table: con.execute(f"SELECT {cols} FROM {table} ORDER BY ALL").fetchall()
            for table, (cols, _) in COMPARED.items()
        }


def _duplicate_keys(warehouse: Path) -> dict[str, int]:
    """How many primary keys occur more than once, per data table."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return {
            table: con.execute(
                f"SELECT count(*) FROM (SELECT {key} FROM {table} GROUP BY ALL HAVING count(*) > 1)"
            ).fetchone()[0]
            for table, (_, key) in COMPARED.items()
        }


def _runs(warehouse: Path) -> dict[str, tuple[str, bool]]:
    """Status of every run and whether it recorded a finish time, by run id."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute("SELECT run_id, status, finished_at IS NOT NULL FROM runs").fetchall()
    return {run_id: (status, finished) for run_id, status, finished in rows}


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Warehouse A: the mini fixture loaded by one uninterrupted run."""
    config = _consortium(tmp_path_factory.mktemp("crash") / "reference")
    mp = pytest.MonkeyPatch()
    try:
        summary = _run_in_process(config, mp)
    finally:
        mp.undo()
    assert summary.status == "awaiting_approval"
    return config.parent / "out" / "warehouse.duckdb"


def _seed_earlier_load(reference: Path, warehouse: Path) -> None:
    """B's warehouse as an earlier load left it: one study missing, the other's files changed.

    The killed load then both replaces committed rows (real DELETEs) and inserts new ones.
    """
    warehouse.parent.mkdir(parents=True)
    shutil.copyfile(reference, warehouse)
    with duckdb.connect(str(warehouse)) as con:
        for table in HISTORY_TABLES:
            con.execute(f"DELETE FROM {table}")
        for table in TRANSCRIPT_TABLES:
            con.execute(f"DELETE FROM {table} WHERE transcript_id LIKE 'peer_support:%'")
        con.execute("UPDATE transcripts SET content_hash = 'earlier-' || content_hash")


@pytest.mark.parametrize("kill_at", ["mid_load", "after_load"])
def test_rerun_after_sigkill_gives_the_same_warehouse(
    reference: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kill_at: str
) -> None:
    expected = _snapshot(reference)
    n_transcripts = len(expected["transcripts"])
    config = _consortium(tmp_path / "consortium")
    warehouse = config.parent / "out" / "warehouse.duckdb"
    if kill_at == "mid_load":
        _seed_earlier_load(reference, warehouse)
    before = _snapshot(warehouse) if warehouse.exists() else None

    facts = _run_and_kill(config, kill_at, tmp_path)

    killed = facts["pipeline_run_id"]
    after_kill = _snapshot(warehouse)
    if kill_at == "mid_load":
        # Killed inside the open transaction: its DELETEs ran and rows were half written...
        assert facts["statements"] == [
            "BEGIN TRANSACTION",
            "SELECT transcript_id FROM transcripts",  # earlier transcripts of the same files
            *(f"DELETE FROM {t}" for t in TRANSCRIPT_TABLES),
            "INSERT INTO transcripts BY NAME SELECT * FROM incoming",
            "INSERT INTO utterances BY NAME SELECT * FROM incoming",
            "INSERT INTO detections BY NAME SELECT * FROM incoming",
        ]
        assert facts["seen"]["transcripts"] == n_transcripts and facts["seen"]["utterances"] > 0
        assert facts["seen"]["detections"] == 0
        # ...and none of it survived: the warehouse is exactly as the earlier load left it.
        assert after_kill == before, "the killed transaction left changes behind"
    else:
        # Killed during validation: the load had committed, the run had not finished.
        assert after_kill["transcripts"] == expected["transcripts"]
        assert after_kill["utterances"] == expected["utterances"]
    assert _runs(warehouse) == {killed: ("running", False)}

    rerun = _run_in_process(config, monkeypatch)

    assert rerun.status == "awaiting_approval" and rerun.gates_passed
    assert rerun.counts["loaded"] == (n_transcripts if kill_at == "mid_load" else 0)
    healed = _snapshot(warehouse)
    assert {t: len(rows) for t, rows in healed.items()} == {
        t: len(rows) for t, rows in expected.items()
    }
    for table in COMPARED:
        assert healed[table] == expected[table], f"{table} differs from the reference"
    assert _duplicate_keys(warehouse) == dict.fromkeys(COMPARED, 0)
    assert _runs(warehouse) == {
        killed: ("running", False),
        rerun.run_id: ("awaiting_approval", True),
    }
