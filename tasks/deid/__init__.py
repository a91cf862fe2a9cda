"""De-identification: detect identifiers, replace them, and write audit rows."""

from __future__ import annotations

from qualbridge.tasks.deid.distributed import (
    chunks,
    combine,
    deidentify_chunk_task,
)
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
    all_entity_types,
    effective_entities,
)
from qualbridge.tasks.deid.run_pool import (
    close_run_pool,
    open_run_pool,
)
from qualbridge.tasks.deid.tasks import (
    deidentify_study_task,
    stage_batch,
    transcript_progress,
)
from qualbridge.tasks.deid.transcripts import (
    study_engine,
    study_lists,
)
from qualbridge.tasks.deid.wordlists import (
    load_word_list,
)

__all__ = [
    "DeidResult",
    "Deidentifier",
    "Detector",
    "Dictionary",
    "EntitySelection",
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
    "deidentify_chunk_task",
    "deidentify_study_task",
    "dictionaries",
    "effective_entities",
    "evaluate",
    "first_names",
    "load_gold",
    "load_word_list",
    "model_version",
    "nlp_engine",
    "open_run_pool",
    "parse_deny_list",
    "person_names",
    "stage_batch",
    "study_engine",
    "study_lists",
    "transcript_progress",
    "uk_places",
    "vanilla_presidio_detector",
]
