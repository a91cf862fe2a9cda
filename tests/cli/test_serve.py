"""Deployments from prefect.yaml, and a real Prefect server that runs one to completion."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import yaml
from prefect.client.orchestration import get_client
from prefect.deployments import run_deployment
from prefect.exceptions import ObjectNotFound
from prefect.settings import PREFECT_API_URL, temporary_settings
from typer.testing import CliRunner

from qualbridge.cli import app
from qualbridge.cli.serve import deployments_from_file
from qualbridge.environment import PROJECT_ROOT
from tests.conftest import FIXTURES, TEST_KEY

SERVER_START_TIMEOUT_S = 120
RUN_TIMEOUT_S = 240


def test_prefect_yaml_schedules_every_writer_with_a_timezone_and_one_at_a_time() -> None:
    deployments = deployments_from_file(PROJECT_ROOT / "prefect.yaml")
    names = {d.name for d in deployments}
    assert {"site-nightly-deidentify", "consortium-weekly-comparison"} <= names
    for deployment in deployments:
        assert deployment.concurrency_limit == 1, deployment.name
        assert deployment.schedules, deployment.name
        for schedule in deployment.schedules:
            assert schedule.schedule.timezone == "Europe/London"
        assert Path(deployment.parameters["config_path"]).is_absolute()


def test_serve_refuses_without_a_real_server(monkeypatch) -> None:
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    result = CliRunner().invoke(app, ["serve"])
    assert result.exit_code == 2
    assert "prefect server start" in " ".join(result.output.split())


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stop(process: subprocess.Popen) -> None:
    """SIGINT the process group, then kill it if it lingers."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGINT)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


@pytest.fixture
def prefect_server(tmp_path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    """`prefect server start` on a free localhost port with its own PREFECT_HOME."""
    port = _free_port()
    env = {
        **os.environ,
        "PREFECT_HOME": str(tmp_path / "prefect-home"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_UI_ENABLED": "false",
        "PREFECT_API_URL": f"http://127.0.0.1:{port}/api",
    }
    log = (tmp_path / "server.log").open("wb")
    server = subprocess.Popen(
        [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
         "--port", str(port)],
        env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    url = env["PREFECT_API_URL"]
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while True:
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(
                    f"Prefect server did not start: {(tmp_path / 'server.log').read_text()}"
                )
            time.sleep(0.5)
        yield url, env
    finally:
        _stop(server)
        log.close()


def test_served_deployment_runs_to_completion_on_a_real_server(
    prefect_server, tmp_path: Path
) -> None:
    url, env = prefect_server
    consortium = tmp_path / "consortium"
    shutil.copytree(FIXTURES / "mini", consortium)
    spec = {
        "deployments": [
            {
                "name": "mini-nightly",
                "entrypoint": "flows/scheduled.py:scheduled_pipeline",
                "parameters": {"config_path": str(consortium / "consortium.yaml")},
                "schedules": [{"cron": "30 1 * * *", "timezone": "Europe/London"}],
                "concurrency_limit": 1,
            }
        ]
    }
    deployments_file = tmp_path / "deployments.yaml"
    deployments_file.write_text(yaml.safe_dump(spec), encoding="utf-8")
    serve_env = {**env, "QUALBRIDGE_KEY": TEST_KEY, "PYTHONPATH": str(PROJECT_ROOT)}
    log = (tmp_path / "serve.log").open("wb")
    served = subprocess.Popen(
        [sys.executable, "-m", "qualbridge.cli", "serve", "--file", str(deployments_file)],
        cwd=PROJECT_ROOT, env=serve_env, stdout=log, stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # fmt: skip
    try:
        with temporary_settings(updates={PREFECT_API_URL: url}):
            name = "qualbridge-scheduled-pipeline/mini-nightly"
            deadline = time.monotonic() + SERVER_START_TIMEOUT_S
            deployment = None
            while deployment is None:
                with get_client(sync_client=True) as client, contextlib.suppress(ObjectNotFound):
                    deployment = client.read_deployment_by_name(name)
                if served.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"serve did not register: {(tmp_path / 'serve.log').read_text()}")
                time.sleep(0.5)
            assert deployment.global_concurrency_limit.limit == 1
            assert [s.schedule.timezone for s in deployment.schedules] == ["Europe/London"]
            flow_run = run_deployment(name, timeout=RUN_TIMEOUT_S)
            with get_client(sync_client=True) as client:
                artifacts = client.read_artifacts()
        assert flow_run.state is not None and flow_run.state.is_completed(), (
            flow_run.state,
            (tmp_path / "serve.log").read_text(),
        )
        runs = list((consortium / "out" / "runs").glob("*/report.html"))
        assert len(runs) == 1
        progress = [a for a in artifacts if a.type == "progress"]
        assert progress and all(a.data == 100 for a in progress)
    finally:
        _stop(served)
        log.close()
