"""Auto-coding flow: learn the themes from manual codings, code other studies, correct coverage."""

from __future__ import annotations

import duckdb
import polars as pl
from prefect import flow

from qualbridge.flows.context import RunContext
from qualbridge.schemas import frames
from qualbridge.tasks.coding import AutocodeResult, run_autocode
from qualbridge.tasks.shared.staging import write_results
from qualbridge.tasks.warehouse import append_rows, connect, replace_table, transaction

SCORE_COLUMNS = ("utterance_id", "transcript_id", "theme_id", "coder", "score")


@flow(name="autocode", persist_result=False)
def autocode_flow(ctx: RunContext) -> dict[str, int]:
    """Replace the model's codings and results; the model file stays on site, outside releases."""
    settings = ctx.config.autocode
    if settings is None:
        return {}
    with connect(ctx.warehouse) as con:
        result = run_autocode(con, settings, ctx.codebook, ctx.output_dir / "onsite" / "models")
        result.skipped.extend(_missing_studies(con, settings.train_on + settings.apply_to))
        tables = {
            "autocode_validation": result.validation,
            "autocode_prevalence": result.prevalence,
        }
        tables = {k: v.with_columns(run_id=pl.lit(ctx.run_id)) for k, v in tables.items()}
        with transaction(con):
            con.execute("DELETE FROM codings WHERE origin = 'model'")
            append_rows(con, "codings", result.codings.select(list(frames.CODINGS)))
            con.execute("DELETE FROM autocode_scores")
            append_rows(con, "autocode_scores", result.codings.select(list(SCORE_COLUMNS)))
            con.execute(
                "DELETE FROM quarantine WHERE run_id = ? AND stage = 'autocode'", [ctx.run_id]
            )
            append_rows(con, "quarantine", _skipped(ctx.run_id, result))
        for table, frame in tables.items():
            replace_table(con, table, frame)
    write_results(tables, ctx.run_dir / "results")
    return {"codings": result.codings.height, **{t: f.height for t, f in tables.items()}}


def _missing_studies(con: duckdb.DuckDBPyConnection, named: list[str]) -> list[str]:
    """Reasons for named studies the warehouse lacks (at a hub: no site released them)."""
    present = {r[0] for r in con.execute("SELECT study_id FROM studies").fetchall()}
    return [f"study {s}: not in the warehouse; not auto-coded" for s in named if s not in present]


def _skipped(run_id: str, result: AutocodeResult) -> pl.DataFrame:
    """Quarantine rows a steward can read: themes left out of auto-coding and why."""
    rows = [
        {"run_id": run_id, "study_id": "*", "source": "autocode", "stage": "autocode", "reason": r}
        for r in result.skipped
    ]
    return frames.frame(rows, frames.QUARANTINE)
