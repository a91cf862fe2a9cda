"""Run the site stages that make a warehouse (ingest, de-identify, load), without the rest."""

from __future__ import annotations

import uuid
from pathlib import Path

from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

from qualbridge.flows.context import record_run_start, run_context
from qualbridge.flows.deidentify import deidentify_flow
from qualbridge.flows.ingest import ingest_flow
from qualbridge.flows.load import load_flow


def ingest_deid_load(config: Path) -> tuple[dict[str, int], dict[str, int]]:
    """Ingest, de-identify and load under a fresh run id; the ingest and deid counts."""
    with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        ctx = run_context(str(config), None, str(uuid.uuid4()))
        record_run_start(ctx)
        ingested = ingest_flow(ctx)
        deidentified = deidentify_flow(ctx)
        load_flow(ctx)
    return ingested, deidentified
