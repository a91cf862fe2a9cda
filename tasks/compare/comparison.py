"""Comparisons of theme coverage between groups: every registered method, per pair of groups."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import duckdb
import numpy as np
import polars as pl

from qualbridge.schemas.config import ComparisonConfig, StatsConfig
from qualbridge.tasks.compare.inference import benjamini_hochberg, cohens_h
from qualbridge.tasks.compare.methods import METHODS
from qualbridge.tasks.compare.methods.base import MethodInput, MethodResult, PairCounts
from qualbridge.tasks.compare.selection import ROLLED_UP_CODINGS, THEME_KIND_SQL, selection_params
from qualbridge.tasks.compare.units import GROUP_COLUMNS, unit_rows

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
    groups: tuple[str, str],
) -> PairCounts:
    """Coded and total units of two groups aligned on one axis of transcripts in scope."""
    roles = comparison.speaker_roles
    params = {
        "group_a": groups[0],
        "group_b": groups[1],
        "all_roles": not roles,
        "roles": roles or [""],
    }
    group = GROUP_COLUMNS[comparison.by]
    units = con.sql(UNITS_SQL.format(group=group, join=""), params=params).pl()
    join = f"JOIN {ROLLED_UP_CODINGS} c USING (utterance_id)"
    coded = con.sql(
        CODED_SQL.format(group=group, join=join), params=params | selection_params(stats)
    ).pl()
    clusters = {t: i for i, t in enumerate(sorted(set(units["transcript_id"])))}
    theme_index = {t: i for i, t in enumerate(theme_ids)}
    out = []
    for grp in groups:
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
    return PairCounts(out[0], out[1], out[2], out[3], paired=comparison.by == "speaker_role")


def speaker_roles_note(roles: list[str] | None) -> str:
    """Plain words for which utterances a comparison counts."""
    if not roles:
        return "all utterances"
    return "utterances by " + ", ".join(roles)


class TooFewTranscripts(ValueError):
    """A comparison group without the two transcripts an interval over transcripts needs."""


def _method_frame(name: str, result: MethodResult, common: dict[str, Any]) -> pl.DataFrame:
    """One method's rows: the shared columns, its interval, test and design effect."""
    n = len(result.diff)
    bound = result.p_value_is_bound
    extra = {key: result.extra.get(key, np.full(n, np.nan)) for key in EXTRA_COLUMNS}
    return pl.DataFrame(
        common
        | {
            "method": np.full(n, name),
            "diff": result.diff,
            "ci_low": result.ci_low,
            "ci_high": result.ci_high,
            "p_value": result.p_value,
            "p_value_is_bound": np.zeros(n, bool) if bound is None else bound,
            "design_effect": result.design_effect,
            "clustered": METHODS[name].clustered,
        }
        | extra
    )


def _common(
    comparison: ComparisonConfig, groups: tuple[str, str], counts: PairCounts, themes: list[str]
) -> dict[str, Any]:
    """Columns every method's rows share: the groups, their counts and shares."""
    in_a, in_b = counts.units_a > 0, counts.units_b > 0
    return {
        "comparison": comparison.comparison_id,
        "grouped_by": comparison.by,
        "speaker_roles": ",".join(comparison.speaker_roles or []),
        "adjusted_for": ",".join(comparison.adjust_for),
        "theme_id": themes,
        "group_a": groups[0],
        "group_b": groups[1],
        "units_a": int(counts.units_a.sum()),
        "units_b": int(counts.units_b.sum()),
        "clusters_a": int(in_a.sum()),
        "clusters_b": int(in_b.sum()),
        "coded_a": counts.coded_a.sum(axis=0).astype(np.int64),
        "coded_b": counts.coded_b.sum(axis=0).astype(np.int64),
        "share_a": counts.share_a,
        "share_b": counts.share_b,
        "cohens_h": cohens_h(counts.share_a, counts.share_b),
    }


def compare_pair(
    con: duckdb.DuckDBPyConnection,
    comparison: ComparisonConfig,
    stats: StatsConfig,
    groups: tuple[str, str],
    units: Callable[[], pl.DataFrame],
) -> pl.DataFrame:
    """One pair of groups: a row per theme for every registered method that applies."""
    theme_ids = [r[0] for r in con.execute("SELECT theme_id FROM themes ORDER BY 1").fetchall()]
    counts = cluster_counts(con, comparison, stats, theme_ids, groups)
    in_a, in_b = counts.units_a > 0, counts.units_b > 0
    if in_a.sum() < 2 or in_b.sum() < 2:
        raise TooFewTranscripts(
            f"comparison {comparison.comparison_id}: each group needs at least 2 transcripts "
            f"(got {in_a.sum()} in {groups[0]} and {in_b.sum()} in {groups[1]})"
        )
    data = MethodInput(counts, comparison, stats, groups, theme_ids, units)
    common = _common(comparison, groups, counts, theme_ids)
    return pl.concat(
        _method_frame(name, method.estimate(data), common)
        for name, method in METHODS.items()
        if method.applies(comparison)
    )


def compare_groups(
    con: duckdb.DuckDBPyConnection, comparison: ComparisonConfig, stats: StatsConfig
) -> pl.DataFrame:
    """Difference in share of utterances coded, group_a minus group_b, per pair of groups.

    One row per theme, pair and registered method (see methods/). p_adjusted is
    Benjamini-Hochberg over every theme and pair of the comparison, within each method.
    """
    cached: list[pl.DataFrame] = []

    def units() -> pl.DataFrame:
        if not cached:
            cached.append(unit_rows(con, comparison, stats))
        return cached[0]

    frame = pl.concat(
        compare_pair(con, comparison, stats, pair, units) for pair in comparison.pairs
    )
    adjusted = [
        part.with_columns(p_adjusted=pl.Series(benjamini_hochberg(part["p_value"].to_numpy())))
        for part in frame.partition_by("method", maintain_order=True)
    ]
    kinds = con.sql(THEME_KIND_SQL).pl()
    return (
        pl.concat(adjusted)
        .join(kinds, on="theme_id", how="left", maintain_order="left")
        .with_columns(pl.col(pl.Float64).fill_nan(None))
        .select(COMPARISON_COLUMNS)
    )


EXTRA_COLUMNS = ("odds_ratio", "or_ci_low", "or_ci_high")

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
    "p_value_is_bound",
    "adjusted_for",
    *EXTRA_COLUMNS,
    "theme_kind",
]
