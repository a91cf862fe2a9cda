"""Comparison flow: coverage, two-group comparisons, co-occurrence and coder agreement."""

from __future__ import annotations

import polars as pl
from prefect import flow

from qualbridge.flows.context import RunContext
from qualbridge.schemas import frames
from qualbridge.tasks.compare import (
    TooFewTranscripts,
    coder_agreement,
    compare_groups,
    coverage_breakdown,
    study_coverage,
    theme_cooccurrence,
    with_model_coding,
)
from qualbridge.tasks.warehouse import append_rows, connect, replace_table


@flow(name="compare", persist_result=False)
def compare_flow(ctx: RunContext) -> dict[str, int]:
    """Compute the statistics, store them, and export them as CSV and Parquet."""
    stats = ctx.config.stats
    with connect(ctx.warehouse) as con:
        breakdown = coverage_breakdown(con, stats)
        comparisons, skipped = [], []
        for comparison in ctx.config.comparisons:
            try:
                comparisons.append(compare_groups(con, comparison, stats))
            except TooFewTranscripts as exc:
                # One thin group (say a study refused at ingest) must not stop the others.
                skipped.append(_skipped(ctx.run_id, comparison.comparison_id, str(exc)))
        con.execute("DELETE FROM quarantine WHERE run_id = ? AND stage = 'compare'", [ctx.run_id])
        append_rows(con, "quarantine", frames.frame(skipped, frames.QUARANTINE))
        results = {
            "theme_coverage_results": study_coverage(con, breakdown),
            "theme_coverage_breakdown": breakdown,
            "theme_comparison_results": with_model_coding(
                con,
                pl.concat(comparisons) if comparisons else pl.DataFrame(),
                ctx.config.autocode,
                stats.confidence,
            ),
            "theme_cooccurrence": theme_cooccurrence(con, stats),
            "coder_agreement": coder_agreement(con, stats),
        }
        results = {
            k: v if v.is_empty() else v.with_columns(run_id=pl.lit(ctx.run_id))
            for k, v in results.items()
        }
        for table, frame in results.items():
            replace_table(con, table, frame)
    exports = ctx.run_dir / "results"
    exports.mkdir(parents=True, exist_ok=True)
    for table, frame in results.items():
        name = table.removesuffix("_results")
        frame.write_csv(exports / f"{name}.csv")
        frame.write_parquet(exports / f"{name}.parquet")
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
