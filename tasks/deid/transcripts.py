"""De-identify whole transcripts into frames of utterances and audit rows."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import polars as pl

from schemas import frames
from schemas.config import ConsortiumConfig, StudyConfig
from tasks.deid.engine import Deidentifier
from tasks.deid.pseudonym import value_digest
from tasks.deid.recognizers import parse_deny_list
from tasks.ingest.formats import SOURCE_ERRORS
from tasks.ingest.sources import QuarantineRecord, TranscriptSource, read_utterances
from tasks.warehouse.store import attributes_json


@dataclass(frozen=True)
class DeidentifiedBatch:
    """De-identified frames for a batch of transcripts, plus what could not be processed."""

    transcripts: pl.DataFrame
    utterances: pl.DataFrame
    detections: pl.DataFrame
    quarantined: list[QuarantineRecord]


def study_engine(study: StudyConfig, config: ConsortiumConfig, key: bytes) -> Deidentifier:
    """An engine with the study's known identifiers and allow list added."""
    known: dict[str, list[str]] = {}
    if study.deny_list is not None:
        path = config.resolve(study.deny_list)
        known = parse_deny_list(path.read_text(encoding="utf-8").splitlines())
    return Deidentifier(config.deid, key, known_identifiers=known, allow_list=study.allow_list)


def count_words(text: str) -> int:
    """Whitespace-separated words."""
    return len(text.split())


def deidentify_sources(
    sources: Sequence[TranscriptSource],
    study: StudyConfig,
    engine: Deidentifier,
    key: bytes,
    run_id: str,
    on_transcript: Callable[[], None] | None = None,
) -> DeidentifiedBatch:
    """Read, de-identify and frame each source; raw text lives only inside this function."""
    transcripts, utterances, detections = [], [], []
    quarantined: list[QuarantineRecord] = []
    for source in sources:
        try:
            parsed = read_utterances(source, study.speakers)
        except SOURCE_ERRORS as exc:
            quarantined.append(
                QuarantineRecord(study.study_id, source.source, "deidentify", str(exc))
            )
            continue
        texts = [u.text for u in parsed]
        results = engine.deidentify(texts, participant=source.participant_id)
        for utt, result in zip(parsed, results, strict=True):
            utterance_id = f"{source.transcript_id}:{utt.seq:04d}"
            utterances.append(
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
            for det, action in zip(result.detections, result.actions, strict=True):
                detections.append(
                    {
                        "utterance_id": utterance_id,
                        "transcript_id": source.transcript_id,
                        "start_offset": det.start,
                        "end_offset": det.end,
                        "entity_type": det.entity_type,
                        "recognizer": det.recognizer,
                        "score": det.score,
                        "action": action,
                        "value_digest": value_digest(key, utt.text[det.start : det.end]),
                    }
                )
        transcripts.append(
            {
                "transcript_id": source.transcript_id,
                "study_id": study.study_id,
                "participant_id": source.participant_id,
                "source": source.source,
                "content_hash": source.content_hash,
                "attributes": attributes_json(source.attributes),
                "n_utterances": len(parsed),
                "n_words": sum(count_words(t) for t in texts),
                "loaded_run_id": run_id,
            }
        )
        if on_transcript:
            on_transcript()
    return DeidentifiedBatch(
        frames.frame(transcripts, frames.TRANSCRIPTS),
        frames.frame(utterances, frames.UTTERANCES),
        frames.frame(detections, frames.DETECTIONS),
        quarantined,
    )
