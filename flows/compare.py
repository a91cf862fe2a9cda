"""Comparison flow: coverage, group comparisons, co-occurrence and coder agreement."""

from __future__ import annotations

import duckdb
import polars as pl
from prefect import flow

from qualbridge.flows.context import RunContext
from qualbridge.schemas import frames
from qualbridge.tasks.compare import (
    TooFewTranscripts,
    coder_agreement,
    coder_agreement_overall,
    compare_groups,
    coverage_breakdown,
    omnibus_test,
    study_coverage,
    theme_cooccurrence,
    with_model_coding,
)
from qualbridge.tasks.shared.staging import write_results
from qualbridge.tasks.warehouse import append_rows, connect, replace_table


def _comparisons(
    con: duckdb.DuckDBPyConnection, ctx: RunContext
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Every configured comparison's rows and, for three or more groups, its omnibus test."""
    stats = ctx.config.stats
    comparisons, omnibus, skipped = [], [], []
    for comparison in ctx.config.comparisons:
        try:
            comparisons.append(compare_groups(con, comparison, stats))
            if len(comparison.all_groups) > 2:
                omnibus.append(omnibus_test(con, comparison, stats))
        except TooFewTranscripts as exc:
            # One thin group (say a study refused at ingest) must not stop the others.
            skipped.append(_skipped(ctx.run_id, comparison.comparison_id, str(exc)))
    con.execute("DELETE FROM quarantine WHERE run_id = ? AND stage = 'compare'", [ctx.run_id])
    append_rows(con, "quarantine", frames.frame(skipped, frames.QUARANTINE))
    return (
        pl.concat(comparisons, how="vertical_relaxed") if comparisons else pl.DataFrame(),
        pl.concat(omnibus) if omnibus else pl.DataFrame(),
    )


@flow(name="compare", persist_result=False)
def compare_flow(ctx: RunContext) -> dict[str, int]:
    """Compute the statistics, store them, and export each table as CSV and Parquet."""
    stats = ctx.config.stats
    with connect(ctx.warehouse) as con:
        breakdown = coverage_breakdown(con, stats)
        comparisons, omnibus = _comparisons(con, ctx)
        results = {
            "theme_coverage_results": study_coverage(con, breakdown),
            "theme_coverage_breakdown": breakdown,
            "theme_comparison_results": with_model_coding(
                con, comparisons, ctx.config.autocode, stats
            ),
            "theme_comparison_omnibus": omnibus,
            "theme_cooccurrence": theme_cooccurrence(con, stats),
            "coder_agreement": coder_agreement(con, stats),
            "coder_agreement_overall": coder_agreement_overall(con, stats),
        }
        results = {
            k: v if v.is_empty() else v.with_columns(run_id=pl.lit(ctx.run_id))
            for k, v in results.items()
        }
        for table, frame in results.items():
            replace_table(con, table, frame)
        # A table with nothing to compare is still written with its columns, so the exported
        # CSV has a header and the Parquet file opens.
        results = {
            table: frame if frame.width else con.sql(f"SELECT * FROM {table} LIMIT 0").pl()
            for table, frame in results.items()
        }
    write_results(results, ctx.run_dir / "results")
    return {table: frame.height for table, frame in results.items()}


def _skipped(run_id: str, comparison_id: str, reason: str) -> dict[str, str]:
    """A quarantine row a steward can read: which comparison was left out and why."""
    return {
        "run_id": run_id,
        "study_id": "*",
        "source": f"comparison:{comparison_id}",
        "stage": "compare",
        "reason": f"{reason}; comparison left out of this run",
    }
