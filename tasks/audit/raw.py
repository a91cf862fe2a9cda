"""On-site only: re-read a transcript's source to show a detection's original value."""

from __future__ import annotations

from pathlib import Path

import duckdb

from qualbridge.schemas.config import ConsortiumConfig
from qualbridge.tasks.ingest import SOURCE_ERRORS, listed_file_utterances


class RawSourceError(ValueError):
    """A source that cannot be shown raw: missing, unreadable or changed since it was loaded."""


# Utterance tables and QDA projects hold many transcripts; the raw view reads single files.
DOCUMENT_SUFFIXES = {".csv", ".jsonl", ".parquet", ".qdpx"}


def raw_utterances(
    con: duckdb.DuckDBPyConnection, config: ConsortiumConfig, transcript_id: str
) -> dict[str, str]:
    """Original utterance texts of one transcript by utterance id; refuse a changed file."""
    rows = con.execute(
        "SELECT study_id, source, content_hash FROM transcripts WHERE transcript_id = ?",
        [transcript_id],
    ).fetchall()
    if not rows:
        raise RawSourceError(f"{transcript_id}: not in the warehouse")
    study_id, source, content_hash = rows[0]
    study = next((s for s in config.studies if s.study_id == study_id), None)
    if study is None:
        raise RawSourceError(f"{transcript_id}: study {study_id} is not in this config")
    if study.manifest is None or Path(source).suffix.lower() in DOCUMENT_SUFFIXES:
        raise RawSourceError(
            f"{transcript_id}: raw context is read from manifest-listed transcript files only"
        )
    try:
        parsed = listed_file_utterances(study, config, source, content_hash)
    except SOURCE_ERRORS as exc:
        raise RawSourceError(f"{transcript_id} ({source}): {exc}") from None
    return {f"{transcript_id}:{u.seq:04d}": u.text for u in parsed}


def raw_values(
    con: duckdb.DuckDBPyConnection, config: ConsortiumConfig, spans: list[tuple[str, str, int, int]]
) -> dict[tuple[str, int], str]:
    """Original values of (transcript_id, utterance_id, start, end) spans, by (utterance, start)."""
    texts: dict[str, dict[str, str]] = {}
    values = {}
    for transcript_id, utterance_id, start, end in spans:
        if transcript_id not in texts:
            texts[transcript_id] = raw_utterances(con, config, transcript_id)
        values[(utterance_id, start)] = texts[transcript_id].get(utterance_id, "")[start:end]
    return values
