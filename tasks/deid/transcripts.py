"""De-identify whole transcripts into frames of utterances and audit rows."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import polars as pl

from qualbridge.schemas import frames
from qualbridge.schemas.config import ConsortiumConfig, StudyConfig
from qualbridge.schemas.frames import attributes_json
from qualbridge.tasks.deid.engine import Deidentifier, DeidResult
from qualbridge.tasks.deid.filters import Detection
from qualbridge.tasks.deid.recognizers import parse_deny_list
from qualbridge.tasks.deid.study_mentions import StudyMentions
from qualbridge.tasks.ingest import (
    DEFAULT_LIMITS,
    SOURCE_ERRORS,
    Document,
    SourceError,
    TranscriptSource,
    Utterance,
    ingest_limits,
    read_document,
    read_utterances,
    resolve_spans,
)
from qualbridge.tasks.shared.decisions import apply_decisions, study_decisions
from qualbridge.tasks.shared.imported_codes import remap_span, theme_id_for
from qualbridge.tasks.shared.pseudonym import value_digest
from qualbridge.tasks.shared.quarantine import QuarantineRecord

# Transcripts read and handed to the engine at once: enough to keep every worker busy. Their
# texts stay in memory until the study-wide pass is done (de-identified rows would anyway).
TRANSCRIPTS_PER_BATCH = 32


@dataclass(frozen=True)
class DeidentifiedBatch:
    """De-identified frames for a batch of transcripts, plus what could not be processed."""

    transcripts: pl.DataFrame
    utterances: pl.DataFrame
    detections: pl.DataFrame
    quarantined: list[QuarantineRecord]
    codings: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=frames.CODINGS))


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


@runtime_checkable
class StreamingDeidentifier(TranscriptDeidentifier, Protocol):
    """A pool that can queue transcripts and hand back futures, without waiting for them."""

    def submit_transcripts(
        self, texts_per_transcript: Sequence[Sequence[str]], participants: Sequence[str]
    ) -> list[Future[list[DeidResult]]]:
        """Futures of the results per transcript, in order."""
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
    """Read, de-identify and frame each source; raw text lives only inside this function.

    With the consortium config, what was found in any transcript is then masked in all of
    them (the study-wide pass); the study's texts are held until that pass is done.
    """
    reader = _Reader(study, key, config)
    mentions = study_mentions(study, config, key)
    done: list[tuple[TranscriptSource, Document, list[DeidResult]]] = []
    for size, readable, results in _deidentified(engine, reader, sources, batch_size):
        for (source, document), transcript_results in zip(readable, results, strict=True):
            if mentions is not None:
                mentions.collect([u.text for u in document.utterances], transcript_results)
            done.append((source, document, transcript_results))
        if on_progress:
            on_progress(size)
    reader.parsed_files.clear()
    return _framed(done, study, key, run_id, mentions, reader)


def _deidentified(
    engine: TranscriptDeidentifier,
    reader: _Reader,
    sources: Sequence[TranscriptSource],
    batch_size: int,
) -> Iterator[tuple[int, list[tuple[TranscriptSource, Document]], list[list[DeidResult]]]]:
    """(sources in the batch, its readable ones, their results) per batch, in order.

    A pool gets every batch queued before the first result is awaited, so its workers never
    wait for this process to read the next batch or to use the last one's results.
    """
    queued = []
    for first in range(0, len(sources), batch_size):
        batch = sources[first : first + batch_size]
        readable = reader.read(batch)
        texts = [[u.text for u in document.utterances] for _, document in readable]
        participants = [source.participant_id for source, _ in readable]
        if isinstance(engine, StreamingDeidentifier):
            queued.append((len(batch), readable, engine.submit_transcripts(texts, participants)))
        else:
            yield len(batch), readable, engine.deidentify_transcripts(texts, participants)
    for size, readable, futures in queued:
        yield size, readable, [future.result() for future in futures]


def with_study_mentions(
    batch: DeidentifiedBatch,
    sources: Sequence[TranscriptSource],
    study: StudyConfig,
    config: ConsortiumConfig,
    key: bytes,
    run_id: str,
) -> DeidentifiedBatch:
    """A study's batch combined from parts (Dask chunks) with the study-wide pass done over all.

    Each part saw only its own transcripts; the sources are read again here, and each
    utterance's detections come back from the batch's audit rows.
    """
    mentions = study_mentions(study, config, key)
    if mentions is None:
        return batch
    loaded = set(batch.transcripts["transcript_id"])
    reader = _Reader(study, key, config)
    readable = reader.read([s for s in sources if s.transcript_id in loaded])
    reader.parsed_files.clear()
    results = _results_of(batch)
    done = []
    for source, document in readable:
        uids = [utterance_id(source.transcript_id, u.seq) for u in document.utterances]
        if not all(uid in results for uid in uids):
            reader.fail(source, "the source changed while it was being de-identified")
            continue
        transcript_results = [results[uid] for uid in uids]
        mentions.collect([u.text for u in document.utterances], transcript_results)
        done.append((source, document, transcript_results))
    framed = _framed(done, study, key, run_id, mentions, reader)
    return dataclasses.replace(framed, quarantined=[*batch.quarantined, *framed.quarantined])


def _results_of(batch: DeidentifiedBatch) -> dict[str, DeidResult]:
    """Each utterance's result as the batch holds it: output text, detections, actions, spans."""
    results = {
        uid: DeidResult(text)
        for uid, text in batch.utterances.select("utterance_id", "text").iter_rows()
    }
    for row in batch.detections.iter_rows(named=True):
        result = results.get(row["utterance_id"])
        if result is None:
            continue  # an utterance left out of the batch; its transcript will not match
        result.detections.append(
            Detection(
                row["start_offset"],
                row["end_offset"],
                row["entity_type"],
                row["score"],
                row["recognizer"],
            )
        )
        result.actions.append(row["action"])
        result.spans.append((row["out_start"], row["out_end"]))
    return results


