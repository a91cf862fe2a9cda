"""What every command shares: the error console, exit codes and the refusal helper."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from qualbridge.environment import PROJECT_ROOT

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2  # bad config, key, run id or usage
EXIT_GATE_FAILED = 3  # a quality gate or a sign-off blocker stopped the release
EXIT_BELOW_MINIMUM = 4  # evaluate: a --min-* threshold was not met

DEMO_CONFIG = PROJECT_ROOT / "examples" / "demo" / "consortium.yaml"
DEMO_KEY = Path("~/.config/qualbridge/demo.key")

err = Console(stderr=True)


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    """Print one clear error line and return the Exit to raise."""
    err.print(f"[bold red]error:[/] {message}")
    return typer.Exit(code)
