"""The steward's decisions in the warehouse: one row per decision, a keyed digest of each term."""

from __future__ import annotations

import duckdb
import polars as pl

from qualbridge.schemas.config import ConsortiumConfig
from qualbridge.tasks.shared.decisions import NumberedDecision, study_decisions
from qualbridge.tasks.shared.pseudonym import value_digest
from qualbridge.tasks.warehouse import append_rows, transaction

DECISIONS_FRAME = {
    "study_id": pl.String,
    "line": pl.Int32,
    "decision": pl.String,
    "entity_type": pl.String,
    "term_digest": pl.String,
    "utterance_id": pl.String,
    "start_offset": pl.Int32,
    "end_offset": pl.Int32,
    "participant_id": pl.String,
    "decided_by": pl.String,
    "decided_at": pl.Datetime("us", "UTC"),
    "loaded_run_id": pl.String,
}


def decisions_frame(
    study_id: str, decisions: list[NumberedDecision], key: bytes, run_id: str
) -> pl.DataFrame:
    """Warehouse rows of a study's decisions: a keyed digest of each term, never the term."""
    rows = [
        {
            "study_id": study_id,
            "line": item.line,
            "decision": d.decision,
            "entity_type": d.entity_type,
            "term_digest": value_digest(key, d.term) if d.term else None,
            "utterance_id": d.utterance_id,
            "start_offset": d.start,
            "end_offset": d.end,
            "participant_id": d.participant_id,
            "decided_by": d.decided_by,
            "decided_at": d.when,
            "loaded_run_id": run_id,
        }
        for item in decisions
        for d in [item.decision]
    ]
    return pl.DataFrame(rows, schema=DECISIONS_FRAME)


def store_decisions(
    con: duckdb.DuckDBPyConnection, config: ConsortiumConfig, key: bytes, run_id: str
) -> int:
    """Make the decisions table equal to every study's decisions file; return the row count."""
    frames = [
        decisions_frame(s.study_id, study_decisions(s, config), key, run_id) for s in config.studies
    ]
    with transaction(con):
        con.execute("DELETE FROM decisions")
        for frame in frames:
            append_rows(con, "decisions", frame)
    return sum(f.height for f in frames)
