"""Agreement between coders who coded the same transcripts: percent, Cohen's kappa, alpha."""

from __future__ import annotations

import itertools
from typing import Any

import duckdb
import krippendorff
import numpy as np
import polars as pl

from qualbridge.schemas.config import StatsConfig

# Each coder's spans merged per utterance and theme, clipped to the utterance text.
ISLANDS_SQL = """
CREATE OR REPLACE TEMP TABLE agreement_islands AS
WITH spans AS (
    SELECT c.coder, c.utterance_id, c.transcript_id, c.theme_id,
           greatest(c.start_offset, 0) AS s, least(c.end_offset, length(u.text)) AS e
    FROM codings c JOIN utterances u USING (utterance_id)
    WHERE ($all_coders OR list_contains($coders, c.coder))
      AND ($all_roles OR list_contains($roles, u.speaker_role))
      AND ($all_themes OR list_contains($themes, c.theme_id))
),
marked AS (
    SELECT *, max(e) OVER (PARTITION BY coder, utterance_id, theme_id ORDER BY s, e
                           ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end
    FROM spans
),
islands AS (
    SELECT *, sum(CASE WHEN prev_end IS NULL OR s >= prev_end THEN 1 ELSE 0 END)
              OVER (PARTITION BY coder, utterance_id, theme_id ORDER BY s, e
                    ROWS UNBOUNDED PRECEDING) AS island
    FROM marked
)
SELECT coder, utterance_id, transcript_id, theme_id, min(s) AS s, max(e) AS e
FROM islands GROUP BY coder, utterance_id, transcript_id, theme_id, island
"""

# Transcripts both coders coded (any theme): the sources their codings are compared over.
SHARED_SQL = """
CREATE OR REPLACE TEMP TABLE agreement_shared AS
SELECT DISTINCT transcript_id FROM agreement_islands WHERE coder = $a
INTERSECT
SELECT DISTINCT transcript_id FROM agreement_islands WHERE coder = $b
"""

CHARS_SQL = """
WITH mine AS (
    SELECT i.* FROM agreement_islands i JOIN agreement_shared USING (transcript_id)
),
own AS (
    SELECT theme_id,
           sum(CASE WHEN coder = $a THEN greatest(e - s, 0) ELSE 0 END) AS chars_a,
           sum(CASE WHEN coder = $b THEN greatest(e - s, 0) ELSE 0 END) AS chars_b
    FROM mine GROUP BY theme_id
),
both_ AS (
    SELECT x.theme_id, sum(greatest(least(x.e, y.e) - greatest(x.s, y.s), 0)) AS chars_both
    FROM mine x JOIN mine y ON x.utterance_id = y.utterance_id AND x.theme_id = y.theme_id
    WHERE x.coder = $a AND y.coder = $b GROUP BY x.theme_id
)
SELECT th.theme_id, coalesce(own.chars_a, 0) AS chars_a, coalesce(own.chars_b, 0) AS chars_b,
       coalesce(both_.chars_both, 0) AS chars_both
FROM themes th LEFT JOIN own USING (theme_id) LEFT JOIN both_ USING (theme_id)
WHERE $all_themes OR list_contains($themes, th.theme_id)
ORDER BY th.theme_id
"""

UNITS_SQL = """
SELECT u.utterance_id, length(u.text) AS chars
FROM utterances u JOIN agreement_shared USING (transcript_id)
WHERE $all_roles OR list_contains($roles, u.speaker_role)
ORDER BY u.utterance_id
"""

UNIT_CODES_SQL = """
SELECT DISTINCT i.coder, i.utterance_id, i.theme_id
FROM agreement_islands i JOIN agreement_shared USING (transcript_id)
WHERE i.coder IN ($a, $b)
"""


def cohens_kappa(total: int, coded_a: int, coded_b: int, both: int) -> float | None:
    """Kappa of two yes/no ratings of `total` items; 1 when both agree there is nothing."""
    if total == 0:
        return None
    observed = (total - coded_a - coded_b + 2 * both) / total
    expected = (coded_a * coded_b + (total - coded_a) * (total - coded_b)) / total**2
    if expected == 1.0:
        return 1.0 if observed == 1.0 else None
    return (observed - expected) / (1.0 - expected)


