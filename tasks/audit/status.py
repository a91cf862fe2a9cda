"""A run's one true status, kept in `runs` and shown the same by every page, command and flow."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import duckdb

# What each status means to a steward; every surface shows these words.
STATUS_LABELS = {
    "running": "Running",
    "awaiting_approval": "Awaiting sign-off",
    "approved": "Approved, not yet released",
    "released": "Released",
    "blocked": "Blocked",
    "failed": "Failed",
    "completed": "Completed",
}


@dataclass(frozen=True)
class RunStatus:
    """A run's status and, when blocked, why."""

    status: str
    reasons: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        """The status in a steward's words."""
        return STATUS_LABELS.get(self.status, self.status)


def set_status(
    con: duckdb.DuckDBPyConnection, run_id: str, status: str, reasons: Sequence[str] = ()
) -> None:
    """Record a run's status and its reasons (one a line)."""
    if status not in STATUS_LABELS:
        raise ValueError(f"unknown run status {status!r}")
    con.execute(
        "UPDATE runs SET status = ?, status_reasons = ? WHERE run_id = ?",
        [status, "\n".join(reasons) or None, run_id],
    )


def run_status(con: duckdb.DuckDBPyConnection, run_id: str) -> RunStatus:
    """A run's recorded status (unknown runs read as failed)."""
    rows = con.execute(
        "SELECT status, status_reasons FROM runs WHERE run_id = ?", [run_id]
    ).fetchall()
    row = rows[0] if rows else None
    if row is None:
        return RunStatus("failed", [f"no run {run_id!r} in the warehouse"])
    return RunStatus(row[0], row[1].split("\n") if row[1] else [])


def status_markdown(run_id: str, status: RunStatus, next_steps: Sequence[str] = ()) -> str:
    """The status as a short markdown note (Prefect artifact, run summaries)."""
    lines = [f"## qualbridge run {run_id}: {status.label}", "", f"Status: `{status.status}`"]
    lines += [""] + [f"- {r}" for r in status.reasons] if status.reasons else []
    lines += [""] + [f"{i}. {s}" for i, s in enumerate(next_steps, 1)] if next_steps else []
    return "\n".join(lines)
