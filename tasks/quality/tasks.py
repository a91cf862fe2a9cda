"""Prefect tasks of the validation stage."""

from __future__ import annotations

import pandas as pd

from tasks.prefect_task import stage_task
from tasks.quality.contracts import Contract
from tasks.quality.gx_suite import CheckResult, validate_frame


@stage_task("gx-validate")
def validate_frame_task(df: pd.DataFrame, contract: Contract) -> list[CheckResult]:
    """Run a contract's GX suite on a frame; results hold no data values."""
    return validate_frame(df, contract)
