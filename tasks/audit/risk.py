"""k-anonymity and l-diversity of each study's participant attributes, with suggestions."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

import duckdb

from qualbridge.schemas.config import ConsortiumConfig, RiskConfig
from qualbridge.tasks.audit.generalise import generalisers

MISSING = "(missing)"


@dataclass(frozen=True)
class Flag:
    """A participant whose attribute combination is shared by too few, or too alike, others."""

    participant_id: str
    group: tuple[str, ...]
    size: int
    diversity: int
    accepted: bool = False


@dataclass(frozen=True)
class Suggestion:
    """A generalisation and how many records would still be flagged after it."""

    description: str
    flagged_after: int


@dataclass
class StudyRisk:
    """A study's risk assessment."""

    study_id: str
    risk: RiskConfig
    records: int
    flags: list[Flag] = field(default_factory=list)
    suggestions: list[Suggestion] = field(default_factory=list)
    # Configured columns no record has: probably a typo, which would hide every risk.
    unknown_columns: list[str] = field(default_factory=list)

    @property
    def unaccepted(self) -> list[Flag]:
        """Flags no steward has accepted: these block a release."""
        return [f for f in self.flags if not f.accepted]


def flag_records(records: dict[str, dict[str, str]], risk: RiskConfig) -> list[Flag]:
    """Records in groups (same quasi-identifiers) smaller than k or with fewer than l values."""
    groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for pid, attrs in records.items():
        groups[tuple(attrs.get(q) or MISSING for q in risk.quasi_identifiers)].append(pid)
    flags = []
    for group, members in groups.items():
        diversity = min(
            (len({records[m].get(s) or MISSING for m in members}) for s in risk.sensitive),
            default=risk.l,
        )
        if len(members) < risk.k or diversity < risk.l:
            flags += [Flag(pid, group, len(members), diversity) for pid in sorted(members)]
    return sorted(flags, key=lambda f: f.participant_id)


def _generalised(
    records: dict[str, dict[str, str]], column: str, fn: Callable[[str], str]
) -> dict[str, dict[str, str]]:
    return {
        pid: {**attrs, column: fn(attrs[column])} if attrs.get(column) else attrs
        for pid, attrs in records.items()
    }


def suggestions(records: dict[str, dict[str, str]], risk: RiskConfig) -> list[Suggestion]:
    """Each quasi-identifier's generalisations, and all the gentlest ones together."""
    found = []
    gentlest = records
    for column in risk.quasi_identifiers:
        options = generalisers(column)
        for description, fn in options:
            after = len(flag_records(_generalised(records, column, fn), risk))
            found.append(Suggestion(description, after))
        if len(options) > 1:
            gentlest = _generalised(gentlest, column, options[0][1])
    if gentlest is not records:
        after = len(flag_records(gentlest, risk))
        found.append(Suggestion("all the gentlest generalisations together", after))
    return found


def participant_records(con: duckdb.DuckDBPyConnection, study_id: str) -> dict[str, dict[str, str]]:
    """Manifest attributes of each participant of a study (one record per participant)."""
    rows = con.execute(
        "SELECT participant_id, any_value(attributes) FROM transcripts WHERE study_id = ? "
        "GROUP BY participant_id",
        [study_id],
    ).fetchall()
    return {pid: {k: str(v) for k, v in json.loads(attrs or "{}").items()} for pid, attrs in rows}


def accepted_participants(con: duckdb.DuckDBPyConnection, study_id: str) -> set[str]:
    """Participants whose flagged risk a steward accepted in the decisions file."""
    rows = con.execute(
        "SELECT participant_id FROM decisions WHERE study_id = ? AND decision = 'accept_risk'",
        [study_id],
    ).fetchall()
    return {pid for (pid,) in rows}


def assess_risk(con: duckdb.DuckDBPyConnection, config: ConsortiumConfig) -> list[StudyRisk]:
    """Risk of every study that configures it, with accepted flags marked."""
    assessed = []
    for study in config.studies:
        if study.risk is None:
            continue
        records = participant_records(con, study.study_id)
        accepted = accepted_participants(con, study.study_id)
        flags = [
            Flag(f.participant_id, f.group, f.size, f.diversity, f.participant_id in accepted)
            for f in flag_records(records, study.risk)
        ]
        found = suggestions(records, study.risk) if flags else []
        present = {column for attrs in records.values() for column in attrs}
        unknown = [
            c for c in [*study.risk.quasi_identifiers, *study.risk.sensitive] if c not in present
        ]
        assessed.append(StudyRisk(study.study_id, study.risk, len(records), flags, found, unknown))
    return assessed
