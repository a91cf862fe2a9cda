"""`qualbridge serve`: the deployments of prefect.yaml, scheduled and served from one process."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
import yaml
from rich.console import Console

from qualbridge.cli.common import err
from qualbridge.environment import PROJECT_ROOT

if TYPE_CHECKING:  # Prefect is imported when a deployment is built, so other commands start fast
    from prefect.deployments.runner import RunnerDeployment
    from prefect.flows import Flow

# Parameters that hold paths; relative ones are made absolute against the project folder.
PATH_PARAMETERS = ("config_path", "output_dir", "packages")


def _absolute(value: Any, root: Path) -> Any:
    if isinstance(value, list):
        return [_absolute(v, root) for v in value]
    if isinstance(value, str) and not Path(value).is_absolute():
        return str((root / value).resolve())
    return value


def deployments_from_file(
    path: Path, only: list[str] | None = None, root: Path = PROJECT_ROOT
) -> list[RunnerDeployment]:
    """Runner deployments (flow, parameters, cron schedules, concurrency) from prefect.yaml."""
    from prefect.flows import load_flow_from_entrypoint
    from prefect.schedules import Cron

    spec = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    entries = [d for d in spec.get("deployments", []) if not only or d["name"] in only]
    if only and (unknown := sorted(set(only) - {d["name"] for d in entries})):
        raise ValueError(f"{path}: no deployment named {', '.join(unknown)}")
    deployments = []
    for entry in entries:
        file, function = entry["entrypoint"].split(":")
        flow: Flow[..., Any] = load_flow_from_entrypoint(
            f"{root / file}:{function}", use_placeholder_flow=False
        )
        parameters = {
            k: _absolute(v, root) if k in PATH_PARAMETERS else v
            for k, v in (entry.get("parameters") or {}).items()
        }
        deployments.append(
            flow.to_deployment(
                name=entry["name"],
                description=entry.get("description"),
                parameters=parameters,
                schedules=[
                    Cron(s["cron"], timezone=s.get("timezone")) for s in entry.get("schedules", [])
                ],
                concurrency_limit=entry.get("concurrency_limit"),
                tags=["qualbridge"],
            )
        )
    return deployments  # type: ignore[return-value]  # to_deployment runs synchronously here


def api_url() -> str | None:
    """The Prefect server the deployments go to (schedules need a real server)."""
    from prefect.settings import PREFECT_API_URL

    return os.environ.get("PREFECT_API_URL") or PREFECT_API_URL.value()


def run_serve(path: Path, only: list[str] | None, console: Console) -> int:
    """Serve the deployments until stopped; return the exit code."""
    if not api_url():
        console.print(
            "[bold red]error:[/] schedules need a real Prefect server: run `prefect server start` "
            "and set PREFECT_API_URL (e.g. http://127.0.0.1:4200/api)"
        )
        return 2
    try:
        deployments = deployments_from_file(path, only)
    except (OSError, ValueError, KeyError, yaml.YAMLError) as exc:
        console.print(f"[bold red]error:[/] {path}: {exc}")
        return 2
    from prefect import serve

    console.print(f"Serving {', '.join(d.name for d in deployments)} from {path}")
    serve(*deployments, print_starting_message=False)
    return 0


def serve(
    file: Annotated[Path, typer.Option(help="Deployments file.")] = PROJECT_ROOT / "prefect.yaml",
    only: Annotated[
        list[str] | None, typer.Option(help="Serve only this deployment (repeatable).")
    ] = None,
) -> None:
    """Serve the deployments of prefect.yaml, with their schedules, from this process.

    Needs a real Prefect server (`prefect server start`, PREFECT_API_URL set); exit 2 without.
    """
    raise typer.Exit(run_serve(file, only, err))
