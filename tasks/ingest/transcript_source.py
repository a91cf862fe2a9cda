"""A transcript to load: where it is and what it was when discovered, never its text."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class TranscriptSource:
    """A transcript file listed in a manifest; holds its path and hash, never its text."""

    study_id: str
    transcript_id: str
    path: Path
    source: str
    participant_id: str
    content_hash: str
    attributes: dict[str, str] = field(default_factory=dict)
    kind: str = "file"  # file | table | qdpx: tables and projects hold many transcripts
    part: str = ""  # the transcript's local id inside a table or project


def global_transcript_id(study_id: str, local_id: str) -> str:
    """Transcript ids are unique per study; prefix them to make them unique per consortium."""
    return f"{study_id}:{local_id}"
