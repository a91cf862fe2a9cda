"""De-identification inputs: the digest changes with what changes the text, and nothing else."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from qualbridge.schemas.config import ConsortiumConfig, load_config
from qualbridge.tasks.shared.decisions import Decision
from qualbridge.tasks.shared.deid_inputs import decision_identity, study_inputs_digest
from tests.conftest import FIXTURES

CONFIG = FIXTURES / "mini" / "consortium.yaml"
KEY = b"k" * 32


def digest(config: ConsortiumConfig, model: str = "m==1", key_fp: str = "f") -> str:
    return study_inputs_digest(config.studies[0], config, model, key_fp)


def changed(update: dict) -> ConsortiumConfig:
    config = load_config(CONFIG)
    return config.model_copy(update=update)


BASE = load_config(CONFIG)
SAME = [
    ("output folder", lambda: changed({"output_dir": Path("elsewhere")})),
    ("comparisons", lambda: changed({"comparisons": []})),
    ("study title", lambda: changed({"studies": [
        BASE.studies[0].model_copy(update={"title": "New"}), *BASE.studies[1:]]})),
]  # fmt: skip
DIFFERENT = [
    ("allow list", lambda: changed({"studies": [
        BASE.studies[0].model_copy(update={"allow_list": ["Bradford"]}), *BASE.studies[1:]]})),
    ("deid settings", lambda: changed({"deid": BASE.deid.model_copy(
        update={"score_threshold": 0.5})})),
    ("speakers", lambda: changed({"studies": [
        BASE.studies[0].model_copy(update={"speakers": {"Interviewer": "interviewer"}}),
        *BASE.studies[1:]]})),
]  # fmt: skip


@pytest.mark.parametrize(("name", "make"), SAME, ids=[n for n, _ in SAME])
def test_unrelated_settings_keep_the_digest(name: str, make) -> None:
    assert digest(make()) == digest(BASE)


@pytest.mark.parametrize(("name", "make"), DIFFERENT, ids=[n for n, _ in DIFFERENT])
def test_text_changing_settings_change_the_digest(name: str, make) -> None:
    assert digest(make()) != digest(BASE)


def test_model_and_key_change_the_digest() -> None:
    assert digest(BASE, model="m==2") != digest(BASE)
    assert digest(BASE, key_fp="g") != digest(BASE)


def test_a_decision_is_identified_by_what_was_decided_not_who_or_when() -> None:
    at = datetime(2026, 1, 1, tzinfo=UTC)
    one = Decision(decision="missed", term="Heron Ward", entity_type="LOCATION",
                   decided_by="A", decided_at=at)  # fmt: skip
    same = one.model_copy(update={"decided_by": "B", "note": "later"})
    other = one.model_copy(update={"entity_type": "ORGANIZATION"})
    assert decision_identity(one, KEY) == decision_identity(same, KEY)
    assert decision_identity(one, KEY) != decision_identity(other, KEY)
    assert decision_identity(one, KEY) != decision_identity(one, b"x" * 32)
    assert "Heron" not in decision_identity(one, KEY)
