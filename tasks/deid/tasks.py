"""Prefect tasks of the de-identification stage."""

from __future__ import annotations

from pathlib import Path

from schemas.config import ConsortiumConfig, StudyConfig
from tasks.deid.keys import load_key
from tasks.deid.parallel import ParallelDeidentifier
from tasks.deid.transcripts import deidentify_sources, study_engine, study_lists
from tasks.ingest.sources import TranscriptSource
from tasks.prefect_task import stage_task
from tasks.staging import quarantine_frame, write_frame


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
    processes = config.deid.processes
    if processes > 1 and len(sources) >= 2 * processes:
        known, allow = study_lists(study, config)
        with ParallelDeidentifier(config.deid, key, known, allow, processes) as pool:
            batch = deidentify_sources(sources, study, pool, key, run_id)
    else:
        batch = deidentify_sources(sources, study, study_engine(study, config, key), key, run_id)
    for name, df in (
        ("transcripts", batch.transcripts),
        ("utterances", batch.utterances),
        ("detections", batch.detections),
    ):
        write_frame(df, stage_dir / f"{study.study_id}.{name}.parquet")
    write_frame(
        quarantine_frame(run_id, batch.quarantined),
        stage_dir.parent / "quarantine" / f"deidentify.{study.study_id}.parquet",
    )
    return {
        "transcripts": batch.transcripts.height,
        "utterances": batch.utterances.height,
        "detections": batch.detections.height,
        "quarantined": len(batch.quarantined),
    }
