"""Ingest: the one door to raw transcript files. Reads sources within limits and hands out turns."""

from __future__ import annotations

from qualbridge.tasks.ingest.decision_spans import (
    resolve_spans,
)
from qualbridge.tasks.ingest.documents import (
    Document,
)
from qualbridge.tasks.ingest.formats import (
    SOURCE_ERRORS,
)
from qualbridge.tasks.ingest.limits import (
    DEFAULT_LIMITS,
    ingest_limits,
)
from qualbridge.tasks.ingest.reading import (
    SourceError,
)
from qualbridge.tasks.ingest.source_files import (
    listed_file_utterances,
    read_document,
    read_utterances,
)
from qualbridge.tasks.ingest.tasks import (
    discover_study_task,
    files_of,
    sources_frame,
    sources_from_frame,
)
from qualbridge.tasks.ingest.transcript_source import (
    TranscriptSource,
)
from qualbridge.tasks.ingest.transcript_text import (
    Utterance,
)

__all__ = [
    "DEFAULT_LIMITS",
    "SOURCE_ERRORS",
    "Document",
    "SourceError",
    "TranscriptSource",
    "Utterance",
    "discover_study_task",
    "files_of",
    "ingest_limits",
    "listed_file_utterances",
    "read_document",
    "read_utterances",
    "resolve_spans",
    "sources_frame",
    "sources_from_frame",
]
