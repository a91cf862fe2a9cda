"""Prefect tasks of the ingest stage."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import polars as pl

from qualbridge.schemas.config import ConsortiumConfig, StudyConfig
from qualbridge.tasks.ingest.sources import TranscriptSource, discover_study
from qualbridge.tasks.shared.prefect_task import io_task
from qualbridge.tasks.shared.quarantine import QuarantineRecord

SOURCES_SCHEMA = {
    "study_id": pl.String,
    "transcript_id": pl.String,
    "path": pl.String,
    "source": pl.String,
    "participant_id": pl.String,
    "content_hash": pl.String,
    "attributes": pl.String,
    "kind": pl.String,
    "part": pl.String,
}


@io_task("discover-study")
def discover_study_task(
    study: StudyConfig, config: ConsortiumConfig
) -> tuple[list[TranscriptSource], list[QuarantineRecord]]:
    """Read a study's manifest and check that each transcript can be read and parsed."""
    return discover_study(study, config)


def sources_frame(sources: list[TranscriptSource]) -> pl.DataFrame:
    """Sources as a frame (paths and hashes only) for the next stage."""
    rows = [
        {**asdict(s), "path": str(s.path), "attributes": json.dumps(s.attributes, sort_keys=True)}
        for s in sources
    ]
    return (
        pl.DataFrame(rows, schema=SOURCES_SCHEMA) if rows else pl.DataFrame(schema=SOURCES_SCHEMA)
    )


def sources_from_frame(df: pl.DataFrame) -> list[TranscriptSource]:
    """The inverse of sources_frame."""
    return [
        TranscriptSource(
            **{**row, "path": Path(row["path"]), "attributes": json.loads(row["attributes"])}
        )
        for row in df.iter_rows(named=True)
    ]


def files_of(sources: list[TranscriptSource]) -> dict[Path, list[TranscriptSource]]:
    """Sources grouped by the file they come from (a table or project holds many)."""
    grouped: dict[Path, list[TranscriptSource]] = {}
    for source in sources:
        grouped.setdefault(source.path, []).append(source)
    return grouped
