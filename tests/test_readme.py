"""Every `qualbridge` command in the README's code blocks works as written (or says why not run).

The demo consortium is stood in for by the small test fixture at the same relative path, so the
commands run unchanged from a temporary project folder: a run first, then the README's steps.
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings
from typer.testing import CliRunner

from qualbridge.cli import app
from qualbridge.cli.common import EXIT_OK
from tests.conftest import FIXTURES, TEST_KEY

README = Path(__file__).parents[1] / "README.md"
DEMO_CONFIG = "examples/demo/consortium.yaml"
# Commands the test runs, and the ones it does not, with the reason.
RUN = {"check", "audit", "approve", "release"}
SKIPPED = {
    "run": "the fixture runs the pipeline once, on the demo's stand-in",
    "demo": "the whole 24-transcript demo is too slow for a unit test; `run` stands in",
    "keygen": "writes a key into the home folder",
    "merge": "needs two sites' releases (tests/flows/test_merge.py)",
    "serve": "needs a Prefect server (tests/cli/test_serve.py)",
    "deid-text": "reads stdin (tests/cli/test_deid_text.py)",
    "evaluate": "loads the spaCy model (tests/cli/test_evaluate.py)",
    "codebook": "tests/cli/test_codebook.py",
}
runner = CliRunner()


def readme_commands() -> list[list[str]]:
    """`qualbridge ...` lines of the README's fenced blocks, as argument lists."""
    blocks = re.findall(r"^```[^\n]*\n(.*?)^```", README.read_text(encoding="utf-8"), re.M | re.S)
    commands = []
    for block in blocks:
        for line in block.splitlines():
            line = re.sub(r"\s+#.*$", "", line).strip()
            line = re.sub(r"\s*\[[^\]]*\]", "", line)  # optional parts: [--run RUN_ID]
            if re.match(r"^(\.venv/bin/)?qualbridge\s", line):
                commands.append(shlex.split(line)[1:])
    return commands


def test_the_readme_names_commands_and_each_is_run_or_skipped_with_a_reason() -> None:
    names = {args[0] for args in readme_commands()}
    assert {"audit", "approve", "release", "check"} <= names
    assert names <= RUN | set(SKIPPED)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A project folder whose examples/demo is the small fixture, after one pipeline run."""
    demo = tmp_path / "examples" / "demo"
    shutil.copytree(FIXTURES / "mini", demo)
    config = demo / "consortium.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("output_dir: out\n", "output_dir: ../../out/demo\n"))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("QUALBRIDGE_KEY", TEST_KEY)
    with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        result = runner.invoke(app, ["run", DEMO_CONFIG])
    assert result.exit_code == EXIT_OK, result.output
    return re.search(r"qualbridge approve (\S+)", result.output)[1]


def test_readme_commands_work_as_written_after_a_run(project: str) -> None:
    ran = []
    for args in readme_commands():
        if args[0] not in RUN:
            continue
        args = [
            DEMO_CONFIG if a == "path/to/consortium.yaml" else project if a == "RUN_ID" else a
            for a in args
        ]
        with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
            result = runner.invoke(app, args)
        assert result.exit_code == EXIT_OK, (args, result.output)
        ran.append(args[0])
    assert Path("out/demo/release/release_manifest.json").is_file()
    assert {"check", "audit", "approve", "release"} <= set(ran)


def test_release_without_config_is_refused() -> None:
    result = runner.invoke(app, ["release"])
    assert result.exit_code == 2
    assert "--config" in result.output
