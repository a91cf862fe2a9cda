"""The demos' stand-in for a site steward: approve a clean run and release it."""

from __future__ import annotations

import hashlib
from pathlib import Path

from qualbridge.flows.release import release_run
from qualbridge.schemas.config import load_config
from qualbridge.tasks.audit import approve
from qualbridge.tasks.quality import ReleaseOutcome, resolve_run
from qualbridge.tasks.warehouse import connect

# The demo has no steward; its sign-off is recorded under this name so the audit says so.
DEMO_STEWARD = "qualbridge demo (automatic sign-off)"


def demo_signoff(config_path: Path, output_dir: Path | None = None) -> ReleaseOutcome:
    """Approve the latest run as the demo steward and release it (synthetic data only)."""
    config = load_config(config_path, output_dir)
    config_hash = hashlib.sha256(Path(config_path).read_bytes()).hexdigest()
    with connect(config.warehouse_path) as con:
        run_id = resolve_run(con, None)
        approve(con, run_id, config_hash, DEMO_STEWARD, "synthetic demo data")
    return release_run(config_path, str(output_dir.resolve()) if output_dir else None, run_id)