def _framed(
    done: list[tuple[TranscriptSource, Document, list[DeidResult]]],
    study: StudyConfig,
    key: bytes,
    run_id: str,
    mentions: StudyMentions | None,
    reader: _Reader,
) -> DeidentifiedBatch:
    """Frames of the transcripts done, after the study-wide pass; files that failed are left out."""
    rows: dict[str, list[dict[str, Any]]] = {
        "transcripts": [], "utterances": [], "detections": [], "codings": []
    }  # fmt: skip
    for source, document, transcript_results in done:
        if mentions is not None:
            texts = [u.text for u in document.utterances]
            transcript_results = mentions.apply(texts, transcript_results, source.participant_id)
        _add_rows(rows, source, study, document.utterances, transcript_results, key, run_id)
        rows["codings"] += imported_codings(source, document, transcript_results)
    # A table that failed part-way loads none of its transcripts: files load whole or not at all.
    dropped = {source.transcript_id for source, _, _ in done if source.path in reader.failed}
    rows = {
        name: [r for r in table if r["transcript_id"] not in dropped]
        for name, table in rows.items()
    }
    return DeidentifiedBatch(
        frames.frame(rows["transcripts"], frames.TRANSCRIPTS),
        frames.frame(rows["utterances"], frames.UTTERANCES),
        frames.frame(rows["detections"], frames.DETECTIONS),
        reader.quarantined,
        frames.frame(rows["codings"], frames.CODINGS),
    )


def study_mentions(
    study: StudyConfig, config: ConsortiumConfig | None, key: bytes
) -> StudyMentions | None:
    """The study-wide pass for a study, with its allow list; None if off or without the config."""
    if config is None or not config.deid.study_mentions:
        return None
    _, allow = study_lists(study, config)
    return StudyMentions(config.deid, key, allow)


@dataclass
class _Reader:
    """Reads sources through ingest's door; a table or project that fails is quarantined once."""

    study: StudyConfig
    key: bytes
    config: ConsortiumConfig | None
    failed: set[Path] = field(default_factory=set)
    quarantined: list[QuarantineRecord] = field(default_factory=list)
    parsed_files: dict[tuple[Path, str], list[Document]] = field(default_factory=dict)

    def read(self, sources: Sequence[TranscriptSource]) -> list[tuple[TranscriptSource, Document]]:
        """The readable sources of a batch, each with its document."""
        limits = ingest_limits(self.config) if self.config is not None else DEFAULT_LIMITS
        readable = []
        for source in sources:
            if source.path in self.failed:
                continue
            try:
                if source.kind == "file":
                    utterances = read_utterances(source, self.study.speakers, limits)
                    document = Document("", None, utterances)
                elif self.config is None:
                    raise SourceError("tables and projects need the consortium config")
                else:
                    document = read_document(
                        source, self.study, self.config, self.key, self.parsed_files
                    )
                readable.append((source, document))
            except SOURCE_ERRORS as exc:
                self.fail(source, str(exc))
        return [(s, d) for s, d in readable if s.path not in self.failed]

    def fail(self, source: TranscriptSource, reason: str) -> None:
        """Quarantine a source's whole file with the reason."""
        self.failed.add(source.path)
        self.quarantined.append(
            QuarantineRecord(self.study.study_id, source.source, "deidentify", reason)
        )


def utterance_id(transcript_id: str, seq: int) -> str:
    """<transcript_id>:<seq, 4 digits>."""
    return f"{transcript_id}:{seq:04d}"


def imported_codings(
    source: TranscriptSource, document: Document, results: list[DeidResult]
) -> list[dict[str, Any]]:
    """Coding rows of a document's annotations, remapped onto its de-identified utterances.

    This is where imported codings enter the pipeline (theme_id is the study's own code name
    until a crosswalk maps it onto the consortium codebook).
    """
    rows: dict[tuple[str, str, str, int], dict[str, Any]] = {}
    for note in document.annotations:
        result = results[note.seq]
        replacements = [
            (det.start, det.end, out_start, out_end)
            for det, (out_start, out_end) in zip(result.detections, result.spans, strict=True)
        ]
        start, end = remap_span(note.start, note.end, replacements)
        if start >= end:
            continue
        row: dict[str, Any] = {
            "utterance_id": utterance_id(source.transcript_id, note.seq),
            "transcript_id": source.transcript_id,
            "theme_id": theme_id_for(note.code),
            "coder": note.coder,
            "matched_rule": f"code:{note.code}",
            "start_offset": start,
            "end_offset": end,
            "origin": note.origin,
        }
        unique = (row["utterance_id"], row["theme_id"], row["coder"], start)
        kept = rows.setdefault(unique, row)
        kept["end_offset"] = max(kept["end_offset"], end)  # same start twice: keep the longer
    return list(rows.values())


def _add_rows(
    rows: dict[str, list[dict[str, Any]]],
    source: TranscriptSource,
    study: StudyConfig,
    parsed: list[Utterance],
    results: list[DeidResult],
    key: bytes,
    run_id: str,
) -> None:
    """Frame rows of one transcript: de-identified utterances, audit rows, the transcript."""
    for utt, result in zip(parsed, results, strict=True):
        uid = utterance_id(source.transcript_id, utt.seq)
        rows["utterances"].append(
            {
                "utterance_id": uid,
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
                    "utterance_id": uid,
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
