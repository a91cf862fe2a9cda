"""Study-wide mentions across runs: a name found in a new transcript re-masks the earlier ones.

The real ingest, de-identification and load flows on the mini fixture, run again after a
transcript is added; the de-identification cache is still hit when nothing changed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from tests.conftest import FIXTURES, TEST_KEY
from tests.helpers.stages import ingest_deid_load

STUDY = Path("studies") / "peer_support"
# Alone, the engine passes over this lower-case name (", OK" keeps the line from reading as
# sentence case, which the recaser would capitalise); SM2 names her in full.
LATER = "Interviewer: Anyone else?\nParticipant: Yes, marisol too, OK.\n"
FULL = "Interviewer: Who helped?\nParticipant: Her name was Marisol Vandersloot.\n"


@pytest.fixture
def consortium(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The mini fixture plus SM1, which mentions a first name no one has been found under."""
    shutil.copytree(FIXTURES / "mini", tmp_path, dirs_exist_ok=True)
    monkeypatch.setenv("QUALBRIDGE_KEY", TEST_KEY)
    add_transcript(tmp_path, "SM1", LATER)
    return tmp_path / "consortium.yaml"


def add_transcript(root: Path, transcript_id: str, text: str) -> None:
    (root / STUDY / "transcripts" / f"{transcript_id}.txt").write_text(text, encoding="utf-8")
    with (root / STUDY / "manifest.csv").open("a", encoding="utf-8") as manifest:
        manifest.write(f"{transcript_id},transcripts/{transcript_id}.txt,P-{transcript_id},"
                       "site_a,25-34,female\n")  # fmt: skip


def texts(config: Path, transcript: str) -> str:
    """The warehouse's de-identified text of one transcript."""
    with duckdb.connect(str(config.parent / "out" / "warehouse.duckdb"), read_only=True) as con:
        rows = con.execute(
            "SELECT text FROM utterances WHERE transcript_id = ? ORDER BY seq",
            [f"peer_support:{transcript}"],
        ).fetchall()
    return " ".join(r[0] for r in rows)


def test_a_new_transcript_re_masks_the_earlier_ones_and_the_cache_still_hits(
    consortium: Path,
) -> None:
    first, _ = ingest_deid_load(consortium)
    assert first["to_load"] == 7
    assert "Yes, marisol too, OK." in texts(consortium, "SM1")  # nothing found it yet

    add_transcript(consortium.parent, "SM2", FULL)
    second, deid = ingest_deid_load(consortium)
    # The study with the new transcript is redone whole (4 + 1 files), the other is untouched.
    assert (second["to_load"], second["unchanged"]) == (5, 3)
    assert (deid["transcripts"], deid["cached"]) == (5, 0)
    for transcript in ("SM1", "SM2"):
        assert "marisol" not in texts(consortium, transcript).casefold()
    assert "vandersloot" not in texts(consortium, "SM2").casefold()

    third, deid = ingest_deid_load(consortium)
    assert (third["to_load"], deid["transcripts"]) == (0, 0)
    # Nothing changed: a fresh warehouse restages everything, and every study hits the cache.
    (consortium.parent / "out" / "warehouse.duckdb").unlink()
    fourth, deid = ingest_deid_load(consortium)
    assert (fourth["to_load"], deid["cached"]) == (8, 2)
    assert "marisol" not in texts(consortium, "SM1").casefold()
