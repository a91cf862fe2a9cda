"""A written report's status badge follows the run's recorded status after sign-off and release."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualbridge.tasks.audit import run_status, set_status
from qualbridge.tasks.report import refresh_status_badge
from qualbridge.tasks.report.html import render_fragment
from qualbridge.tasks.warehouse import connect, start_run


@pytest.mark.parametrize(
    ("status", "label", "css"),
    [
        ("approved", "Approved, not yet released", "status ok"),
        ("released", "Released", "status ok"),
        ("blocked", "Blocked", "status bad"),
    ],
)
def test_badge_is_rewritten_from_the_recorded_status(
    tmp_path: Path, status: str, label: str, css: str
) -> None:
    with connect(tmp_path / "w.duckdb") as con:
        start_run(con, "r1", "c", "h", "f", "m")
        set_status(con, "r1", "awaiting_approval")
        badge = render_fragment("run_status.html.j2", run_status=run_status(con, "r1"))
        report = tmp_path / "report.html"
        report.write_text(f"<p><span>gates</span> {badge}</p><p>Awaiting sign-off</p>")
        set_status(con, "r1", status)
        assert refresh_status_badge(con, "r1", report)
    html = report.read_text()
    assert f'<span class="{css}" id="run-status">Run status: {label}</span>' in html
    assert html.endswith("<p>Awaiting sign-off</p>")  # only the badge changes


def test_a_missing_report_or_badge_is_left_alone(tmp_path: Path) -> None:
    with connect(tmp_path / "w.duckdb") as con:
        start_run(con, "r1", "c", "h", "f", "m")
        assert not refresh_status_badge(con, "r1", tmp_path / "none.html")
        (tmp_path / "plain.html").write_text("<p>no badge</p>")
        assert not refresh_status_badge(con, "r1", tmp_path / "plain.html")
    assert (tmp_path / "plain.html").read_text() == "<p>no badge</p>"