def nominal_alpha(ratings: np.ndarray) -> float | None:
    """Krippendorff's alpha (nominal) of a coders x units matrix; None when nothing varies."""
    if ratings.size == 0 or np.unique(ratings[~np.isnan(ratings)]).size < 2:
        return None
    return float(krippendorff.alpha(reliability_data=ratings, level_of_measurement="nominal"))


def coder_pairs(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """Pairs of coders (in name order) that both coded at least one transcript."""
    coders = con.execute(
        "SELECT coder, list(DISTINCT transcript_id) FROM agreement_islands GROUP BY 1 ORDER BY 1"
    ).fetchall()
    return [(a, b) for (a, ta), (b, tb) in itertools.combinations(coders, 2) if set(ta) & set(tb)]


def scope_params(stats: StatsConfig) -> dict[str, object]:
    """Named parameters limiting agreement to the configured speaker roles and themes."""
    return {
        "all_roles": not stats.agreement_roles,
        "roles": stats.agreement_roles or [""],
        "all_themes": stats.agreement_themes is None,
        "themes": stats.agreement_themes or [""],
    }


def _pair_rows(
    con: duckdb.DuckDBPyConnection, a: str, b: str, scope: dict[str, object]
) -> list[dict[str, Any]]:
    con.execute(SHARED_SQL, {"a": a, "b": b})
    [(transcripts,)] = con.execute("SELECT count(*) FROM agreement_shared").fetchall()
    roles = {k: scope[k] for k in ("all_roles", "roles")}
    themes = {k: scope[k] for k in ("all_themes", "themes")}
    units = con.sql(UNITS_SQL, params=roles).pl()
    index = {u: i for i, u in enumerate(units["utterance_id"])}
    chars_total = int(units["chars"].sum())
    codes = con.sql(UNIT_CODES_SQL, params={"a": a, "b": b}).pl()
    rows = []
    for theme_id, chars_a, chars_b, both in con.execute(
        CHARS_SQL, {"a": a, "b": b} | themes
    ).fetchall():
        ratings = np.zeros((2, len(index)))
        theme_codes = codes.filter(pl.col("theme_id") == theme_id)
        for row, coder in enumerate((a, b)):
            ids = theme_codes.filter(pl.col("coder") == coder)["utterance_id"]
            ratings[row, [index[u] for u in ids]] = 1.0
        agree = chars_total - chars_a - chars_b + 2 * both
        rows.append(
            {
                "theme_id": theme_id,
                "coder_a": a,
                "coder_b": b,
                "transcripts": transcripts,
                "chars_total": chars_total,
                "chars_both": both,
                "chars_a_only": chars_a - both,
                "chars_b_only": chars_b - both,
                "percent_agreement": agree / chars_total if chars_total else None,
                "cohens_kappa": cohens_kappa(chars_total, chars_a, chars_b, both),
                "units": len(index),
                "krippendorff_alpha": nominal_alpha(ratings),
            }
        )
    return rows


AGREEMENT_SCHEMA = {
    "theme_id": pl.String,
    "coder_a": pl.String,
    "coder_b": pl.String,
    "transcripts": pl.Int64,
    "chars_total": pl.Int64,
    "chars_both": pl.Int64,
    "chars_a_only": pl.Int64,
    "chars_b_only": pl.Int64,
    "percent_agreement": pl.Float64,
    "cohens_kappa": pl.Float64,
    "units": pl.Int64,
    "krippendorff_alpha": pl.Float64,
}


def coder_agreement(con: duckdb.DuckDBPyConnection, stats: StatsConfig) -> pl.DataFrame:
    """Per theme and pair of coders, over the transcripts both coded (uncoded text included).

    With agreement_roles, only utterances by those roles count (their characters and units);
    with agreement_themes, only those themes get rows.
    """
    coders = stats.agreement_coders
    scope = scope_params(stats)
    con.execute(ISLANDS_SQL, {"all_coders": coders is None, "coders": coders or [""]} | scope)
    rows = [row for a, b in coder_pairs(con) for row in _pair_rows(con, a, b, scope)]
    return pl.DataFrame(rows, schema=AGREEMENT_SCHEMA)
