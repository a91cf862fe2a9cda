"""`qualbridge run` and `qualbridge demo`: the whole pipeline, with a summary scripts can trust."""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from qualbridge.cli.check import check_coding_and_decisions, parsed_config
from qualbridge.cli.common import (
    DEMO_CONFIG,
    DEMO_KEY,
    EXIT_GATE_FAILED,
    EXIT_LOSSES,
    EXIT_OK,
    err,
    fail,
)
from qualbridge.cli.logs import flow_errors_to_log
from qualbridge.schemas.config import load_config
from qualbridge.tasks.shared.keys import ConsortiumKeyError, create_key_file, load_key

if TYPE_CHECKING:
    from qualbridge.flows.pipeline import RunSummary


def run_pipeline(config: Path, out: Path | None) -> int:
    """Run the pipeline flow without Prefect's heartbeat cost and print a summary."""
    from qualbridge.flows.warm_start import start_prefect_api, warm_start

    started = time.perf_counter()
    # First of all: Prefect's server boots in its own process while the checks below import.
    api_ready = start_prefect_api()
    parsed = parsed_config(config, out)
    try:
        key: bytes | None = load_key(parsed.key_env, parsed.key_file)
        key_error = None
    except ConsortiumKeyError as exc:
        key, key_error = None, str(exc)
    output_dir = parsed.resolve(parsed.output_dir)
    # The workers start next, so they load the model while the slower checks (scikit-learn)
    # and the stages are imported; a config the checks refuse stops them again.
    with warm_start(parsed, key):
        check_coding_and_decisions(parsed)
        if key is None:
            raise fail(key_error or "no consortium key")
        err.print(f"Running the qualbridge pipeline on {config} (Prefect flows)...")
        from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

        from qualbridge.flows.pipeline import pipeline

        api_ready()
        settings = temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None})
        with settings, flow_errors_to_log(output_dir) as debug_log:
            try:
                summary = pipeline(str(config.resolve()), str(out.resolve()) if out else None)
            except Exception as exc:
                from qualbridge.flows.failure import report_failed_run

                logging.getLogger("qualbridge").debug("the run failed", exc_info=True)
                code = report_failed_run(output_dir, exc, err)
                if debug_log:
                    err.print(f"Traceback in {debug_log}")
                return code
    print_summary(summary, config)
    err.print(f"Finished in {time.perf_counter() - started:.1f} s")
    return run_exit_code(summary.gates_passed, bool(summary.losses))


def print_summary(summary: RunSummary, config: Path) -> None:
    """The run's counts, status, blockers and losses, and where its report is."""
    table = Table(title=f"qualbridge run {summary.run_id}", show_header=True)
    for column in ("files seen", "loaded", "unchanged", "quarantined"):
        table.add_column(column, justify="right")
    c = summary.counts
    table.add_row(str(c["seen"]), str(c["loaded"]), str(c["unchanged"]), str(c["quarantined"]))
    err.print(table)
    for note in summary.notes:
        err.print(note)
    err.print(f"Status: {summary.status}")
    if summary.release:
        err.print(f"[green]All quality gates passed.[/] Release: {summary.release}")
    elif summary.gates_passed and summary.losses:
        err.print(
            "[green]All quality gates passed[/] on what was loaded, but the run is incomplete."
        )
    elif summary.gates_passed and not summary.losses:
        err.print(
            "[green]All quality gates passed.[/] Awaiting sign-off: a steward reviews "
            f"`qualbridge review --config {config}` (or `qualbridge audit {summary.run_id} "
            f"--config {config}`), then runs "
            f"`qualbridge approve {summary.run_id} --config {config} --by NAME` and "
            f"`qualbridge release --config {config}`."
        )
    else:
        err.print("[red]A quality gate failed; no release was made.[/] Reasons:")
        for reason in summary.blockers:
            err.print(f"  - {reason}", markup=False, highlight=False)
    if summary.losses:
        err.print(f"[bold yellow]Completed with losses[/]: {len(summary.losses)} left out:")
        for loss in summary.losses:
            err.print(f"  - {loss}", markup=False, highlight=False)
    err.print(f"Report: {summary.report}")


def run_exit_code(gates_passed: bool, losses: bool) -> int:
    """3 when a gate failed, 5 when something was left out, 0 only when everything was done."""
    if not gates_passed:
        return EXIT_GATE_FAILED
    return EXIT_LOSSES if losses else EXIT_OK


def run(
    config: Annotated[Path, typer.Argument(help="Consortium config (YAML).")],
    out: Annotated[Path | None, typer.Option(help="Output folder (default: the config's).")] = None,
) -> None:
    """Run the whole pipeline for one consortium config.

    Exit codes: 0 everything was done; 5 completed with losses (a study, source or comparison
    was left out; each is listed); 3 a quality gate failed (no release); 2 bad config, key or
    usage (nothing ran); 1 the run failed (see runs/<run id>/failure.json).
    """
    raise typer.Exit(run_pipeline(config, out))


def demo(
    out: Annotated[
        Path | None,
        typer.Option(help="Output folder (default: the demo config's, out/demo in the project)."),
    ] = None,
    sites: Annotated[
        bool, typer.Option("--sites", help="Run each site alone, release, and merge at a hub.")
    ] = False,
) -> None:
    """Run the whole pipeline on the bundled demo consortium."""
    if not os.environ.get("QUALBRIDGE_KEY") and not os.environ.get("QUALBRIDGE_KEY_FILE"):
        if create_key_file(DEMO_KEY):
            err.print(f"Created a demo consortium key at {DEMO_KEY} (keep real keys elsewhere).")
        os.environ["QUALBRIDGE_KEY_FILE"] = str(DEMO_KEY.expanduser())
    if sites:
        from qualbridge.cli.hub import run_site_demo

        folder = out or load_config(DEMO_CONFIG).resolve(load_config(DEMO_CONFIG).output_dir)
        raise typer.Exit(run_site_demo(DEMO_CONFIG, folder.with_name(folder.name + "-sites")))
    code = run_pipeline(DEMO_CONFIG, out)
    if code == EXIT_OK:
        code = _demo_signoff(out)
    raise typer.Exit(code)


def _demo_signoff(out: Path | None) -> int:
    """Approve and release the demo's run, standing in for the steward a real site has."""
    from qualbridge.cli.demo_signoff import DEMO_STEWARD, demo_signoff

    outcome = demo_signoff(DEMO_CONFIG, out)
    if not outcome.released:
        for reason in outcome.blockers:
            err.print(f"  - {reason}", markup=False, highlight=False)
        return EXIT_GATE_FAILED
    err.print(f"Demo sign-off: approved as {DEMO_STEWARD!r}, released to {outcome.path}")
    return EXIT_OK


def keygen(
    path: Annotated[Path, typer.Argument(help="Where to write the new key (outside the repo).")],
) -> None:
    """Create a random consortium key file (mode 600); never overwrites an existing one."""
    if not create_key_file(path):
        raise fail(f"{path} already exists; not overwritten")
    err.print(f"Created {path}. Share it with the consortium's sites by a secure channel.")
