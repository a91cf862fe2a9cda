"""Comparison flow: theme coverage per study and the configured two-group comparisons."""

from __future__ import annotations

import polars as pl
from prefect import flow

from flows.context import run_context
from tasks.compare.coverage import compare_groups, study_coverage
from tasks.warehouse.store import connect, replace_table


@flow(name="compare", persist_result=False)
def compare_flow(config_path: str, output_dir: str | None, run_id: str) -> dict[str, int]:
    """Compute coverage and comparisons, store them, and export them as CSV and Parquet."""
    ctx = run_context(config_path, output_dir, run_id)
    with connect(ctx.warehouse) as con:
        coverage = study_coverage(con).with_columns(run_id=pl.lit(run_id))
        comparisons = [compare_groups(con, c, ctx.config.stats) for c in ctx.config.comparisons]
        comparison = (
            pl.concat(comparisons).with_columns(run_id=pl.lit(run_id))
            if comparisons
            else pl.DataFrame()
        )
        replace_table(con, "theme_coverage_results", coverage)
        replace_table(con, "theme_comparison_results", comparison)
    exports = ctx.run_dir / "results"
    exports.mkdir(parents=True, exist_ok=True)
    for name, df in (("theme_coverage", coverage), ("theme_comparison", comparison)):
        df.write_csv(exports / f"{name}.csv")
        df.write_parquet(exports / f"{name}.parquet")
    return {"coverage_rows": coverage.height, "comparison_rows": comparison.height}
