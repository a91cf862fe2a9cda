"""Exit codes a scheduler can trust: a run that left something out is not a success."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qualbridge.cli import app
from qualbridge.cli.common import EXIT_GATE_FAILED, EXIT_LOSSES, EXIT_OK, EXIT_USAGE
from qualbridge.cli.pipeline import run_exit_code
from tests.conftest import FIXTURES, TEST_KEY

runner = CliRunner()


@pytest.mark.parametrize(
    ("gates_passed", "losses", "code"),
    [(True, False, EXIT_OK), (True, True, EXIT_LOSSES), (False, False, EXIT_GATE_FAILED),
     (False, True, EXIT_GATE_FAILED)],
)  # fmt: skip
def test_only_a_complete_run_exits_zero(gates_passed: bool, losses: bool, code: int) -> None:
    assert run_exit_code(gates_passed, losses) == code


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "mini", tmp_path / "mini")
    return tmp_path / "mini" / "consortium.yaml"


def test_a_missing_manifest_stops_the_run_before_it_starts(mini: Path, monkeypatch) -> None:
    monkeypatch.setenv("QUALBRIDGE_KEY", TEST_KEY)
    (mini.parent / "studies" / "therapist_disclosure" / "manifest.csv").unlink()
    result = runner.invoke(app, ["run", str(mini)])
    assert result.exit_code == EXIT_USAGE
    assert "studies.1.manifest" in result.output and "manifest.csv not found" in result.output
    assert "Traceback" not in result.output


def test_a_quarantined_file_ends_the_run_with_losses_named(mini: Path, monkeypatch) -> None:
    """A transcript the manifest names is missing: exit 5 and the summary says which."""
    monkeypatch.setenv("QUALBRIDGE_KEY", TEST_KEY)
    (mini.parent / "studies" / "peer_support" / "transcripts" / "PS02.txt").unlink()
    result = runner.invoke(app, ["run", str(mini)])
    assert result.exit_code == EXIT_LOSSES, result.output
    assert "Completed with losses" in result.output
    assert "study peer_support, transcripts/PS02.txt" in result.output
    assert "Traceback" not in result.output
    run_id = re.search(r"qualbridge run ([0-9a-f-]{36})", result.output)[1]
    summary = _summary_artifact(run_id)
    assert "completed with 1 loss(es)" in summary and "transcripts/PS02.txt" in summary


def _summary_artifact(run_id: str) -> str:
    """The run summary artifact, which must hang on the top-level flow run itself."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["qualbridge-run-summary"]))
        )
    (artifact,) = [a for a in artifacts if str(a.flow_run_id) == run_id]
    return str(artifact.data)


def test_prefect_logs_at_info_to_its_api_and_warnings_to_the_terminal() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_LOGGING")}
    code = (
        "import os; from qualbridge.environment import configure_environment; "
        "configure_environment(); e = os.environ; "
        "print(e['PREFECT_LOGGING_LEVEL'], e['PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL'])"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert done.stdout.split() == ["INFO", "WARNING"]
