"""The early temporary Prefect server: when it is launched, and how waiting for it ends."""

from __future__ import annotations

import subprocess
import sys

import pytest

from qualbridge.flows.prefect_api import (
    TemporaryServer,
    free_port,
    needs_temporary_server,
    server_command,
    wait_until_up,
)


@pytest.mark.parametrize(
    ("api_url", "expected"),
    [
        ("http://127.0.0.1:4200/api", False),  # a configured server: use it
        (None, False),  # no server, but this test process's Prefect has read its settings
    ],
)
def test_needs_temporary_server(
    monkeypatch: pytest.MonkeyPatch, api_url: str | None, expected: bool
) -> None:
    import prefect.context  # noqa: F401

    if api_url is None:
        monkeypatch.delenv("PREFECT_API_URL", raising=False)
    else:
        monkeypatch.setenv("PREFECT_API_URL", api_url)
    assert needs_temporary_server() is expected


def test_server_command_runs_prefects_app_on_the_port() -> None:
    port = free_port()
    command = server_command(port)
    assert command[:3] == [sys.executable, "-m", "uvicorn"]
    assert "prefect.server.api.server:create_app" in command
    assert command[command.index("--port") + 1] == str(port)


@pytest.mark.parametrize(
    ("code", "timeout_s", "message"),
    [
        ("raise SystemExit(4)", 30.0, r"exited \(4\)"),  # the server died
        ("import time; time.sleep(30)", 0.5, "did not answer within"),  # it never answered
    ],
)
def test_waiting_ends_with_the_reason(code: str, timeout_s: float, message: str) -> None:
    process = subprocess.Popen([sys.executable, "-c", code])
    server = TemporaryServer(process, free_port())
    try:
        with pytest.raises(RuntimeError, match=message):
            wait_until_up(server, timeout_s)
    finally:
        server.stop()
    assert process.poll() is not None
