"""Theme co-occurrence: how often two themes are coded in the same utterance or transcript."""

from __future__ import annotations

import duckdb
import polars as pl

from qualbridge.schemas.config import StatsConfig
from qualbridge.tasks.compare.selection import SELECTED_CODINGS, selection_params

COOCCURRENCE_SQL = (
    """
WITH coded AS (SELECT DISTINCT {unit} AS unit, theme_id FROM """
    + SELECTED_CODINGS
    + """ c),
per_theme AS (SELECT theme_id, count(*) AS n FROM coded GROUP BY ALL),
pairs AS (
    SELECT a.theme_id AS theme_a, b.theme_id AS theme_b, count(*) AS n_both
    FROM coded a JOIN coded b USING (unit) GROUP BY ALL
)
SELECT $scope AS scope, ta.theme_id AS theme_a, tb.theme_id AS theme_b,
       coalesce(p.n_both, 0) AS n_both, coalesce(pa.n, 0) AS n_a, coalesce(pb.n, 0) AS n_b,
       (SELECT count(*) FROM {table}) AS n_total,
       coalesce(p.n_both, 0) / nullif(coalesce(pa.n, 0) + coalesce(pb.n, 0)
                                      - coalesce(p.n_both, 0), 0) AS jaccard
FROM themes ta CROSS JOIN themes tb
LEFT JOIN pairs p ON p.theme_a = ta.theme_id AND p.theme_b = tb.theme_id
LEFT JOIN per_theme pa ON pa.theme_id = ta.theme_id
LEFT JOIN per_theme pb ON pb.theme_id = tb.theme_id
ORDER BY theme_a, theme_b
"""
)

SCOPES = {
    "utterance": ("utterance_id", "utterances"),
    "transcript": ("transcript_id", "transcripts"),
}


def theme_cooccurrence(con: duckdb.DuckDBPyConnection, stats: StatsConfig) -> pl.DataFrame:
    """Every ordered pair of themes (diagonal included) per scope, with counts and Jaccard."""
    frames: list[pl.DataFrame] = [
        con.sql(
            COOCCURRENCE_SQL.format(unit=unit, table=table),
            params={"scope": scope} | selection_params(stats),
        ).pl()
        for scope, (unit, table) in SCOPES.items()
    ]
    return pl.concat(frames)
