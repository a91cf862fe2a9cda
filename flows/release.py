"""`qualbridge release` and the pipeline's last step: one function decides and exports."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from qualbridge.flows.context import RunContext, run_context
from qualbridge.tasks.audit import risk_blockers, signoff_blockers
from qualbridge.tasks.quality import ReleaseOutcome, release_from, resolve_run
from qualbridge.tasks.warehouse import connect


def release_run(
    config_path: str | Path,
    output_dir: str | None = None,
    run_id: str | None = None,
    out: Path | None = None,
    extra_blockers: Sequence[str] = (),
    *,
    export: bool = True,
) -> ReleaseOutcome:
    """Release a run (default: the latest) into `out` (default: <output>/release) if nothing blocks.

    Steward sign-off (an approval, when the config requires one, and accepted re-identification
    risks) blocks like a failed check does, and so does any of `extra_blockers`. With
    `export=False` every gate is checked and recorded but nothing is written and no approval
    is asked for: the pipeline's check before a steward signs off.
    """
    ctx = run_context(str(config_path), output_dir, run_id or "")
    return release_with(ctx, run_id, out, extra_blockers, export=export)


def release_with(
    ctx: RunContext,
    run_id: str | None = None,
    out: Path | None = None,
    extra_blockers: Sequence[str] = (),
    *,
    export: bool = True,
) -> ReleaseOutcome:
    """release_run with the config already loaded (the pipeline's own context)."""
    with connect(ctx.warehouse) as con:
        ctx = replace(ctx, run_id=resolve_run(con, run_id))
        folder = out if out is not None else ctx.output_dir / "release"
        signoff = (
            signoff_blockers(con, ctx.run_id, ctx.config)
            if export
            else risk_blockers(con, ctx.config)
        )
        return release_from(
            con, ctx.run_id, ctx.run_dir, folder, ctx.key(), ctx.config_hash,
            [*signoff, *extra_blockers], export=export,
        )  # fmt: skip
