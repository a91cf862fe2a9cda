"""The report's codebook part: themes with their notes, and each study's crosswalk."""

from __future__ import annotations

from typing import Any, cast

import duckdb

from qualbridge.schemas.codebook import slug


def _themes(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    return cast(
        list[dict[str, Any]],
        con.sql(
            """SELECT theme_id, name, parent, definition, coalesce(include_note, '') AS include,
                      coalesce(exclude_note, '') AS exclude
               FROM themes ORDER BY theme_id"""
        )
        .pl()
        .to_dicts(),
    )


# Imported codings per study, consortium theme and study code as its coders wrote it
# ('code:<name>' in matched_rule).
CODED_SQL = """
SELECT tr.study_id, g.theme_id, substr(g.matched_rule, 6) AS code, count(*) AS n
FROM codings g JOIN transcripts tr USING (transcript_id)
WHERE g.matched_rule LIKE 'code:%'
GROUP BY ALL
"""


def _mapped_counts(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, str, str], int]:
    """Codings per (study, theme, normalised study code), matched as the crosswalk matches."""
    counts: dict[tuple[str, str, str], int] = {}
    for study_id, theme_id, code, n in con.execute(CODED_SQL).fetchall():
        key = (study_id, theme_id, slug(code))
        counts[key] = counts.get(key, 0) + n
    return counts


def _crosswalks(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    rows = con.sql(
        """SELECT c.study_id, c.study_code, c.code_key, c.theme_id,
                  coalesce(t.name, c.theme_id) AS theme_name, c.crosswalk_version,
                  c.crosswalk_hash
           FROM crosswalks c LEFT JOIN themes t USING (theme_id)
           ORDER BY c.study_id, theme_name, c.study_code"""
    ).pl()
    mapped = _mapped_counts(con)
    studies: dict[str, dict[str, Any]] = {}
    for row in rows.to_dicts():
        study = studies.setdefault(
            row["study_id"],
            {
                "study_id": row["study_id"],
                "version": row["crosswalk_version"],
                "hash": row["crosswalk_hash"][:12],
                "rows": [],
            },
        )
        row["codings"] = mapped.get((row["study_id"], row["theme_id"], row["code_key"]), 0)
        study["rows"].append(row)
    return list(studies.values())


def codebook_context(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """What the codebook section of the report shows (codebook text and code names only)."""
    return {"codebook_themes": _themes(con), "crosswalks": _crosswalks(con)}
