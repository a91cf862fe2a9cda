"""One row per utterance in a comparison's scope: its transcript, group, covariates and themes."""

from __future__ import annotations

import duckdb
import numpy as np
import polars as pl

from qualbridge.schemas.config import ADJUSTABLE, ComparisonConfig, StatsConfig
from qualbridge.tasks.compare.selection import ROLLED_UP_CODINGS, selection_params

GROUP_COLUMNS = {
    "corpus": "s.corpus",
    "study_id": "s.study_id",
    "site": "s.site",
    "speaker_role": "u.speaker_role",
}

UNIT_ROWS_SQL = (
    """
SELECT u.utterance_id, u.transcript_id, {group} AS grp, u.speaker_role, s.site, s.corpus,
       s.study_id, t.attributes::VARCHAR AS attributes,
       list(DISTINCT c.theme_id) FILTER (WHERE c.theme_id IS NOT NULL) AS themes
FROM utterances u JOIN studies s USING (study_id) JOIN transcripts t USING (transcript_id)
LEFT JOIN """
    + ROLLED_UP_CODINGS
    + """ c USING (utterance_id)
WHERE list_contains($groups, {group}) AND ($all_roles OR list_contains($roles, u.speaker_role))
GROUP BY ALL ORDER BY u.utterance_id
"""
)


def unit_rows(
    con: duckdb.DuckDBPyConnection, comparison: ComparisonConfig, stats: StatsConfig
) -> pl.DataFrame:
    """Utterances of every group of the comparison, with the covariates it adjusts for."""
    roles = comparison.speaker_roles
    params = {
        "groups": comparison.all_groups,
        "all_roles": not roles,
        "roles": roles or [""],
    } | selection_params(stats)
    sql = UNIT_ROWS_SQL.format(group=GROUP_COLUMNS[comparison.by])
    rows: pl.DataFrame = con.sql(sql, params=params).pl()
    attributes = [a for a in comparison.adjust_for if a not in ADJUSTABLE]
    if attributes:
        decoded = rows["attributes"].str.json_decode(
            pl.Struct({name: pl.String for name in attributes})
        )
        rows = rows.with_columns(decoded.struct.unnest())
    return rows


def design_matrix(units: pl.DataFrame, group_a: str, covariates: list[str]) -> np.ndarray:
    """Intercept, 1 for group_a, then a dummy per covariate level (first level left out)."""
    columns = [np.ones(units.height), (units["grp"] == group_a).to_numpy().astype(float)]
    for name in covariates:
        values = units[name].fill_null("(missing)").cast(pl.String)
        for level in sorted(values.unique().to_list())[1:]:
            columns.append((values == level).to_numpy().astype(float))
    return np.column_stack(columns)


def theme_flags(units: pl.DataFrame, theme_ids: list[str]) -> np.ndarray:
    """A (units, themes) 0/1 matrix: whether each utterance is coded with each theme."""
    index = {t: i for i, t in enumerate(theme_ids)}
    flags = np.zeros((units.height, len(theme_ids)))
    for row, themes in enumerate(units["themes"].to_list()):
        for theme in themes or []:
            if theme in index:
                flags[row, index[theme]] = 1.0
    return flags
