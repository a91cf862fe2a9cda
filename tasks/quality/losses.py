"""What a run left out: studies, sources and comparisons quarantined on the way, by reason."""

from __future__ import annotations

import duckdb

# Quarantine stages that drop input or output; validate and release rows are gate failures.
LOSS_STAGES = ("manifest", "ingest", "deidentify", "compare")


def run_losses(con: duckdb.DuckDBPyConnection, run_id: str) -> list[str]:
    """One line per study, source or comparison the run left out, with its reason (no data)."""
    rows = con.execute(
        "SELECT stage, study_id, source, reason FROM quarantine "
        "WHERE run_id = ? AND list_contains(?, stage) ORDER BY stage, study_id, source",
        [run_id, list(LOSS_STAGES)],
    ).fetchall()
    return [f"{stage}: study {study}, {source}: {reason}" for stage, study, source, reason in rows]
