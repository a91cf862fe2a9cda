"""Count residual-PII pattern matches in a DuckDB table, reporting row ids but never values."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import duckdb

from tasks.quality.contracts import NamedPattern

MAX_SAMPLE_IDS = 20


class PiiHit(NamedTuple):
    """How many rows one pattern matched, and the smallest of their ids."""

    pattern_name: str
    count: int
    sample_ids: list[str]


def quote_identifier(name: str) -> str:
    """Quote one SQL identifier for DuckDB."""
    return '"' + name.replace('"', '""') + '"'


def residual_pii_counts(
    con: duckdb.DuckDBPyConnection,
    table: str,
    id_column: str,
    text_column: str,
    patterns: Sequence[NamedPattern],
    max_ids: int = MAX_SAMPLE_IDS,
) -> list[PiiHit]:
    """Match each pattern against text_column in one scan; `table` may be schema-qualified."""
    if max_ids < 1:
        raise ValueError("max_ids must be at least 1")
    if not patterns:
        return []
    table_ref = ".".join(quote_identifier(part) for part in table.split("."))
    row_id = f"CAST({quote_identifier(id_column)} AS VARCHAR)"
    text = quote_identifier(text_column)
    aggregates = []
    for _ in patterns:
        # The pattern is a bound parameter, so contract text never becomes SQL.
        match = f"regexp_matches({text}, ?)"
        aggregates.append(f"count(*) FILTER (WHERE {match})")
        aggregates.append(f"min({row_id}, {int(max_ids)}) FILTER (WHERE {match})")
    sql = f"SELECT {', '.join(aggregates)} FROM {table_ref}"
    params = [p.regex for p in patterns for _ in range(2)]
    row = con.execute(sql, params).fetchone()
    assert row is not None
    return [
        PiiHit(p.name, int(row[2 * i]), list(row[2 * i + 1] or [])) for i, p in enumerate(patterns)
    ]
