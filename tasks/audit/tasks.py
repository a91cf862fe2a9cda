"""Prefect tasks of the audit stage."""

from __future__ import annotations

from qualbridge.schemas.config import ConsortiumConfig
from qualbridge.tasks.audit.decisions import store_decisions
from qualbridge.tasks.shared.keys import load_key
from qualbridge.tasks.shared.prefect_task import io_task
from qualbridge.tasks.warehouse import connect


@io_task("store-decisions")
def store_decisions_task(config: ConsortiumConfig, run_id: str) -> int:
    """Make the warehouse's decisions table equal to every study's decisions file."""
    # The key is read here, never passed in: task parameters must not carry it.
    key = load_key(config.key_env, config.key_file)
    with connect(config.warehouse_path) as con:
        return store_decisions(con, config, key, run_id)
