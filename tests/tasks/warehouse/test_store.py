"""Tests of the DuckDB warehouse: schema creation and transactional transcript replacement."""

from __future__ import annotations

import duckdb
import polars as pl
import pytest

from qualbridge.schemas import frames
from qualbridge.schemas.codebook import Codebook
from qualbridge.tasks.warehouse.store import (
    WarehouseSchemaError,
    connect,
    replace_codings,
    replace_themes,
    replace_transcripts,
    stored_hashes,
)

CODER = "rules:cb@1"
EXPECTED_TABLES = {
    "runs",
    "studies",
    "transcripts",
    "utterances",
    "detections",
    "themes",
    "codings",
    "quarantine",
    "check_results",
    "theme_coverage_results",
    "theme_comparison_results",
    "crosswalks",
    "theme_coverage_breakdown",
    "theme_cooccurrence",
    "coder_agreement",
}


def _batch(transcript_id: str, texts: list[str], content_hash: str, run_id: str = "run-1"):
    """Frames for one transcript: one utterance per text, one detection on the first."""
    utterances = [
        {
            "utterance_id": f"{transcript_id}:{i:04d}",
            "transcript_id": transcript_id,
            "study_id": "s",
            "seq": i,
            "speaker_role": "participant",
            "text": text,
            "n_words": len(text.split()),
        }
        for i, text in enumerate(texts)
    ]
    detections = [
        {
            "utterance_id": f"{transcript_id}:0000",
            "transcript_id": transcript_id,
            "start_offset": 0,
            "end_offset": 5,
            "out_start": 0,
            "out_end": 18,
            "entity_type": "PERSON",
            "recognizer": "SpacyRecognizer",
            "score": 0.85,
            "action": "pseudonym",
            "value_digest": "0123456789abcdef",
        }
    ]
    transcripts = [
        {
            "transcript_id": transcript_id,
            "study_id": "s",
            "participant_id": "P1",
            "source": f"{transcript_id}.txt",
            "content_hash": content_hash,
            "attributes": "{}",
            "n_utterances": len(texts),
            "n_words": sum(u["n_words"] for u in utterances),
            "loaded_run_id": run_id,
        }
    ]
    return (
        frames.frame(transcripts, frames.TRANSCRIPTS),
        frames.frame(utterances, frames.UTTERANCES),
        frames.frame(detections, frames.DETECTIONS),
    )


def _codings(transcript_id: str, n: int):
    return frames.frame(
        [
            {
                "utterance_id": f"{transcript_id}:{i:04d}",
                "transcript_id": transcript_id,
                "theme_id": "heard",
                "coder": CODER,
                "matched_rule": "keyword:heard",
                "start_offset": 0,
                "end_offset": 5,
                "origin": "rules",
            }
            for i in range(n)
        ],
        frames.CODINGS,
    )


def _counts(con, transcript_id: str | None = None) -> dict[str, int]:
    where = "" if transcript_id is None else "WHERE transcript_id = ?"
    params = [] if transcript_id is None else [transcript_id]
    return {
        table: con.execute(f"SELECT count(*) FROM {table} {where}", params).fetchone()[0]
        for table in ("transcripts", "utterances", "detections", "codings")
    }


@pytest.fixture
def con(tmp_path):
    connection = connect(tmp_path / "out" / "warehouse.duckdb")
    yield connection
    connection.close()


def test_connect_creates_the_file_and_schema(tmp_path) -> None:
    path = tmp_path / "new" / "dir" / "warehouse.duckdb"

    con = connect(path)
    tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    views = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views()").fetchall()}
    con.close()

    assert path.is_file()
    assert tables >= EXPECTED_TABLES
    assert {"theme_coverage", "theme_comparison", "theme_coded_chars"} <= views


def test_connect_twice_keeps_existing_rows(tmp_path) -> None:
    path = tmp_path / "warehouse.duckdb"
    con = connect(path)
    replace_transcripts(con, *_batch("s:T1", ["Hello there"], "h1"))
    con.close()

    con = connect(path)
    try:
        assert _counts(con) == {"transcripts": 1, "utterances": 1, "detections": 1, "codings": 0}
    finally:
        con.close()


