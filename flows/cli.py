"""The `qualbridge` command line."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from flows import audit_cli
from flows.codebook_cli import codebook_app
from flows.environment import PROJECT_ROOT
from schemas.config import ConfigError, DeidConfig, load_config
from tasks.audit.decisions import check_decisions
from tasks.coding.crosswalk import check_inputs
from tasks.deid.keys import ConsortiumKeyError, create_key_file, load_key

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_GATE_FAILED, EXIT_BELOW_MINIMUM = 0, 1, 2, 3, 4
DEMO_CONFIG = PROJECT_ROOT / "examples" / "demo" / "consortium.yaml"
DEMO_KEY = Path("~/.config/qualbridge/demo.key")

app = typer.Typer(
    help="De-identify qualitative transcripts, check them against data contracts, and compare "
    "theme coverage across studies.",
    no_args_is_help=True,
    add_completion=False,
    # Tracebacks must never print local variables: they may hold raw transcript text.
    pretty_exceptions_show_locals=False,
)
err = Console(stderr=True)
app.add_typer(codebook_app, name="codebook")


def _fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    err.print(f"[bold red]error:[/] {message}")
    return typer.Exit(code)


def _run_pipeline(config: Path, out: Path | None) -> int:
    """Run the pipeline flow without Prefect's heartbeat cost and print a summary."""
    try:
        parsed = load_config(config, out)
        check_inputs(parsed)
        load_key(parsed.key_env, parsed.key_file)
        check_decisions(parsed)
    except (ConfigError, ConsortiumKeyError) as exc:
        raise _fail(str(exc)) from None
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    from flows.pipeline import pipeline

    started = time.perf_counter()
    err.print(f"Running the qualbridge pipeline on {config} (Prefect flows)...")
    with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        try:
            summary = pipeline(str(config.resolve()), str(out.resolve()) if out else None)
        except Exception as exc:
            from flows.failure import report_failed_run

            return report_failed_run(parsed.resolve(parsed.output_dir), exc, err)
    table = Table(title=f"qualbridge run {summary.run_id}", show_header=True)
    for column in ("files seen", "loaded", "unchanged", "quarantined"):
        table.add_column(column, justify="right")
    c = summary.counts
    table.add_row(str(c["seen"]), str(c["loaded"]), str(c["unchanged"]), str(c["quarantined"]))
    err.print(table)
    if summary.release:
        err.print(f"[green]All quality gates passed.[/] Release: {summary.release}")
    elif summary.gates_passed:
        err.print(
            "[green]All quality gates passed.[/] Awaiting sign-off: a steward reviews "
            f"`qualbridge audit {summary.run_id} --config {config}`, then runs "
            f"`qualbridge approve {summary.run_id} --config {config} --by NAME` and "
            f"`qualbridge release --config {config}`."
        )
    else:
        err.print("[red]A quality gate failed; no release was made.[/] Reasons:")
        for reason in summary.blockers:
            err.print(f"  - {reason}", markup=False, highlight=False)
    err.print(f"Report: {summary.report}")
    err.print(f"Finished in {time.perf_counter() - started:.1f} s")
    return EXIT_OK if summary.gates_passed else EXIT_GATE_FAILED


@app.command()
def run(
    config: Annotated[Path, typer.Argument(help="Consortium config (YAML).")],
    out: Annotated[Path | None, typer.Option(help="Output folder (default: the config's).")] = None,
) -> None:
    """Run the whole pipeline for one consortium config. Exit 3 when a quality gate failed."""
    raise typer.Exit(_run_pipeline(config, out))


