"""The command line: help everywhere, clear errors and exit codes scripts can trust."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from qualbridge.cli import app
from qualbridge.cli.common import EXIT_USAGE
from tests.conftest import FIXTURES, TEST_KEY

runner = CliRunner()


@pytest.mark.parametrize("command", [[], ["run"], ["demo"], ["deid-text"], ["keygen"], ["release"]])
def test_every_command_has_help(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


def _config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "consortium.yaml"
    path.write_text(text, encoding="utf-8")
    return path


MINI = FIXTURES / "mini"
STUDY = f"""
studies:
  - study_id: s1
    corpus: c1
    site: site_a
    manifest: {MINI / "studies/peer_support/manifest.csv"}
    speakers: {{Interviewer: interviewer, Participant: participant}}
"""


@pytest.mark.parametrize(
    ("config_text", "expected"),
    [
        (None, "config file not found"),
        ("consortium: [unclosed", "not valid YAML"),
        (f"consortium: x\ncodebook: nowhere.yaml\n{STUDY}", "codebook"),
        (f"consortium: x\ncodebook: {MINI / 'codebook.yaml'}\nstudies: []\n", "studies"),
        (f"consortium: Bad Name\ncodebook: {MINI / 'codebook.yaml'}\n{STUDY}", "consortium"),
    ],
)
def test_run_refuses_bad_configs_naming_file_and_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, config_text: str | None, expected: str
) -> None:
    monkeypatch.setenv("QUALBRIDGE_KEY", TEST_KEY)
    path = tmp_path / "consortium.yaml" if config_text is None else _config(tmp_path, config_text)
    result = runner.invoke(app, ["run", str(path)])
    assert result.exit_code == EXIT_USAGE
    assert str(path.name) in result.output and expected in result.output


def test_run_without_a_key_says_how_to_provide_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("QUALBRIDGE_KEY", raising=False)
    monkeypatch.delenv("QUALBRIDGE_KEY_FILE", raising=False)
    result = runner.invoke(app, ["run", str(MINI / "consortium.yaml")])
    assert result.exit_code == EXIT_USAGE
    assert "QUALBRIDGE_KEY" in result.output


def test_keygen_writes_a_private_key_and_never_overwrites(tmp_path: Path) -> None:
    key = tmp_path / "keys" / "consortium.key"
    assert runner.invoke(app, ["keygen", str(key)]).exit_code == 0
    assert key.stat().st_mode & 0o777 == 0o600
    before = key.read_text()
    assert runner.invoke(app, ["keygen", str(key)]).exit_code == EXIT_USAGE
    assert key.read_text() == before


def test_crash_tracebacks_never_show_local_variables() -> None:
    """A crash must not print locals: a frame may hold raw transcript text."""
    assert app.pretty_exceptions_show_locals is False
