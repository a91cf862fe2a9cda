"""The steward's decisions in the warehouse: the current set, and every decision ever applied.

One row per decision, with a keyed digest of each term and a keyed identity of the decision,
never the term itself."""

from __future__ import annotations

import duckdb
import polars as pl

from qualbridge.schemas.config import ConsortiumConfig
from qualbridge.schemas.frames import FrameSchema
from qualbridge.tasks.shared.decisions import NumberedDecision, study_decisions
from qualbridge.tasks.shared.deid_inputs import changes_text, decision_identity
from qualbridge.tasks.shared.pseudonym import value_digest
from qualbridge.tasks.warehouse import append_rows, transaction

DECISIONS_FRAME: FrameSchema = {
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
    "identity": pl.String,
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
            "identity": decision_identity(d, key),
        }
        for item in decisions
        for d in [item.decision]
    ]
    return pl.DataFrame(rows, schema=DECISIONS_FRAME)


def store_decisions(
    con: duckdb.DuckDBPyConnection, config: ConsortiumConfig, key: bytes, run_id: str
) -> int:
    """Make the current decisions equal to every study's file, keeping all in the history.

    A decision new to the history is recorded with this run as the one that applied it; one
    gone from its file is marked withdrawn by this run. Returns the current row count.
    """
    frames = [
        decisions_frame(s.study_id, study_decisions(s, config), key, run_id) for s in config.studies
    ]
    with transaction(con):
        con.execute("DELETE FROM decisions")
        for frame in frames:
            append_rows(con, "decisions", frame)
        con.execute(
            "UPDATE decision_history h SET withdrawn_run_id = ? WHERE withdrawn_run_id IS NULL "
            "AND NOT EXISTS (SELECT 1 FROM decisions d "
            "WHERE d.study_id = h.study_id AND d.identity = h.identity)",
            [run_id],
        )
        con.execute(
            "INSERT INTO decision_history SELECT d.study_id, d.identity, d.decision, "
            "d.entity_type, d.term_digest, d.utterance_id, d.start_offset, d.end_offset, "
            "d.participant_id, d.decided_by, d.decided_at, d.loaded_run_id, NULL "
            "FROM decisions d WHERE NOT EXISTS (SELECT 1 FROM decision_history h "
            "WHERE h.study_id = d.study_id AND h.identity = d.identity "
            "AND h.withdrawn_run_id IS NULL)"
        )
    return sum(f.height for f in frames)


def applied_decisions(con: duckdb.DuckDBPyConnection) -> dict[str, set[str]]:
    """Identities of the decisions the loaded text was last de-identified with, per study."""
    applied: dict[str, set[str]] = {}
    rows = con.execute(
        "SELECT study_id, identity FROM decisions WHERE decision <> 'accept_risk'"
    ).fetchall()
    for study_id, identity in rows:
        applied.setdefault(study_id, set()).add(identity)
    return applied


def current_decisions(
    config: ConsortiumConfig, key: bytes
) -> dict[str, dict[str, NumberedDecision]]:
    """The decisions in each study's file that change de-identified text, by identity."""
    return {
        s.study_id: {
            decision_identity(d.decision, key): d
            for d in study_decisions(s, config)
            if changes_text(d.decision)
        }
        for s in config.studies
    }


def store_deid_inputs(con: duckdb.DuckDBPyConnection, digests: dict[str, str], run_id: str) -> None:
    """Record what each study's loaded text was de-identified with."""
    for study_id, digest in digests.items():
        con.execute(
            "INSERT OR REPLACE INTO deid_inputs VALUES (?, ?, ?)", [study_id, digest, run_id]
        )


def stored_deid_inputs(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """What each study's loaded text was de-identified with (as recorded by the last load)."""
    return dict(con.execute("SELECT study_id, inputs_digest FROM deid_inputs").fetchall())
