"""`qualbridge release` and the pipeline's last step: one function decides and exports."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from flows.context import run_context
from tasks.quality.release import ReleaseOutcome, release_from, resolve_run
from tasks.warehouse.store import connect


def release_run(
    config_path: str | Path,
    output_dir: str | None = None,
    run_id: str | None = None,
    out: Path | None = None,
    extra_blockers: Sequence[str] = (),
) -> ReleaseOutcome:
    """Release a run (default: the latest) into `out` (default: <output>/release) if nothing blocks.

    `extra_blockers` are human-readable reasons from other gates (steward sign-off,
    k-anonymity); any one of them refuses the release like a failed check does.
    """
    ctx = run_context(str(config_path), output_dir, run_id or "")
    with connect(ctx.warehouse) as con:
        ctx = replace(ctx, run_id=resolve_run(con, run_id))
        folder = out if out is not None else ctx.output_dir / "release"
        return release_from(
            con, ctx.run_id, ctx.run_dir, folder, ctx.key_fingerprint(), ctx.config_hash,
            extra_blockers,
        )  # fmt: skip
