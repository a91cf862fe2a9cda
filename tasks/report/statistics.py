"""The report's statistics parts: coverage, comparisons, omnibus tests and coder agreement."""

from __future__ import annotations

from typing import Any, cast

import duckdb
import polars as pl

from qualbridge.schemas.config import ConsortiumConfig
from qualbridge.tasks.compare import METHODS, selection_note, speaker_roles_note
from qualbridge.tasks.report.charts import (
    breakdown_bars,
    cooccurrence_heatmap,
    coverage_bars,
    forest_plot,
)


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> pl.DataFrame:
    return cast(pl.DataFrame, con.sql(sql).pl())


def coverage_context(con: duckdb.DuckDBPyConnection, theme_names: dict[str, str]) -> dict[str, Any]:
    """Per-study coverage and every breakdown, each with its chart."""
    coverage = _rows(con, "SELECT * FROM theme_coverage_results ORDER BY study_id, theme_id")
    breakdown = _rows(
        con,
        "SELECT * FROM theme_coverage_breakdown WHERE dimension <> 'study_id' "
        "ORDER BY dimension, level, theme_id",
    )
    dimensions = breakdown["dimension"].unique(maintain_order=True).to_list()
    return {
        "coverage": coverage.to_dicts(),
        "coverage_svg": coverage_bars(coverage, theme_names) if coverage.height else "",
        "breakdown": breakdown.to_dicts(),
        "breakdown_charts": [
            {"dimension": d, "svg": breakdown_bars(breakdown, d, theme_names)} for d in dimensions
        ],
    }


def comparisons_context(
    con: duckdb.DuckDBPyConnection, config: ConsortiumConfig, theme_names: dict[str, str]
) -> dict[str, Any]:
    """Each configured comparison: its rows, forest plot and (three or more groups) omnibus."""
    comparison = _rows(con, "SELECT * FROM theme_comparison_results")
    omnibus = _rows(con, "SELECT * FROM theme_comparison_omnibus ORDER BY comparison, theme_id")
    comparisons = []
    for c in config.comparisons:
        rows = comparison.filter(pl.col("comparison") == c.comparison_id).sort(
            "group_a", "group_b", "theme_id", "method"
        )
        comparisons.append(
            {
                "comparison_id": c.comparison_id,
                "by": c.by,
                "groups": c.all_groups,
                "adjust_for": c.adjust_for,
                "scope": speaker_roles_note(c.speaker_roles),
                "rows": rows.to_dicts(),
                "svg": forest_plot(rows, theme_names) if rows.height else "",
                "pairs": rows.select("group_a", "group_b", "clusters_a", "clusters_b")
                .unique(maintain_order=True)
                .to_dicts(),
                "omnibus": omnibus.filter(pl.col("comparison") == c.comparison_id).to_dicts(),
            }
        )
    return {
        "comparisons": comparisons,
        "methods": list(METHODS.values()),
        "selection": selection_note(config.stats),
        "resamples": config.stats.bootstrap_resamples,
        "confidence": f"{config.stats.confidence:.0%}",
    }


def agreement_context(con: duckdb.DuckDBPyConnection, config: ConsortiumConfig) -> dict[str, Any]:
    """Pairwise and overall coder agreement, with the roles and themes they count."""
    stats = config.stats
    return {
        "agreement": _rows(
            con, "SELECT * FROM coder_agreement ORDER BY theme_id, coder_a, coder_b"
        ).to_dicts(),
        "agreement_overall": _rows(
            con,
            "SELECT * FROM coder_agreement_overall ORDER BY scope <> 'codebook', scope",
        ).to_dicts(),
        "agreement_scope": speaker_roles_note(stats.agreement_roles),
        "agreement_themes": stats.agreement_themes,
    }


def cooccurrence_svg(con: duckdb.DuckDBPyConnection, theme_names: dict[str, str]) -> str:
    """The utterance-level co-occurrence heat map, or nothing when there is none."""
    cooccurrence = _rows(con, "SELECT * FROM theme_cooccurrence WHERE scope = 'utterance'")
    return cooccurrence_heatmap(cooccurrence, theme_names) if cooccurrence.height else ""
