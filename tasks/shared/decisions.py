"""A study's decisions file: the steward's false positives, missed terms and accepted risks.

The model and its reading live on the ground floor: de-identification applies decisions, the
audit stores and shows them."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, Field, ValidationError, model_validator

from qualbridge.schemas.config import ConfigError, ConsortiumConfig, StudyConfig

DEFAULT_TYPE = "KNOWN_IDENTIFIER"


class DecisionsError(ConfigError):
    """A decisions file that cannot be used; names the file and row, never a term."""


class Decision(BaseModel):
    """One reviewed item: a term or span, or a participant record whose risk is accepted."""

    decision: Literal["false_positive", "missed", "accept_risk"]
    term: str | None = None
    utterance_id: str | None = None
    start: int | None = Field(default=None, ge=0)
    end: int | None = Field(default=None, ge=0)
    entity_type: str | None = Field(default=None, pattern=r"^[A-Z_]+$")
    participant_id: str | None = None
    decided_by: str = Field(min_length=1)
    decided_at: datetime
    note: str = ""

    @model_validator(mode="after")
    def _names_its_subject(self) -> Decision:
        if self.decision == "accept_risk":
            if not self.participant_id:
                raise ValueError("accept_risk needs a participant_id")
            return self
        span = (self.utterance_id, self.start, self.end)
        if not self.term and None in span:
            raise ValueError(f"{self.decision} needs a term or a span (utterance_id, start, end)")
        if self.start is not None and self.end is not None and self.start >= self.end:
            raise ValueError("start must be before end")
        return self

    @property
    def when(self) -> datetime:
        """decided_at in UTC (a date without a zone is read as UTC)."""
        at = self.decided_at
        return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)


@dataclass(frozen=True)
class NumberedDecision:
    """A decision with the row it came from, so a steward can find it again."""

    line: int
    decision: Decision


def read_decisions(path: Path) -> list[NumberedDecision]:
    """Parse a CSV or YAML decisions file; raise DecisionsError naming the row and field."""
    if not path.is_file():
        raise DecisionsError(f"{path}: decisions file not found")
    rows = _yaml_rows(path) if path.suffix.casefold() in (".yaml", ".yml") else _csv_rows(path)
    decisions = []
    for line, raw in rows:
        values = {k: v for k, v in raw.items() if k and v not in (None, "")}
        try:
            decisions.append(NumberedDecision(line, Decision.model_validate(values)))
        except ValidationError as exc:
            # The row's values are never echoed: a term may be an identifier.
            problems = "; ".join(
                f"{'.'.join(str(p) for p in e['loc']) or 'row'}: {e['msg']}" for e in exc.errors()
            )
            raise DecisionsError(f"{path}: row {line}: {problems}") from None
    return decisions


def _csv_rows(path: Path) -> list[tuple[int, dict[str, Any]]]:
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            return [(reader.line_num, row) for row in reader]
    except (UnicodeDecodeError, csv.Error) as exc:
        raise DecisionsError(f"{path}: not a readable UTF-8 CSV ({type(exc).__name__})") from None


def _yaml_rows(path: Path) -> list[tuple[int, dict[str, Any]]]:
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DecisionsError(f"{path}: not readable UTF-8 YAML ({type(exc).__name__})") from None
    items = document.get("decisions") if isinstance(document, dict) else document
    if items is None:
        return []
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise DecisionsError(f"{path}: expected a list of decisions (mappings)")
    return list(enumerate(items, 1))


def study_decisions(study: StudyConfig, config: ConsortiumConfig) -> list[NumberedDecision]:
    """The study's decisions, or none when it has no decisions file."""
    if study.decisions is None:
        return []
    return read_decisions(config.resolve(study.decisions))


def check_decisions(config: ConsortiumConfig) -> None:
    """Read every study's decisions file, so a bad one stops a run before it starts."""
    for study in config.studies:
        study_decisions(study, config)


def apply_decisions(
    decisions: list[NumberedDecision], known: dict[str, list[str]], allow: list[str]
) -> tuple[dict[str, list[str]], list[str]]:
    """Known identifiers and allow list with the decided terms added (spans need resolving)."""
    known = {t: list(values) for t, values in known.items()}
    allow = list(allow)
    for item in decisions:
        d = item.decision
        if not d.term:
            continue
        if d.decision == "false_positive":
            allow.append(d.term)
        elif d.decision == "missed":
            known.setdefault(d.entity_type or DEFAULT_TYPE, []).append(d.term)
    return known, allow
