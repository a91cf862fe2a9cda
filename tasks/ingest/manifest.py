"""Read a study manifest (CSV or YAML): one row per transcript file, checked by its contract."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from qualbridge.tasks.shared.contract_catalog import contract_for
from qualbridge.tasks.shared.contract_rows import missing_columns, row_problems

# The study_manifest contract is the source of truth for columns and rules.
MANIFEST = contract_for("study_manifest")
REQUIRED_COLUMNS = tuple(missing_columns((), MANIFEST))
# Attribute columns are released, so only the contract's declared columns may be loaded.
DECLARED_COLUMNS = frozenset(c.name for c in MANIFEST.columns)


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


def _yaml_rows(path: Path) -> list[tuple[int, dict[str, Any]]]:
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
    _refuse_undeclared(path, [str(k) for item in items for k in item])
    # YAML has no row lines; entries are numbered from 1 as "line" for the steward.
    return [
        (n, {k: "" if v is None else str(v) for k, v in item.items()})
        for n, item in enumerate(items, 1)
    ]


def _csv_rows(path: Path) -> list[tuple[int, dict[str, Any]]]:
    """Rows of a CSV manifest with the physical line each ends on."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            columns = reader.fieldnames or []
            missing = missing_columns(columns, MANIFEST)
            if missing:
                raise ManifestError(f"{path}: missing required column(s) {missing}")
            _refuse_undeclared(path, columns)
            # line_num is the physical line a row ends on, so blank lines and quoted
            # newlines do not shift the line numbers stewards are told.
            raw_rows = [(reader.line_num, row) for row in reader]
    except (UnicodeDecodeError, csv.Error) as exc:
        raise ManifestError(f"{path}: not a readable UTF-8 CSV ({type(exc).__name__})") from None
    return raw_rows


def _refuse_undeclared(path: Path, columns: Sequence[str]) -> None:
    """Raise naming the manifest and every column its contract does not declare."""
    undeclared = sorted({c for c in columns if c not in DECLARED_COLUMNS})
    if undeclared:
        allowed = sorted(DECLARED_COLUMNS - set(REQUIRED_COLUMNS))
        raise ManifestError(
            f"{path}: column(s) {undeclared} not declared in the study_manifest contract "
            f"({Path(MANIFEST.source).name}); attribute columns are released, so only "
            f"{allowed} may be loaded"
        )


def _validate(
    raw_rows: list[tuple[int, dict[str, Any]]],
) -> tuple[list[ManifestRow], list[RowProblem]]:
    """Split rows into valid ones and problems located by line and field."""
    cleaned = [
        {k: (v or "").strip() for k, v in raw.items() if k is not None} for _, raw in raw_rows
    ]
    failed = {p.row: p for p in row_problems(cleaned, MANIFEST)}
    rows: list[ManifestRow] = []
    problems: list[RowProblem] = []
    for index, ((line, _), values) in enumerate(zip(raw_rows, cleaned, strict=True)):
        if index in failed:
            problem = failed[index]
            problems.append(RowProblem(line, problem.field, problem.reason, values.get("file", "")))
            continue
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
