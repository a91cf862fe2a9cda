"""Decisions files: CSV and YAML read alike, bad rows named without their terms, lists applied."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualbridge.tasks.audit.decisions import decisions_frame
from qualbridge.tasks.shared.decisions import DecisionsError, apply_decisions, read_decisions
from tests.tasks.audit.builders import DECISIONS_CSV, FALSE_POSITIVE, KEY, MISSED

DECISIONS_YAML = f"""decisions:
- {{decision: false_positive, term: {FALSE_POSITIVE}, decided_by: steward_a,
   decided_at: "2026-11-20T10:00:00Z", note: a nickname}}
- {{decision: missed, term: {MISSED}, entity_type: LOCATION, decided_by: steward_a,
   decided_at: "2026-11-20T10:05:00Z"}}
- {{decision: accept_risk, participant_id: P-PS03, decided_by: steward_b, decided_at: 2026-11-21}}
"""
HEADER = "decision,term,utterance_id,start,end,entity_type,participant_id,decided_by,decided_at\n"


@pytest.mark.parametrize(("name", "text"), [("d.csv", DECISIONS_CSV), ("d.yaml", DECISIONS_YAML)])
def test_csv_and_yaml_give_the_same_decisions(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    decisions = [item.decision for item in read_decisions(path)]
    assert [d.decision for d in decisions] == ["false_positive", "missed", "accept_risk"]
    assert [d.term for d in decisions] == [FALSE_POSITIVE, MISSED, None]
    assert decisions[2].participant_id == "P-PS03"
    assert [d.when.isoformat() for d in decisions] == [
        "2026-11-20T10:00:00+00:00",
        "2026-11-20T10:05:00+00:00",
        "2026-11-21T00:00:00+00:00",
    ]


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("false_positive,Secretname,,,,,,,2026-11-20", "decided_by"),
        ("missed,,,,,,,steward,2026-11-20", "needs a term or a span"),
        ("missed,,ps:PS01:0001,5,,,,steward,2026-11-20", "needs a term or a span"),
        ("missed,,ps:PS01:0001,9,4,,,steward,2026-11-20", "start must be before end"),
        ("accept_risk,Secretname,,,,,,steward,2026-11-20", "needs a participant_id"),
        ("overruled,Secretname,,,,,,steward,2026-11-20", "decision"),
        ("missed,Secretname,,,,lower_case,,steward,2026-11-20", "entity_type"),
        ("missed,Secretname,,,,,,steward,yesterday", "decided_at"),
    ],
)
def test_bad_rows_are_named_by_line_without_their_term(
    tmp_path: Path, row: str, problem: str
) -> None:
    path = tmp_path / "d.csv"
    path.write_text(HEADER + row + "\n", encoding="utf-8")
    with pytest.raises(DecisionsError, match=problem) as caught:
        read_decisions(path)
    assert "row 2" in str(caught.value)
    assert "Secretname" not in str(caught.value)


def test_span_decisions_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text(HEADER + "false_positive,,ps:PS01:0003,9,20,,,steward,2026-11-20\n")
    (item,) = read_decisions(path)
    assert (item.decision.utterance_id, item.decision.start, item.decision.end) == (
        "ps:PS01:0003",
        9,
        20,
    )


def test_terms_join_the_allow_and_deny_lists(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text(DECISIONS_CSV, encoding="utf-8")
    known, allow = apply_decisions(read_decisions(path), {"PERSON": ["Lorna"]}, ["Recovery"])
    assert allow == ["Recovery", FALSE_POSITIVE]
    assert known == {"PERSON": ["Lorna"], "LOCATION": [MISSED]}


def test_the_warehouse_frame_holds_digests_never_terms(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text(DECISIONS_CSV, encoding="utf-8")
    frame = decisions_frame("peer_support", read_decisions(path), KEY, "run-1")
    assert frame.height == 3
    cells = " ".join(str(v) for row in frame.iter_rows() for v in row)
    assert FALSE_POSITIVE not in cells and MISSED not in cells
    assert frame["term_digest"].null_count() == 1  # the accept_risk row has no term
    assert frame["decided_by"].to_list() == ["steward_a", "steward_a", "steward_b"]


def test_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(DecisionsError, match="not found"):
        read_decisions(tmp_path / "absent.csv")
