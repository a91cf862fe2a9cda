"""A small audited consortium: the mini fixture with planted near-misses and decisions."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import duckdb

from qualbridge.schemas.config import ConsortiumConfig, load_config
from qualbridge.tasks.audit.decisions import store_decisions
from qualbridge.tasks.deid.nlp import model_version
from qualbridge.tasks.deid.transcripts import deidentify_sources, study_engine
from qualbridge.tasks.ingest.sources import discover_study
from qualbridge.tasks.shared.keys import key_fingerprint
from qualbridge.tasks.warehouse.store import connect, replace_transcripts, start_run, upsert_studies
from tests.conftest import FIXTURES, TEST_KEY

RUN_ID = "run-audit-1"
KEY = TEST_KEY.encode()
# Unmasked on purpose: the steward marks it a false positive, so it becomes a near-miss.
FALSE_POSITIVE = "Quillfeather"
# Lower case and unknown to every list: only the steward's "missed" decision masks it.
MISSED = "larkbottom"
PLANTED_LINES = (
    f"Participant: My neighbour {FALSE_POSITIVE} took me down to {MISSED} on the bus that day.\n"
)
DECISIONS_CSV = (
    "decision,term,utterance_id,start,end,entity_type,participant_id,decided_by,decided_at,note\n"
    f"false_positive,{FALSE_POSITIVE},,,,,,steward_a,2026-11-20T10:00:00Z,a nickname\n"
    f"missed,{MISSED},,,,LOCATION,,steward_a,2026-11-20T10:05:00Z,a hamlet\n"
    "accept_risk,,,,,,P-PS03,steward_b,2026-11-21,known to the team\n"
)
RISK_YAML = """  decisions: studies/peer_support/decisions.csv
  risk:
    quasi_identifiers: [age_band, gender]
    k: 2
"""


def audited_consortium(root: Path) -> Path:
    """Copy the mini fixture, plant near-misses, a decisions file and a risk block; return it."""
    shutil.copytree(FIXTURES / "mini", root, dirs_exist_ok=True)
    study = root / "studies" / "peer_support"
    with (study / "transcripts" / "PS01.txt").open("a", encoding="utf-8") as handle:
        handle.write(PLANTED_LINES)
    (study / "decisions.csv").write_text(DECISIONS_CSV, encoding="utf-8")
    config = root / "consortium.yaml"
    text = config.read_text(encoding="utf-8")
    anchor = "  deny_list: studies/peer_support/known_identifiers.txt\n"
    config.write_text(text.replace(anchor, anchor + RISK_YAML, 1), encoding="utf-8")
    return config


def load_warehouse(config_path: Path, run_id: str = RUN_ID) -> ConsortiumConfig:
    """De-identify and load every study the way the pipeline's tasks do, without Prefect."""
    config = load_config(config_path)
    config_hash = hashlib.sha256(config_path.read_bytes()).hexdigest()
    with connect(config.warehouse_path) as con:
        start_run(
            con,
            run_id,
            config.consortium,
            config_hash,
            key_fingerprint(KEY),
            model_version(config.deid.spacy_model),
        )
        upsert_studies(con, config)
        for study in config.studies:
            sources, _ = discover_study(study, config)
            engine = study_engine(study, config, KEY)
            batch = deidentify_sources(sources, study, engine, KEY, run_id, config=config)
            replace_transcripts(con, batch.transcripts, batch.utterances, batch.detections)
        store_decisions(con, config, KEY, run_id)
    return config


def utterance_texts(con: duckdb.DuckDBPyConnection) -> str:
    """Every de-identified utterance, joined."""
    return "\n".join(t for (t,) in con.execute("SELECT text FROM utterances").fetchall())
