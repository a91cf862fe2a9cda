"""De-identification: detect identifiers, replace them, and write audit rows."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

# First, so Presidio is imported with its pattern checks deferred (see presidio_import).
import qualbridge.tasks.deid.presidio_import  # noqa: F401

# isort: split
from qualbridge.tasks.deid.engine import (
    Deidentifier,
    DeidResult,
)
from qualbridge.tasks.deid.evaluation import (
    Detector,
    EvaluationReport,
    GoldFileError,
    PrecisionRow,
    RecallRow,
    Snippet,
    evaluate,
    load_gold,
    vanilla_presidio_detector,
)
from qualbridge.tasks.deid.gazetteers import (
    first_names,
    person_names,
    uk_places,
)
from qualbridge.tasks.deid.nlp import (
    Dictionary,
    ModelNotInstalledError,
    dictionaries,
    model_version,
    nlp_engine,
)
from qualbridge.tasks.deid.recognizers import (
    parse_deny_list,
)
from qualbridge.tasks.deid.registry import (
    EntitySelection,
    EntityTypeStatus,
    all_entity_types,
    countries_left_out,
    effective_entities,
    entity_type_statuses,
    scan_recognizers,
)
from qualbridge.tasks.deid.wordlists import (
    load_word_list,
)

# Modules that import Prefect and ingest (seconds of start-up) load on first use, so
# `deid-text` and the engine start without them.
_ON_FIRST_USE = {
    "chunks": "distributed",
    "close_run_pool": "run_pool",
    "open_run_pool": "run_pool",
    "run_pool_size": "run_pool",
    "combine": "distributed",
    "deidentify_chunk_task": "distributed",
    "deidentify_study_task": "tasks",
    "stage_batch": "tasks",
    "study_mentions_task": "tasks",
    "transcript_progress": "tasks",
    "study_engine": "transcripts",
    "study_lists": "transcripts",
}
if TYPE_CHECKING:
    from qualbridge.tasks.deid.distributed import chunks, combine, deidentify_chunk_task
    from qualbridge.tasks.deid.run_pool import close_run_pool, open_run_pool, run_pool_size
    from qualbridge.tasks.deid.tasks import (
        deidentify_study_task,
        stage_batch,
        study_mentions_task,
        transcript_progress,
    )
    from qualbridge.tasks.deid.transcripts import study_engine, study_lists


def __getattr__(name: str) -> Any:
    """Load a Prefect-bound export on first use."""
    if name not in _ON_FIRST_USE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{_ON_FIRST_USE[name]}"), name)
    globals()[name] = value
    return value


__all__ = [
    "DeidResult",
    "Deidentifier",
    "Detector",
    "Dictionary",
    "EntitySelection",
    "EntityTypeStatus",
    "EvaluationReport",
    "GoldFileError",
    "ModelNotInstalledError",
    "PrecisionRow",
    "RecallRow",
    "Snippet",
    "all_entity_types",
    "chunks",
    "close_run_pool",
    "combine",
    "countries_left_out",
    "deidentify_chunk_task",
    "deidentify_study_task",
    "dictionaries",
    "effective_entities",
    "entity_type_statuses",
    "evaluate",
    "first_names",
    "load_gold",
    "load_word_list",
    "model_version",
    "nlp_engine",
    "open_run_pool",
    "parse_deny_list",
    "person_names",
    "run_pool_size",
    "scan_recognizers",
    "stage_batch",
    "study_engine",
    "study_lists",
    "study_mentions_task",
    "transcript_progress",
    "uk_places",
    "vanilla_presidio_detector",
]
