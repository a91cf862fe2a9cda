"""`qualbridge review`: start the steward's review app on this computer and print its URL."""

from __future__ import annotations

import getpass
import secrets
import socket
from pathlib import Path
from typing import Annotated

import typer

from qualbridge.cli.common import EXIT_OK, err, fail
from qualbridge.schemas.config import ConfigError, load_config

HOST = "127.0.0.1"


def free_port() -> int:
    """A port nobody listens on now."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def review(
    config: Annotated[Path, typer.Option("--config", help="Consortium config (YAML).")],
    out: Annotated[
        Path | None, typer.Option("--out", help="Output folder of the run (default: the config's).")
    ] = None,
    by: Annotated[
        str | None, typer.Option("--by", help="Who reviews (default: your login name).")
    ] = None,
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1 (0: any free port).")] = 8765,
    show_raw: Annotated[
        bool,
        typer.Option(
            "--show-raw",
            help="Also show the original value of each replacement, re-read from the source "
            "files (as `qualbridge audit --show-raw`; on site only).",
        ),
    ] = False,
) -> None:
    """Review a run in your browser: replacements, near-misses, risks; decide and approve.

    Serves on 127.0.0.1 only; the printed URL carries a one-time token, and requests without
    it are refused. Stop with Ctrl+C.
    """
    import uvicorn

    from qualbridge.cli.review_app.app import ReviewSettings, create_app

    try:
        parsed = load_config(config, out)
    except ConfigError as exc:
        raise fail(str(exc)) from None
    if not parsed.warehouse_path.is_file():
        raise fail(f"no warehouse at {parsed.warehouse_path}; run the pipeline first")
    token = secrets.token_urlsafe(24)
    settings = ReviewSettings(
        config.resolve(), out.resolve() if out else None, by or getpass.getuser(), token, show_raw
    )
    port = port or free_port()
    err.print(f"qualbridge review of {config} (stop with Ctrl+C). Open in your browser:")
    print(f"http://{HOST}:{port}/?token={token}", flush=True)
    uvicorn.run(create_app(settings), host=HOST, port=port, log_level="warning", access_log=False)
    raise typer.Exit(EXIT_OK)
