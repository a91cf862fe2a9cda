"""`qualbridge release` and the pipeline's last step: one function decides and exports."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import duckdb

from qualbridge.flows.context import RunContext, run_context
from qualbridge.tasks.audit import approval_blockers, risk_blockers, set_status, signoff_blockers
from qualbridge.tasks.quality import ReleaseOutcome, release_from, resolve_run
from qualbridge.tasks.report import refresh_status_badge
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
        ctx = ctx.model_copy(update={"run_id": resolve_run(con, run_id)})
        folder = out if out is not None else ctx.output_dir / "release"
        signoff = (
            signoff_blockers(con, ctx.run_id, ctx.config)
            if export
            else risk_blockers(con, ctx.config)
        )
        outcome = release_from(
            con, ctx.run_id, ctx.run_dir, folder, ctx.key(), ctx.config_hash,
            [*signoff, *extra_blockers], export=export,
        )  # fmt: skip
        if export:
            _record_status(con, ctx.run_id, outcome)
            refresh_status_badge(con, ctx.run_id, ctx.run_dir / "report.html")
        return outcome


def _record_status(con: duckdb.DuckDBPyConnection, run_id: str, outcome: ReleaseOutcome) -> None:
    """Released, or blocked for every reason but a missing approval (that only awaits one)."""
    if outcome.released:
        set_status(con, run_id, "released")
        return
    waiting = set(approval_blockers(con, run_id))
    reasons = [b for b in outcome.blockers if b not in waiting]
    if reasons:
        set_status(con, run_id, "blocked", reasons)
