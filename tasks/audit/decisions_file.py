"""Write a steward's decision into the study's decisions file, creating and referencing it.

The file is on-site configuration (a term may be an identifier); the warehouse only ever gets
its keyed digest. A study without a decisions file gets `decisions/<study_id>.csv` beside the
config, and one line is added to its block in the config, keeping every other line (and
comment) as it was.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import yaml

from qualbridge.schemas.config import ConfigError, load_config
from qualbridge.tasks.shared.decisions import Decision, read_decisions

COLUMNS = [
    "decision",
    "term",
    "utterance_id",
    "start",
    "end",
    "entity_type",
    "participant_id",
    "decided_by",
    "decided_at",
    "note",
]


def _row(decision: Decision) -> dict[str, str]:
    values = decision.model_dump(mode="json")
    return {c: "" if values.get(c) is None else str(values[c]) for c in COLUMNS}


def append_decision(path: Path, decision: Decision) -> int:
    """Add a decision to a CSV or YAML decisions file (created if absent); its row number."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.casefold() in (".yaml", ".yml"):
        return _append_yaml(path, decision)
    rows = []
    if path.is_file():
        with path.open(newline="", encoding="utf-8-sig") as handle:
            rows = list(csv.DictReader(handle))
    rows.append(_row(decision))
    header = COLUMNS + sorted({k for r in rows for k in r if k and k not in COLUMNS})
    partial = path.with_name(path.name + ".partial")
    with partial.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, restval="")
        writer.writeheader()
        writer.writerows(rows)
    partial.replace(path)
    return len(read_decisions(path))


def _append_yaml(path: Path, decision: Decision) -> int:
    document = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None
    item = {k: v for k, v in _row(decision).items() if v != ""}
    if isinstance(document, dict):
        document.setdefault("decisions", []).append(item)
    else:
        document = [*(document or []), item]
    path.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), "utf-8")
    return len(read_decisions(path))


def reference_decisions(config_path: Path, study_id: str) -> Path:
    """The study's decisions file; if it has none, add one to its config block and return it."""
    config = load_config(config_path)
    study = next((s for s in config.studies if s.study_id == study_id), None)
    if study is None:
        raise ConfigError(f"{config_path}: no study {study_id!r}")
    if study.decisions is not None:
        return config.resolve(study.decisions)
    relative = f"decisions/{study_id}.csv"
    original = config_path.read_text(encoding="utf-8")
    config_path.write_text(_with_decisions_line(original, study_id, relative), "utf-8")
    try:
        check = load_config(config_path)
        added = next(s for s in check.studies if s.study_id == study_id).decisions
        if added is None:
            raise ConfigError(f"{config_path}: the decisions line did not land in {study_id}")
    except ConfigError:
        config_path.write_text(original, encoding="utf-8")
        raise
    return config.resolve(Path(relative))


def _with_decisions_line(text: str, study_id: str, relative: str) -> str:
    """The config text with `decisions: relative` added as the study block's next line."""
    lines = text.splitlines(keepends=True)
    pattern = re.compile(rf"^(\s*)(-\s+)?study_id:\s*['\"]?{re.escape(study_id)}['\"]?\s*(#.*)?$")
    for i, line in enumerate(lines):
        match = pattern.match(line.rstrip("\r\n"))
        if match:
            indent = len(match.group(1)) + len(match.group(2) or "")
            ending = "\r\n" if line.endswith("\r\n") else "\n"
            lines.insert(i + 1, " " * indent + f"decisions: {relative}{ending}")
            if not line.endswith(("\n", "\r\n")):
                lines[i] = line + ending
            return "".join(lines)
    raise ConfigError(f"cannot find study {study_id!r} in the config text; add decisions: yourself")
