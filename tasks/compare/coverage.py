"""Theme coverage per study, site, corpus, speaker role and participant attribute."""

from __future__ import annotations

import duckdb
import polars as pl

from qualbridge.schemas.config import StatsConfig
from qualbridge.tasks.compare.selection import ROLLED_UP_CODINGS, THEME_KIND_SQL, selection_params

# One row per utterance with what coverage groups by. A speaker turn is a maximal run of
# consecutive utterances by the same role in a transcript (formats that already write one
# utterance per turn give turns equal to utterances).
TRANSCRIPTS_SQL = """
CREATE OR REPLACE TEMP TABLE coverage_transcripts AS
SELECT transcript_id, attributes,
       row_number() OVER (ORDER BY transcript_id) AS transcript_key,
       dense_rank() OVER (ORDER BY study_id, participant_id) AS participant_key
FROM transcripts
"""

# Windows carry only the columns they need: wide rows make DuckDB's window sort slow.
UNITS_SQL = """
CREATE OR REPLACE TEMP TABLE coverage_units AS
WITH ordered AS (
    SELECT u.utterance_id, k.transcript_key, u.seq,
           CASE WHEN u.speaker_role IS DISTINCT FROM lag(u.speaker_role)
                     OVER (PARTITION BY k.transcript_key ORDER BY u.seq) THEN 1 ELSE 0 END
               AS new_turn
    FROM utterances u JOIN coverage_transcripts k ON k.transcript_id = u.transcript_id
),
turns AS (
    SELECT utterance_id, transcript_key * 1048576 + sum(new_turn) OVER (
               PARTITION BY transcript_key ORDER BY seq ROWS UNBOUNDED PRECEDING) AS turn_key
    FROM ordered
)
SELECT row_number() OVER () AS uid, u.utterance_id, u.study_id, s.corpus, s.site,
       u.speaker_role, k.transcript_key, k.participant_key, t.turn_key, u.n_words,
       length(u.text) AS chars
FROM utterances u JOIN studies s ON s.study_id = u.study_id
JOIN coverage_transcripts k ON k.transcript_id = u.transcript_id
JOIN turns t ON t.utterance_id = u.utterance_id
"""

# One row per transcript and attribute (a participant's manifest values).
ATTRIBUTES_SQL = """
CREATE OR REPLACE TEMP TABLE coverage_attributes AS
SELECT transcript_key, name, attributes->>name AS value
FROM (SELECT transcript_key, attributes, unnest(json_keys(attributes)) AS name
      FROM coverage_transcripts)
"""

# Per utterance and theme: references (selected codings) and characters in the union of spans.
CODED_SQL = (
    """
CREATE OR REPLACE TEMP TABLE coverage_coded AS
WITH spans AS (
    SELECT u.uid, c.theme_id, greatest(c.start_offset, 0) AS s,
           least(c.end_offset, u.chars) AS e
    FROM """
    + ROLLED_UP_CODINGS
    + """ c JOIN coverage_units u USING (utterance_id)
),
groups AS (
    SELECT uid, theme_id, count(*) AS refs, greatest(max(e) - min(s), 0) AS width
    FROM spans GROUP BY ALL
),
-- Only utterances with several spans of a theme need merging (gaps and islands).
multi AS (SELECT spans.* FROM spans JOIN groups g USING (uid, theme_id) WHERE g.refs > 1),
marked AS (
    SELECT *, max(e) OVER (PARTITION BY uid, theme_id ORDER BY s, e
                           ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end
    FROM multi
),
islands AS (
    SELECT *, sum(CASE WHEN prev_end IS NULL OR s >= prev_end THEN 1 ELSE 0 END)
              OVER (PARTITION BY uid, theme_id ORDER BY s, e ROWS UNBOUNDED PRECEDING)
              AS island
    FROM marked
),
merged AS (
    SELECT uid, theme_id, sum(width) AS chars
    FROM (SELECT uid, theme_id, island, greatest(max(e) - min(s), 0) AS width
          FROM islands GROUP BY ALL)
    GROUP BY ALL
)
SELECT g.uid, g.theme_id, g.refs,
       CASE WHEN g.refs = 1 THEN g.width ELSE m.chars END AS chars_coded
FROM groups g LEFT JOIN merged m USING (uid, theme_id)
"""
)