def test_a_warehouse_from_before_theme_notes_gains_them(tmp_path) -> None:
    path = tmp_path / "warehouse.duckdb"
    with duckdb.connect(str(path)) as old:
        old.execute(
            "CREATE TABLE themes (theme_id VARCHAR PRIMARY KEY, codebook_id VARCHAR NOT NULL, "
            "name VARCHAR NOT NULL, definition VARCHAR NOT NULL, parent VARCHAR)"
        )
        old.execute("INSERT INTO themes VALUES ('a', 'cb', 'A', 'd', NULL)")
    codebook = Codebook.model_validate(
        {
            "codebook_id": "cb",
            "themes": [{"theme_id": "a", "name": "A", "definition": "d", "include": "in"}],
        }
    )
    with connect(path) as con:
        replace_themes(con, codebook)
        rows = con.execute("SELECT theme_id, include_note, exclude_note FROM themes").fetchall()
    assert rows == [("a", "in", "")]


def test_replace_transcripts_loads_rows_and_returns_count(con) -> None:
    t1 = _batch("s:T1", ["Hello there", "Second turn here"], "h1")

    assert replace_transcripts(con, *t1) == 1
    assert _counts(con) == {"transcripts": 1, "utterances": 2, "detections": 1, "codings": 0}
    assert stored_hashes(con) == {"s:T1": "h1"}
    assert con.execute("SELECT text FROM utterances ORDER BY seq").fetchall() == [
        ("Hello there",),
        ("Second turn here",),
    ]


def test_replace_transcripts_with_no_transcripts_does_nothing(con) -> None:
    empty = (
        frames.frame([], frames.TRANSCRIPTS),
        frames.frame([], frames.UTTERANCES),
        frames.frame([], frames.DETECTIONS),
    )

    assert replace_transcripts(con, *empty) == 0
    assert _counts(con) == {"transcripts": 0, "utterances": 0, "detections": 0, "codings": 0}


def test_loading_the_same_frames_twice_is_idempotent(con) -> None:
    batch = _batch("s:T1", ["a b", "c d e"], "h1")

    replace_transcripts(con, *batch)
    first = _counts(con)
    replace_transcripts(con, *batch)

    assert (
        _counts(con)
        == first
        == {
            "transcripts": 1,
            "utterances": 2,
            "detections": 1,
            "codings": 0,
        }
    )


def test_changed_transcript_replaces_all_its_old_rows(con) -> None:
    replace_transcripts(con, *_batch("s:T1", ["one", "two", "three"], "h1"))
    replace_transcripts(con, *_batch("s:T2", ["other"], "h2"))
    replace_codings(con, CODER, _codings("s:T1", 3).vstack(_codings("s:T2", 1)))
    assert _counts(con, "s:T1")["codings"] == 3

    replace_transcripts(con, *_batch("s:T1", ["only one now"], "h1-v2", run_id="run-2"))

    assert _counts(con, "s:T1") == {
        "transcripts": 1,
        "utterances": 1,
        "detections": 1,
        "codings": 0,
    }
    assert con.execute("SELECT text FROM utterances WHERE transcript_id = 's:T1'").fetchall() == [
        ("only one now",)
    ]
    assert stored_hashes(con) == {"s:T1": "h1-v2", "s:T2": "h2"}
    # The other transcript is untouched, codings included.
    assert _counts(con, "s:T2") == {
        "transcripts": 1,
        "utterances": 1,
        "detections": 1,
        "codings": 1,
    }


def test_error_mid_transaction_leaves_nothing_of_the_batch(con) -> None:
    replace_transcripts(con, *_batch("s:T1", ["old text"], "h1"))
    before = con.execute("SELECT * FROM utterances ORDER BY utterance_id").fetchall()
    transcripts, utterances, detections = _batch("s:T1", ["new", "text"], "h1-v2")
    new_t2, new_t2_utterances, _ = _batch("s:T2", ["brand new"], "h2")
    bad_detections = detections.with_columns(value_digest=None)

    with pytest.raises(duckdb.ConstraintException):
        replace_transcripts(
            con,
            transcripts.vstack(new_t2),
            utterances.vstack(new_t2_utterances),
            bad_detections,
        )

    # The old version of T1 survives intact and nothing of T2 was written.
    assert stored_hashes(con) == {"s:T1": "h1"}
    assert con.execute("SELECT * FROM utterances ORDER BY utterance_id").fetchall() == before
    assert _counts(con) == {"transcripts": 1, "utterances": 1, "detections": 1, "codings": 0}


