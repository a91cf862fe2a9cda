"""Audit: the steward's review, decisions in the warehouse, re-identification risk, sign-off."""

from __future__ import annotations

from qualbridge.tasks.audit.decisions import (
    applied_decisions,
    current_decisions,
    stored_deid_inputs,
)
from qualbridge.tasks.audit.raw import (
    RawSourceError,
)
from qualbridge.tasks.audit.report import (
    audit_context,
    write_audit,
)
from qualbridge.tasks.audit.signoff import (
    SignoffError,
    approve,
    risk_blockers,
    signoff_blockers,
)
from qualbridge.tasks.audit.tasks import (
    store_decisions_task,
)

__all__ = [
    "RawSourceError",
    "SignoffError",
    "applied_decisions",
    "approve",
    "audit_context",
    "current_decisions",
    "risk_blockers",
    "signoff_blockers",
    "store_decisions_task",
    "stored_deid_inputs",
    "write_audit",
]
