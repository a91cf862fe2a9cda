"""A group's coded share per theme with a cluster-robust standard error, from its transcripts."""

from __future__ import annotations

import duckdb
import numpy as np
import polars as pl

from qualbridge.schemas.config import StatsConfig
from qualbridge.tasks.compare.selection import ROLLED_UP_CODINGS, selection_params
from qualbridge.tasks.compare.units import GROUP_COLUMNS

TRANSCRIPT_COUNTS_SQL = (
    """
WITH units AS (
    SELECT u.utterance_id, u.transcript_id
    FROM utterances u JOIN studies s USING (study_id)
    WHERE {group} = $level AND ($all_roles OR list_contains($roles, u.speaker_role))
)
SELECT t.transcript_id, t.units, c.theme_id, coalesce(c.coded, 0) AS coded
FROM (SELECT transcript_id, count(*) AS units FROM units GROUP BY ALL) t
LEFT JOIN (
    SELECT u.transcript_id, r.theme_id, count(DISTINCT u.utterance_id) AS coded
    FROM units u JOIN """
    + ROLLED_UP_CODINGS
    + """ r USING (utterance_id) GROUP BY ALL
) c USING (transcript_id)
"""
)


def ratio_share_se(coded: np.ndarray, units: np.ndarray) -> tuple[float, float]:
    """sum(coded)/sum(units) and its linearised cluster-robust standard error (rows: clusters)."""
    total = units.sum()
    share = coded.sum() / total
    clusters = len(units)
    if clusters < 2:
        return float(share), float("nan")
    residuals = coded - share * units
    variance = clusters / (clusters - 1) * float((residuals**2).sum()) / total**2
    return float(share), float(np.sqrt(variance))


def group_share_se(
    con: duckdb.DuckDBPyConnection,
    grouped_by: str,
    level: str,
    roles: list[str],
    themes: list[str],
    stats: StatsConfig,
) -> pl.DataFrame:
    """theme_id, share, se of each theme in one group's roles; clusters are transcripts."""
    params = {"level": level, "all_roles": not roles, "roles": roles or [""]}
    sql = TRANSCRIPT_COUNTS_SQL.format(group=GROUP_COLUMNS[grouped_by])
    rows = con.sql(sql, params=params | selection_params(stats)).pl()
    units = rows.group_by("transcript_id").agg(pl.col("units").first())
    coded = rows.drop_nulls("theme_id").pivot(
        on="theme_id", index="transcript_id", values="coded", aggregate_function="sum"
    )
    table = units.join(coded, on="transcript_id", how="left").fill_null(0)
    out, units_per = [], table["units"].to_numpy()
    for theme in themes:
        counts = table[theme].to_numpy() if theme in table.columns else np.zeros(len(units_per))
        share, se = ratio_share_se(counts, units_per)
        out.append({"theme_id": theme, "share": share, "se": se})
    return pl.DataFrame(out, schema={"theme_id": pl.String, "share": pl.Float64, "se": pl.Float64})
