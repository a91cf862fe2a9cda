"""Prefect tasks that write the warehouse: I/O, so retried with backoff."""

from __future__ import annotations

import polars as pl

from qualbridge.schemas.codebook import Codebook
from qualbridge.schemas.config import ConsortiumConfig
from qualbridge.tasks.shared.prefect_task import io_task
from qualbridge.tasks.warehouse.store import (
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
    crosswalks: pl.DataFrame,
    run_id: str,
) -> int:
    """Write the staged de-identified frames; every step is idempotent, so a retry is safe.

    `staged["codings"]` are already mapped onto the consortium codebook and `crosswalks` are
    the mappings used; the crosswalks are written after the codings they mapped, so a crash in
    between only repeats the mapping.
    """
    with connect(config.warehouse_path) as con:
        upsert_studies(con, config)
        replace_themes(con, codebook)
        loaded = replace_transcripts(
            con, staged["transcripts"], staged["utterances"], staged["detections"],
            staged["codings"],
        )  # fmt: skip
        replace_crosswalks(con, [s.study_id for s in config.studies], crosswalks)
        con.execute("DELETE FROM quarantine WHERE run_id = ?", [run_id])
        append_rows(con, "quarantine", staged["quarantine"])
    return loaded