# Units and coded units summed per transcript and speaker role first: every dimension is
# constant within such a cell (a turn never spans two), so the breakdowns only add up cells
# and count distinct transcripts and participants over a few thousand rows.
CELLS_SQL = """
CREATE OR REPLACE TEMP TABLE coverage_cells AS
SELECT transcript_key, speaker_role, any_value(study_id) AS study_id,
       any_value(corpus) AS corpus, any_value(site) AS site,
       any_value(participant_key) AS participant_key, count(*) AS units,
       count(DISTINCT turn_key) AS turns, sum(chars) AS chars, sum(n_words) AS words
FROM coverage_units GROUP BY transcript_key, speaker_role
"""

CODED_CELLS_SQL = """
CREATE OR REPLACE TEMP TABLE coverage_coded_cells AS
SELECT u.transcript_key, u.speaker_role, c.theme_id, sum(c.refs) AS refs,
       count(*) AS units_coded, count(DISTINCT u.turn_key) AS turns_coded,
       sum(c.chars_coded) AS chars_coded
FROM coverage_units u JOIN coverage_coded c USING (uid) GROUP BY ALL
"""

# Totals and coded counts per (dimension, level); {groups} lists the grouping, {dimension} and
# {level} name each group's dimension and value, {cells} adds what the grouping needs.
BREAKDOWN_SQL = """
WITH totals AS (
    SELECT {dimension} AS dimension, {level} AS level, sum(units) AS units_total,
           sum(turns) AS turns_total, count(DISTINCT transcript_key) AS transcripts_total,
           count(DISTINCT participant_key) AS participants_total,
           sum(chars) AS chars_total, sum(words) AS words_total
    FROM {cells} GROUP BY {groups}
),
coded AS (
    SELECT {dimension} AS dimension, {level} AS level, theme_id,
           sum(refs) AS n_references, sum(units_coded) AS units_coded,
           sum(turns_coded) AS turns_coded,
           count(DISTINCT transcript_key) AS transcripts_coded,
           count(DISTINCT participant_key) AS participants_coded,
           sum(chars_coded) AS chars_coded
    FROM coverage_coded_cells JOIN {cells} USING (transcript_key, speaker_role)
    GROUP BY {coded_groups}
)
SELECT t.dimension, t.level::VARCHAR AS level, th.theme_id,
       coalesce(c.n_references, 0)::BIGINT AS n_references,
       t.units_total::BIGINT AS units_total, coalesce(c.units_coded, 0)::BIGINT AS units_coded,
       coalesce(c.units_coded, 0) / t.units_total AS share_units,
       t.turns_total::BIGINT AS turns_total, coalesce(c.turns_coded, 0)::BIGINT AS turns_coded,
       coalesce(c.turns_coded, 0) / t.turns_total AS share_turns,
       t.transcripts_total, coalesce(c.transcripts_coded, 0) AS transcripts_coded,
       coalesce(c.transcripts_coded, 0) / t.transcripts_total AS share_transcripts,
       t.participants_total, coalesce(c.participants_coded, 0) AS participants_coded,
       coalesce(c.participants_coded, 0) / t.participants_total AS share_participants,
       t.chars_total::BIGINT AS chars_total, coalesce(c.chars_coded, 0)::BIGINT AS chars_coded,
       coalesce(c.chars_coded, 0) / nullif(t.chars_total, 0) AS share_chars,
       t.words_total::BIGINT AS words_total,
       1000.0 * coalesce(c.n_references, 0) / nullif(t.words_total, 0) AS per_1000_words
FROM totals t CROSS JOIN themes th
LEFT JOIN coded c ON c.dimension = t.dimension AND c.level = t.level AND c.theme_id = th.theme_id
WHERE t.participants_total >= $min_participants
ORDER BY t.dimension, t.level, th.theme_id
"""

DIMENSIONS = ("study_id", "site", "corpus", "speaker_role")

# The four unit dimensions as grouping sets of one query.
BASE_BREAKDOWN = {
    "cells": "coverage_cells",
    "dimension": "CASE "
    + " ".join(f"WHEN grouping({d}) = 0 THEN '{d}'" for d in DIMENSIONS)
    + " END",
    "level": f"coalesce({', '.join(DIMENSIONS)})",
    "groups": "GROUPING SETS (" + ", ".join(f"({d})" for d in DIMENSIONS) + ")",
    "coded_groups": "GROUPING SETS (" + ", ".join(f"({d}, theme_id)" for d in DIMENSIONS) + ")",
}

# Every selected participant attribute (one row per transcript and attribute) in one query.
ATTRIBUTE_BREAKDOWN = {
    "cells": "(SELECT * FROM coverage_cells JOIN coverage_attributes a USING (transcript_key) "
    "WHERE a.value IS NOT NULL AND list_contains($attributes, a.name))",
    "dimension": "'attribute:' || name",
    "level": "value",
    "groups": "name, value",
    "coded_groups": "name, value, theme_id",
}


