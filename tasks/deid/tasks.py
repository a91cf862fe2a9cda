"""Prefect tasks of the de-identification stage."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import cast
from uuid import UUID

from prefect.artifacts import create_progress_artifact, update_progress_artifact
from prefect.runtime import deployment
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from qualbridge.schemas.config import ConsortiumConfig, StudyConfig
from qualbridge.tasks.deid.run_pool import run_pool_size, study_pool
from qualbridge.tasks.deid.transcripts import (
    DeidentifiedBatch,
    deidentify_sources,
    study_engine,
    study_lists,
    with_study_mentions,
)
from qualbridge.tasks.ingest import TranscriptSource
from qualbridge.tasks.shared.keys import load_key
from qualbridge.tasks.shared.prefect_task import stage_task
from qualbridge.tasks.shared.quarantine import quarantine_frame
from qualbridge.tasks.shared.staging import write_frame


@contextmanager
def transcript_progress(description: str, total: int) -> Iterator[Callable[[int], None]]:
    """A progress bar on a terminal, and a Prefect progress artifact in a deployed run.

    Yields 'advance by n'. Nothing goes to logs or pipes; CLI runs make no artifact (each
    update is an API call, and the terminal bar already shows the progress).
    """
    artifact_id = _progress_artifact(description) if total else None
    done = 0
    with Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=Console(stderr=True), transient=True, disable=not sys.stderr.isatty(),
    ) as progress:  # fmt: skip
        task_id = progress.add_task(description, total=total)

        def advance(n: int) -> None:
            nonlocal done
            done += n
            progress.advance(task_id, n)
            if artifact_id is not None:
                update_progress_artifact(artifact_id, progress=100.0 * min(done, total) / total)

        yield advance


def _progress_artifact(description: str) -> UUID | None:
    """A progress artifact at 0%, only inside a run started from a deployment."""
    if deployment.get_id() is None:
        return None
    # Prefect's sync_compatible returns the UUID itself when called outside an event loop.
    return cast(UUID, create_progress_artifact(progress=0.0, description=description))


@stage_task("deidentify-study")
def deidentify_study_task(
    study: StudyConfig,
    config: ConsortiumConfig,
    sources: list[TranscriptSource],
    run_id: str,
    stage_dir: Path,
) -> dict[str, int]:
    """De-identify one study's sources and stage the de-identified frames as Parquet."""
    key = load_key(config.key_env, config.key_file)
    # A run pool already started (workers warm) serves any study big enough to share out.
    processes = run_pool_size() or config.deid.worker_processes(len(sources))
    with transcript_progress(f"De-identifying {study.study_id}", len(sources)) as advance:
        if processes > 1 and len(sources) >= 2 * processes:
            known, allow = study_lists(study, config)
            with study_pool(config.deid, key, known, allow, processes) as pool:
                batch = deidentify_sources(
                    sources, study, pool, key, run_id, on_progress=advance, config=config
                )
        else:
            engine = study_engine(study, config, key)
            batch = deidentify_sources(
                sources, study, engine, key, run_id, on_progress=advance, config=config
            )
    return stage_batch(batch, study.study_id, run_id, stage_dir)


def stage_batch(
    batch: DeidentifiedBatch, study_id: str, run_id: str, stage_dir: Path
) -> dict[str, int]:
    """Write a study's de-identified frames and quarantine records; return their counts."""
    for name, df in (
        ("transcripts", batch.transcripts),
        ("utterances", batch.utterances),
        ("detections", batch.detections),
        ("codings", batch.codings),
    ):
        write_frame(df, stage_dir / f"{study_id}.{name}.parquet")
    write_frame(
        quarantine_frame(run_id, batch.quarantined),
        stage_dir.parent / "quarantine" / f"deidentify.{study_id}.parquet",
    )
    return {
        "transcripts": batch.transcripts.height,
        "utterances": batch.utterances.height,
        "detections": batch.detections.height,
        "codings": batch.codings.height,
        "quarantined": len(batch.quarantined),
    }


@stage_task("study-mentions")
def study_mentions_task(
    study: StudyConfig,
    config: ConsortiumConfig,
    sources: list[TranscriptSource],
    batch: DeidentifiedBatch,
    run_id: str,
) -> DeidentifiedBatch:
    """The study-wide mentions pass over a study's batch put together from Dask chunks."""
    key = load_key(config.key_env, config.key_file)
    return with_study_mentions(batch, sources, study, config, key, run_id)
