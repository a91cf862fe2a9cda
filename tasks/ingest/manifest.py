"""Read a study manifest (CSV): one row per transcript file, checked field by field."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REQUIRED_COLUMNS = ("transcript_id", "file", "participant_id")
_ID = re.compile(r"^[A-Za-z0-9_\-]{1,64}$")


class ManifestError(ValueError):
    """A manifest that cannot be read at all."""


@dataclass(frozen=True)
class ManifestRow:
    """One transcript listed in a manifest, with its participant attributes."""

    line: int
    transcript_id: str
    file: str
    participant_id: str
    attributes: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RowProblem:
    """A manifest row that was rejected, located by line and field."""

    line: int
    field: str
    reason: str
    file: str = ""  # the row's file column as written, so the file is not also "unlisted"


def read_manifest(path: Path) -> tuple[list[ManifestRow], list[RowProblem]]:
    """Return the valid rows and the problems of the invalid ones; raise if unreadable."""
    if not path.is_file():
        raise ManifestError(f"{path}: manifest not found")
    raw_rows = _yaml_rows(path) if path.suffix.casefold() in (".yaml", ".yml") else _csv_rows(path)
    return _validate(raw_rows)


def _yaml_rows(path: Path) -> list[tuple[int, dict]]:
    """Rows of a YAML manifest: a list of mappings, or a mapping with a 'transcripts' list."""
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ManifestError(f"{path}: not readable UTF-8 YAML ({type(exc).__name__})") from None
    items = document.get("transcripts") if isinstance(document, dict) else document
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise ManifestError(f"{path}: expected a list of transcripts (mappings)")
    missing = sorted({c for item in items for c in REQUIRED_COLUMNS if c not in item})
    if missing:
        raise ManifestError(f"{path}: missing required field(s) {missing}")
    # YAML has no row lines; entries are numbered from 1 as "line" for the steward.
    return [
        (n, {k: "" if v is None else str(v) for k, v in item.items()})
        for n, item in enumerate(items, 1)
    ]


def _csv_rows(path: Path) -> list[tuple[int, dict]]:
    """Rows of a CSV manifest with the physical line each ends on."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            columns = reader.fieldnames or []
            missing = [c for c in REQUIRED_COLUMNS if c not in columns]
            if missing:
                raise ManifestError(f"{path}: missing required column(s) {missing}")
            # line_num is the physical line a row ends on, so blank lines and quoted
            # newlines do not shift the line numbers stewards are told.
            raw_rows = [(reader.line_num, row) for row in reader]
    except (UnicodeDecodeError, csv.Error) as exc:
        raise ManifestError(f"{path}: not a readable UTF-8 CSV ({type(exc).__name__})") from None
    return raw_rows


def _validate(raw_rows: list[tuple[int, dict]]) -> tuple[list[ManifestRow], list[RowProblem]]:
    """Split rows into valid ones and located problems."""
    rows: list[ManifestRow] = []
    problems: list[RowProblem] = []
    seen: set[str] = set()
    for line, raw in raw_rows:
        values = {k: (v or "").strip() for k, v in raw.items() if k is not None}
        problem = _row_problem(values, seen)
        if problem:
            problems.append(RowProblem(line, *problem, file=values.get("file", "")))
            continue
        seen.add(values["transcript_id"])
        rows.append(
            ManifestRow(
                line=line,
                transcript_id=values["transcript_id"],
                file=values["file"],
                participant_id=values["participant_id"],
                attributes={k: v for k, v in values.items() if k not in REQUIRED_COLUMNS},
            )
        )
    return rows, problems


def _row_problem(values: dict[str, str], seen: set[str]) -> tuple[str, str] | None:
    for column in REQUIRED_COLUMNS:
        if not values.get(column):
            return column, "empty"
    for column in ("transcript_id", "participant_id"):
        if not _ID.match(values[column]):
            return column, "must be 1-64 letters, digits, '_' or '-'"
    if values["transcript_id"] in seen:
        return "transcript_id", "duplicate transcript_id"
    file = Path(values["file"])
    if file.is_absolute() or ".." in file.parts:
        return "file", "must be a path inside the manifest's folder"
    return None
