"""Load flow: the one writer of the warehouse; replaces changed transcripts atomically."""

from __future__ import annotations

from prefect import flow

from flows.context import run_context
from schemas import frames
from tasks.staging import read_frames
from tasks.warehouse.tasks import load_warehouse_task


@flow(name="load", persist_result=False)
def load_flow(config_path: str, output_dir: str | None, run_id: str) -> dict[str, int]:
    """Load the staged de-identified frames and this run's quarantine records."""
    ctx = run_context(config_path, output_dir, run_id)
    staged = ctx.run_dir / "deidentified"
    frames_in = {
        "transcripts": read_frames(staged, "*.transcripts.parquet", frames.TRANSCRIPTS),
        "utterances": read_frames(staged, "*.utterances.parquet", frames.UTTERANCES),
        "detections": read_frames(staged, "*.detections.parquet", frames.DETECTIONS),
        "codings": read_frames(staged, "*.codings.parquet", frames.CODINGS),
        "quarantine": read_frames(ctx.run_dir / "quarantine", "*.parquet", frames.QUARANTINE),
    }
    load_warehouse_task(ctx.config, ctx.codebook, frames_in, run_id)
    # Counted in files: a table or project holds many transcripts.
    transcripts = frames_in["transcripts"]
    files = transcripts.select("study_id", "source").n_unique() if transcripts.height else 0
    return {
        "loaded": files,
        "transcripts": transcripts.height,
        "quarantined": frames_in["quarantine"].height,
    }
