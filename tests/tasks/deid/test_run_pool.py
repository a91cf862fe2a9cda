"""The run's shared de-identification pool: opened once, used by every study that matches it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from qualbridge.schemas.config import DeidConfig
from qualbridge.tasks.deid.engine import Deidentifier
from qualbridge.tasks.deid.run_pool import (
    close_run_pool,
    open_run_pool,
    run_pool_size,
    study_pool,
)

KEY = b"run-pool-test-key-8c2e41d7"
KNOWN = {"PERSON": ["Zebedee Quill"]}
ALLOW = ("Recovery College",)
TRANSCRIPTS = [
    ["Zebedee Quill rang me on 07700 900123.", "I go to the Recovery College."],
    ["I moved to Halifax with my sister, Bethany."],
    ["Okay."],
    ["My NHS number is 943 476 5919."],
]


@pytest.fixture
def run_pool() -> Iterator[None]:
    open_run_pool(DeidConfig(), KEY, 2)
    yield
    close_run_pool()


def test_no_pool_is_open_by_default() -> None:
    assert run_pool_size() == 0


def test_closing_without_a_pool_is_harmless() -> None:
    close_run_pool()
    assert run_pool_size() == 0


@pytest.mark.parametrize(
    ("config", "key", "shared"),
    [
        (DeidConfig(), KEY, True),  # the run's settings: the run's workers
        (DeidConfig(score_threshold=0.9), KEY, False),  # other settings: a pool of its own
        (DeidConfig(), b"another-key-0000000000", False),  # another key: a pool of its own
    ],
)
def test_study_pool_uses_the_run_pool_only_when_settings_match(
    run_pool: None, config: DeidConfig, key: bytes, shared: bool
) -> None:
    assert run_pool_size() == 2
    engine = Deidentifier(config, key, known_identifiers=KNOWN, allow_list=ALLOW)
    expected = [engine.deidentify(texts) for texts in TRANSCRIPTS]
    with study_pool(config, key, KNOWN, ALLOW, 2) as pool:
        results = pool.deidentify_transcripts(TRANSCRIPTS, [""] * len(TRANSCRIPTS))
        assert (pool.pool.lists.token != pool.lists.token) is shared
    assert results == expected
    assert run_pool_size() == 2  # a study never closes the run's pool
