"""Decisions take effect: a rerun redoes exactly the transcripts a new decision touches."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from tests.conftest import FIXTURES, TEST_KEY
from tests.helpers.stages import ingest_deid_load

HEADER = "decision,term,entity_type,decided_by,decided_at\n"


@pytest.fixture
def consortium(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The mini fixture with an empty decisions file for peer_support."""
    shutil.copytree(FIXTURES / "mini", tmp_path, dirs_exist_ok=True)
    monkeypatch.setenv("QUALBRIDGE_KEY", TEST_KEY)
    (tmp_path / "decisions.csv").write_text(HEADER, encoding="utf-8")
    config = tmp_path / "consortium.yaml"
    deny = "  deny_list: studies/peer_support/known_identifiers.txt\n"
    text = config.read_text(encoding="utf-8").replace(deny, deny + "  decisions: decisions.csv\n")
    config.write_text(text, encoding="utf-8")
    return config


def decide(config: Path, rows: str) -> None:
    path = config.parent / "decisions.csv"
    path.write_text(path.read_text(encoding="utf-8") + rows, encoding="utf-8")


def warehouse(config: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(config.parent / "out" / "warehouse.duckdb"), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_a_new_decision_redoes_exactly_the_transcripts_it_touches(consortium: Path) -> None:
    # Without study-wide mentions; with them, a touched transcript's whole study is redone.
    consortium.write_text(
        consortium.read_text(encoding="utf-8") + "deid:\n  study_mentions: false\n",
        encoding="utf-8",
    )
    first, _ = ingest_deid_load(consortium)
    assert first["to_load"] == 6 and first["redecided"] == 0
    contains = "SELECT DISTINCT transcript_id FROM utterances WHERE text ILIKE '%supermarket%'"
    assert warehouse(consortium, contains) == [("peer_support:PS03",)]

    decide(consortium, "missed,supermarket,LOCATION,steward,2026-01-02\n")
    second, deid = ingest_deid_load(consortium)
    assert (second["to_load"], second["unchanged"]) == (1, 5)
    assert (second["new_decisions"], second["redecided"]) == (1, 1)
    assert deid["transcripts"] == 1 and deid["cached"] == 0
    assert warehouse(consortium, contains) == []

    third, _ = ingest_deid_load(consortium)
    assert (third["to_load"], third["unchanged"], third["redecided"]) == (0, 6, 0)


def test_with_study_wide_mentions_a_decision_redoes_the_touched_study(consortium: Path) -> None:
    ingest_deid_load(consortium)
    decide(consortium, "missed,supermarket,LOCATION,steward,2026-01-02\n")
    second, deid = ingest_deid_load(consortium)
    # peer_support (3 transcripts) is redone whole; therapist_disclosure is untouched.
    assert (second["to_load"], second["unchanged"], second["redecided"]) == (3, 3, 1)
    assert deid["transcripts"] == 3


def test_decisions_accumulate_in_history_and_withdrawals_are_marked(consortium: Path) -> None:
    decide(consortium, "missed,supermarket,LOCATION,steward,2026-01-02\n")
    ingest_deid_load(consortium)
    (consortium.parent / "decisions.csv").write_text(
        HEADER + "missed,budgeting,KNOWN_IDENTIFIER,steward,2026-01-03\n", encoding="utf-8"
    )
    second, _ = ingest_deid_load(consortium)
    # A withdrawn term is known only by its digest, so its whole study is done again.
    assert second["redecided"] == 3
    history = warehouse(
        consortium,
        "SELECT entity_type, withdrawn_run_id IS NOT NULL FROM decision_history ORDER BY 1",
    )
    assert history == [("KNOWN_IDENTIFIER", False), ("LOCATION", True)]
    assert warehouse(consortium, "SELECT count(*) FROM decisions") == [(1,)]
    terms = warehouse(consortium, "SELECT count(*) FROM decision_history WHERE term_digest "
                      "ILIKE '%supermarket%' OR term_digest ILIKE '%budgeting%'")  # fmt: skip
    assert terms == [(0,)]
