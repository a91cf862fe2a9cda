"""Ingest flow: find the transcripts to load, skip unchanged ones, quarantine unreadable ones.

A transcript is unchanged only when its source, its study's de-identification inputs (settings,
deny and allow lists, model, key) and the steward's decisions touching it are all as they were
when it was loaded; a new decision reloads exactly the transcripts it touches. With study-wide
mentions (the default) what one transcript found is masked in all of its study's, so a study
with anything to load loads whole.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from prefect import flow

from qualbridge.flows.context import RunContext
from qualbridge.schemas.config import StudyConfig
from qualbridge.tasks.audit import applied_decisions, current_decisions, stored_deid_inputs
from qualbridge.tasks.coding import study_crosswalks
from qualbridge.tasks.deid import cache, model_version
from qualbridge.tasks.ingest import TranscriptSource, discover_study_task, files_of, sources_frame
from qualbridge.tasks.shared.decisions import NumberedDecision
from qualbridge.tasks.shared.deid_inputs import study_inputs_digest
from qualbridge.tasks.shared.quarantine import quarantine_frame
from qualbridge.tasks.shared.staging import write_frame
from qualbridge.tasks.warehouse import connect, stored_crosswalk_hashes, stored_hashes


@dataclass
class LoadedState:
    """What the warehouse holds: source hashes, crosswalks, de-identification inputs, decisions."""

    hashes: dict[str, str]
    crosswalks: dict[str, str]
    deid_inputs: dict[str, str]
    decisions: dict[str, set[str]]
    new_decisions: int = 0
    redecided: set[str] = field(default_factory=set)


@flow(name="ingest", persist_result=False)
def ingest_flow(ctx: RunContext) -> dict[str, int]:
    """Stage the run's sources: changed or new files to load, and what was quarantined."""
    with connect(ctx.warehouse) as con:
        state = LoadedState(
            stored_hashes(con),
            stored_crosswalk_hashes(con),
            stored_deid_inputs(con),
            applied_decisions(con),
        )
    crosswalks = {sid: cw.sha256 for sid, cw in study_crosswalks(ctx.config, ctx.codebook).items()}
    decided = current_decisions(ctx.config, ctx.key())
    to_load, quarantined = [], []
    unchanged = files_to_load = 0
    for study in ctx.config.studies:
        sources, rejected = discover_study_task(study, ctx.config)
        quarantined += rejected
        redo = _redone(ctx, state, study, sources, decided[study.study_id])
        # Imported codings are mapped as they load, so a changed crosswalk reloads the study's
        # tables and projects (their de-identification usually comes from the cache).
        remap = state.crosswalks.get(study.study_id) != crosswalks.get(study.study_id)
        files = list(files_of(sources).values())
        loading = _files_to_load(files, state, redo, remap, ctx.config.deid.study_mentions)
        files_to_load += len(loading)
        unchanged += len(files) - len(loading)
        to_load += [source for file_sources in loading for source in file_sources]
    write_frame(sources_frame(to_load), ctx.run_dir / "ingest" / "sources.parquet")
    write_frame(
        quarantine_frame(ctx.run_id, quarantined), ctx.run_dir / "quarantine" / "ingest.parquet"
    )
    return {
        "to_load": files_to_load,
        "unchanged": unchanged,
        "quarantined": len(quarantined),
        "new_decisions": state.new_decisions,
        "redecided": len(state.redecided),
    }


def _files_to_load(
    files: list[list[TranscriptSource]],
    state: LoadedState,
    redo: set[str],
    remap: bool,
    whole_study: bool,
) -> list[list[TranscriptSource]]:
    """A study's files to load; with study-wide mentions, all of them if any must load.

    What one transcript found is masked in all of its study's, so one new or changed
    transcript may change the others' de-identified text.
    """
    changed = [f for f in files if _changed(f, state, redo, remap)]
    return files if whole_study and changed else changed


def _changed(
    file_sources: list[TranscriptSource], state: LoadedState, redo: set[str], remap: bool
) -> bool:
    """Whether a file must load: new or changed, redone, or a table or project to remap.

    A file is the unit: a table is unchanged only if all its conversations are.
    """
    if remap and file_sources[0].kind != "file":
        return True
    return not all(
        state.hashes.get(s.transcript_id) == s.content_hash and s.transcript_id not in redo
        for s in file_sources
    )


def _redone(
    ctx: RunContext,
    state: LoadedState,
    study: StudyConfig,
    sources: list[TranscriptSource],
    decided: dict[str, NumberedDecision],
) -> set[str]:
    """Loaded transcripts of a study to de-identify again although their source is unchanged."""
    loaded = [s for s in sources if state.hashes.get(s.transcript_id) == s.content_hash]
    if not loaded:
        return set()
    model = model_version(ctx.config.deid.spacy_model)
    digest = study_inputs_digest(study, ctx.config, model, ctx.key_fingerprint())
    if state.deid_inputs.get(study.study_id) != digest:
        return {s.transcript_id for s in loaded}
    applied = state.decisions.get(study.study_id, set())
    new = set(decided) - applied
    if applied - set(decided):
        # A withdrawn decision's term is not known any more (only its digest): redo the study.
        touched = {s.transcript_id for s in loaded}
    elif new:
        touched = cache.touched_by_decisions(study, ctx.config, loaded, new)
    else:
        return set()
    state.new_decisions += len(new)
    state.redecided |= touched
    return touched
