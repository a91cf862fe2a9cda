"""Body of `qualbridge release`: print the decision and return an exit code scripts can trust."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from schemas.config import ConfigError
from tasks.deid.keys import ConsortiumKeyError
from tasks.quality.release import UnknownRunError

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_BLOCKED = 0, 1, 2, 3


def release_command(config: Path, run_id: str | None, out: Path | None, err: Console) -> int:
    """Release a run when every gate passed; name each blocker and return 3 otherwise."""
    from flows.release import release_run

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
    return EXIT_BLOCKED