def prepare_units(con: duckdb.DuckDBPyConnection, stats: StatsConfig) -> None:
    """Build the per-utterance temp tables that every breakdown reads."""
    con.execute(TRANSCRIPTS_SQL)
    con.execute(UNITS_SQL)
    con.execute(ATTRIBUTES_SQL)
    con.execute(CODED_SQL, selection_params(stats))
    con.execute(CELLS_SQL)
    con.execute(CODED_CELLS_SQL)


def attribute_names(con: duckdb.DuckDBPyConnection, stats: StatsConfig) -> list[str]:
    """Participant attributes to break down by: the configured ones, or every one recorded.

    A manifest column named like a unit dimension (say `site`) is that dimension already.
    """
    if stats.attributes is not None:
        names = stats.attributes
    else:
        rows = con.execute("SELECT DISTINCT name FROM coverage_attributes ORDER BY 1").fetchall()
        names = [r[0] for r in rows]
    return [n for n in names if n not in DIMENSIONS]


def combined_breakdown(combination: list[str]) -> dict[str, str]:
    """The BREAKDOWN_SQL pieces of one combination, e.g. study_id x speaker_role x gender.

    Names outside DIMENSIONS are participant attributes (validated ^[a-z0-9_]+$ in the config),
    each joined as its own column; the level reads 'value / value / ...'.
    """
    joins, columns, labels = [], [], []
    for i, name in enumerate(combination):
        if name in DIMENSIONS:
            columns.append(name)
            labels.append(name)
            continue
        joins.append(
            f"JOIN coverage_attributes a{i} ON a{i}.transcript_key = c.transcript_key "
            f"AND a{i}.name = '{name}' AND a{i}.value IS NOT NULL"
        )
        columns.append(f"attr_{name}")
        labels.append(f"attribute:{name}")
    attributes = ", ".join(
        f"a{i}.value AS attr_{n}" for i, n in enumerate(combination) if n not in DIMENSIONS
    )
    select = "c.*" + (f", {attributes}" if attributes else "")
    group = ", ".join(columns)
    return {
        "cells": f"(SELECT {select} FROM coverage_cells c {' '.join(joins)})",
        "dimension": "'" + "+".join(labels) + "'",
        "level": "concat_ws(' / ', " + ", ".join(f"{c}::VARCHAR" for c in columns) + ")",
        "groups": group,
        "coded_groups": f"{group}, theme_id",
    }


def _combinations(con: duckdb.DuckDBPyConnection, stats: StatsConfig) -> list[pl.DataFrame]:
    """The configured breakdowns by several columns at once."""
    frames = []
    for combination in stats.breakdowns:
        has_attribute = any(n not in DIMENSIONS for n in combination)
        minimum = stats.min_participants_per_group if has_attribute else 1
        sql = BREAKDOWN_SQL.format(**combined_breakdown(combination))
        frames.append(con.sql(sql, params={"min_participants": minimum}).pl())
    return frames


def coverage_breakdown(con: duckdb.DuckDBPyConnection, stats: StatsConfig) -> pl.DataFrame:
    """Coverage of every theme by study, site, corpus, speaker role, attribute and combinations."""
    prepare_units(con, stats)
    frames: list[pl.DataFrame] = [
        con.sql(BREAKDOWN_SQL.format(**BASE_BREAKDOWN), params={"min_participants": 1}).pl()
    ]
    attributes = attribute_names(con, stats)
    if attributes:
        params = {"min_participants": stats.min_participants_per_group, "attributes": attributes}
        frames.append(con.sql(BREAKDOWN_SQL.format(**ATTRIBUTE_BREAKDOWN), params=params).pl())
    kinds = con.sql(THEME_KIND_SQL).pl()
    return pl.concat(frames + _combinations(con, stats), how="vertical_relaxed").join(
        kinds, on="theme_id", how="left", maintain_order="left"
    )


def study_coverage(con: duckdb.DuckDBPyConnection, breakdown: pl.DataFrame) -> pl.DataFrame:
    """The per-study rows of a breakdown, with each study's corpus."""
    corpora = con.sql("SELECT study_id, corpus FROM studies").pl()
    return (
        breakdown.filter(pl.col("dimension") == "study_id")
        .rename({"level": "study_id"})
        .drop("dimension")
        .join(corpora, on="study_id")
        .select("study_id", "corpus", pl.exclude("study_id", "corpus"))
        .sort("study_id", "theme_id")
    )
