"""The floor: on every shipped gold set, no entity type's recall may fall below vanilla Presidio's.

Vanilla Presidio runs with the engine's own model, language and threshold. A type vanilla
Presidio never catches (recall 0) passes trivially. Only records holding an identifier are
scored: recall does not depend on the others, and the test stays fast.
"""

from __future__ import annotations

import pytest

from qualbridge.schemas.config import DeidConfig
from qualbridge.tasks.deid import Deidentifier, Detector, vanilla_presidio_detector
from qualbridge.tasks.deid.evaluation import (
    GoldSet,
    compare_by_type,
    evaluate,
    load_gold,
    shipped_sets,
)

SETS = shipped_sets()
KEY = b"test-consortium-key-6f1d2a9c0b7e"


@pytest.fixture(scope="module")
def engine() -> Detector:
    """The engine with default settings, built once for the module."""
    return Deidentifier(DeidConfig(), KEY).detect


@pytest.fixture(scope="module")
def vanilla() -> Detector:
    """Vanilla Presidio with the engine's model and threshold (cached for the whole session)."""
    deid = DeidConfig()
    return vanilla_presidio_detector(deid.spacy_model, deid.language, deid.score_threshold)


@pytest.mark.parametrize("gold", SETS, ids=[s.name for s in SETS])
def test_no_entity_type_is_caught_less_often_than_by_vanilla_presidio(
    gold: GoldSet, engine: Detector, vanilla: Detector
) -> None:
    records = [r for r in load_gold(gold.path) if r.entities]
    rows = compare_by_type(evaluate(records, engine), evaluate(records, vanilla))
    below = [
        f"{r.entity_type} {r.caught}/{r.n} ({r.recall:.3f}) < vanilla {r.baseline_caught}/{r.n}"
        f" ({r.baseline_recall:.3f})"
        for r in rows
        if r.below_baseline
    ]
    assert not below, f"{gold.name} ({gold.part_label}): " + "; ".join(below)
