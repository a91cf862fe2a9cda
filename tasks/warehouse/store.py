"""The DuckDB warehouse: schema, idempotent loads by content hash, run bookkeeping."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import cache
from importlib.resources import files
from pathlib import Path

import duckdb
import polars as pl

from qualbridge.schemas.codebook import Codebook
from qualbridge.schemas.config import ConsortiumConfig

# Tables whose rows belong to one transcript version; replaced together when a file changes.
TRANSCRIPT_TABLES = ("detections", "codings", "utterances", "transcripts")


# Tables rebuilt from the config or recomputed on every run: safe to recreate when their shape
# changed between qualbridge versions. Every other table holds loaded data or history.
DERIVED_TABLES = frozenset(
    {
        "themes",
        "crosswalks",
        "theme_coverage_results",
        "theme_comparison_results",
        "theme_coverage_breakdown",
        "theme_cooccurrence",
        "coder_agreement",
        "theme_comparison_omnibus",
        "coder_agreement_overall",
        "autocode_validation",
        "autocode_prevalence",
        "autocode_scores",
    }
)


class WarehouseSchemaError(RuntimeError):
    """A warehouse file written by an older qualbridge whose data tables lack needed columns."""


def _schema_sql() -> str:
    return files("qualbridge.schemas").joinpath("warehouse.sql").read_text(encoding="utf-8")


def _table_columns(con: duckdb.DuckDBPyConnection) -> dict[str, set[str]]:
    """Columns of each base table (not views) in the connected database."""
    columns: dict[str, set[str]] = {}
    for table, column in con.execute(
        "SELECT c.table_name, c.column_name FROM duckdb_columns() c "
        "JOIN duckdb_tables() t USING (database_name, schema_name, table_name)"
    ).fetchall():
        columns.setdefault(table, set()).add(column)
    return columns


@cache
def _expected_columns() -> dict[str, frozenset[str]]:
    """The columns each table must already have; columns the schema adds itself are left out."""
    sql = _schema_sql()
    added = set(re.findall(r"ALTER TABLE (\w+) ADD COLUMN IF NOT EXISTS (\w+)", sql))
    with duckdb.connect() as reference:
        reference.execute(sql)
        return {
            t: frozenset(c for c in cols if (t, c) not in added)
            for t, cols in _table_columns(reference).items()
        }


def _upgrade(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """Recreate derived tables of an older shape; refuse older data tables with a clear error."""
    expected = _expected_columns()
    stale = {
        table
        for table, columns in _table_columns(con).items()
        if table in expected and expected[table] - columns
    }
    data = sorted(stale - DERIVED_TABLES)
    if data:
        raise WarehouseSchemaError(
            f"{path}: written by an older qualbridge; tables {', '.join(data)} lack columns this "
            "version needs. Move the file aside and run again: every source is loaded afresh."
        )
    for table in sorted(stale):
        con.execute(f'DROP TABLE "{table}" CASCADE')


def connect(path: Path) -> duckdb.DuckDBPyConnection:
    """Open (creating if needed) the warehouse file and make sure the schema exists."""
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path))
    try:
        _upgrade(con, path)
        con.execute(_schema_sql())
    except BaseException:
        con.close()
        raise
    return con


def upsert_studies(con: duckdb.DuckDBPyConnection, config: ConsortiumConfig) -> None:
    """Record the studies of the config (replacing their previous description)."""
    for s in config.studies:
        con.execute(
            "INSERT OR REPLACE INTO studies VALUES (?, ?, ?, ?)",
            [s.study_id, s.corpus, s.site, s.title or s.study_id],
        )


def replace_themes(con: duckdb.DuckDBPyConnection, codebook: Codebook) -> None:
    """Make the themes table equal to the codebook."""
    con.execute("DELETE FROM themes")
    con.executemany(
        "INSERT INTO themes (theme_id, codebook_id, name, definition, parent, include_note, "
        "exclude_note) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            [t.theme_id, codebook.codebook_id, t.name, t.definition, t.parent, t.include, t.exclude]
            for t in codebook.themes
        ],
    )


def stored_hashes(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Content hash of every loaded transcript, by transcript id."""
    return dict(con.execute("SELECT transcript_id, content_hash FROM transcripts").fetchall())


