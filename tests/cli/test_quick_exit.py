"""The console script ends without interpreter teardown, yet flushes its output and exit code."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from qualbridge.cli.quick_exit import exit_code


@pytest.mark.parametrize(
    ("code", "status"), [(None, 0), (0, 0), (2, 2), (5, 5), ("a message", 1), (True, 1)]
)
def test_exit_code_matches_system_exit(code: object, status: int) -> None:
    assert exit_code(code) == status


def _cli(
    *args: str, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "qualbridge.cli", *args]
    return subprocess.run(
        command, input=stdin, capture_output=True, text=True, env={**os.environ, **(env or {})},
        timeout=120, check=False,
    )  # fmt: skip


def test_a_refused_config_keeps_its_exit_code_and_message(tmp_path: Path) -> None:
    done = _cli("check", str(tmp_path / "missing.yaml"))
    assert done.returncode == 2
    assert "config file not found" in done.stderr


def test_output_written_just_before_the_exit_is_flushed() -> None:
    lines = "".join(json.dumps({"id": str(i), "text": "Okay, thanks."}) + "\n" for i in range(50))
    done = _cli("deid-text", stdin=lines, env={"QUALBRIDGE_KEY": "quick-exit-test-key-0123456789"})
    assert done.returncode == 0, done.stderr
    assert [json.loads(line)["id"] for line in done.stdout.splitlines()] == [
        str(i) for i in range(50)
    ]
