"""Tests of reading CSV, JSON Lines and Parquet utterance tables into turns per conversation."""

from __future__ import annotations

import io
import json
from typing import Any

import polars as pl
import pytest
from pydantic import ValidationError

from qualbridge.tasks.ingest.limits import IngestLimits
from qualbridge.tasks.ingest.tables import (
    TableFormat,
    TableMapping,
    TableTranscripts,
    parse_table,
)
from qualbridge.tasks.ingest.turns import ParseError, Turn
from tests.tasks.ingest.builders import SECRET

MAPPING = TableMapping(
    conversation_id="conv", turn="n", speaker="who", text="said", labels=["theme", "flag"]
)
ROWS: list[dict[str, Any]] = [
    {"conv": "c1", "n": 2, "who": "P1", "said": "Second.", "theme": "care", "flag": None},
    {"conv": "c2", "n": 1, "who": "I", "said": "Other.", "theme": None, "flag": "x"},
    {
        "conv": "c1",
        "n": 1,
        "who": "I",
        "said": "First,\nwith a newline.",
        "theme": None,
        "flag": None,
    },
]
EXPECTED = TableTranscripts(
    turns={
        "c1": [Turn("I", "First,\nwith a newline."), Turn("P1", "Second.")],
        "c2": [Turn("I", "Other.")],
    },
    labels={
        "c1": [{"theme": None, "flag": None}, {"theme": "care", "flag": None}],
        "c2": [{"theme": None, "flag": "x"}],
    },
)


def _csv(rows: list[dict[str, Any]]) -> bytes:
    buffer = io.BytesIO()
    pl.DataFrame(rows).write_csv(buffer)
    return buffer.getvalue()


def _jsonl(rows: list[dict[str, Any]]) -> bytes:
    return "\n".join(json.dumps(row) for row in rows).encode()


def _parquet(rows: list[dict[str, Any]] | pl.DataFrame) -> bytes:
    buffer = io.BytesIO()
    (rows if isinstance(rows, pl.DataFrame) else pl.DataFrame(rows)).write_parquet(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("table_format", "data"),
    [
        pytest.param("csv", _csv(ROWS), id="csv"),
        pytest.param("jsonl", _jsonl(ROWS), id="jsonl"),
        pytest.param("parquet", _parquet(ROWS), id="parquet"),
    ],
)
def test_formats_give_the_same_conversations(table_format: TableFormat, data: bytes) -> None:
    assert parse_table(data, table_format, MAPPING) == EXPECTED


@pytest.mark.parametrize(
    ("mapping", "expected"),
    [
        pytest.param(
            TableMapping(conversation_id="conv", speaker="who", text="said"),
            {"c1": ["Second.", "First,\nwith a newline."], "c2": ["Other."]},
            id="file-order-without-turn-column",
        ),
        pytest.param(
            TableMapping(conversation_id="conv", turn="n", role="who", text="said"),
            {"c1": ["First,\nwith a newline.", "Second."], "c2": ["Other."]},
            id="role-column-and-turn-order",
        ),
    ],
)
def test_turn_order(mapping: TableMapping, expected: dict[str, list[str]]) -> None:
    result = parse_table(_jsonl(ROWS), "jsonl", mapping)

    assert {cid: [t.text for t in turns] for cid, turns in result.turns.items()} == expected


def test_non_text_ids_and_labels_become_text() -> None:
    rows = [{"conv": 7, "n": "1", "who": "I", "said": "a", "theme": 3, "flag": True}]

    result = parse_table(_jsonl(rows), "jsonl", MAPPING)

    assert result.labels == {"7": [{"theme": "3", "flag": "true"}]}


@pytest.mark.parametrize(
    ("fields", "valid"),
    [
        pytest.param({"speaker": "who"}, True, id="speaker"),
        pytest.param({"role": "who"}, True, id="role"),
        pytest.param({}, False, id="neither"),
        pytest.param({"speaker": "who", "role": "r"}, False, id="both"),
        pytest.param({"speaker": "said"}, False, id="column-mapped-twice"),
        pytest.param({"speaker": ""}, False, id="empty-name"),
        pytest.param({"speaker": "who", "extra": "x"}, False, id="unknown-field"),
    ],
)
def test_mapping_validation(fields: dict[str, str], valid: bool) -> None:
    build = lambda: TableMapping(conversation_id="conv", text="said", **fields)  # noqa: E731
    if valid:
        assert build().speaker_column == "who"
    else:
        with pytest.raises(ValidationError):
            build()


