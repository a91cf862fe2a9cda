"""Report: the run's HTML report."""

from __future__ import annotations

from qualbridge.tasks.report.html import (
    quarantine_by_kind,
    report_context,
    write_report,
)
from qualbridge.tasks.report.status_badge import refresh_status_badge

__all__ = [
    "quarantine_by_kind",
    "refresh_status_badge",
    "report_context",
    "write_report",
]
