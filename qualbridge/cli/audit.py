"""The `qualbridge audit` and `qualbridge approve` commands (registered in cli/app.py)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from qualbridge.cli.common import EXIT_FAILED, EXIT_OK, err, fail, refresh_report_badge
from qualbridge.schemas.config import ConfigError, ConsortiumConfig, load_config

if TYPE_CHECKING:  # connections come from the warehouse; every command starts without DuckDB
    import duckdb

AUDIT_FILE, RAW_AUDIT_FILE = "audit.html", "audit_raw.html"

ConfigOption = Annotated[Path, typer.Option("--config", help="Consortium config (YAML).")]
OutOption = Annotated[
    Path | None, typer.Option("--out", help="Output folder of the run (default: the config's).")
]
RunArgument = Annotated[str, typer.Argument(help="Run id, or 'latest'.")]


def _open(config: Path, out: Path | None) -> tuple[ConsortiumConfig, duckdb.DuckDBPyConnection]:
    """The parsed config and its warehouse (which must exist already)."""
    from qualbridge.tasks.warehouse import connect

    try:
        parsed = load_config(config, out)
    except ConfigError as exc:
        raise fail(str(exc)) from None
    if not parsed.warehouse_path.is_file():
        raise fail(f"no warehouse at {parsed.warehouse_path}; run the pipeline first")
    return parsed, connect(parsed.warehouse_path)


def _run_id(con: duckdb.DuckDBPyConnection, run: str) -> str:
    """The given run id, or the most recent run's for 'latest'; exit 2 if there is none."""
    if run == "latest":
        rows = con.execute("SELECT run_id FROM runs ORDER BY started_at DESC LIMIT 1").fetchall()
    else:
        rows = con.execute("SELECT run_id FROM runs WHERE run_id = ?", [run]).fetchall()
    if not rows:
        raise fail(f"no run {run!r} in the warehouse")
    return str(rows[0][0])


def audit_path(config: ConsortiumConfig, run_id: str, show_raw: bool) -> Path:
    """Where the audit goes: an on-site folder beside the warehouse, outside run and release."""
    name = RAW_AUDIT_FILE if show_raw else AUDIT_FILE
    return config.resolve(config.output_dir) / "onsite" / run_id / name


def audit(
    run: RunArgument,
    config: ConfigOption,
    show_raw: Annotated[
        bool,
        typer.Option(
            "--show-raw",
            help="Also show original values of low-confidence detections, re-read from the "
            "source files (written to audit_raw.html; on site only).",
        ),
    ] = False,
    low_confidence: Annotated[
        float, typer.Option(min=0.0, max=1.0, help="List detections scoring below this.")
    ] = 0.7,
    rare_max: Annotated[
        int, typer.Option(min=1, help="A rare term occurs at most this many times.")
    ] = 2,
    out: OutOption = None,
) -> None:
    """Write the steward's audit of a run (on site only; never part of a release)."""
    from qualbridge.tasks.audit import RawSourceError, audit_context, write_audit

    parsed, con = _open(config, out)
    with con:
        run_id = _run_id(con, run)
        try:
            context = audit_context(con, parsed, run_id, low_confidence, show_raw, rare_max)
        except RawSourceError as exc:
            raise fail(f"cannot show raw values: {exc}", EXIT_FAILED) from None
    path = write_audit(context, audit_path(parsed, run_id, show_raw))
    err.print(f"Audit: {path}")
    status = context["status"]
    err.print(f"Status: {status.label} ({status.status})")
    for reason in status.reasons:
        err.print(f"  - {reason}", markup=False, highlight=False)
    for blocker in context["blockers"]:
        err.print(f"[yellow]blocks release:[/] {blocker}")
    raise typer.Exit(EXIT_OK)


def approve(
    run: RunArgument,
    config: ConfigOption,
    by: Annotated[str, typer.Option("--by", help="Who approves (name or role).")],
    note: Annotated[str, typer.Option(help="A note kept with the approval.")] = "",
    out: OutOption = None,
) -> None:
    """Record a steward's approval of a run; refused if the config changed since the run."""
    from qualbridge.tasks.audit import SignoffError
    from qualbridge.tasks.audit import approve as record_approval

    current = hashlib.sha256(config.read_bytes()).hexdigest() if config.is_file() else ""
    parsed, con = _open(config, out)
    with con:
        run_id = _run_id(con, run)
        try:
            at = record_approval(con, run_id, current, by, note)
        except SignoffError as exc:
            raise fail(str(exc)) from None
        refresh_report_badge(con, parsed, run_id)
    err.print(f"Run {run_id} approved by {by.strip()} at {at.isoformat(timespec='seconds')}.")
    raise typer.Exit(EXIT_OK)
