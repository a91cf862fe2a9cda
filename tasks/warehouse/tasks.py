"""Prefect tasks that write the warehouse or the release: I/O, so retried with backoff."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from schemas.codebook import Codebook
from schemas.config import ConsortiumConfig
from tasks.audit.decisions import store_decisions
from tasks.coding.crosswalk import apply_crosswalks, crosswalk_frame, study_crosswalks
from tasks.deid.keys import load_key
from tasks.prefect_task import io_task
from tasks.warehouse.export import export_release
from tasks.warehouse.store import (
    append_rows,
    connect,
    replace_crosswalks,
    replace_themes,
    replace_transcripts,
    upsert_studies,
)


@io_task("load-warehouse")
def load_warehouse_task(
    config: ConsortiumConfig,
    codebook: Codebook,
    staged: dict[str, pl.DataFrame],
    run_id: str,
) -> int:
    """Write the staged de-identified frames; every step is idempotent, so a retry is safe.

    Imported codings (qdpx, label columns) load with their transcripts, mapped onto the
    consortium codebook through each study's crosswalk; unmapped codes are quarantined.
    """
    crosswalks = study_crosswalks(config, codebook)
    codings, unmapped = apply_crosswalks(staged["codings"], crosswalks, run_id)
    with connect(config.warehouse_path) as con:
        upsert_studies(con, config)
        replace_themes(con, codebook)
        loaded = replace_transcripts(
            con, staged["transcripts"], staged["utterances"], staged["detections"], codings
        )
        # Written after the codings it mapped: a crash in between only repeats the remapping.
        replace_crosswalks(con, [s.study_id for s in config.studies], crosswalk_frame(crosswalks))
        con.execute("DELETE FROM quarantine WHERE run_id = ?", [run_id])
        append_rows(con, "quarantine", staged["quarantine"])
        append_rows(con, "quarantine", unmapped)
        # The key is read here, never passed in: task parameters must not carry it.
        store_decisions(con, config, load_key(config.key_env, config.key_file), run_id)
    return loaded


@io_task("export-release")
def export_release_task(
    warehouse: Path, folder: Path, run_id: str, key_fingerprint: str, contracts: dict[str, str]
) -> str:
    """Write the release folder (swapped in whole, so a retry starts clean)."""
    with connect(warehouse) as con:
        return str(export_release(con, folder, run_id, key_fingerprint, contracts))
