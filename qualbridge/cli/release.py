"""Body of `qualbridge release`: print the decision and return an exit code scripts can trust."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from qualbridge.cli.common import EXIT_GATE_FAILED, EXIT_OK, EXIT_USAGE, err
from qualbridge.schemas.config import ConfigError
from qualbridge.tasks.shared.keys import ConsortiumKeyError


def release_command(config: Path, run_id: str | None, out: Path | None, err: Console) -> int:
    """Release a run when every gate passed; name each blocker and return 3 otherwise."""
    from qualbridge.flows.release import release_run
    from qualbridge.tasks.quality import UnknownRunError

    try:
        outcome = release_run(config.resolve(), str(out.resolve()) if out else None, run_id)
    except (ConfigError, ConsortiumKeyError, UnknownRunError) as exc:
        err.print(f"[bold red]error:[/] {exc}")
        return EXIT_USAGE
    if outcome.released:
        err.print(f"[green]Released run {outcome.run_id}[/] to {outcome.path}")
        return EXIT_OK
    err.print(f"[red]Release of run {outcome.run_id} refused.[/] Reasons (also in quarantine):")
    for reason in outcome.blockers:
        err.print(f"  - {reason}", markup=False, highlight=False)
    return EXIT_GATE_FAILED


def release(
    config: Annotated[
        Path, typer.Option(help="Consortium config (YAML); required, never a default.")
    ],
    run: Annotated[str | None, typer.Option(help="Run id to release (default: latest).")] = None,
    out: Annotated[
        Path | None, typer.Option(help="Output folder of the run (default: the config's).")
    ] = None,
) -> None:
    """Export a run's de-identified package to <output>/release when every gate passed.

    Exit 0 when released, 3 when anything blocks it (each reason is printed and quarantined),
    2 for a bad config, key or run id.
    """
    raise typer.Exit(release_command(config, run, out, err))
