"""Audit: the steward's review, decisions in the warehouse, re-identification risk, sign-off."""

from __future__ import annotations

from qualbridge.tasks.audit.decisions import (
    applied_decisions,
    current_decisions,
    stored_deid_inputs,
)
from qualbridge.tasks.audit.decisions_file import (
    append_decision,
    reference_decisions,
)
from qualbridge.tasks.audit.raw import (
    RawSourceError,
    raw_values,
)
from qualbridge.tasks.audit.report import (
    audit_context,
    write_audit,
)
from qualbridge.tasks.audit.signoff import (
    SignoffError,
    approval_blockers,
    approve,
    record_action,
    risk_blockers,
    signoff_blockers,
)
from qualbridge.tasks.audit.status import (
    STATUS_LABELS,
    RunStatus,
    run_status,
    set_status,
    status_markdown,
)
from qualbridge.tasks.audit.tasks import (
    store_decisions_task,
)

__all__ = [
    "STATUS_LABELS",
    "RawSourceError",
    "RunStatus",
    "SignoffError",
    "append_decision",
    "applied_decisions",
    "approval_blockers",
    "approve",
    "audit_context",
    "current_decisions",
    "raw_values",
    "record_action",
    "reference_decisions",
    "risk_blockers",
    "run_status",
    "set_status",
    "signoff_blockers",
    "status_markdown",
    "store_decisions_task",
    "stored_deid_inputs",
    "write_audit",
]
