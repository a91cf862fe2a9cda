"""Command bodies of `qualbridge merge` and the two-site demo (registered in flows/cli.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from qualbridge.cli.common import EXIT_FAILED, EXIT_GATE_FAILED, EXIT_OK, EXIT_USAGE, err
from qualbridge.schemas.config import ConfigError, load_config
from qualbridge.tasks.shared.keys import ConsortiumKeyError, load_key


def run_merge(config: Path, packages: list[Path], out: Path | None = None) -> int:
    """Verify and merge packages at the hub, print what happened; return the exit code."""
    try:
        parsed = load_config(config, out)
        load_key(parsed.key_env, parsed.key_file)
    except (ConfigError, ConsortiumKeyError) as exc:
        err.print(f"[bold red]error:[/] {exc}")
        return EXIT_USAGE
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    from qualbridge.flows.merge import merge_flow
    from qualbridge.tasks.warehouse import PackageError

    err.print(f"Verifying {len(packages)} package(s) for hub {parsed.consortium}...")
    try:
        with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
            summary = merge_flow(
                str(config.resolve()),
                [str(p.resolve()) for p in packages],
                str(out.resolve()) if out else None,
            )
    except PackageError as exc:
        err.print(f"[bold red]package refused, nothing merged:[/] {exc}")
        return EXIT_FAILED
    table = Table(title=f"qualbridge merge {summary.run_id}")
    table.add_column("package")
    table.add_column("outcome")
    for name, outcome in summary.outcomes.items():
        table.add_row(name, outcome)
    err.print(table)
    if not summary.gates_passed:
        err.print("[red]A quality gate failed at the hub:[/] " + ", ".join(summary.failed_checks))
    err.print(f"Cross-site report: {summary.report}")
    return EXIT_OK if summary.gates_passed else EXIT_GATE_FAILED


def run_site_demo(demo_config: Path, out: Path) -> int:
    """Run each site of the demo on its own, release each, and merge the releases at a hub."""
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    from qualbridge.cli.demo_signoff import demo_signoff
    from qualbridge.cli.sites import split_by_site
    from qualbridge.flows.pipeline import pipeline

    sites, hub = split_by_site(demo_config, out)
    releases = []
    for site, site_config in sites.items():
        err.print(f"Site {site}: running the pipeline on its own studies...")
        with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
            summary = pipeline(str(site_config))
        outcome = demo_signoff(site_config) if summary.gates_passed else None
        if outcome is None or not outcome.released or outcome.path is None:
            err.print(f"[red]Site {site}: a gate failed, no release[/]")
            return EXIT_GATE_FAILED
        err.print(f"Site {site}: approved by the demo steward, release at {outcome.path}")
        releases.append(outcome.path)
    return run_merge(hub, releases)


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
    from qualbridge.cli.hub import run_merge

    raise typer.Exit(run_merge(config, packages, out))
