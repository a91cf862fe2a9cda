"""A failed run: exit 1, a summary naming the stage, run marked failed, no text in the summary."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from qualbridge.cli import app
from qualbridge.cli.common import EXIT_FAILED
from qualbridge.flows.failure import describe
from tests.conftest import FIXTURES, TEST_KEY
from tests.flows.test_pipeline import planted_values


def test_failed_run_exits_1_and_leaves_a_summary(tmp_path: Path, monkeypatch) -> None:
    shutil.copytree(FIXTURES / "mini", tmp_path, dirs_exist_ok=True)
    config = tmp_path / "consortium.yaml"
    config.write_text(
        config.read_text(encoding="utf-8") + "deid:\n  spacy_model: no_such_model\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("QUALBRIDGE_KEY", TEST_KEY)
    result = CliRunner().invoke(app, ["run", str(config)])
    assert result.exit_code == EXIT_FAILED, result.output
    output = " ".join(result.output.split())
    assert "The run failed at stage deidentify" in output
    (summary_path,) = (tmp_path / "out" / "runs").glob("*/failure.json")
    summary = json.loads(summary_path.read_text(encoding="utf-8"))
    assert summary["stage"] == "deidentify" and summary["error"].startswith(
        "ModelNotInstalledError: spaCy model 'no_such_model' is not installed"
    )
    with duckdb.connect(str(tmp_path / "out" / "warehouse.duckdb"), read_only=True) as con:
        status = con.execute("SELECT status FROM runs").fetchall()
    assert status == [("failed",)]
    text = summary_path.read_text(encoding="utf-8") + result.output
    assert [v for v in planted_values(tmp_path) if v in text] == []


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (FileNotFoundError(2, "No such file or directory", "out/x.parquet"),
         "FileNotFoundError: No such file or directory (out/x.parquet)"),
        (ValueError("Bethany Smith lives at HX7 8QT"), "ValueError"),
        (OSError("spaCy E050 with some text"), "OSError"),
    ],
)  # fmt: skip
def test_description_keeps_no_message_that_could_quote_data(error, expected) -> None:
    assert describe(error) == expected
