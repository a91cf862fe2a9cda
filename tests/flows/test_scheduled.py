"""Deployment runs end in a state that tells the truth: Failed on a failed gate or lost data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from qualbridge.flows.merge import MergeSummary
from qualbridge.flows.pipeline import RunSummary
from qualbridge.flows.scheduled import merge_state, pipeline_state, scheduled_pipeline
from tests.conftest import FIXTURES, TEST_KEY
from tests.flows.test_pipeline import planted_values


def _run(status: str, gates_passed: bool, losses: list[str]) -> RunSummary:
    counts = {"seen": 2, "loaded": 2, "unchanged": 0, "quarantined": len(losses)}
    return RunSummary("r1", status, counts, gates_passed, "report.html", None, losses=losses)


@pytest.mark.parametrize(
    ("summary", "failed", "name"),
    [
        (_run("released", True, []), False, "Completed"),
        (_run("awaiting_approval", True, []), False, "Awaiting approval"),
        (_run("released", True, ["ingest: study s, a.txt: unreadable"]), True, "Incomplete"),
        (_run("blocked", False, []), True, "Gate failed"),
        (_run("blocked", False, ["ingest: study s, a.txt: unreadable"]), True, "Gate failed"),
    ],
)
def test_pipeline_state_fails_unless_everything_was_done(
    summary: RunSummary, failed: bool, name: str
) -> None:
    state = pipeline_state(summary)
    assert state.is_failed() is failed and state.name == name
    assert "a.txt" not in (state.message or "")  # counts only, never what was lost


@pytest.mark.parametrize(("passed", "failed"), [(True, False), (False, True)])
def test_merge_state_fails_when_the_hub_gates_failed(passed: bool, failed: bool) -> None:
    summary = MergeSummary("m1", {"pkg": "merged"}, passed, "report.html", [] if passed else ["c"])
    assert merge_state(summary).is_failed() is failed


def test_a_scheduled_run_with_a_lost_transcript_ends_failed(tmp_path: Path, monkeypatch) -> None:
    """The same lost file that makes `qualbridge run` exit 5 makes the deployment run Failed."""
    monkeypatch.setenv("QUALBRIDGE_KEY", TEST_KEY)
    shutil.copytree(FIXTURES / "mini", tmp_path, dirs_exist_ok=True)
    (tmp_path / "studies" / "peer_support" / "transcripts" / "PS02.txt").unlink()
    state = scheduled_pipeline(str(tmp_path / "consortium.yaml"), return_state=True)
    assert state.is_failed() and state.name == "Incomplete", state
    assert "1 study/source/comparison(s) left out" in (state.message or "")
    assert [v for v in planted_values(tmp_path) if v in (state.message or "")] == []
