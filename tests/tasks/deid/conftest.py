"""One de-identification engine shared by the speech mechanism tests (it loads in seconds)."""

from __future__ import annotations

import pytest

from qualbridge.schemas.config import DeidConfig
from qualbridge.tasks.deid import Deidentifier

KEY = b"speech-mechanism-test-key-0123456789"


@pytest.fixture(scope="session")
def speech_engine() -> Deidentifier:
    """The default engine."""
    return Deidentifier(DeidConfig(), KEY)
