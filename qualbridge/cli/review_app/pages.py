"""What the review pages show, read from the warehouse: de-identified text and its replacements."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import duckdb

from qualbridge.schemas.config import ConsortiumConfig
from qualbridge.tasks.audit import applied_decisions, current_decisions, raw_values
from qualbridge.tasks.shared.decisions import study_decisions
from qualbridge.tasks.shared.deid_inputs import decision_identity


@dataclass
class Segment:
    """A piece of an utterance's de-identified text; a replacement when it has a detection."""

    text: str
    detection: dict[str, Any] | None = None
    raw: str | None = None


@dataclass
class UtteranceView:
    """One utterance as the review shows it."""

    utterance_id: str
    speaker_role: str
    segments: list[Segment] = field(default_factory=list)


def latest_run(con: duckdb.DuckDBPyConnection) -> dict[str, Any] | None:
    """The most recent run's row."""
    rows = con.sql("SELECT * FROM runs ORDER BY started_at DESC LIMIT 1").pl().to_dicts()
    return rows[0] if rows else None


def transcripts_by_study(con: duckdb.DuckDBPyConnection) -> dict[str, list[dict[str, Any]]]:
    """Every loaded transcript with its replacement count and lowest score, per study."""
    rows = con.sql(
        "SELECT t.study_id, t.transcript_id, t.n_utterances, count(d.utterance_id) AS replaced, "
        "round(min(d.score), 2) AS lowest FROM transcripts t "
        "LEFT JOIN detections d USING (transcript_id) GROUP BY ALL ORDER BY 1, 2"
    ).pl()
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in rows.to_dicts():
        grouped.setdefault(row["study_id"], []).append(row)
    return grouped


def _segments(
    text: str, detections: list[dict[str, Any]], raw: dict[tuple[str, int], str]
) -> list[Segment]:
    parts, pos = [], 0
    for d in sorted(detections, key=lambda d: d["out_start"]):
        if d["out_start"] < pos:
            continue
        parts.append(Segment(text[pos : d["out_start"]]))
        value = raw.get((d["utterance_id"], d["start_offset"]))
        parts.append(Segment(text[d["out_start"] : d["out_end"]], d, value))
        pos = d["out_end"]
    parts.append(Segment(text[pos:]))
    return [p for p in parts if p.text or p.detection]


def transcript_view(
    con: duckdb.DuckDBPyConnection, config: ConsortiumConfig, transcript_id: str, show_raw: bool
) -> list[UtteranceView]:
    """A transcript's utterances with each replacement as its own segment (raw value opt-in)."""
    utterances = con.execute(
        "SELECT utterance_id, speaker_role, text FROM utterances WHERE transcript_id = ? "
        "ORDER BY seq",
        [transcript_id],
    ).fetchall()
    detections = (
        con.sql(
            "SELECT utterance_id, start_offset, end_offset, out_start, out_end, entity_type, "
            "recognizer, round(score, 2) AS score, action FROM detections WHERE transcript_id = ?",
            params=[transcript_id],
        )
        .pl()
        .to_dicts()
    )
    raw = {}
    if show_raw and detections:
        spans = [
            (transcript_id, d["utterance_id"], d["start_offset"], d["end_offset"])
            for d in detections
        ]
        raw = raw_values(con, config, spans)
    by_utterance: dict[str, list[dict[str, Any]]] = {}
    for d in detections:
        by_utterance.setdefault(d["utterance_id"], []).append(d)
    return [
        UtteranceView(uid, role, _segments(text, by_utterance.get(uid, []), raw))
        for uid, role, text in utterances
    ]


def pending_decisions(
    con: duckdb.DuckDBPyConnection, config: ConsortiumConfig, key: bytes
) -> dict[str, int]:
    """Per study, decisions in its file that the loaded run has not applied yet."""
    applied = applied_decisions(con)
    accepted = {
        (s, p) for s, p in con.execute(
            "SELECT study_id, participant_id FROM decisions WHERE decision = 'accept_risk'"
        ).fetchall()
    }  # fmt: skip
    pending = {
        study: len(set(decided) - applied.get(study, set()))
        for study, decided in current_decisions(config, key).items()
    }
    for study in config.studies:
        for item in study_decisions(study, config):
            d = item.decision
            if d.decision == "accept_risk" and (study.study_id, d.participant_id) not in accepted:
                pending[study.study_id] = pending.get(study.study_id, 0) + 1
    return {s: n for s, n in pending.items() if n}


def decided_here(config: ConsortiumConfig, key: bytes) -> set[str]:
    """Identities of every decision in the studies' files (to show what is already marked)."""
    return {
        decision_identity(item.decision, key)
        for study in config.studies
        for item in study_decisions(study, config)
    }
