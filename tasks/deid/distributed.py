"""De-identification tasks for a Dask cluster: one engine per worker process, frames back."""

from __future__ import annotations

import hashlib
import os
import socket
from collections.abc import Sequence

import polars as pl

from qualbridge.schemas.config import ConsortiumConfig, StudyConfig
from qualbridge.tasks.deid.engine import Deidentifier
from qualbridge.tasks.deid.transcripts import DeidentifiedBatch, deidentify_sources, study_engine
from qualbridge.tasks.ingest import TranscriptSource
from qualbridge.tasks.shared.keys import ConsortiumKeyError, key_fingerprint, load_key
from qualbridge.tasks.shared.prefect_task import stage_task

# Engines built in this worker process, by study and settings: a model loads once per worker.
_ENGINES: dict[tuple[str, str, str], Deidentifier] = {}


def worker_engine(study: StudyConfig, config: ConsortiumConfig, key: bytes) -> Deidentifier:
    """This process's engine for a study, built on first use."""
    settings = hashlib.sha256(
        (config.deid.model_dump_json() + study.model_dump_json()).encode("utf-8")
    ).hexdigest()
    slot = (study.study_id, settings, key_fingerprint(key))
    if slot not in _ENGINES:
        _ENGINES[slot] = study_engine(study, config, key)
    return _ENGINES[slot]


@stage_task("deidentify-chunk")
def deidentify_chunk_task(
    study: StudyConfig, config: ConsortiumConfig, sources: list[TranscriptSource], run_id: str
) -> DeidentifiedBatch:
    """De-identify a few transcripts on a worker; returns de-identified frames, writes nothing."""
    key = worker_key(config)
    engine = worker_engine(study, config, key)
    return deidentify_sources(sources, study, engine, key, run_id, config=config)


def worker_key(config: ConsortiumConfig) -> bytes:
    """The key from this worker's own environment or key file (never sent over the wire).

    A missing key names the worker and host, so the operator knows which machine lacks it.
    """
    try:
        return load_key(config.key_env, config.key_file)
    except ConsortiumKeyError as exc:
        raise ConsortiumKeyError(f"on Dask worker {worker_name()}: {exc}") from None


def worker_name() -> str:
    """This Dask worker's address and host (the host alone outside a worker)."""
    host = f"host {socket.gethostname()}, pid {os.getpid()}"
    try:
        from distributed import get_worker

        return f"{get_worker().address} ({host})"
    except (ImportError, ValueError):
        return f"({host})"


def chunks(sources: Sequence[TranscriptSource], size: int) -> list[list[TranscriptSource]]:
    """Split sources into work units of at most size transcripts."""
    return [list(sources[i : i + size]) for i in range(0, len(sources), size)]


def combine(batches: Sequence[DeidentifiedBatch]) -> DeidentifiedBatch:
    """One batch from many, in order."""
    return DeidentifiedBatch(
        pl.concat([b.transcripts for b in batches], how="vertical"),
        pl.concat([b.utterances for b in batches], how="vertical"),
        pl.concat([b.detections for b in batches], how="vertical"),
        [q for b in batches for q in b.quarantined],
        pl.concat([b.codings for b in batches], how="vertical"),
    )
