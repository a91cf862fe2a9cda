"""The one door to raw source files: the only code of qualbridge that opens a transcript file.

It resolves a file's real path and refuses anything outside its study's folder (symlinks and
`..` included), refuses missing, empty and oversized files, and hands out utterances parsed within
the ingest limits. Discovery, de-identification, span decisions and the audit's raw view all
read through here.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from qualbridge.schemas.config import ConsortiumConfig, StudyConfig, TableSourceConfig
from qualbridge.tasks.ingest.documents import Document, file_documents
from qualbridge.tasks.ingest.formats import source_turns
from qualbridge.tasks.ingest.limits import DEFAULT_LIMITS, IngestLimits, ingest_limits
from qualbridge.tasks.ingest.plain_text import UNLABELLED
from qualbridge.tasks.ingest.reading import SourceError, content_hash
from qualbridge.tasks.ingest.transcript_source import TranscriptSource
from qualbridge.tasks.ingest.transcript_text import Utterance, turns_to_utterances

OUTSIDE_FOLDER = "the file is outside the study folder (a link or '..' leads out of it); not read"
NO_LABELS = "no speaker labels: read as one unlabelled speaker (role other)"
CHANGED = "file changed during the run; rerun to pick up the new version"


def study_folder(study: StudyConfig, config: ConsortiumConfig) -> Path:
    """Where a study's listed files must be: the manifest's folder, else the base folder."""
    if study.manifest is None:
        return document_folder(config)
    return config.resolve(study.manifest).parent.resolve()


def document_folder(config: ConsortiumConfig) -> Path:
    """Where tables and projects must be: the folder of the consortium config."""
    return Path(config.base_dir).resolve()


def confined_path(root: Path, name: str | Path) -> Path:
    """The real path of `name` under `root`; SourceError if it leads outside `root`."""
    path = (root / name).resolve()
    if not path.is_relative_to(root.resolve()):
        raise SourceError(OUTSIDE_FOLDER)
    return path


def _read_real_file(path: Path, max_bytes: int) -> bytes:
    """Read a resolved path, refusing links, missing, empty and oversized files."""
    if not path.is_file():
        raise SourceError("file not found")
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        raise SourceError("file not found or not readable") from None
    with os.fdopen(handle, "rb") as file:
        info = os.fstat(file.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise SourceError("file not found")
        if info.st_size == 0:
            raise SourceError("file is empty")
        if info.st_size > max_bytes:
            raise SourceError(f"file is {info.st_size} bytes, over the limit of {max_bytes}")
        data = file.read(max_bytes + 1)  # it may grow after fstat: never read past the limit
        if len(data) > max_bytes:
            raise SourceError(f"file is over the limit of {max_bytes} bytes")
        return data


def read_source_file(path: Path | str, root: Path, limits: IngestLimits = DEFAULT_LIMITS) -> bytes:
    """The bytes of a file under `root` (a path relative to it, or absolute), within the limits."""
    return _read_real_file(confined_path(root, path), limits.max_file_bytes)


def utterances_and_notes(
    data: bytes, suffix: str, speakers: dict[str, str], limits: IngestLimits = DEFAULT_LIMITS
) -> tuple[list[Utterance], list[str]]:
    """A file's utterances, with notes for the run's log (never its text)."""
    turns = source_turns(data, suffix, list(speakers), limits)
    notes = [NO_LABELS] if all(turn.speaker == UNLABELLED for turn in turns) else []
    return turns_to_utterances(turns, speakers), notes


def _reread(source: TranscriptSource, limits: IngestLimits) -> bytes:
    """A discovered source's bytes again: the same real path and the same content, or refused."""
    if source.path.resolve() != source.path:
        raise SourceError("the file's path changed since discovery (a link?); not read")
    data = _read_real_file(source.path, limits.max_file_bytes)
    if content_hash(data) != source.content_hash:
        raise SourceError(CHANGED)
    return data


def read_utterances(
    source: TranscriptSource, speakers: dict[str, str], limits: IngestLimits = DEFAULT_LIMITS
) -> list[Utterance]:
    """Read a source again for de-identification, refusing it if it changed since discovery."""
    return utterances_and_notes(_reread(source, limits), source.path.suffix, speakers, limits)[0]


def multi_transcript_files(
    study: StudyConfig, config: ConsortiumConfig
) -> dict[Path, tuple[str, TableSourceConfig | None]]:
    """The study's tables and projects by resolved path, with their kind and table config."""
    files: dict[Path, tuple[str, TableSourceConfig | None]] = {
        config.resolve(table.path).resolve(): ("table", table) for table in study.tables
    }
    files.update({config.resolve(path).resolve(): ("qdpx", None) for path in study.qdpx})
    return files


def read_document(
    source: TranscriptSource,
    study: StudyConfig,
    config: ConsortiumConfig,
    key: bytes,
    cache: dict[tuple[Path, str], list[Document]] | None = None,
) -> Document:
    """Read a transcript for de-identification: a file's utterances, or a table or project part.

    `cache` keeps the current multi-transcript file parsed once; the caller drops it when done
    (it holds raw text).
    """
    limits = ingest_limits(config)
    if source.kind == "file":
        return Document("", None, read_utterances(source, study.speakers, limits))
    cache = {} if cache is None else cache
    cache_key = (source.path, source.content_hash)
    if cache_key not in cache:
        cache.clear()  # a file's transcripts come together: hold one parsed file at a time
        data = _reread(source, limits)
        kind, table = multi_transcript_files(study, config).get(source.path, (source.kind, None))
        cache[cache_key] = file_documents(data, kind, study.speakers, key, limits, table)
    for document in cache[cache_key]:
        if document.local_id == source.part:
            return document
    raise SourceError("the transcript is no longer in its file; rerun to pick up the new version")


def listed_file_utterances(
    study: StudyConfig, config: ConsortiumConfig, file: str, expected_hash: str | None = None
) -> list[Utterance]:
    """Utterances of a file the study's manifest lists, as it is now (for decisions and audit).

    With `expected_hash`, a file that is no longer the version loaded is refused.
    """
    limits = ingest_limits(config)
    data = read_source_file(file, study_folder(study, config), limits)
    if expected_hash is not None and content_hash(data) != expected_hash:
        raise SourceError(CHANGED)
    return utterances_and_notes(data, Path(file).suffix, study.speakers, limits)[0]