def test_connection_is_usable_after_a_rollback(con) -> None:
    transcripts, utterances, detections = _batch("s:T1", ["x"], "h1")
    with pytest.raises(duckdb.ConstraintException):
        replace_transcripts(con, transcripts, utterances, detections.with_columns(score=None))

    assert replace_transcripts(con, transcripts, utterances, detections) == 1
    assert _counts(con) == {"transcripts": 1, "utterances": 1, "detections": 1, "codings": 0}


def _table_batch(conversations: dict[str, list[str]], content_hash: str):
    """Frames of a table file's conversations: one source, one hash, imported codings."""
    parts = [_batch(f"s:{c}", texts, content_hash) for c, texts in conversations.items()]
    transcripts, utterances, detections = (pl.concat([p[i] for p in parts]) for i in range(3))
    transcripts = transcripts.with_columns(source=pl.lit("chats.csv"))
    codings = pl.concat(
        _codings(f"s:{c}", len(texts)).with_columns(
            coder=pl.lit("table:act"), origin=pl.lit("table")
        )
        for c, texts in conversations.items()
    )
    return transcripts, utterances, detections, codings


def test_a_changed_table_replaces_its_conversations_and_drops_vanished_ones(con) -> None:
    replace_transcripts(con, *_table_batch({"C1": ["a", "b"], "C2": ["c"]}, "h1"))
    replace_transcripts(con, *_batch("s:T9", ["kept"], "h9"))
    replace_codings(con, CODER, _codings("s:T9", 1))
    assert _counts(con)["codings"] == 4

    replace_transcripts(con, *_table_batch({"C1": ["a2"], "C3": ["d", "e"]}, "h2"))

    assert stored_hashes(con) == {"s:C1": "h2", "s:C3": "h2", "s:T9": "h9"}
    assert _counts(con, "s:C2") == {
        "transcripts": 0,
        "utterances": 0,
        "detections": 0,
        "codings": 0,
    }
    assert _counts(con, "s:C3")["codings"] == 2
    assert _counts(con, "s:T9")["codings"] == 1


def test_reloading_imported_codings_is_idempotent_and_rule_codings_leave_them(con) -> None:
    batch = _table_batch({"C1": ["a", "b"]}, "h1")
    replace_transcripts(con, *batch)
    replace_transcripts(con, *batch)
    replace_codings(con, CODER, _codings("s:C1", 1))
    replace_codings(con, CODER, _codings("s:C1", 1))

    origins = con.execute("SELECT origin, count(*) FROM codings GROUP BY 1 ORDER BY 1").fetchall()
    assert origins == [("rules", 1), ("table", 2)]


def test_an_older_results_table_is_rebuilt_in_the_current_shape(tmp_path) -> None:
    path = tmp_path / "warehouse.duckdb"
    with duckdb.connect(str(path)) as old:
        old.execute("CREATE TABLE theme_comparison_results (run_id VARCHAR, comparison VARCHAR)")
        old.execute("INSERT INTO theme_comparison_results VALUES ('r1', 'c')")
    with connect(path) as con:
        columns = {r[0] for r in con.execute("DESCRIBE theme_comparison_results").fetchall()}
        rows = con.execute("SELECT count(*) FROM theme_comparison").fetchone()[0]
    assert {"p_value", "p_adjusted", "clustered"} <= columns
    assert rows == 0


def test_an_older_data_table_is_refused_with_what_to_do(tmp_path) -> None:
    path = tmp_path / "warehouse.duckdb"
    with duckdb.connect(str(path)) as old:
        old.execute("CREATE TABLE codings (utterance_id VARCHAR, theme_id VARCHAR)")
        old.execute("INSERT INTO codings VALUES ('u', 't')")

    with pytest.raises(WarehouseSchemaError, match=r"codings lack columns.*Move the file aside"):
        connect(path)
    with duckdb.connect(str(path), read_only=True) as kept:
        assert kept.execute("SELECT count(*) FROM codings").fetchone() == (1,)