@app.command()
def demo(
    out: Annotated[Path, typer.Option(help="Output folder.")] = Path("out/demo"),
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
        from flows.hub_cli import run_site_demo

        raise typer.Exit(run_site_demo(DEMO_CONFIG, out.with_name(out.name + "-sites")))
    code = _run_pipeline(DEMO_CONFIG, out)
    if code == EXIT_OK:
        code = _demo_signoff(out)
    raise typer.Exit(code)


def _demo_signoff(out: Path) -> int:
    """Approve and release the demo's run, standing in for the steward a real site has."""
    from flows.demo_signoff import DEMO_STEWARD, demo_signoff

    outcome = demo_signoff(DEMO_CONFIG, out)
    if not outcome.released:
        for reason in outcome.blockers:
            err.print(f"  - {reason}", markup=False, highlight=False)
        return EXIT_GATE_FAILED
    err.print(f"Demo sign-off: approved as {DEMO_STEWARD!r}, released to {outcome.path}")
    return EXIT_OK


@app.command()
def merge(
    packages: Annotated[list[Path], typer.Argument(help="Release folders made by the sites.")],
    config: Annotated[Path, typer.Option(help="The hub's consortium config (hub: true).")],
    out: Annotated[Path | None, typer.Option(help="Output folder (default: the config's).")] = None,
) -> None:
    """Verify sites' releases (checksums, key, contracts) and merge them; compare across sites.

    Every package is checked before anything is written: a tampered, incomplete or foreign
    package is refused with exit 1 and the warehouse is left untouched. Merging the same package
    again adds nothing; a newer package from a site replaces that site's rows.
    """
    from flows.hub_cli import run_merge

    raise typer.Exit(run_merge(config, packages, out))


@app.command()
def serve(
    file: Annotated[Path, typer.Option(help="Deployments file.")] = PROJECT_ROOT / "prefect.yaml",
    only: Annotated[
        list[str] | None, typer.Option(help="Serve only this deployment (repeatable).")
    ] = None,
) -> None:
    """Serve the deployments of prefect.yaml, with their schedules, from this process.

    Needs a real Prefect server (`prefect server start`, PREFECT_API_URL set); exit 2 without.
    """
    from flows.serving import run_serve

    raise typer.Exit(run_serve(file, only, err))


@app.command("deid-text")
def deid_text(
    config: Annotated[
        Path | None, typer.Option(help="Consortium config whose settings to use.")
    ] = None,
    study: Annotated[
        str | None, typer.Option(help="Add this study's known identifiers and allow list.")
    ] = None,
) -> None:
    """Read JSONL {"id", "text"} on stdin; write de-identified JSONL with entity offsets."""
    from flows.deid_text import run_deid_text
    from tasks.deid.engine import Deidentifier
    from tasks.deid.transcripts import study_engine

    try:
        if config is None:
            engine = Deidentifier(DeidConfig(), load_key())
        else:
            parsed = load_config(config)
            key = load_key(parsed.key_env, parsed.key_file)
            chosen = [s for s in parsed.studies if s.study_id == study]
            if study and not chosen:
                raise ConfigError(f"{config}: no study {study!r}")
            engine = (
                study_engine(chosen[0], parsed, key) if chosen else Deidentifier(parsed.deid, key)
            )
    except (ConfigError, ConsortiumKeyError) as exc:
        raise _fail(str(exc)) from None
    errors = run_deid_text(sys.stdin.buffer, sys.stdout, engine)
    if errors:
        err.print(f"{errors} line(s) could not be processed; see their error records.")


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold-annotated JSONL (see examples/evaluation).")],
    config: Annotated[
        Path | None, typer.Option(help="Consortium config whose engine settings to score.")
    ] = None,
    study: Annotated[
        str | None, typer.Option(help="Add this study's known identifiers and allow list.")
    ] = None,
    baseline: Annotated[
        bool,
        typer.Option("--baseline", help="Score plain Presidio (same model and threshold) instead."),
    ] = False,
    misses: Annotated[
        int, typer.Option(min=0, help="How many misses and false positives to list.")
    ] = 20,
    min_direct_recall: Annotated[
        float | None, typer.Option(min=0.0, help="Exit 4 if direct-identifier recall is lower.")
    ] = None,
    min_quasi_recall: Annotated[
        float | None, typer.Option(min=0.0, help="Exit 4 if quasi-identifier recall is lower.")
    ] = None,
    min_precision: Annotated[
        float | None, typer.Option(min=0.0, help="Exit 4 if precision is lower.")
    ] = None,
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Also write the full report as JSON here.")
    ] = None,
) -> None:
    """Score de-identification against a gold set: recall by class and type, precision, misses.

    A gold entity counts as caught only when every non-space character of it is masked; a
    detection that touches no gold entity is a false positive. No real key is needed. Exit 0
    when done, 4 when a given --min-* threshold is not met, 2 for a bad gold file or config.
    """
    import json

    from flows.evaluate import build_detector, print_report
    from tasks.deid.evaluation import GoldFileError, evaluate, load_gold

    try:
        records = load_gold(gold)
        label, detect = build_detector(config, study, baseline)
    except (GoldFileError, ConfigError) as exc:
        raise _fail(str(exc)) from None
    started = time.perf_counter()
    with err.status(f"Scoring {label} on {len(records)} gold records..."):
        report = evaluate(records, detect)
    print_report(report, label, Console(), misses)
    if json_out is not None:
        payload = {"gold": str(gold), "detector": label, **report.to_dict()}
        json_out.write_text(json.dumps(payload, indent=2, ensure_ascii=False), encoding="utf-8")
    err.print(f"Finished in {time.perf_counter() - started:.1f} s")
    unmet = report.unmet_minimums(min_direct_recall, min_quasi_recall, min_precision)
    for problem in unmet:
        err.print(f"[bold red]below minimum:[/] {problem}")
    raise typer.Exit(EXIT_BELOW_MINIMUM if unmet else EXIT_OK)


@app.command()
def release(
    config: Annotated[Path, typer.Option(help="Consortium config (YAML).")] = DEMO_CONFIG,
    run: Annotated[str | None, typer.Option(help="Run id to release (default: latest).")] = None,
    out: Annotated[
        Path | None, typer.Option(help="Output folder of the run (default: the config's).")
    ] = None,
) -> None:
    """Export a run's de-identified package to <output>/release when every gate passed.

    Exit 0 when released, 3 when anything blocks it (each reason is printed and quarantined),
    2 for a bad config, key or run id.
    """
    from flows.release_cli import release_command

    raise typer.Exit(release_command(config, run, out, err))


@app.command()
def keygen(
    path: Annotated[Path, typer.Argument(help="Where to write the new key (outside the repo).")],
) -> None:
    """Create a random consortium key file (mode 600); never overwrites an existing one."""
    if not create_key_file(path):
        raise _fail(f"{path} already exists; not overwritten")
    err.print(f"Created {path}. Share it with the consortium's sites by a secure channel.")


# The steward's audit and sign-off (bodies in flows/audit_cli.py).
app.command()(audit_cli.audit)
app.command()(audit_cli.approve)


if __name__ == "__main__":
    app()
