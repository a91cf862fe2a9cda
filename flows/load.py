"""Load flow: the one writer of the warehouse; replaces changed transcripts atomically."""

from __future__ import annotations

from prefect import flow

from flows.context import run_context
from schemas import frames
from tasks.audit.decisions import store_decisions
from tasks.coding.crosswalk import apply_crosswalks, crosswalk_frame, study_crosswalks
from tasks.staging import read_frames
from tasks.warehouse.store import (
    append_rows,
    connect,
    replace_crosswalks,
    replace_themes,
    replace_transcripts,
    upsert_studies,
)


@flow(name="load", persist_result=False)
def load_flow(config_path: str, output_dir: str | None, run_id: str) -> dict[str, int]:
    """Load the staged de-identified frames and this run's quarantine records."""
    ctx = run_context(config_path, output_dir, run_id)
    staged = ctx.run_dir / "deidentified"
    transcripts = read_frames(staged, "*.transcripts.parquet", frames.TRANSCRIPTS)
    utterances = read_frames(staged, "*.utterances.parquet", frames.UTTERANCES)
    detections = read_frames(staged, "*.detections.parquet", frames.DETECTIONS)
    codings = read_frames(staged, "*.codings.parquet", frames.CODINGS)
    quarantined = read_frames(ctx.run_dir / "quarantine", "*.parquet", frames.QUARANTINE)
    crosswalks = study_crosswalks(ctx.config, ctx.codebook)
    with connect(ctx.warehouse) as con:
        upsert_studies(con, ctx.config)
        replace_themes(con, ctx.codebook)
        replace_crosswalks(
            con,
            [s.study_id for s in ctx.config.studies],
            crosswalk_frame(crosswalks),
        )
        # Imported codings (qdpx, label columns) load with their transcripts, mapped onto the
        # consortium codebook through each study's crosswalk; unmapped codes are quarantined.
        codings, unmapped = apply_crosswalks(codings, crosswalks, run_id)
        replace_transcripts(con, transcripts, utterances, detections, codings)
        con.execute("DELETE FROM quarantine WHERE run_id = ?", [run_id])
        append_rows(con, "quarantine", quarantined)
        append_rows(con, "quarantine", unmapped)
        store_decisions(con, ctx.config, ctx.key(), run_id)
    # Counted in files: a table or project holds many transcripts.
    files = transcripts.select("study_id", "source").n_unique() if transcripts.height else 0
    return {"loaded": files, "transcripts": transcripts.height, "quarantined": quarantined.height}
