"""Tests of the DuckDB warehouse: schema creation and transactional transcript replacement."""

from __future__ import annotations

import duckdb
import pytest

from schemas import frames
from tasks.warehouse.store import connect, replace_codings, replace_transcripts, stored_hashes

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
