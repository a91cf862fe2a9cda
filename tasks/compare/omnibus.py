"""Omnibus test across three or more groups: a cluster-robust Wald chi-square per theme.

A logistic GEE (independence working correlation, transcripts as clusters) with a dummy per
group beside the first, plus the comparison's adjust_for covariates; the chi-square tests that
every group dummy is zero with the sandwich covariance.
"""

from __future__ import annotations

import duckdb
import numpy as np
import polars as pl
from scipy.stats import chi2

from qualbridge.schemas.config import ComparisonConfig, StatsConfig
from qualbridge.tasks.compare.gee import fit_cluster_logit
from qualbridge.tasks.compare.inference import benjamini_hochberg
from qualbridge.tasks.compare.units import design_matrix, theme_flags, unit_rows

OMNIBUS_COLUMNS = [
    "comparison",
    "grouped_by",
    "speaker_roles",
    "adjusted_for",
    "groups",
    "theme_id",
    "units",
    "clusters",
    "chi_square",
    "df",
    "p_value",
    "p_adjusted",
    "method",
]


def group_design(units: pl.DataFrame, groups: list[str], covariates: list[str]) -> np.ndarray:
    """Intercept, a dummy per group after the first, then the covariates' dummies."""
    base = design_matrix(units, groups[0], covariates)
    dummies = [(units["grp"] == g).to_numpy().astype(float) for g in groups[1:]]
    return np.column_stack([base[:, :1], *dummies, base[:, 2:]])


def wald_chi_square(y: np.ndarray, x: np.ndarray, clusters: np.ndarray, k: int) -> float:
    """Robust Wald statistic that coefficients 1..k are all zero (NaN if not estimable)."""
    if y.min() == y.max():
        return float("nan")
    result = fit_cluster_logit(y, x, clusters)
    if result is None:
        return float("nan")
    beta = result.params[1 : k + 1]
    cov = result.cov_robust[1 : k + 1, 1 : k + 1]
    try:
        return float(beta @ np.linalg.solve(cov, beta))
    except np.linalg.LinAlgError:
        return float("nan")


def omnibus_test(
    con: duckdb.DuckDBPyConnection, comparison: ComparisonConfig, stats: StatsConfig
) -> pl.DataFrame:
    """Per theme, whether coverage differs anywhere among the comparison's groups."""
    theme_ids = [r[0] for r in con.execute("SELECT theme_id FROM themes ORDER BY 1").fetchall()]
    groups = comparison.all_groups
    units = unit_rows(con, comparison, stats)
    x = group_design(units, groups, comparison.adjust_for)
    flags = theme_flags(units, theme_ids)
    clusters = units["transcript_id"].to_numpy()
    k = len(groups) - 1
    statistic = np.array(
        [wald_chi_square(flags[:, j], x, clusters, k) for j in range(len(theme_ids))]
    )
    p_value = chi2.sf(statistic, k)
    frame = pl.DataFrame(
        {
            "comparison": comparison.comparison_id,
            "grouped_by": comparison.by,
            "speaker_roles": ",".join(comparison.speaker_roles or []),
            "adjusted_for": ",".join(comparison.adjust_for),
            "groups": ",".join(groups),
            "theme_id": theme_ids,
            "units": units.height,
            "clusters": units["transcript_id"].n_unique(),
            "chi_square": statistic,
            "df": k,
            "p_value": p_value,
            "p_adjusted": benjamini_hochberg(p_value),
            "method": "gee_wald",
        }
    )
    return frame.with_columns(pl.col(pl.Float64).fill_nan(None)).select(OMNIBUS_COLUMNS)
