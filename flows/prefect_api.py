"""Prefect's temporary API server, launched at once in its own process, before Prefect loads.

Prefect starts the same server itself on the first API call, but only after this process has
imported Prefect and its server package, then waits for it. Launched here first, the server
boots on the other core while this process imports the stages; its address is set as
PREFECT_API_URL before Prefect reads its settings, so every Prefect thread finds it.
"""

from __future__ import annotations

import atexit
import importlib.util
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path

# What Prefect sets for its own temporary server: no UI, the server knows it is temporary.
SERVER_ENV = {
    "PREFECT_UI_ENABLED": "0",
    "PREFECT__SERVER_EPHEMERAL": "1",
    "PREFECT__SERVER_FINAL": "1",
}


@dataclass
class TemporaryServer:
    """A launched server process and the address it listens on."""

    process: subprocess.Popen[bytes]
    port: int

    @property
    def api_url(self) -> str:
        """The API's address, as PREFECT_API_URL expects it."""
        return f"http://127.0.0.1:{self.port}/api"

    def stop(self) -> None:
        """Stop the server (at exit, after Prefect's own exit handlers sent their last logs)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def needs_temporary_server() -> bool:
    """True when no API is configured and Prefect has not read its settings yet."""
    return not os.environ.get("PREFECT_API_URL") and "prefect.context" not in sys.modules


def free_port() -> int:
    """A port nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_command(port: int) -> list[str]:
    """The uvicorn command Prefect runs for its temporary server."""
    spec = importlib.util.find_spec("prefect")
    if spec is None or spec.origin is None:
        raise RuntimeError("prefect is not installed")
    app_dir = Path(spec.origin).parent.parent
    return [
        sys.executable, "-m", "uvicorn", "--app-dir", str(app_dir), "--factory",
        "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(port),
        "--log-level", "error", "--lifespan", "on",
    ]  # fmt: skip


def launch() -> TemporaryServer:
    """Launch the server and point this process's Prefect at it; does not wait for it."""
    port = free_port()
    env = {**os.environ, **SERVER_ENV}
    server = TemporaryServer(subprocess.Popen(server_command(port), env=env), port)
    atexit.register(server.stop)
    os.environ["PREFECT_API_URL"] = server.api_url
    return server


def wait_until_up(server: TemporaryServer, timeout_s: float) -> None:
    """Block until the API answers its health check."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"the temporary Prefect server exited ({server.process.returncode})")
        try:
            with urllib.request.urlopen(f"{server.api_url}/health", timeout=2) as response:
                if response.status == HTTPStatus.OK:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    raise RuntimeError(f"the temporary Prefect server did not answer within {timeout_s:.0f} s")
