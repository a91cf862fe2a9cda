"""Whether an engine masks a value the way the evaluation counts it (every character)."""

from __future__ import annotations

from qualbridge.tasks.deid import Deidentifier


def masked(engine: Deidentifier, text: str, value: str) -> bool:
    """Every non-space character of value (its first occurrence) lies under a detection."""
    [found] = engine.detect([text])
    start = text.index(value)
    return all(
        any(d.start <= i < d.end for d in found)
        for i in range(start, start + len(value))
        if not text[i].isspace()
    )


def touched(engine: Deidentifier, text: str, value: str) -> bool:
    """Some detection overlaps value (its first occurrence)."""
    [found] = engine.detect([text])
    start = text.index(value)
    return any(d.start < start + len(value) and d.end > start for d in found)
