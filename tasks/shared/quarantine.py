"""Quarantine records: what was not loaded or not used, with a reason a steward can act on."""

from __future__ import annotations

from dataclasses import asdict, dataclass

import polars as pl

from qualbridge.schemas import frames


@dataclass(frozen=True)
class QuarantineRecord:
    """Something that was not loaded, with a reason a steward can act on."""

    study_id: str
    source: str
    stage: str
    reason: str


def quarantine_frame(run_id: str, records: list[QuarantineRecord]) -> pl.DataFrame:
    """Quarantine records of one run as a frame."""
    return frames.frame([{"run_id": run_id, **asdict(r)} for r in records], frames.QUARANTINE)
