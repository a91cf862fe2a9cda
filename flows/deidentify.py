"""De-identification flow: every staged source becomes de-identified Parquet, per study."""

from __future__ import annotations

import polars as pl
from prefect import flow

from flows.context import run_context
from tasks.deid.tasks import deidentify_study_task
from tasks.ingest.tasks import sources_from_frame


@flow(name="deidentify", persist_result=False)
def deidentify_flow(config_path: str, output_dir: str | None, run_id: str) -> dict[str, int]:
    """De-identify the sources the ingest flow staged; raw text never leaves the tasks."""
    ctx = run_context(config_path, output_dir, run_id)
    sources = sources_from_frame(pl.read_parquet(ctx.run_dir / "ingest" / "sources.parquet"))
    totals = {"transcripts": 0, "utterances": 0, "detections": 0, "codings": 0, "quarantined": 0}
    for study in ctx.config.studies:
        study_sources = [s for s in sources if s.study_id == study.study_id]
        if not study_sources:
            continue
        counts = deidentify_study_task(
            study, ctx.config, study_sources, run_id, ctx.run_dir / "deidentified"
        )
        totals = {k: totals[k] + counts[k] for k in totals}
    return totals
