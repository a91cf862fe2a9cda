"""`qualbridge audit` and `approve` on a loaded warehouse: no identifier leaks, raw on request."""

from __future__ import annotations

import json
import re
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from qualbridge.cli import app
from qualbridge.cli.audit import audit_path
from qualbridge.schemas.config import load_config
from qualbridge.tasks.audit import set_status
from qualbridge.tasks.warehouse import connect
from tests.tasks.audit.builders import (
    FALSE_POSITIVE,
    MISSED,
    RUN_ID,
    audited_consortium,
    load_warehouse,
    utterance_texts,
)

runner = CliRunner()


@pytest.fixture(scope="module")
def consortium(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The audited mini consortium, de-identified and loaded with its decisions applied."""
    config_path = audited_consortium(tmp_path_factory.mktemp("audit"))
    load_warehouse(config_path)
    return config_path


def planted(config_path: Path) -> set[str]:
    """Every identifier planted in the fixture's transcripts."""
    rows = json.loads((config_path.parent / "planted_identifiers.json").read_text())
    return {row["value"] for row in rows} | {MISSED}


def audit(config_path: Path, *extra: str):
    return runner.invoke(app, ["audit", RUN_ID, "--config", str(config_path), *extra])


def test_decisions_apply_on_the_next_run(consortium: Path, tmp_path: Path) -> None:
    with duckdb.connect(str(consortium.parent / "out" / "warehouse.duckdb")) as con:
        texts = utterance_texts(con)
    assert FALSE_POSITIVE in texts and MISSED not in texts
    # Without the decisions file the same transcripts come out the other way round.
    control = audited_consortium(tmp_path / "control")
    text = control.read_text().replace("  decisions: studies/peer_support/decisions.csv\n", "")
    control.write_text(text)
    config = load_warehouse(control, "run-control")
    with duckdb.connect(str(config.warehouse_path)) as con:
        texts = utterance_texts(con)
    assert FALSE_POSITIVE not in texts and MISSED in texts


def test_audit_holds_no_masked_identifier_and_lists_the_near_miss(consortium: Path) -> None:
    result = audit(consortium)
    assert result.exit_code == 0, result.output
    path = consortium.parent / "out" / "onsite" / RUN_ID / "audit.html"
    html = path.read_text(encoding="utf-8")
    leaked = [v for v in planted(consortium) if re.search(rf"\b{re.escape(v)}\b", html)]
    assert leaked == []
    assert "On site only. Never part of a release." in html
    assert f"<td>{FALSE_POSITIVE}</td><td>capitalised mid-sentence" in html
    assert "steward_a" in html and "accept_risk" in html and "2026-11-20 10:05:00" in html
    # The planted National Insurance number is counted among what was masked.
    assert re.search(
        r"<tr><td>UK_NINO</td><td>peer_support</td><td>\w+</td><td class=\"num\">1</td>", html
    )
    assert "has no steward approval" in html


def test_show_raw_writes_a_separate_file_with_values(consortium: Path) -> None:
    result = audit(consortium, "--show-raw")
    assert result.exit_code == 0, result.output
    folder = consortium.parent / "out" / "onsite" / RUN_ID
    raw = (folder / "audit_raw.html").read_text(encoding="utf-8")
    marked = re.findall(r"<mark>([^<]*)</mark>", raw)
    assert any(value in planted(consortium) for value in marked)
    assert "RAW VALUES" in raw


def test_show_raw_refuses_a_changed_source(consortium: Path, tmp_path: Path) -> None:
    config_path = audited_consortium(tmp_path / "changed")
    load_warehouse(config_path)
    for transcript in (config_path.parent / "studies").glob("*/transcripts/*.txt"):
        transcript.write_text(transcript.read_text() + "Participant: One more thing.\n")
    result = audit(config_path, "--show-raw")
    assert result.exit_code == 1
    assert "changed" in result.output


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["audit", "no-such-run"], 2, "no run"),
        (["approve", "no-such-run", "--by", "steward_a"], 2, "no run"),
    ],
)
def test_unknown_runs_exit_2(consortium: Path, args: list[str], code: int, message: str) -> None:
    result = runner.invoke(app, [*args, "--config", str(consortium)])
    assert result.exit_code == code
    assert message in result.output


def test_approve_refuses_a_changed_config_then_records_approval(
    consortium: Path, tmp_path: Path
) -> None:
    config_path = audited_consortium(tmp_path / "approve")
    config = load_warehouse(config_path)
    with connect(config.warehouse_path) as con:
        set_status(con, RUN_ID, "awaiting_approval")  # as a finished run that needs sign-off
    original = config_path.read_text()
    config_path.write_text(original + "# edited after the run\n")
    args = ["approve", "latest", "--config", str(config_path), "--by", "steward_a"]
    refused = runner.invoke(app, args)
    assert refused.exit_code == 2 and "rerun before approving" in refused.output
    config_path.write_text(original)
    report = config_path.parent / "out" / "runs" / RUN_ID / "report.html"
    report.parent.mkdir(parents=True)
    report.write_text('<span class="status" id="run-status">Run status: Awaiting sign-off</span>')
    approved = runner.invoke(app, [*args, "--note", "checked"])
    assert approved.exit_code == 0, approved.output
    assert "Run status: Approved, not yet released" in report.read_text()
    assert audit(config_path).exit_code == 0
    html = (config_path.parent / "out" / "onsite" / RUN_ID / "audit.html").read_text()
    assert "has no steward approval" not in html and "checked" in html


def test_run_with_a_bad_decisions_file_exits_2(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("QUALBRIDGE_KEY", "test-key-for-a-bad-decisions-file")
    config_path = audited_consortium(tmp_path)
    decisions = config_path.parent / "studies" / "peer_support" / "decisions.csv"
    decisions.write_text("decision,term,decided_by,decided_at\nmissed,Secretname,,2026-11-20\n")
    result = runner.invoke(app, ["run", str(config_path)])
    assert result.exit_code == 2
    assert "row 2" in result.output and "Secretname" not in result.output


def test_audits_go_to_an_onsite_folder_outside_runs_and_release(consortium: Path) -> None:
    config = load_config(consortium)
    for show_raw in (False, True):
        parts = audit_path(config, RUN_ID, show_raw).relative_to(consortium.parent / "out").parts
        assert parts[0] == "onsite" and "release" not in parts and "runs" not in parts
