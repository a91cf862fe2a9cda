"""Prefect tasks that write the warehouse or the release: I/O, so retried with backoff."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from schemas.codebook import Codebook
from schemas.config import ConsortiumConfig
from tasks.prefect_task import io_task
from tasks.warehouse.export import export_release
from tasks.warehouse.store import (
    append_rows,
    connect,
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
    """Write the staged de-identified frames; every step is idempotent, so a retry is safe."""
    with connect(config.warehouse_path) as con:
        upsert_studies(con, config)
        replace_themes(con, codebook)
        loaded = replace_transcripts(
            con, staged["transcripts"], staged["utterances"], staged["detections"]
        )
        con.execute("DELETE FROM quarantine WHERE run_id = ?", [run_id])
        append_rows(con, "quarantine", staged["quarantine"])
    return loaded


@io_task("export-release")
def export_release_task(
    warehouse: Path, folder: Path, run_id: str, key_fingerprint: str, contracts: dict[str, str]
) -> str:
    """Write the release folder (swapped in whole, so a retry starts clean)."""
    with connect(warehouse) as con:
        return str(export_release(con, folder, run_id, key_fingerprint, contracts))
