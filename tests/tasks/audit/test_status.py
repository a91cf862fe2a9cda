"""A run's one status: set by the pipeline, approve and release, read the same everywhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualbridge.tasks.audit import (
    RunStatus,
    approval_blockers,
    approve,
    record_action,
    run_status,
    set_status,
    status_markdown,
)
from qualbridge.tasks.warehouse import connect, start_run


@pytest.fixture
def con(tmp_path: Path):
    with connect(tmp_path / "w.duckdb") as con:
        start_run(con, "r1", "demo", "h" * 64, "f" * 16, "m")
        yield con


@pytest.mark.parametrize(
    ("before", "after"),
    [("awaiting_approval", "approved"), ("released", "released"), ("blocked", "blocked")],
)
def test_approval_moves_only_a_waiting_run_to_approved(con, before: str, after: str) -> None:
    set_status(con, "r1", before)
    approve(con, "r1", "h" * 64, "Dana")
    assert run_status(con, "r1").status == after


def test_blocked_keeps_its_reasons_and_an_unknown_status_is_refused(con) -> None:
    set_status(con, "r1", "blocked", ["text.no_uk_phone failed", "no approval"])
    assert run_status(con, "r1") == RunStatus("blocked", ["text.no_uk_phone failed", "no approval"])
    with pytest.raises(ValueError, match="unknown run status"):
        set_status(con, "r1", "gate_failed")


def test_review_actions_in_approvals_are_not_approvals(con) -> None:
    record_action(con, "r1", "h" * 64, "Dana", "missed PERSON at s:T1:0001", "missed")
    assert approval_blockers(con, "r1")
    approve(con, "r1", "h" * 64, "Dana")
    assert approval_blockers(con, "r1") == []


def test_status_markdown_names_the_status_in_words() -> None:
    text = status_markdown("r1", RunStatus("awaiting_approval"), ["qualbridge review"])
    assert (
        "Awaiting sign-off" in text
        and "`awaiting_approval`" in text
        and "1. qualbridge review" in text
    )
