"""Declared vocabularies checked before any work: speaker roles in speaker maps and role columns.

Every problem names the file and line: the config's own line for a speaker map or setting, the
table's row for a role column's value.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from yaml.nodes import MappingNode, Node, SequenceNode

if TYPE_CHECKING:
    from qualbridge.schemas.config import ConsortiumConfig, StudyConfig, TableSourceConfig

DEFAULT_SPEAKER_ROLES = [
    "interviewer",
    "participant",
    "therapist",
    "client",
    "peer_worker",
    "other",
]
DEFAULT_MISSING_VALUES = ["", "n/a", "NA", "N/A", "-", "none", "null"]


def yaml_lines(text: str) -> dict[str, int]:
    """Line (1-based) of every key and list item of a YAML document, by dotted path."""
    lines: dict[str, int] = {}

    def walk(node: Node, path: str) -> None:
        if isinstance(node, MappingNode):
            for key, value in node.value:
                child = f"{path}.{key.value}" if path else str(key.value)
                lines[child] = key.start_mark.line + 1
                walk(value, child)
        elif isinstance(node, SequenceNode):
            for i, item in enumerate(node.value):
                child = f"{path}.{i}" if path else str(i)
                lines[child] = item.start_mark.line + 1
                walk(item, child)

    try:
        root = yaml.compose(text)
    except yaml.YAMLError:
        return {}
    if root is not None:
        walk(root, "")
    return lines


def _read_column(path: Path, table: TableSourceConfig, column: str) -> tuple[list[str | None], int]:
    """A table's column as strings, and the line of its first row (CSV header = line 1)."""
    import polars as pl  # only config checks read tables; `deid-text` starts without Polars

    kind = table.format or {".csv": "csv", ".jsonl": "jsonl", ".parquet": "parquet"}.get(
        path.suffix.casefold()
    )
    if kind == "csv":
        frame = pl.read_csv(path, columns=[column], infer_schema=False)
        return frame[column].to_list(), 2
    if kind == "parquet":
        return pl.read_parquet(path, columns=[column])[column].cast(pl.String).to_list(), 1
    if kind == "jsonl":
        return pl.read_ndjson(path, infer_schema_length=None)[column].cast(pl.String).to_list(), 1
    return [], 1


def _table_roles(config: ConsortiumConfig, study: StudyConfig, roles: set[str]) -> list[str]:
    """Role-column values that are neither declared roles nor mapped onto one."""
    import polars as pl

    mapped = {label.casefold(): role for label, role in study.speakers.items()}
    problems = []
    for table in study.tables:
        path = config.resolve(table.path)
        if table.mapping.role is None or not path.is_file():
            continue  # a missing file is the ingest check's to report
        try:
            values, first = _read_column(path, table, table.mapping.role)
        except (pl.exceptions.PolarsError, OSError, ValueError):
            continue  # unreadable: ingest quarantines it with its reason
        for i, value in enumerate(values):
            label = (value or "").strip().casefold()
            if label and mapped.get(label, label) not in roles:
                problems.append(
                    f"{path}:{first + i}: speaker role {label!r} (column "
                    f"{table.mapping.role!r}) is not declared in speaker_roles"
                )
                break  # the first one per table is enough to act on
    return problems


def _where(lines: dict[str, int], path: str) -> str:
    line = lines.get(path)
    return f"line {line} ({path})" if line else path


def _setting_roles(config: ConsortiumConfig) -> list[tuple[str, str]]:
    """(dotted path, role) of every role a setting names."""
    found = [
        (f"studies.{i}.speakers.{label}", role)
        for i, study in enumerate(config.studies)
        for label, role in study.speakers.items()
    ]
    for i, comparison in enumerate(config.comparisons):
        found += [(f"comparisons.{i}.speaker_roles", r) for r in comparison.speaker_roles or []]
        if comparison.by == "speaker_role":
            found += [(f"comparisons.{i}", g) for g in comparison.all_groups]
    found += [("stats.agreement_roles", r) for r in config.stats.agreement_roles or []]
    return found


def vocabulary_problems(
    config: ConsortiumConfig, lines: dict[str, int], read_tables: bool = True
) -> list[str]:
    """Every undeclared speaker role in the config (by its line) and in the role columns."""
    roles = set(config.speaker_roles)
    problems = [
        f"{_where(lines, path)}: role {role!r} is not declared in speaker_roles {sorted(roles)}"
        for path, role in _setting_roles(config)
        if role not in roles
    ]
    if read_tables:
        for study in config.studies:
            problems += _table_roles(config, study, roles)
    return problems
