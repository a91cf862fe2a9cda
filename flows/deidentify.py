"""De-identification flow: every staged source becomes de-identified Parquet, per study."""

from __future__ import annotations

import polars as pl
from prefect import flow
from prefect.client.orchestration import get_client
from prefect.futures import PrefectFuture
from prefect.settings import PREFECT_API_URL, temporary_settings
from prefect_dask.task_runners import DaskTaskRunner

from qualbridge.flows.context import RunContext
from qualbridge.schemas.config import StudyConfig
from qualbridge.tasks.deid import (
    cache,
    chunks,
    combine,
    deidentify_chunk_task,
    deidentify_study_task,
    model_version,
    run_pool_size,
    stage_batch,
    study_mentions_task,
    transcript_progress,
)
from qualbridge.tasks.ingest import TranscriptSource, sources_from_frame


@flow(name="deidentify", persist_result=False)
def deidentify_flow(ctx: RunContext) -> dict[str, int]:
    """De-identify the sources the ingest flow staged; raw text never leaves the tasks."""
    sources = _staged_sources(ctx)
    totals = {
        "transcripts": 0,
        "utterances": 0,
        "detections": 0,
        "codings": 0,
        "quarantined": 0,
        "cached": 0,
    }
    stage_dir = ctx.run_dir / "deidentified"
    cache_dir = ctx.output_dir / "cache" / "deidentified"
    model = model_version(ctx.config.deid.spacy_model)
    key, fingerprint = ctx.key(), ctx.key_fingerprint()
    # With the run's pool open, every study's transcripts are queued on it at once (one thread
    # each): a study's study-wide pass and framing then run here while the workers go on.
    shared = run_pool_size() > 0 and not ctx.config.deid.dask_address
    pending: list[tuple[str, str, PrefectFuture[dict[str, int]] | dict[str, int], bool]] = []
    for study in ctx.config.studies:
        study_sources = [s for s in sources if s.study_id == study.study_id]
        if not study_sources:
            continue
        entry = cache.cache_key_parts(
            study, ctx.config, study_sources, key, model, fingerprint
        ).digest()
        hit = None
        if ctx.config.deid.cache:
            hit = cache.restore(cache_dir, study.study_id, entry, ctx.run_id, stage_dir)
        if hit is not None:
            counts: PrefectFuture[dict[str, int]] | dict[str, int] = {
                **hit, "quarantined": hit["quarantine"], "cached": 1
            }  # fmt: skip
        elif ctx.config.deid.dask_address:
            counts = _on_dask(ctx, study.study_id)
        else:
            task = deidentify_study_task.submit if shared else deidentify_study_task
            counts = task(study, ctx.config, study_sources, ctx.run_id, stage_dir)
        pending.append((study.study_id, entry, counts, hit is None))
    for study_id, entry, outcome, computed in pending:
        done = outcome if isinstance(outcome, dict) else outcome.result()
        if computed and ctx.config.deid.cache:
            cache.store(cache_dir, study_id, entry, stage_dir)
        totals = {k: totals[k] + done.get(k, 0) for k in totals}
    return totals


@flow(name="deidentify-dask", persist_result=False)
def dask_deidentify_flow(ctx: RunContext, study_id: str) -> dict[str, int]:
    """Fan one study out over the Dask cluster; workers return frames, this flow writes them."""
    study = _study(ctx, study_id)
    sources = [s for s in _staged_sources(ctx) if s.study_id == study_id]
    units = chunks(sources, ctx.config.deid.dask_chunk_size)
    futures = [deidentify_chunk_task.submit(study, ctx.config, unit, ctx.run_id) for unit in units]
    batches = []
    with transcript_progress(f"De-identifying {study_id} on Dask", len(sources)) as advance:
        for unit, future in zip(units, futures, strict=True):
            batches.append(future.result())
            advance(len(unit))
    # Each chunk saw only its own transcripts: what one found is masked in all of them here.
    batch = study_mentions_task(study, ctx.config, sources, combine(batches), ctx.run_id)
    return stage_batch(batch, study_id, ctx.run_id, ctx.run_dir / "deidentified")


def _on_dask(ctx: RunContext, study_id: str) -> dict[str, int]:
    """Run the Dask flow with this process's API address, which the workers then report to."""
    with get_client(sync_client=True) as client:
        api_url = str(client.api_url)
    # Without it, each worker would start a temporary Prefect server of its own.
    with temporary_settings(updates={PREFECT_API_URL: api_url}):
        runner = DaskTaskRunner(address=ctx.config.deid.dask_address)
        # prefect_dask subclasses a bare TaskRunner, whose type argument then defaults to
        # PrefectConcurrentFuture rather than the PrefectFuture with_options expects.
        return dask_deidentify_flow.with_options(task_runner=runner)(ctx, study_id)  # type: ignore[arg-type]


def _staged_sources(ctx: RunContext) -> list[TranscriptSource]:
    return sources_from_frame(pl.read_parquet(ctx.run_dir / "ingest" / "sources.parquet"))


def _study(ctx: RunContext, study_id: str) -> StudyConfig:
    return next(s for s in ctx.config.studies if s.study_id == study_id)
