"""The steward's actions in the review app, each written to a decisions file and the warehouse."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

import duckdb
from pydantic import ValidationError

from qualbridge.cli.common import refresh_report_badge
from qualbridge.schemas.config import ConfigError, ConsortiumConfig
from qualbridge.tasks.audit import (
    SignoffError,
    append_decision,
    approve,
    record_action,
    reference_decisions,
)
from qualbridge.tasks.deid import effective_entities
from qualbridge.tasks.shared.decisions import DEFAULT_TYPE, Decision
from qualbridge.tasks.shared.keys import load_key

if TYPE_CHECKING:
    from qualbridge.cli.review_app.app import ReviewSettings


class ActionError(ValueError):
    """An action the app cannot record; the message is safe to show (it never holds a term)."""


def entity_types(config: ConsortiumConfig) -> list[str]:
    """Types a steward may give a missed term."""
    return sorted({*effective_entities(config.deid).enabled, DEFAULT_TYPE})


def _text(body: dict[str, Any], name: str) -> str:
    value = body.get(name)
    if not isinstance(value, str) or not value.strip():
        raise ActionError(f"missing {name}")
    return value.strip()


def _int(body: dict[str, Any], name: str) -> int:
    value = body.get(name)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ActionError(f"missing or bad {name}")
    return value


def _latest(con: duckdb.DuckDBPyConnection) -> tuple[str, str]:
    rows = con.execute(
        "SELECT run_id, config_hash FROM runs ORDER BY started_at DESC LIMIT 1"
    ).fetchall()
    row = rows[0] if rows else None
    if row is None:
        raise ActionError("no run in the warehouse yet")
    return cast(tuple[str, str], row)


def _false_positive(
    con: duckdb.DuckDBPyConnection, body: dict[str, Any], fields: dict[str, Any]
) -> tuple[str, Decision, str]:
    """A replacement the steward says is not an identifier: decided as its span."""
    utterance_id = _text(body, "utterance_id")
    rows = con.execute(
        "SELECT d.start_offset, d.end_offset, d.entity_type, u.study_id FROM detections d "
        "JOIN utterances u USING (utterance_id) WHERE d.utterance_id = ? AND d.start_offset = ?",
        [utterance_id, _int(body, "start_offset")],
    ).fetchall()
    row = rows[0] if rows else None
    if row is None:
        raise ActionError("no such replacement in the loaded run")
    start, end, entity_type, study_id = row
    decision = Decision(
        decision="false_positive", utterance_id=utterance_id, start=start, end=end,
        entity_type=entity_type, **fields,
    )  # fmt: skip
    return study_id, decision, f"false positive {entity_type} at {utterance_id}"


def _missed(
    con: duckdb.DuckDBPyConnection,
    body: dict[str, Any],
    fields: dict[str, Any],
    config: ConsortiumConfig,
) -> tuple[str, Decision, str]:
    """Unmasked text the steward selected: decided as a term of the given type."""
    utterance_id = _text(body, "utterance_id")
    start, end = _int(body, "out_start"), _int(body, "out_end")
    entity_type = _text(body, "entity_type")
    if entity_type not in entity_types(config):
        raise ActionError("unknown entity type")
    rows = con.execute(
        "SELECT text, study_id FROM utterances WHERE utterance_id = ?", [utterance_id]
    ).fetchall()
    row = rows[0] if rows else None
    if row is None or not start < end <= len(row[0]):
        raise ActionError("the selection is not inside an utterance of the loaded run")
    overlaps = con.execute(
        "SELECT count(*) FROM detections WHERE utterance_id = ? AND out_start < ? AND out_end > ?",
        [utterance_id, end, start],
    ).fetchall()[0][0]
    if overlaps:
        raise ActionError("the selection overlaps a replacement; select unmasked text only")
    term = row[0][start:end].strip()
    if len(term) < 2:
        raise ActionError("select at least two characters")
    decision = Decision(decision="missed", term=term, entity_type=entity_type, **fields)
    return row[1], decision, f"missed {entity_type} at {utterance_id}"


def _accept_risk(body: dict[str, Any], fields: dict[str, Any]) -> tuple[str, Decision, str]:
    study_id, participant_id = _text(body, "study_id"), _text(body, "participant_id")
    decision = Decision(decision="accept_risk", participant_id=participant_id, **fields)
    return study_id, decision, f"accepted risk of {participant_id}"


def perform(settings: ReviewSettings, kind: str, body: dict[str, Any], at: datetime) -> str:
    """Record one action; return what was done, in words without any term."""
    by = str(body.get("by") or settings.by).strip()
    note = str(body.get("note") or "").strip()
    if not by:
        raise ActionError("say who you are (by)")
    if kind == "approve":
        return _approve(settings, by, note)
    config = settings.config()
    fields = {"decided_by": by, "decided_at": at, "note": note}
    with settings.connect() as con:
        run_id, run_hash = _latest(con)
        try:
            if kind == "false-positive":
                study_id, decision, what = _false_positive(con, body, fields)
            elif kind == "missed":
                study_id, decision, what = _missed(con, body, fields, config)
            elif kind == "accept-risk":
                study_id, decision, what = _accept_risk(body, fields)
            else:
                raise ActionError(f"unknown action {kind!r}")
        except ValidationError as exc:
            raise ActionError(f"not a valid decision ({exc.error_count()} problem(s))") from None
    try:
        path = reference_decisions(settings.config_path, study_id)
        row = append_decision(path, decision)
    except ConfigError as exc:
        raise ActionError(str(exc)) from None
    with settings.connect(read_only=False) as con:
        record_action(con, run_id, run_hash, by, f"{what} (row {row} of {path.name})", kind, at)
    return f"Recorded: {what}, row {row} of {path.name}. Rerun the pipeline to apply it."


def _approve(settings: ReviewSettings, by: str, note: str) -> str:
    """Approve the latest run, unless decisions are waiting for a rerun."""
    from qualbridge.cli.review_app.pages import pending_decisions

    config = settings.config()
    key = load_key(config.key_env, config.key_file)
    current = hashlib.sha256(settings.config_path.read_bytes()).hexdigest()
    with settings.connect(read_only=False) as con:
        run_id, _ = _latest(con)
        pending = pending_decisions(con, config, key)
        if pending:
            raise ActionError(
                f"{sum(pending.values())} decision(s) are not applied yet; rerun the pipeline "
                "and review the new run before approving"
            )
        try:
            at = approve(con, run_id, current, by, note)
        except SignoffError as exc:
            raise ActionError(str(exc)) from None
        refresh_report_badge(con, config, run_id)
    settings.audits.clear()
    return f"Run {run_id} approved by {by} at {at.isoformat(timespec='seconds')}."
