"""Read utterance tables (CSV, JSON Lines, Parquet) into turns per conversation, with labels."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

import polars as pl
import pyarrow.parquet as pq

from qualbridge.schemas.tables import TableMapping
from qualbridge.tasks.ingest.limits import DEFAULT_LIMITS, IngestLimits
from qualbridge.tasks.ingest.reading import to_text
from qualbridge.tasks.ingest.turns import ParseError, Turn

TableFormat = Literal["csv", "jsonl", "parquet"]
SUFFIXES: dict[str, TableFormat] = {
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
}
_POSITION = "__qualbridge_position"


@dataclass(frozen=True)
class TableTranscripts:
    """Turns per conversation id in turn order; labels[id][i] holds the labels of turns[id][i]."""

    turns: dict[str, list[Turn]]
    labels: dict[str, list[dict[str, str | None]]]
    participants: dict[str, str] = field(default_factory=dict)


def _missing(mapping: TableMapping, present: set[str]) -> None:
    for column in mapping.columns():
        if column not in present:
            raise ParseError(f"column '{column}' is missing (mapped in the table mapping)")


def _scalar_text(value: Any) -> str | None:
    """A JSON scalar as text; ValueError for objects and arrays."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    raise ValueError("not a single value")


def _jsonl_frame(data: bytes, mapping: TableMapping) -> tuple[pl.DataFrame, str]:
    records: list[tuple[int, dict[str, Any]]] = []
    for number, line in enumerate(to_text(data).split("\n"), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except (json.JSONDecodeError, RecursionError):
            raise ParseError(f"line {number}: not valid JSON") from None
        if not isinstance(value, dict):
            raise ParseError(f"line {number}: not a JSON object")
        records.append((number, value))
    if not records:
        raise ParseError("no utterance rows found")
    _missing(mapping, {key for _, record in records for key in record})
    columns: dict[str, list[Any]] = {c: [] for c in mapping.columns()}
    for number, record in records:
        for column, values in columns.items():
            value = record.get(column)
            if column == mapping.text and value is not None and not isinstance(value, str):
                raise ParseError(f"line {number}: column '{column}' is not a string")
            try:
                values.append(_scalar_text(value))
            except ValueError:
                problem = f"column '{column}' is not a single value"
                raise ParseError(f"line {number}: {problem}") from None
    schema = dict.fromkeys(columns, pl.String)
    frame = pl.DataFrame(columns, schema=schema).with_columns(
        pl.Series(_POSITION, [number for number, _ in records], dtype=pl.Int64)
    )
    return frame, "line"


def _csv_frame(data: bytes, mapping: TableMapping) -> tuple[pl.DataFrame, str]:
    text = to_text(data)
    try:
        frame = pl.read_csv(io.BytesIO(text.encode()), infer_schema=False)
    except Exception as exc:  # polars messages quote the offending cells: keep only the type
        raise ParseError(f"not a readable CSV ({type(exc).__name__})") from None
    _missing(mapping, set(frame.columns))
    return frame.select(mapping.columns()).with_row_index(_POSITION, offset=1), "row"


def _parquet_frame(
    data: bytes, mapping: TableMapping, limits: IngestLimits
) -> tuple[pl.DataFrame, str]:
    try:
        metadata = pq.read_metadata(io.BytesIO(data))
        schema = pl.read_parquet_schema(io.BytesIO(data))
    except Exception as exc:
        raise ParseError(f"not a readable Parquet file ({type(exc).__name__})") from None
    size = sum(metadata.row_group(i).total_byte_size for i in range(metadata.num_row_groups))
    if size > limits.max_uncompressed_bytes:
        raise ParseError(
            f"table unpacks to {size} bytes, over the limit of {limits.max_uncompressed_bytes}"
        )
    _missing(mapping, set(schema))
    text_type = schema[mapping.text]
    if text_type not in (pl.String, pl.Categorical) and not isinstance(text_type, pl.Enum):
        raise ParseError(f"row 1: column '{mapping.text}' holds {text_type} values, not strings")
    try:
        frame = pl.read_parquet(io.BytesIO(data), columns=mapping.columns())
    except Exception as exc:
        raise ParseError(f"not a readable Parquet file ({type(exc).__name__})") from None
    return frame.with_row_index(_POSITION, offset=1), "row"


def _as_text_columns(frame: pl.DataFrame, mapping: TableMapping) -> pl.DataFrame:
    """Cast every mapped column but the turn order to text, refusing nested values."""
    casts = []
    for column in mapping.columns():
        if column == mapping.turn:
            continue
        dtype = frame.schema[column]
        if dtype.is_nested() or dtype in (pl.Binary, pl.Object):
            raise ParseError(f"column '{column}' holds {dtype} values, not single values")
        casts.append(pl.col(column).cast(pl.String))
    return frame.with_columns(casts)


def _order(value: Any, where: str, column: str) -> int:
    if isinstance(value, bool) or value is None:
        raise ParseError(f"{where}: column '{column}' is not a whole number")
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    raise ParseError(f"{where}: column '{column}' is not a whole number")


def _required(row: dict[str, Any], column: str, where: str) -> str:
    value = row[column]
    if value is None or not str(value).strip():
        raise ParseError(f"{where}: column '{column}' is empty")
    return str(value)


def _collect(
    frame: pl.DataFrame, position: str, mapping: TableMapping, limits: IngestLimits
) -> TableTranscripts:
    frame = _as_text_columns(frame, mapping)
    grouped: dict[str, list[tuple[int, Turn, dict[str, str | None]]]] = {}
    seen: dict[str, set[int]] = {}
    participants: dict[str, str] = {}
    for index, row in enumerate(frame.iter_rows(named=True)):
        where = f"{position} {row[_POSITION]}"
        conversation = _required(row, mapping.conversation_id, where)
        speaker = _required(row, mapping.speaker_column, where)
        text = row[mapping.text]
        if text is None:
            raise ParseError(f"{where}: column '{mapping.text}' is empty")
        if len(text) > limits.max_line_chars:
            raise ParseError(
                f"{where}: text longer than the limit of {limits.max_line_chars} characters"
            )
        order = index
        if mapping.turn:
            order = _order(row[mapping.turn], where, mapping.turn)
            if order in seen.setdefault(conversation, set()):
                raise ParseError(f"{where}: turn number repeats within its conversation")
            seen[conversation].add(order)
        if mapping.participant_id:
            participant = _required(row, mapping.participant_id, where).strip()
            if participants.setdefault(conversation, participant) != participant:
                raise ParseError(f"{where}: participant differs within its conversation")
        labels = {column: row[column] for column in mapping.labels}
        grouped.setdefault(conversation, []).append((order, Turn(speaker.strip(), text), labels))
    if not grouped:
        raise ParseError("no utterance rows found")
    for rows in grouped.values():
        rows.sort(key=lambda item: item[0])
    return TableTranscripts(
        turns={cid: [turn for _, turn, _ in rows] for cid, rows in grouped.items()},
        labels={cid: [labels for _, _, labels in rows] for cid, rows in grouped.items()},
        participants=participants,
    )


def parse_table(
    data: bytes,
    table_format: TableFormat,
    mapping: TableMapping,
    limits: IngestLimits = DEFAULT_LIMITS,
) -> TableTranscripts:
    """Turns of an utterance table held in memory, grouped by conversation id in turn order."""
    if not data:
        raise ParseError("file is empty")
    if len(data) > limits.max_file_bytes:
        raise ParseError(f"file is {len(data)} bytes, over the limit of {limits.max_file_bytes}")
    readers: dict[TableFormat, Callable[[], tuple[pl.DataFrame, str]]] = {
        "csv": lambda: _csv_frame(data, mapping),
        "jsonl": lambda: _jsonl_frame(data, mapping),
        "parquet": lambda: _parquet_frame(data, mapping, limits),
    }
    frame, position = readers[table_format]()
    return _collect(frame, position, mapping, limits)
