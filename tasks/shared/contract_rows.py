"""Check rows against a contract one by one, naming row and field but never a value."""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import polars as pl

from qualbridge.tasks.shared.contracts import ColumnRule, Contract


@dataclass(frozen=True)
class FieldProblem:
    """A value (row from 0) or a whole column (row None) that breaks the contract."""

    row: int | None
    field: str
    reason: str


def missing_columns(columns: Collection[str], contract: Contract) -> list[str]:
    """Columns the contract needs that a header lacks, in contract order."""
    return [c.name for c in contract.columns if not c.optional and c.name not in columns]


def row_problems(rows: Iterable[Mapping[str, Any]], contract: Contract) -> list[FieldProblem]:
    """The first problem of each failing row; a rejected row does not claim its unique values."""
    problems = []
    seen: dict[str, set[Any]] = {c.name: set() for c in contract.columns if c.unique}
    for index, row in enumerate(rows):
        problem = _first_problem(row, contract, seen)
        if problem:
            problems.append(FieldProblem(index, *problem))
            continue
        for name, values in seen.items():
            if not _empty(row.get(name)):
                values.add(row[name])
    return problems


def validate_table_frame(frame: pl.DataFrame, contract: Contract) -> list[FieldProblem]:
    """Problems of a mapped utterance table (or any frame): missing columns, row count, rows."""
    missing = missing_columns(frame.columns, contract)
    problems = [FieldProblem(None, name, "column missing") for name in missing]
    if contract.min_rows is not None and frame.height < contract.min_rows:
        problems.append(
            FieldProblem(None, "", f"{frame.height} rows; at least {contract.min_rows} needed")
        )
    if contract.max_rows is not None and frame.height > contract.max_rows:
        problems.append(
            FieldProblem(None, "", f"{frame.height} rows; at most {contract.max_rows} allowed")
        )
    if missing:
        return problems
    return problems + row_problems(frame.iter_rows(named=True), contract)


def _first_problem(
    row: Mapping[str, Any], contract: Contract, seen: dict[str, set[Any]]
) -> tuple[str, str] | None:
    for col in contract.columns:
        value = row.get(col.name)
        if _empty(value):
            if col.required:
                return col.name, "empty"
            continue
        reason = _value_problem(value, col)
        if reason:
            return col.name, reason
        if col.unique and value in seen[col.name]:
            return col.name, f"duplicate {col.name}"
    return None


def _value_problem(value: Any, col: ColumnRule) -> str | None:
    """Why a non-empty value breaks its column's rule; the reason never quotes the value."""
    number = None
    if col.logical_type in ("integer", "number") or col.minimum is not None:
        number = _number(value, integer=col.logical_type == "integer")
        if number is None:
            return f"must be {'an integer' if col.logical_type == 'integer' else 'a number'}"
    if col.valid_values is not None and value not in col.valid_values:
        return f"must be one of {list(col.valid_values)}"
    if col.pattern is not None and not re.search(col.pattern, str(value)):
        return f"does not match the contract: {col.description or col.pattern}"
    if number is not None and col.minimum is not None and number < col.minimum:
        return f"must be at least {col.minimum}"
    if number is not None and col.maximum is not None and number > col.maximum:
        return f"must be at most {col.maximum}"
    return None


def _number(value: Any, integer: bool) -> float | None:
    if isinstance(value, bool):
        return None
    try:
        number = float(value) if not isinstance(value, int) else value
    except (TypeError, ValueError):
        return None
    if math.isnan(number) or (integer and not float(number).is_integer()):
        return None
    return number


def _empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()