def stored_crosswalk_hashes(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """SHA-256 of the crosswalk each study's imported codings were last mapped with."""
    return dict(
        con.execute(
            "SELECT study_id, any_value(crosswalk_hash) FROM crosswalks GROUP BY study_id"
        ).fetchall()
    )


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """BEGIN ... COMMIT, rolled back on any error so no half-written batch remains."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def append_rows(con: duckdb.DuckDBPyConnection, table: str, df: pl.DataFrame) -> None:
    """Insert a frame's rows into a table, matching columns by name."""
    if df.is_empty():
        return
    # Not unregistered on error: inside an aborted transaction that call fails too and would
    # hide the real error; the next register() replaces the view anyway.
    con.register("incoming", df.to_arrow())
    con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM incoming")
    con.unregister("incoming")


def replace_transcripts(
    con: duckdb.DuckDBPyConnection,
    transcripts: pl.DataFrame,
    utterances: pl.DataFrame,
    detections: pl.DataFrame,
    codings: pl.DataFrame | None = None,
) -> int:
    """Replace the given transcripts and all their rows in one transaction; return how many.

    Every transcript earlier loaded from the same source file goes too, so a conversation
    removed from a changed table leaves nothing behind. `codings` are the imported ones.
    """
    if transcripts.is_empty():
        return 0
    ids = transcripts["transcript_id"].to_list()
    files = transcripts.select("study_id", "source").unique().rows()
    with transaction(con):
        ids += [
            row[0]
            for row in con.execute(
                "SELECT transcript_id FROM transcripts WHERE list_contains(?, [study_id, source])",
                [[list(f) for f in files]],
            ).fetchall()
        ]
        for table in TRANSCRIPT_TABLES:
            con.execute(f"DELETE FROM {table} WHERE list_contains(?, transcript_id)", [ids])
        append_rows(con, "transcripts", transcripts)
        append_rows(con, "utterances", utterances)
        append_rows(con, "detections", detections)
        if codings is not None:
            append_rows(con, "codings", codings)
    return transcripts.height


def replace_codings(con: duckdb.DuckDBPyConnection, coder: str, codings: pl.DataFrame) -> None:
    """Make one coder's codings equal to the given frame, atomically."""
    with transaction(con):
        con.execute("DELETE FROM codings WHERE coder = ?", [coder])
        append_rows(con, "codings", codings)


def replace_crosswalks(
    con: duckdb.DuckDBPyConnection, study_ids: list[str], crosswalks: pl.DataFrame
) -> None:
    """Make these studies' crosswalk rows equal to the frame (none for a study without one)."""
    with transaction(con):
        con.execute("DELETE FROM crosswalks WHERE list_contains(?, study_id)", [study_ids])
        append_rows(con, "crosswalks", crosswalks)


def replace_table(con: duckdb.DuckDBPyConnection, table: str, df: pl.DataFrame) -> None:
    """Make a results table equal to the frame (results describe the latest run), atomically."""
    with transaction(con):
        con.execute(f"DELETE FROM {table}")
        append_rows(con, table, df)


def start_run(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    consortium: str,
    config_hash: str,
    key_fingerprint: str,
    model_version: str,
) -> None:
    """Record that a run started (rerunning the same run id replaces its record)."""
    con.execute(
        "INSERT OR REPLACE INTO runs (run_id, consortium, started_at, status, config_hash, "
        "key_fingerprint, model_version) VALUES (?, ?, ?, 'running', ?, ?, ?)",
        [run_id, consortium, datetime.now(UTC), config_hash, key_fingerprint, model_version],
    )


def finish_run(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    status: str,
    counts: dict[str, int],
    release_path: str | None,
) -> None:
    """Record how a run ended and what it counted."""
    con.execute(
        "UPDATE runs SET finished_at = ?, status = ?, files_seen = ?, files_loaded = ?, "
        "files_unchanged = ?, files_quarantined = ?, release_path = ? WHERE run_id = ?",
        [
            datetime.now(UTC),
            status,
            counts["seen"],
            counts["loaded"],
            counts["unchanged"],
            counts["quarantined"],
            release_path,
            run_id,
        ],
    )
