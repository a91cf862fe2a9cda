"""Keep a written report's run-status badge true after sign-off and release change the status."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

from qualbridge.tasks.audit import run_status
from qualbridge.tasks.report.html import render_fragment

_BADGE = re.compile(r'<span class="status[^"]*" id="run-status">[^<]*</span>')


def refresh_status_badge(con: duckdb.DuckDBPyConnection, run_id: str, report: Path) -> bool:
    """Re-render the badge of `report` from the run's recorded status; False if there is none."""
    if not report.is_file():
        return False
    html = report.read_text(encoding="utf-8")
    badge = render_fragment("run_status.html.j2", run_status=run_status(con, run_id)).strip()
    updated, found = _BADGE.subn(lambda _: badge, html, count=1)
    if found:
        report.write_text(updated, encoding="utf-8")
    return bool(found)
