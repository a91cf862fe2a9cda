"""De-identify whole transcripts into frames of utterances and audit rows."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

import polars as pl

from schemas import frames
from schemas.config import ConsortiumConfig, StudyConfig
from tasks.audit.decisions import apply_decisions, study_decisions
from tasks.audit.spans import resolve_spans
from tasks.deid.engine import Deidentifier, DeidResult
from tasks.deid.pseudonym import value_digest
from tasks.deid.recognizers import parse_deny_list
from tasks.ingest.formats import SOURCE_ERRORS
from tasks.ingest.limits import DEFAULT_LIMITS
from tasks.ingest.sources import (
    QuarantineRecord,
    TranscriptSource,
    ingest_limits,
    read_utterances,
)
from tasks.ingest.transcript_text import Utterance
from tasks.warehouse.store import attributes_json

# Transcripts read into memory at once: enough to keep every worker busy, no more.
TRANSCRIPTS_PER_BATCH = 32


@dataclass(frozen=True)
class DeidentifiedBatch:
    """De-identified frames for a batch of transcripts, plus what could not be processed."""

    transcripts: pl.DataFrame
    utterances: pl.DataFrame
    detections: pl.DataFrame
    quarantined: list[QuarantineRecord]


def study_lists(
    study: StudyConfig, config: ConsortiumConfig
) -> tuple[dict[str, list[str]], list[str]]:
    """The study's known identifiers (by type) and allow list, with the steward's decisions."""
    known: dict[str, list[str]] = {}
    if study.deny_list is not None:
        path = config.resolve(study.deny_list)
        known = parse_deny_list(path.read_text(encoding="utf-8").splitlines())
    decisions = resolve_spans(study_decisions(study, config), study, config)
    return apply_decisions(decisions, known, list(study.allow_list))


def study_engine(study: StudyConfig, config: ConsortiumConfig, key: bytes) -> Deidentifier:
    """An engine with the study's known identifiers and allow list added."""
    known, allow = study_lists(study, config)
    return Deidentifier(config.deid, key, known_identifiers=known, allow_list=allow)


def count_words(text: str) -> int:
    """Whitespace-separated words."""
    return len(text.split())


class TranscriptDeidentifier(Protocol):
    """Anything that de-identifies whole transcripts: the engine, or a pool of engines."""

    def deidentify_transcripts(
        self, texts_per_transcript: Sequence[Sequence[str]], participants: Sequence[str]
    ) -> list[list[DeidResult]]:
        """Results per transcript, in order; dates shift by each transcript's participant."""
        ...


def deidentify_sources(
    sources: Sequence[TranscriptSource],
    study: StudyConfig,
    engine: TranscriptDeidentifier,
    key: bytes,
    run_id: str,
    batch_size: int = TRANSCRIPTS_PER_BATCH,
    on_progress: Callable[[int], None] | None = None,
    config: ConsortiumConfig | None = None,
) -> DeidentifiedBatch:
    """Read, de-identify and frame each source; raw text lives only inside this function."""
    rows: dict[str, list[dict]] = {"transcripts": [], "utterances": [], "detections": []}
    limits = ingest_limits(config) if config is not None else DEFAULT_LIMITS
    quarantined: list[QuarantineRecord] = []
    for first in range(0, len(sources), batch_size):
        readable = []
        for source in sources[first : first + batch_size]:
            try:
                readable.append((source, read_utterances(source, study.speakers, limits)))
            except SOURCE_ERRORS as exc:
                quarantined.append(
                    QuarantineRecord(study.study_id, source.source, "deidentify", str(exc))
                )
        results = engine.deidentify_transcripts(
            [[u.text for u in parsed] for _, parsed in readable],
            [source.participant_id for source, _ in readable],
        )
        for (source, parsed), transcript_results in zip(readable, results, strict=True):
            _add_rows(rows, source, study, parsed, transcript_results, key, run_id)
        if on_progress:
            on_progress(len(sources[first : first + batch_size]))
    return DeidentifiedBatch(
        frames.frame(rows["transcripts"], frames.TRANSCRIPTS),
        frames.frame(rows["utterances"], frames.UTTERANCES),
        frames.frame(rows["detections"], frames.DETECTIONS),
        quarantined,
    )


def _add_rows(
    rows: dict[str, list[dict]],
    source: TranscriptSource,
    study: StudyConfig,
    parsed: list[Utterance],
    results: list[DeidResult],
    key: bytes,
    run_id: str,
) -> None:
    """Frame rows of one transcript: de-identified utterances, audit rows, the transcript."""
    for utt, result in zip(parsed, results, strict=True):
        utterance_id = f"{source.transcript_id}:{utt.seq:04d}"
        rows["utterances"].append(
            {
                "utterance_id": utterance_id,
                "transcript_id": source.transcript_id,
                "study_id": study.study_id,
                "seq": utt.seq,
                "speaker_role": utt.speaker_role,
                "text": result.text,
                "n_words": count_words(utt.text),
            }
        )
        for det, action, (out_start, out_end) in zip(
            result.detections, result.actions, result.spans, strict=True
        ):
            rows["detections"].append(
                {
                    "utterance_id": utterance_id,
                    "transcript_id": source.transcript_id,
                    "start_offset": det.start,
                    "end_offset": det.end,
                    "out_start": out_start,
                    "out_end": out_end,
                    "entity_type": det.entity_type,
                    "recognizer": det.recognizer,
                    "score": det.score,
                    "action": action,
                    "value_digest": value_digest(key, utt.text[det.start : det.end]),
                }
            )
    rows["transcripts"].append(
        {
            "transcript_id": source.transcript_id,
            "study_id": study.study_id,
            "participant_id": source.participant_id,
            "source": source.source,
            "content_hash": source.content_hash,
            "attributes": attributes_json(source.attributes),
            "n_utterances": len(parsed),
            "n_words": sum(count_words(u.text) for u in parsed),
            "loaded_run_id": run_id,
        }
    )
