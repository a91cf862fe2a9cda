"""A cache of de-identified study frames, so a rerun on unchanged inputs skips the NER work.

Only de-identified outputs are cached (the same Parquet the stage writes), never raw text. An
entry's key covers exactly what the output depends on: the sources (ids, participants, content
hashes, attributes), the study's settings, deny and allow lists (`study_inputs_digest`), the
steward's decisions, the model version, the consortium key's fingerprint and qualbridge's
version. Not the whole config file and not the output folder: a new comparison or a moved
output folder reuses the entry, any change to an input gives a new key.

With study-wide mentions, a transcript's output also depends on what was found in the study's
other transcripts (the study lexicon). That lexicon is known only after the detection the cache
is there to skip, and it is never written, so the key covers what it is built from instead: a
study is staged whole (ingest), so the key's sources are all of the study's, and a transcript
added or changed anywhere in the study gives a new key for every transcript's output.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from qualbridge.schemas.config import ConsortiumConfig, StudyConfig
from qualbridge.tasks.ingest import (
    SOURCE_ERRORS,
    Document,
    TranscriptSource,
    ingest_limits,
    read_document,
    read_utterances,
    resolve_spans,
)
from qualbridge.tasks.shared.decisions import study_decisions
from qualbridge.tasks.shared.deid_inputs import (
    decision_identity,
    decisions_digest,
    qualbridge_version,
    study_inputs_digest,
)
from qualbridge.tasks.shared.keys import load_key
from qualbridge.tasks.shared.prefect_task import stage_task
from qualbridge.tasks.shared.staging import write_frame

FRAMES = ("transcripts", "utterances", "detections", "codings", "quarantine")
# Columns that name the run which produced a row; rewritten to the current run on a hit.
RUN_COLUMNS = {"transcripts": "loaded_run_id", "quarantine": "run_id"}


@dataclass(frozen=True)
class CacheKeyParts:
    """Everything a study's de-identified output depends on besides the code itself."""

    sources: tuple[tuple[str, str, str, str, str], ...]
    inputs_digest: str
    decisions_digest: str
    model_version: str
    key_fingerprint: str
    qualbridge_version: str

    def digest(self) -> str:
        """SHA-256 of the parts, as the entry's name."""
        payload = json.dumps(
            [
                self.sources,
                self.inputs_digest,
                self.decisions_digest,
                self.model_version,
                self.key_fingerprint,
                self.qualbridge_version,
            ]
        )
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def cache_key_parts(
    study: StudyConfig,
    config: ConsortiumConfig,
    sources: Sequence[TranscriptSource],
    key: bytes,
    model_version: str,
    key_fingerprint: str,
) -> CacheKeyParts:
    """Collect the key parts of one study's de-identification."""
    return CacheKeyParts(
        tuple(
            sorted(
                (
                    s.transcript_id,
                    s.participant_id,
                    s.source,
                    s.content_hash,
                    json.dumps(s.attributes, sort_keys=True),
                )
                for s in sources
            )
        ),
        study_inputs_digest(study, config, model_version, key_fingerprint),
        decisions_digest(study_decisions(study, config), key),
        model_version,
        key_fingerprint,
        qualbridge_version(),
    )


@stage_task("decision-touches")
def touched_by_decisions(
    study: StudyConfig,
    config: ConsortiumConfig,
    sources: Sequence[TranscriptSource],
    identities: set[str],
) -> set[str]:
    """Ids of the transcripts whose text holds the term of one of the given decisions.

    The decisions (by identity) and the sources are re-read inside this task, sources through
    ingest's door; nothing read is kept or returned but the ids. A span counts as its text
    (it is applied study-wide) and always touches its own transcript. A source that cannot be
    read counts as touched, so de-identification quarantines it with its reason.
    """
    key = load_key(config.key_env, config.key_file)
    decisions = [
        d
        for d in study_decisions(study, config)
        if decision_identity(d.decision, key) in identities
    ]
    terms = {
        d.decision.term.casefold()
        for d in resolve_spans(decisions, study, config)
        if d.decision.term and d.decision.term.strip()
    }
    spans = {
        d.decision.utterance_id.rsplit(":", 1)[0] for d in decisions if d.decision.utterance_id
    }
    if not terms:
        return spans
    touched = set(spans)
    parsed: dict[tuple[Path, str], list[Document]] = {}
    limits = ingest_limits(config)
    for source in sources:
        if source.transcript_id in touched:
            continue
        try:
            if source.kind == "file":
                document = Document("", None, read_utterances(source, study.speakers, limits))
            else:
                document = read_document(source, study, config, key, parsed)
        except SOURCE_ERRORS:
            touched.add(source.transcript_id)
            continue
        text = "\n".join(u.text for u in document.utterances).casefold()
        if any(term in text for term in terms):
            touched.add(source.transcript_id)
    return touched


def entry_dir(cache_dir: Path, study_id: str, key: str) -> Path:
    """Folder of one cache entry."""
    return cache_dir / f"{study_id}-{key[:32]}"


def restore(
    cache_dir: Path, study_id: str, key: str, run_id: str, stage_dir: Path
) -> dict[str, int] | None:
    """Copy a cached entry into the run's staging folders; its row counts, None on a miss."""
    entry = entry_dir(cache_dir, study_id, key)
    if not all((entry / f"{name}.parquet").is_file() for name in FRAMES):
        return None
    counts = {}
    for name in FRAMES:
        df = pl.read_parquet(entry / f"{name}.parquet")
        if name in RUN_COLUMNS:
            df = df.with_columns(pl.lit(run_id).alias(RUN_COLUMNS[name]))
        write_frame(df, staged_path(stage_dir, study_id, name))
        counts[name] = df.height
    return counts


def store(cache_dir: Path, study_id: str, key: str, stage_dir: Path) -> Path:
    """Keep a study's staged frames as its one cache entry (older entries of it are dropped)."""
    entry = entry_dir(cache_dir, study_id, key)
    partial = entry.with_name(entry.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    for name in FRAMES:
        shutil.copyfile(staged_path(stage_dir, study_id, name), partial / f"{name}.parquet")
    for old in cache_dir.glob(f"{study_id}-*"):
        if old != partial:
            shutil.rmtree(old, ignore_errors=True)
    partial.rename(entry)
    return entry


def staged_path(stage_dir: Path, study_id: str, name: str) -> Path:
    """Where the de-identification stage stages one frame of a study."""
    if name == "quarantine":
        return stage_dir.parent / "quarantine" / f"deidentify.{study_id}.parquet"
    return stage_dir / f"{study_id}.{name}.parquet"
