"""Row-by-row contract checks: the utterance-table contract on mapped frames."""

from __future__ import annotations

import polars as pl
import pytest

from qualbridge.tasks.shared.contract_catalog import contract_for
from qualbridge.tasks.shared.contract_rows import FieldProblem, validate_table_frame

TABLE = contract_for("utterance_table")
SECRET = "Zephyrine Quillfeather"
GOOD = {"conversation_id": "C1", "turn": 0, "speaker": SECRET, "text": f"I am {SECRET}."}


def _frame(*edits: dict) -> pl.DataFrame:
    return pl.DataFrame([GOOD, *({**GOOD, "turn": i + 1, **e} for i, e in enumerate(edits))])


def test_good_table_has_no_problems() -> None:
    assert validate_table_frame(_frame({}, {"turn": None}), TABLE) == []


@pytest.mark.parametrize(
    ("edit", "field", "reason"),
    [
        ({"conversation_id": ""}, "conversation_id", "empty"),
        ({"conversation_id": "C 1"}, "conversation_id", "does not match"),
        ({"text": "   "}, "text", "empty"),
        ({"text": None}, "text", "empty"),
        ({"turn": -1}, "turn", "at least 0"),
    ],
)
def test_bad_value_names_row_and_field_never_the_value(edit, field, reason) -> None:
    problems = validate_table_frame(_frame(edit), TABLE)
    assert [(p.row, p.field) for p in problems] == [(1, field)]
    assert reason in problems[0].reason
    assert SECRET not in str(problems)


def test_roles_instead_of_speakers_are_accepted() -> None:
    frame = pl.DataFrame({"conversation_id": ["C1"], "role": ["client"], "text": ["hi"]})
    assert validate_table_frame(frame, TABLE) == []


@pytest.mark.parametrize(
    ("frame", "expected"),
    [
        (
            pl.DataFrame({"conversation_id": ["C1"]}),
            [FieldProblem(None, "text", "column missing")],
        ),
        (
            pl.DataFrame(schema={"conversation_id": pl.String, "text": pl.String}),
            [FieldProblem(None, "", "0 rows; at least 1 needed")],
        ),
    ],
)
def test_table_level_problems(frame, expected) -> None:
    assert validate_table_frame(frame, TABLE) == expected
