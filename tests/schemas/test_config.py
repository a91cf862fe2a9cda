"""DeidConfig's worker processes: a number is kept, auto uses the cores for large studies."""

from __future__ import annotations

import os

import pytest

from qualbridge.schemas.config import DeidConfig


@pytest.mark.parametrize(
    ("setting", "transcripts", "expected"),
    [
        pytest.param(1, 10_000, 1, id="one-stays-one"),
        pytest.param(3, 5, 3, id="a-number-is-kept"),
        pytest.param("auto", 99, 1, id="auto-small-study-in-process"),
        pytest.param("auto", 100, min(os.cpu_count() or 1, 8), id="auto-large-study-every-core"),
    ],
)
def test_worker_processes(setting: int | str, transcripts: int, expected: int) -> None:
    assert DeidConfig(processes=setting).worker_processes(transcripts) == expected
