"""Prefect tasks of the audit stage."""

from __future__ import annotations

from qualbridge.schemas.config import ConsortiumConfig
from qualbridge.tasks.audit.decisions import store_decisions, store_deid_inputs
from qualbridge.tasks.deid import model_version
from qualbridge.tasks.shared.deid_inputs import study_inputs_digest
from qualbridge.tasks.shared.keys import key_fingerprint, load_key
from qualbridge.tasks.shared.prefect_task import io_task
from qualbridge.tasks.warehouse import connect


@io_task("store-decisions")
def store_decisions_task(config: ConsortiumConfig, run_id: str) -> int:
    """Store the current decisions (keeping their history) and what the text was made with."""
    # The key is read here, never passed in: task parameters must not carry it.
    key = load_key(config.key_env, config.key_file)
    model = model_version(config.deid.spacy_model)
    digests = {
        s.study_id: study_inputs_digest(s, config, model, key_fingerprint(key))
        for s in config.studies
    }
    with connect(config.warehouse_path) as con:
        store_deid_inputs(con, digests, run_id)
        return store_decisions(con, config, key, run_id)
