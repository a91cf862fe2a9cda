"""Two-group comparisons of theme coverage: bootstrap, cluster-robust Wald and unclustered rows."""

from __future__ import annotations

import duckdb
import numpy as np
import polars as pl

from qualbridge.schemas.config import ComparisonConfig, StatsConfig
from qualbridge.tasks.compare.bootstrap import cluster_bootstrap_diff
from qualbridge.tasks.compare.inference import (
    WaldResult,
    benjamini_hochberg,
    cluster_wald,
    cohens_h,
    unclustered_wald,
)
from qualbridge.tasks.compare.selection import SELECTED_CODINGS, selection_params

GROUP_COLUMNS = {
    "corpus": "s.corpus",
    "study_id": "s.study_id",
    "site": "s.site",
    "speaker_role": "u.speaker_role",
}

# Utterances in scope: one of the two groups, and the configured speaker roles if any.
SCOPE = """
FROM utterances u JOIN studies s USING (study_id) {join}
WHERE {group} IN ($group_a, $group_b) AND ($all_roles OR list_contains($roles, u.speaker_role))
GROUP BY ALL
"""

UNITS_SQL = "SELECT u.transcript_id, {group} AS grp, count(*) AS units" + SCOPE

CODED_SQL = (
    "SELECT u.transcript_id, {group} AS grp, c.theme_id, count(DISTINCT u.utterance_id) AS coded"
    + SCOPE
)


