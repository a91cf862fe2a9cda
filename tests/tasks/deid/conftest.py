"""Shared by the de-identification tests: one engine for the speech mechanisms, the word lists."""

from __future__ import annotations

import pytest

from qualbridge.schemas.config import DeidConfig
from qualbridge.tasks.deid import Deidentifier
from qualbridge.tasks.deid.recasing import Vocabulary
from qualbridge.tasks.deid.registry import build_context

KEY = b"speech-mechanism-test-key-0123456789"


@pytest.fixture(scope="session")
def speech_engine() -> Deidentifier:
    """The default engine."""
    return Deidentifier(DeidConfig(), KEY)


@pytest.fixture(scope="session")
def vocabulary() -> Vocabulary:
    """The shared name and dictionary lists, built once."""
    return build_context(DeidConfig()).vocabulary
