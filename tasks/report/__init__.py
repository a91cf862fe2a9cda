"""Report: the run's HTML report."""

from __future__ import annotations

from qualbridge.tasks.report.html import (
    report_context,
    write_report,
)

__all__ = [
    "report_context",
    "write_report",
]
