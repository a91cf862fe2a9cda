"""Functions the benchmark's Dask workers run; importable, so each worker keeps its engine."""

from __future__ import annotations

import os

BENCH_KEY = b"benchmark-key-not-a-secret-0123456789"

_ENGINE = None


def _engine():
    """This worker's engine, built on first use."""
    global _ENGINE
    if _ENGINE is None:
        from qualbridge.schemas.config import DeidConfig
        from qualbridge.tasks.deid.engine import Deidentifier

        _ENGINE = Deidentifier(DeidConfig(), BENCH_KEY)
    return _ENGINE


def warm_up(_: int) -> int:
    """Build this worker's engine and run it once; returns the worker's pid."""
    _engine().deidentify(["Warm-up: I saw Dr Patel in Leeds on Monday."])
    return os.getpid()


def deidentify(texts: list[str]) -> int:
    """De-identify one consultation; returns how many entities were replaced."""
    return sum(len(r.detections) for r in _engine().deidentify(texts))
