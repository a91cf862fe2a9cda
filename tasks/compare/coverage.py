"""Theme coverage per study, site, corpus, speaker role and participant attribute."""

from __future__ import annotations

import duckdb
import polars as pl

from schemas.config import StatsConfig
from tasks.compare.selection import SELECTED_CODINGS, selection_params

# One row per utterance with what coverage groups by. A speaker turn is a maximal run of
# consecutive utterances by the same role in a transcript (formats that already write one
# utterance per turn give turns equal to utterances).
UNITS_SQL = """
CREATE OR REPLACE TEMP TABLE coverage_units AS
WITH keys AS (
    SELECT transcript_id, attributes,
           row_number() OVER (ORDER BY transcript_id) AS transcript_key,
           dense_rank() OVER (ORDER BY study_id, participant_id) AS participant_key
    FROM transcripts
),
ordered AS (
    SELECT u.utterance_id, u.study_id, s.corpus, s.site, u.speaker_role, k.attributes,
           k.transcript_key, k.participant_key, u.n_words, length(u.text) AS chars, u.seq,
           CASE WHEN u.speaker_role IS DISTINCT FROM lag(u.speaker_role)
                     OVER (PARTITION BY k.transcript_key ORDER BY u.seq) THEN 1 ELSE 0 END
               AS new_turn
    FROM utterances u JOIN studies s ON s.study_id = u.study_id
    JOIN keys k ON k.transcript_id = u.transcript_id
)
SELECT * EXCLUDE (new_turn, seq), row_number() OVER () AS uid,
       transcript_key * 1048576 + sum(new_turn) OVER (
           PARTITION BY transcript_key ORDER BY seq ROWS UNBOUNDED PRECEDING) AS turn_key
FROM ordered
"""

# Per utterance and theme: references (selected codings) and characters in the union of spans.
CODED_SQL = (
    """
CREATE OR REPLACE TEMP TABLE coverage_coded AS
WITH spans AS (
    SELECT u.uid, c.theme_id, greatest(c.start_offset, 0) AS s,
           least(c.end_offset, u.chars) AS e
    FROM """
    + SELECTED_CODINGS
    + """ c JOIN coverage_units u USING (utterance_id)
),
marked AS (
    SELECT *, max(e) OVER (PARTITION BY uid, theme_id ORDER BY s, e
                           ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end
    FROM spans
),
islands AS (
    SELECT *, sum(CASE WHEN prev_end IS NULL OR s >= prev_end THEN 1 ELSE 0 END)
              OVER (PARTITION BY uid, theme_id ORDER BY s, e ROWS UNBOUNDED PRECEDING)
              AS island
    FROM marked
),
merged AS (
    SELECT uid, theme_id, island, count(*) AS refs, greatest(max(e) - min(s), 0) AS chars
    FROM islands GROUP BY ALL
)
SELECT uid, theme_id, sum(refs) AS refs, sum(chars) AS chars_coded
FROM merged GROUP BY ALL
"""
)

BREAKDOWN_SQL = """
WITH scoped AS (
    SELECT uid, turn_key, transcript_key, participant_key, chars, n_words, {level} AS level
    FROM coverage_units WHERE {level} IS NOT NULL
),
totals AS (
    SELECT level, count(*) AS units_total, count(DISTINCT turn_key) AS turns_total,
           count(DISTINCT transcript_key) AS transcripts_total,
           count(DISTINCT participant_key) AS participants_total,
           sum(chars) AS chars_total, sum(n_words) AS words_total
    FROM scoped GROUP BY level
),
coded AS (
    SELECT level, c.theme_id, sum(c.refs) AS n_references, count(*) AS units_coded,
           count(DISTINCT turn_key) AS turns_coded,
           count(DISTINCT transcript_key) AS transcripts_coded,
           count(DISTINCT participant_key) AS participants_coded,
           sum(c.chars_coded) AS chars_coded
    FROM scoped JOIN coverage_coded c USING (uid) GROUP BY ALL
)
SELECT $dimension AS dimension, t.level::VARCHAR AS level, th.theme_id,
       coalesce(c.n_references, 0) AS n_references,
       t.units_total, coalesce(c.units_coded, 0) AS units_coded,
       coalesce(c.units_coded, 0) / t.units_total AS share_units,
       t.turns_total, coalesce(c.turns_coded, 0) AS turns_coded,
       coalesce(c.turns_coded, 0) / t.turns_total AS share_turns,
       t.transcripts_total, coalesce(c.transcripts_coded, 0) AS transcripts_coded,
       coalesce(c.transcripts_coded, 0) / t.transcripts_total AS share_transcripts,
       t.participants_total, coalesce(c.participants_coded, 0) AS participants_coded,
       coalesce(c.participants_coded, 0) / t.participants_total AS share_participants,
       t.chars_total, coalesce(c.chars_coded, 0) AS chars_coded,
       coalesce(c.chars_coded, 0) / nullif(t.chars_total, 0) AS share_chars,
       t.words_total,
       1000.0 * coalesce(c.n_references, 0) / nullif(t.words_total, 0) AS per_1000_words
FROM totals t CROSS JOIN themes th
LEFT JOIN coded c ON c.level = t.level AND c.theme_id = th.theme_id
WHERE t.participants_total >= $min_participants
ORDER BY level, th.theme_id
"""

DIMENSIONS = ("study_id", "site", "corpus", "speaker_role")


def prepare_units(con: duckdb.DuckDBPyConnection, stats: StatsConfig) -> None:
    """Build the per-utterance temp tables that every breakdown reads."""
    con.execute(UNITS_SQL)
    con.execute(CODED_SQL, selection_params(stats))


def attribute_names(con: duckdb.DuckDBPyConnection, stats: StatsConfig) -> list[str]:
    """Participant attributes to break down by: the configured ones, or every one recorded."""
    if stats.attributes is not None:
        return stats.attributes
    rows = con.execute(
        "SELECT DISTINCT unnest(json_keys(attributes)) FROM transcripts ORDER BY 1"
    ).fetchall()
    return [r[0] for r in rows]


def _breakdown(
    con: duckdb.DuckDBPyConnection, dimension: str, level: str, params: dict, min_p: int
) -> pl.DataFrame:
    return con.sql(
        BREAKDOWN_SQL.format(level=level),
        params={"dimension": dimension, "min_participants": min_p} | params,
    ).pl()


def coverage_breakdown(con: duckdb.DuckDBPyConnection, stats: StatsConfig) -> pl.DataFrame:
    """Coverage of every theme by study, site, corpus, speaker role and participant attribute."""
    prepare_units(con, stats)
    frames = [_breakdown(con, d, d, {}, 1) for d in DIMENSIONS]
    for name in attribute_names(con, stats):
        frames.append(
            _breakdown(
                con,
                f"attribute:{name}",
                "attributes->>$attribute",
                {"attribute": name},
                stats.min_participants_per_group,
            )
        )
    return pl.concat(frames, how="vertical_relaxed")


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


def speaker_roles_note(roles: list[str] | None) -> str:
    """Plain words for which utterances a comparison counts."""
    if not roles:
        return "all utterances"
    return "utterances by " + ", ".join(roles)
