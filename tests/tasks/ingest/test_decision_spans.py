"""Span decisions become terms read from the source, and join the lists on the next run."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualbridge.schemas.config import load_config
from qualbridge.tasks.deid.transcripts import study_lists
from qualbridge.tasks.ingest.formats import parse_source
from qualbridge.tasks.shared.decisions import DecisionsError
from tests.tasks.audit.builders import FALSE_POSITIVE, MISSED, audited_consortium

HEADER = "decision,term,utterance_id,start,end,entity_type,participant_id,decided_by,decided_at\n"


def _planted_span(config_path: Path, word: str) -> tuple[str, int, int]:
    """Utterance id and offsets of a planted word in PS01, as the audit would show them."""
    path = config_path.parent / "studies" / "peer_support" / "transcripts" / "PS01.txt"
    for u in parse_source(path.read_bytes(), ".txt", {"Participant": "p", "Interviewer": "i"}):
        if word in u.text:
            start = u.text.index(word)
            return f"peer_support:PS01:{u.seq:04d}", start, start + len(word)
    raise AssertionError(f"{word} not planted")


def _lists(config_path: Path, rows: list[str]):
    decisions = config_path.parent / "studies" / "peer_support" / "decisions.csv"
    decisions.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    config = load_config(config_path)
    return study_lists(config.studies[0], config)


def test_span_decisions_resolve_to_terms(tmp_path: Path) -> None:
    config_path = audited_consortium(tmp_path)
    fp_id, fp_start, fp_end = _planted_span(config_path, FALSE_POSITIVE)
    miss_id, miss_start, miss_end = _planted_span(config_path, MISSED)
    known, allow = _lists(
        config_path,
        [
            f"false_positive,,{fp_id},{fp_start},{fp_end},,,steward,2026-11-20",
            f"missed,,{miss_id},{miss_start},{miss_end},LOCATION,,steward,2026-11-20",
        ],
    )
    assert allow == [FALSE_POSITIVE]
    assert known["LOCATION"] == [MISSED]


@pytest.mark.parametrize(
    ("utterance_id", "start", "end", "problem"),
    [
        ("peer_support:PS01:0000", 0, 100_000, "outside the utterance"),
        ("peer_support:PS01:9999", 0, 4, "outside the utterance"),
        ("peer_support:PS77:0001", 0, 4, "not in the manifest"),
        ("therapist_disclosure:TD01:0001", 0, 4, "must look like"),
    ],
)
def test_unusable_spans_are_refused(
    tmp_path: Path, utterance_id: str, start: int, end: int, problem: str
) -> None:
    config_path = audited_consortium(tmp_path)
    row = f"missed,,{utterance_id},{start},{end},,,steward,2026-11-20"
    with pytest.raises(DecisionsError, match=problem):
        _lists(config_path, [row])
