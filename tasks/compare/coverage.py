"""Theme coverage per study and two-group comparisons, read from the warehouse."""

from __future__ import annotations

import duckdb
import numpy as np
import polars as pl

from schemas.config import ComparisonConfig, StatsConfig
from tasks.compare.bootstrap import cluster_bootstrap_diff

STUDY_COVERAGE_SQL = """
WITH units AS (
    SELECT u.utterance_id, u.transcript_id, u.study_id, s.corpus
    FROM utterances u JOIN studies s USING (study_id)
),
totals AS (
    SELECT study_id, corpus, count(*) AS units_total,
           count(DISTINCT transcript_id) AS transcripts_total
    FROM units GROUP BY ALL
),
coded AS (
    SELECT u.study_id, c.theme_id, count(DISTINCT c.utterance_id) AS units_coded,
           count(DISTINCT c.transcript_id) AS transcripts_coded
    FROM codings c JOIN units u USING (utterance_id) GROUP BY ALL
)
SELECT t.study_id, t.corpus, th.theme_id, t.units_total,
       coalesce(c.units_coded, 0) AS units_coded,
       coalesce(c.units_coded, 0) / t.units_total AS share_units,
       t.transcripts_total, coalesce(c.transcripts_coded, 0) AS transcripts_coded,
       coalesce(c.transcripts_coded, 0) / t.transcripts_total AS share_transcripts
FROM totals t CROSS JOIN themes th
LEFT JOIN coded c ON c.study_id = t.study_id AND c.theme_id = th.theme_id
ORDER BY t.study_id, th.theme_id
"""

# One row per transcript and theme: units in scope and units coded with the theme.
CLUSTER_COUNTS_SQL = """
WITH scoped AS (
    SELECT u.utterance_id, u.transcript_id, s.{by} AS grp
    FROM utterances u JOIN studies s USING (study_id)
    WHERE s.{by} IN (?, ?) AND (? OR list_contains(?, u.speaker_role))
)
SELECT sc.grp, sc.transcript_id, th.theme_id,
       count(DISTINCT sc.utterance_id) AS units,
       count(DISTINCT c.utterance_id) AS coded
FROM scoped sc CROSS JOIN themes th
LEFT JOIN codings c ON c.utterance_id = sc.utterance_id AND c.theme_id = th.theme_id
GROUP BY ALL
ORDER BY sc.grp, sc.transcript_id, th.theme_id
"""


def study_coverage(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Share of utterances and of transcripts coded with each theme, per study."""
    return con.sql(STUDY_COVERAGE_SQL).pl()


def _cluster_matrices(
    counts: pl.DataFrame, group: str, theme_ids: list[str]
) -> tuple[np.ndarray, np.ndarray]:
    wide = (
        counts.filter(pl.col("grp") == group)
        .pivot(on="theme_id", index=["transcript_id", "units"], values="coded")
        .sort("transcript_id")
    )
    return wide.select(theme_ids).to_numpy().astype(float), wide["units"].to_numpy().astype(float)


def compare_groups(
    con: duckdb.DuckDBPyConnection, comparison: ComparisonConfig, stats: StatsConfig
) -> pl.DataFrame:
    """Difference in share of utterances coded, group_a minus group_b, per theme."""
    roles = comparison.speaker_roles or []
    counts = con.sql(
        CLUSTER_COUNTS_SQL.format(by=comparison.by),
        params=[comparison.group_a, comparison.group_b, not roles, roles],
    ).pl()
    theme_ids = [r[0] for r in con.execute("SELECT theme_id FROM themes ORDER BY 1").fetchall()]
    coded_a, units_a = _cluster_matrices(counts, comparison.group_a, theme_ids)
    coded_b, units_b = _cluster_matrices(counts, comparison.group_b, theme_ids)
    if len(units_a) < 2 or len(units_b) < 2:
        raise ValueError(
            f"comparison {comparison.comparison_id}: each group needs at least 2 transcripts "
            f"(got {len(units_a)} and {len(units_b)})"
        )
    diffs = cluster_bootstrap_diff(
        coded_a, units_a, coded_b, units_b, stats.bootstrap_resamples, stats.seed, stats.confidence
    )
    method = (
        f"cluster bootstrap over transcripts, {stats.bootstrap_resamples} resamples, "
        f"percentile {stats.confidence:.0%} CI"
    )
    return pl.DataFrame(
        [
            {
                "comparison": comparison.comparison_id,
                "theme_id": theme_id,
                "group_a": comparison.group_a,
                "group_b": comparison.group_b,
                "share_a": d.share_a,
                "share_b": d.share_b,
                "diff": d.diff,
                "ci_low": d.ci_low,
                "ci_high": d.ci_high,
                "clusters_a": len(units_a),
                "clusters_b": len(units_b),
                "method": method,
            }
            for theme_id, d in zip(theme_ids, diffs, strict=True)
        ]
    )


def speaker_roles_note(comparison: ComparisonConfig) -> str:
    """Plain words for which utterances a comparison counts."""
    if not comparison.speaker_roles:
        return "all utterances"
    return "utterances by " + ", ".join(comparison.speaker_roles)
