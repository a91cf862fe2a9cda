"""Sign-off: a steward's approval of a run, and what still blocks its release."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, cast

import duckdb

from qualbridge.schemas.config import ConsortiumConfig
from qualbridge.tasks.audit.risk import assess_risk
from qualbridge.tasks.audit.status import run_status, set_status


class SignoffError(ValueError):
    """An approval that cannot be recorded (unknown run, config changed since the run)."""


def run_config_hash(con: duckdb.DuckDBPyConnection, run_id: str) -> str:
    """The config hash a run was made with; raise SignoffError for an unknown run."""
    rows = con.execute("SELECT config_hash FROM runs WHERE run_id = ?", [run_id]).fetchall()
    if not rows:
        raise SignoffError(f"no run {run_id!r} in the warehouse")
    return str(rows[0][0])


def approve(
    con: duckdb.DuckDBPyConnection, run_id: str, current_config_hash: str, by: str, note: str = ""
) -> datetime:
    """Record who approved a run and when; refuse if the config changed since the run."""
    if not by.strip():
        raise SignoffError("an approval needs the approver's name")
    run_hash = run_config_hash(con, run_id)
    if run_hash != current_config_hash:
        raise SignoffError(
            f"run {run_id} was made with config {run_hash[:12]}, but the config is now "
            f"{current_config_hash[:12]}; rerun before approving"
        )
    at = datetime.now(UTC)
    record_action(con, run_id, run_hash, by, note, "approve", at)
    if run_status(con, run_id).status == "awaiting_approval":
        set_status(con, run_id, "approved")
    return at


def record_action(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    config_hash: str,
    by: str,
    note: str,
    action: str,
    at: datetime | None = None,
) -> datetime:
    """Write a steward's action (an approval, or a decision made in review) with who and when."""
    at = at or datetime.now(UTC)
    con.execute(
        "INSERT INTO approvals (run_id, config_hash, approved_by, approved_at, note, action) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [run_id, config_hash, by.strip(), at, note, action],
    )
    return at


def approvals(con: duckdb.DuckDBPyConnection, run_id: str) -> list[dict[str, Any]]:
    """Approvals of a run that match the config it was made with, oldest first."""
    return cast(
        list[dict[str, Any]],
        con.sql(
            "SELECT a.approved_by, a.approved_at, a.config_hash, a.note FROM approvals a "
            "JOIN runs r ON r.run_id = a.run_id AND r.config_hash = a.config_hash "
            "WHERE a.run_id = ? AND coalesce(a.action, 'approve') = 'approve' "
            "ORDER BY a.approved_at",
            params=[run_id],
        )
        .pl()
        .to_dicts(),
    )


def approval_blockers(con: duckdb.DuckDBPyConnection, run_id: str) -> list[str]:
    """The missing approval, if the run has none matching its config."""
    if approvals(con, run_id):
        return []
    return [f"run {run_id} has no steward approval (qualbridge approve RUN --by NAME)"]


def risk_blockers(con: duckdb.DuckDBPyConnection, config: ConsortiumConfig) -> list[str]:
    """Re-identification risks nobody accepted, and risk settings that cannot be assessed."""
    blockers = []
    for study in assess_risk(con, config):
        if study.unknown_columns:
            blockers.append(
                f"{study.study_id}: risk settings name attributes no participant record has: "
                + ", ".join(study.unknown_columns)
            )
        if study.unaccepted:
            blockers.append(
                f"{study.study_id}: {len(study.unaccepted)} participant record(s) below "
                f"k={study.risk.k} or l={study.risk.l}, not accepted (accept_risk) or fixed"
            )
    return blockers


def signoff_blockers(
    con: duckdb.DuckDBPyConnection, run_id: str, config: ConsortiumConfig
) -> list[str]:
    """Reasons a run may not be released yet: no approval (when required), unaccepted risks."""
    needed = approval_blockers(con, run_id) if config.release.require_approval else []
    return needed + risk_blockers(con, config)