def _row(**changes: Any) -> dict[str, Any]:
    return {"conv": "c1", "n": 1, "who": "I", "said": SECRET, "theme": "t", "flag": "f"} | changes


@pytest.mark.parametrize(
    ("table_format", "data", "fragment"),
    [
        pytest.param(
            "csv",
            _csv([{k: v for k, v in _row().items() if k != "said"}]),
            "column 'said' is missing",
            id="csv-missing-text-column",
        ),
        pytest.param(
            "csv",
            _csv([_row(), _row(n=2, said=None)]),
            "row 2: column 'said' is empty",
            id="csv-null",
        ),
        pytest.param(
            "csv", _csv([_row(who="")]), "row 1: column 'who' is empty", id="csv-empty-speaker"
        ),
        pytest.param(
            "csv",
            _csv([_row(), _row(n="two")]),
            "row 2: column 'n' is not a whole number",
            id="order",
        ),
        pytest.param(
            "csv", _csv([_row(), _row()]), "row 2: turn number repeats", id="repeat-order"
        ),
        pytest.param(
            "csv",
            f"conv,n,who,said\nc1,1,I,{SECRET}\nc1,2,I,{SECRET},extra\n".encode(),
            "not a readable CSV (",
            id="ragged",
        ),
        pytest.param("csv", b"conv,n,who,said,theme,flag\n", "no utterance rows", id="header-only"),
        pytest.param(
            "jsonl",
            _jsonl([_row()]) + f'\n["{SECRET}"]'.encode(),
            "line 2: not a JSON object",
            id="jsonl-array-line",
        ),
        pytest.param(
            "jsonl", f'{{"said": "{SECRET}"'.encode(), "line 1: not valid JSON", id="jsonl-cut"
        ),
        pytest.param(
            "jsonl", _jsonl([_row(said=5)]), "line 1: column 'said' is not a string", id="number"
        ),
        pytest.param(
            "jsonl",
            _jsonl([_row(), _row(n=2, theme={"k": SECRET})]),
            "line 2: column 'theme' is not a single value",
            id="nested-label",
        ),
        pytest.param(
            "jsonl", b"[" * 100_000 + b"]" * 100_000, "line 1: not valid JSON", id="deep-nesting"
        ),
        pytest.param(
            "parquet",
            _parquet([_row(said=5, who=SECRET)]),
            "column 'said' holds Int64 values, not strings",
            id="parquet-int-text",
        ),
        pytest.param(
            "parquet",
            _parquet([_row(theme=[SECRET])]),
            "column 'theme' holds List(String) values",
            id="parquet-list-label",
        ),
        pytest.param(
            "parquet",
            _parquet([_row(n=1.5)]),
            "row 1: column 'n' is not a whole number",
            id="parquet-fraction-order",
        ),
        pytest.param(
            "parquet", b"PAR1" + SECRET.encode(), "not a readable Parquet file", id="parquet-junk"
        ),
        pytest.param("csv", b"", "file is empty", id="empty"),
        pytest.param("jsonl", b"\n \n", "no utterance rows found", id="jsonl-blank-lines"),
        pytest.param("csv", f"said\n{SECRET}\x00".encode(), "NUL bytes", id="nul"),
    ],
)
def test_errors_name_column_and_row_never_values(
    table_format: TableFormat, data: bytes, fragment: str
) -> None:
    with pytest.raises(ParseError) as info:
        parse_table(data, table_format, MAPPING)

    assert fragment in str(info.value)
    assert SECRET not in str(info.value)


@pytest.mark.parametrize(
    ("limits", "fragment"),
    [
        pytest.param(IngestLimits(max_line_chars=10), "row 1: text longer than", id="long-text"),
        pytest.param(IngestLimits(max_file_bytes=10), "over the limit of 10", id="file-size"),
        pytest.param(
            IngestLimits(max_uncompressed_bytes=10), "table unpacks to", id="parquet-unpacked"
        ),
    ],
)
def test_limits_apply_to_tables(limits: IngestLimits, fragment: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_table(_parquet([_row()]), "parquet", MAPPING, limits)

    assert fragment in str(info.value)
