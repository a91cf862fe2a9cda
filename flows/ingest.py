"""Ingest flow: find the transcripts to load, skip unchanged ones, quarantine unreadable ones."""

from __future__ import annotations

from prefect import flow

from qualbridge.flows.context import RunContext
from qualbridge.tasks.coding import study_crosswalks
from qualbridge.tasks.ingest import discover_study_task, files_of, sources_frame
from qualbridge.tasks.shared.quarantine import quarantine_frame
from qualbridge.tasks.shared.staging import write_frame
from qualbridge.tasks.warehouse import connect, stored_crosswalk_hashes, stored_hashes


@flow(name="ingest", persist_result=False)
def ingest_flow(ctx: RunContext) -> dict[str, int]:
    """Stage the run's sources: changed or new files to load, and what was quarantined."""
    with connect(ctx.warehouse) as con:
        known = stored_hashes(con)
        mapped_with = stored_crosswalk_hashes(con)
    crosswalks = {sid: cw.sha256 for sid, cw in study_crosswalks(ctx.config, ctx.codebook).items()}
    to_load, quarantined = [], []
    unchanged = files_to_load = 0
    for study in ctx.config.studies:
        sources, rejected = discover_study_task(study, ctx.config)
        quarantined += rejected
        # Imported codings are mapped as they load, so a changed crosswalk reloads the study's
        # tables and projects (their de-identification usually comes from the cache).
        remap = mapped_with.get(study.study_id) != crosswalks.get(study.study_id)
        # A file is the unit: a table is unchanged only if all its conversations are.
        for file_sources in files_of(sources).values():
            if remap and file_sources[0].kind != "file":
                files_to_load += 1
                to_load += file_sources
            elif all(known.get(s.transcript_id) == s.content_hash for s in file_sources):
                unchanged += 1
            else:
                files_to_load += 1
                to_load += file_sources
    write_frame(sources_frame(to_load), ctx.run_dir / "ingest" / "sources.parquet")
    write_frame(
        quarantine_frame(ctx.run_id, quarantined), ctx.run_dir / "quarantine" / "ingest.parquet"
    )
    return {"to_load": files_to_load, "unchanged": unchanged, "quarantined": len(quarantined)}
