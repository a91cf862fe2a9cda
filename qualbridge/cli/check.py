"""`qualbridge check CONFIG`: the config check alone, fast, for the CI of a config repository."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from qualbridge.cli.common import EXIT_OK, err, fail
from qualbridge.schemas.config import ConfigError, ConsortiumConfig
from qualbridge.tasks.shared.config_check import check_config_file
from qualbridge.tasks.shared.decisions import check_decisions


def checked_config(config: Path, out: Path | None = None) -> ConsortiumConfig:
    """Every check a run makes before it starts: keys, files, roles, groups, crosswalks, decisions.

    Raises the typer Exit of a usage error (2) with one clear message.
    """
    parsed = parsed_config(config, out)
    check_coding_and_decisions(parsed)
    return parsed


def parsed_config(config: Path, out: Path | None = None) -> ConsortiumConfig:
    """The config loaded strictly: keys, files, roles and groups (fast; no coding imports)."""
    try:
        return check_config_file(config, out)
    except ConfigError as exc:
        raise fail(str(exc)) from None


def check_coding_and_decisions(parsed: ConsortiumConfig) -> None:
    """The slower half of the checks: codebook, crosswalks and the steward's decisions."""
    # Coding imports scikit-learn (seconds): loaded by the commands that need it, not at start-up.
    from qualbridge.tasks.coding import check_inputs

    try:
        check_inputs(parsed)
        check_decisions(parsed)
    except ConfigError as exc:
        raise fail(str(exc)) from None


def check(
    config: Annotated[Path, typer.Argument(help="Consortium config (YAML).")],
) -> None:
    """Check a config without running anything (fast; for a config repository's CI).

    Unknown keys (with line and a did-you-mean), YAML syntax, referenced files, speaker roles,
    comparison groups, codebook, crosswalks and decisions. Exit 0 when it is usable, 2 naming
    every problem otherwise. Needs no key.
    """
    parsed = checked_config(config)
    err.print(
        f"[green]{config}: OK[/] ({len(parsed.studies)} studies, "
        f"{len(parsed.comparisons)} comparisons)"
    )
    raise typer.Exit(EXIT_OK)
