"""Load flow: the one writer of the warehouse; replaces changed transcripts atomically."""

from __future__ import annotations

import polars as pl
from prefect import flow

from qualbridge.flows.context import RunContext
from qualbridge.schemas import frames
from qualbridge.tasks.audit import store_decisions_task
from qualbridge.tasks.coding import apply_crosswalks, crosswalk_frame, study_crosswalks
from qualbridge.tasks.shared.staging import read_frames
from qualbridge.tasks.warehouse import load_warehouse_task


@flow(name="load", persist_result=False)
def load_flow(ctx: RunContext) -> dict[str, int]:
    """Load the staged de-identified frames, this run's quarantine records and the decisions.

    Imported codings (qdpx, label columns) load with their transcripts, mapped onto the
    consortium codebook through each study's crosswalk; unmapped codes are quarantined.
    """
    staged = ctx.run_dir / "deidentified"
    frames_in = {
        "transcripts": read_frames(staged, "*.transcripts.parquet", frames.TRANSCRIPTS),
        "utterances": read_frames(staged, "*.utterances.parquet", frames.UTTERANCES),
        "detections": read_frames(staged, "*.detections.parquet", frames.DETECTIONS),
        "codings": read_frames(staged, "*.codings.parquet", frames.CODINGS),
        "quarantine": read_frames(ctx.run_dir / "quarantine", "*.parquet", frames.QUARANTINE),
    }
    crosswalks = study_crosswalks(ctx.config, ctx.codebook)
    codings, unmapped = apply_crosswalks(frames_in["codings"], crosswalks, ctx.run_id)
    loading = {
        **frames_in,
        "codings": codings,
        "quarantine": pl.concat([frames_in["quarantine"], unmapped], how="vertical"),
    }
    load_warehouse_task(ctx.config, ctx.codebook, loading, crosswalk_frame(crosswalks), ctx.run_id)
    store_decisions_task(ctx.config, ctx.run_id)
    # Counted in files: a table or project holds many transcripts.
    transcripts = frames_in["transcripts"]
    files = transcripts.select("study_id", "source").n_unique() if transcripts.height else 0
    return {
        "loaded": files,
        "transcripts": transcripts.height,
        "quarantined": frames_in["quarantine"].height,
    }
