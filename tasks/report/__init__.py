"""Report: the run's HTML report."""

from __future__ import annotations

from qualbridge.tasks.report.html import (
    quarantine_by_kind,
    report_context,
    write_report,
)

__all__ = [
    "quarantine_by_kind",
    "report_context",
    "write_report",
]
