"""Quality: contracts compiled to GX and SQL checks, the residual-PII gate, release checks."""

from __future__ import annotations

from qualbridge.tasks.quality.losses import (
    LOSS_STAGES,
    run_losses,
)
from qualbridge.tasks.quality.package import (
    verify_package,
)
from qualbridge.tasks.quality.release import (
    ReleaseOutcome,
    UnknownRunError,
    release_contract_ids,
    release_from,
    resolve_run,
)
from qualbridge.tasks.quality.tasks import (
    validate_warehouse_task,
)

__all__ = [
    "LOSS_STAGES",
    "ReleaseOutcome",
    "UnknownRunError",
    "release_contract_ids",
    "release_from",
    "resolve_run",
    "run_losses",
    "validate_warehouse_task",
    "verify_package",
]
