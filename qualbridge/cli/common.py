"""What every command shares: the error console, exit codes and the refusal helper."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console

from qualbridge.environment import PROJECT_ROOT

if TYPE_CHECKING:
    import duckdb

    from qualbridge.schemas.config import ConsortiumConfig

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2  # bad config, key, run id or usage
EXIT_GATE_FAILED = 3  # a quality gate or a sign-off blocker stopped the release
EXIT_BELOW_MINIMUM = 4  # evaluate: a --min-* threshold was not met
EXIT_LOSSES = 5  # completed with losses: a study, source or comparison was left out
# Width for tables written to a pipe: wide enough that paths are never split.
WIDE = 400

DEMO_CONFIG = PROJECT_ROOT / "examples" / "demo" / "consortium.yaml"
DEMO_KEY = Path("~/.config/qualbridge/demo.key")


def console(stderr: bool = False) -> Console:
    """A console that wraps for a terminal but never hard-wraps output written to a pipe or file."""
    stream = sys.stderr if stderr else sys.stdout
    if stream.isatty():
        return Console(stderr=stderr)
    return Console(stderr=stderr, soft_wrap=True, width=WIDE)


err = console(stderr=True)


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    """Print one clear error line and return the Exit to raise."""
    err.print(f"[bold red]error:[/] {message}")
    return typer.Exit(code)


def refresh_report_badge(
    con: duckdb.DuckDBPyConnection, config: ConsortiumConfig, run_id: str
) -> None:
    """After a sign-off, show the run's new status in its written report too."""
    from qualbridge.tasks.report import refresh_status_badge

    refresh_status_badge(con, run_id, config.run_dir(run_id) / "report.html")
