"""What a study's de-identified output depends on, as digests: settings apart, and decisions.

Both the de-identification cache and the load's "unchanged" test are keyed on these, never on
the whole config file or the output folder, so adding a comparison or moving the output folder
reuses earlier work while a new deny term, decision, setting, model or key redoes it.
"""

from __future__ import annotations

import hashlib
import json
from importlib.metadata import PackageNotFoundError, version

from qualbridge.schemas.config import ConsortiumConfig, StudyConfig
from qualbridge.tasks.shared.decisions import Decision, NumberedDecision
from qualbridge.tasks.shared.pseudonym import value_digest

# Study and engine settings that do not change a study's de-identified text.
STUDY_FIELDS_IGNORED = {"title", "corpus", "site", "crosswalk", "decisions", "risk"}
DEID_FIELDS_IGNORED = {"cache", "processes", "dask_address", "dask_chunk_size"}


def qualbridge_version() -> str:
    """The installed qualbridge version (part of every key)."""
    try:
        return version("qualbridge")
    except PackageNotFoundError:
        return "unknown"


def _sha(payload: object) -> str:
    text = json.dumps(payload, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def study_inputs_digest(
    study: StudyConfig, config: ConsortiumConfig, model_version: str, key_fingerprint: str
) -> str:
    """Digest of a study's settings, deny and allow lists, model, key and qualbridge version."""
    deny = b""
    if study.deny_list is not None:
        deny = config.resolve(study.deny_list).read_bytes()
    return _sha(
        [
            study.model_dump(mode="json", exclude=STUDY_FIELDS_IGNORED),
            config.deid.model_dump(mode="json", exclude=DEID_FIELDS_IGNORED),
            config.ingest.model_dump(mode="json"),
            hashlib.sha256(deny).hexdigest(),
            model_version,
            key_fingerprint,
            qualbridge_version(),
        ]
    )


def changes_text(decision: Decision) -> bool:
    """Whether a decision changes de-identified text (accepting a risk does not)."""
    return decision.decision != "accept_risk"


def decision_identity(decision: Decision, key: bytes) -> str:
    """A keyed digest of what was decided (never the term): equal decisions, equal identity."""
    term = value_digest(key, decision.term) if decision.term else None
    return _sha(
        [
            decision.decision,
            decision.entity_type,
            term,
            decision.utterance_id,
            decision.start,
            decision.end,
            decision.participant_id,
        ]
    )


def decisions_digest(decisions: list[NumberedDecision], key: bytes) -> str:
    """Digest of the decisions that change de-identified text, in any order."""
    return _sha(
        sorted(decision_identity(d.decision, key) for d in decisions if changes_text(d.decision))
    )
