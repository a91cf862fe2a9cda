"""The report's codebook part: themes with their notes, and each study's crosswalk."""

from __future__ import annotations

import duckdb


def _themes(con: duckdb.DuckDBPyConnection) -> list[dict]:
    return (
        con.sql(
            """SELECT theme_id, name, parent, definition, coalesce(include_note, '') AS include,
                      coalesce(exclude_note, '') AS exclude
               FROM themes ORDER BY theme_id"""
        )
        .pl()
        .to_dicts()
    )


def _crosswalks(con: duckdb.DuckDBPyConnection) -> list[dict]:
    # Codings a study code brought in: imported codings keep 'code:<name>' as matched_rule.
    rows = con.sql(
        """SELECT c.study_id, c.study_code, c.theme_id, coalesce(t.name, c.theme_id) AS theme_name,
                  c.crosswalk_version, c.crosswalk_hash,
                  (SELECT count(*) FROM codings g JOIN transcripts tr USING (transcript_id)
                   WHERE tr.study_id = c.study_id AND g.theme_id = c.theme_id
                     AND g.matched_rule = 'code:' || c.study_code) AS codings
           FROM crosswalks c LEFT JOIN themes t USING (theme_id)
           ORDER BY c.study_id, theme_name, c.study_code"""
    ).pl()
    studies: dict[str, dict] = {}
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
        study["rows"].append(row)
    return list(studies.values())


def codebook_context(con: duckdb.DuckDBPyConnection) -> dict:
    """What the codebook section of the report shows (codebook text and code names only)."""
    return {"codebook_themes": _themes(con), "crosswalks": _crosswalks(con)}