def cluster_counts(
    con: duckdb.DuckDBPyConnection,
    comparison: ComparisonConfig,
    stats: StatsConfig,
    theme_ids: list[str],
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """coded_a, units_a, coded_b, units_b aligned on one axis of transcripts in scope."""
    roles = comparison.speaker_roles
    params = {
        "group_a": comparison.group_a,
        "group_b": comparison.group_b,
        "all_roles": not roles,
        "roles": roles or [""],
    }
    group = GROUP_COLUMNS[comparison.by]
    units = con.sql(UNITS_SQL.format(group=group, join=""), params=params).pl()
    join = f"JOIN {SELECTED_CODINGS} c USING (utterance_id)"
    coded = con.sql(
        CODED_SQL.format(group=group, join=join), params=params | selection_params(stats)
    ).pl()
    clusters = {t: i for i, t in enumerate(sorted(set(units["transcript_id"])))}
    theme_index = {t: i for i, t in enumerate(theme_ids)}
    out = []
    for grp in (comparison.group_a, comparison.group_b):
        unit_vec = np.zeros(len(clusters))
        rows = units.filter(pl.col("grp") == grp)
        unit_vec[[clusters[t] for t in rows["transcript_id"]]] = rows["units"].to_numpy()
        coded_mat = np.zeros((len(clusters), len(theme_ids)))
        rows = coded.filter((pl.col("grp") == grp) & pl.col("theme_id").is_in(theme_ids))
        coded_mat[
            [clusters[t] for t in rows["transcript_id"]],
            [theme_index[t] for t in rows["theme_id"]],
        ] = rows["coded"].to_numpy()
        out += [coded_mat, unit_vec]
    return out[0], out[1], out[2], out[3]


def _rows(method: str, result: WaldResult, p_values: np.ndarray) -> dict[str, np.ndarray]:
    return {
        "method": np.full(len(result.diff), method),
        "ci_low": result.ci_low,
        "ci_high": result.ci_high,
        "p_value": p_values,
        "design_effect": result.design_effect,
    }


def speaker_roles_note(roles: list[str] | None) -> str:
    """Plain words for which utterances a comparison counts."""
    if not roles:
        return "all utterances"
    return "utterances by " + ", ".join(roles)


class TooFewTranscripts(ValueError):
    """A comparison group without the two transcripts an interval over transcripts needs."""


def compare_groups(
    con: duckdb.DuckDBPyConnection, comparison: ComparisonConfig, stats: StatsConfig
) -> pl.DataFrame:
    """Difference in share of utterances coded, group_a minus group_b: three rows per theme.

    Methods: cluster_bootstrap (percentile interval and p-value, transcripts resampled),
    cluster_wald (GEE sandwich variance, clusters = transcripts) and unclustered (the
    two-proportion z-test, every utterance treated as independent; clustered = false).
    """
    theme_ids = [r[0] for r in con.execute("SELECT theme_id FROM themes ORDER BY 1").fetchall()]
    coded_a, units_a, coded_b, units_b = cluster_counts(con, comparison, stats, theme_ids)
    in_a, in_b = units_a > 0, units_b > 0
    if in_a.sum() < 2 or in_b.sum() < 2:
        raise TooFewTranscripts(
            f"comparison {comparison.comparison_id}: each group needs at least 2 transcripts "
            f"(got {in_a.sum()} and {in_b.sum()})"
        )
    paired = comparison.by == "speaker_role"
    if paired:
        boot = cluster_bootstrap_diff(
            coded_a,
            units_a,
            coded_b,
            units_b,
            stats.bootstrap_resamples,
            stats.seed,
            stats.confidence,
            paired=True,
        )
    else:
        boot = cluster_bootstrap_diff(
            coded_a[in_a],
            units_a[in_a],
            coded_b[in_b],
            units_b[in_b],
            stats.bootstrap_resamples,
            stats.seed,
            stats.confidence,
        )
    wald = cluster_wald(coded_a, units_a, coded_b, units_b, stats.confidence)
    naive = unclustered_wald(
        coded_a.sum(axis=0), units_a.sum(), coded_b.sum(axis=0), units_b.sum(), stats.confidence
    )
    boot_result = WaldResult(
        wald.diff,
        np.full(len(theme_ids), np.nan),
        np.array([b.ci_low for b in boot]),
        np.array([b.ci_high for b in boot]),
        np.array([b.p_value for b in boot]),
        wald.design_effect,
    )
    share_a = coded_a.sum(axis=0) / units_a.sum()
    share_b = coded_b.sum(axis=0) / units_b.sum()
    common = {
        "comparison": comparison.comparison_id,
        "grouped_by": comparison.by,
        "speaker_roles": ",".join(comparison.speaker_roles or []),
        "theme_id": theme_ids,
        "group_a": comparison.group_a,
        "group_b": comparison.group_b,
        "units_a": int(units_a.sum()),
        "units_b": int(units_b.sum()),
        "clusters_a": int(in_a.sum()),
        "clusters_b": int(in_b.sum()),
        "coded_a": coded_a.sum(axis=0).astype(np.int64),
        "coded_b": coded_b.sum(axis=0).astype(np.int64),
        "share_a": share_a,
        "share_b": share_b,
        "diff": share_a - share_b,
        "cohens_h": cohens_h(share_a, share_b),
    }
    frames = []
    for method, result in (
        ("cluster_bootstrap", boot_result),
        ("cluster_wald", wald),
        ("unclustered", naive),
    ):
        frames.append(
            pl.DataFrame(
                common
                | _rows(method, result, result.p_value)
                | {
                    "p_adjusted": benjamini_hochberg(result.p_value),
                    "clustered": method != "unclustered",
                }
            )
        )
    return (
        pl.concat(frames).with_columns(pl.col(pl.Float64).fill_nan(None)).select(COMPARISON_COLUMNS)
    )


COMPARISON_COLUMNS = [
    "comparison",
    "grouped_by",
    "speaker_roles",
    "theme_id",
    "group_a",
    "group_b",
    "units_a",
    "units_b",
    "clusters_a",
    "clusters_b",
    "coded_a",
    "coded_b",
    "share_a",
    "share_b",
    "diff",
    "ci_low",
    "ci_high",
    "p_value",
    "p_adjusted",
    "cohens_h",
    "design_effect",
    "method",
    "clustered",
]
