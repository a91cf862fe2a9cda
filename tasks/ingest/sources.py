"""Turn a consortium config into transcript sources to load and quarantine records."""

from __future__ import annotations

import logging
from pathlib import Path

from qualbridge.schemas.config import ConsortiumConfig, StudyConfig, TableSourceConfig
from qualbridge.tasks.ingest.documents import file_documents
from qualbridge.tasks.ingest.formats import SOURCE_ERRORS, SUPPORTED_SUFFIXES
from qualbridge.tasks.ingest.limits import IngestLimits, ingest_limits
from qualbridge.tasks.ingest.manifest import ManifestError, ManifestRow, RowProblem, read_manifest
from qualbridge.tasks.ingest.reading import content_hash
from qualbridge.tasks.ingest.source_files import (
    confined_path,
    document_folder,
    multi_transcript_files,
    read_document,
    read_source_file,
    read_utterances,
    study_folder,
    utterances_and_notes,
)
from qualbridge.tasks.ingest.transcript_source import TranscriptSource, global_transcript_id
from qualbridge.tasks.shared.keys import load_key
from qualbridge.tasks.shared.quarantine import QuarantineRecord

__all__ = [
    "TranscriptSource",
    "discover_study",
    "global_transcript_id",
    "ingest_limits",
    "read_document",
    "read_utterances",
]

LOG = logging.getLogger("qualbridge.ingest")
Found = tuple[list[TranscriptSource], list[QuarantineRecord]]


def discover_study(study: StudyConfig, config: ConsortiumConfig, key: bytes | None = None) -> Found:
    """List a study's readable transcripts and quarantine what cannot be used."""
    documents = multi_transcript_files(study, config)
    root = study_folder(study, config)
    rows: list[ManifestRow] = []
    problems: list[RowProblem] = []
    if study.manifest is not None:
        manifest_name = config.resolve(study.manifest).name
        try:
            rows, problems = read_manifest(config.resolve(study.manifest))
        except ManifestError as exc:
            return [], [QuarantineRecord(study.study_id, manifest_name, "manifest", str(exc))]
        quarantined = [_row_problem(study.study_id, manifest_name, p) for p in problems]
    else:
        quarantined = []
    # Rows naming a table or project give attributes to its transcripts, by transcript_id.
    attribute_rows = {r.transcript_id: r for r in rows if (root / r.file).resolve() in documents}
    rows = [r for r in rows if r.transcript_id not in attribute_rows]
    sources, rejected = _file_sources(study, root, rows, ingest_limits(config))
    listed = {(root / name).resolve() for name in [r.file for r in rows]}
    listed |= {(root / p.file).resolve() for p in problems if p.file}
    quarantined += rejected + unlisted_files(study.study_id, root, listed)
    if documents:
        key = key if key is not None else load_key(config.key_env, config.key_file)
        found, rejected = _all_document_sources(study, config, key, attribute_rows, sources)
        sources += found
        quarantined += rejected
    return sources, quarantined


def _row_problem(study_id: str, manifest_name: str, problem: RowProblem) -> QuarantineRecord:
    reason = f"field '{problem.field}': {problem.reason}"
    return QuarantineRecord(study_id, f"{manifest_name}:{problem.line}", "manifest", reason)


def _file_sources(
    study: StudyConfig, root: Path, rows: list[ManifestRow], limits: IngestLimits
) -> Found:
    """Manifest-listed transcript files that read and parse, and the quarantine of the rest."""
    sources: list[TranscriptSource] = []
    quarantined: list[QuarantineRecord] = []
    for row in rows:
        try:
            path = confined_path(root, row.file)
            data = read_source_file(path, root, limits)
            _, notes = utterances_and_notes(data, path.suffix, study.speakers, limits)
        except SOURCE_ERRORS as exc:
            quarantined.append(QuarantineRecord(study.study_id, row.file, "ingest", str(exc)))
            continue
        for note in notes:
            LOG.warning("%s %s: %s", study.study_id, row.file, note)
        sources.append(
            TranscriptSource(
                study_id=study.study_id,
                transcript_id=global_transcript_id(study.study_id, row.transcript_id),
                path=path,
                source=row.file,
                participant_id=row.participant_id,
                content_hash=content_hash(data),
                attributes=row.attributes,
            )
        )
    return sources, quarantined


def _all_document_sources(
    study: StudyConfig,
    config: ConsortiumConfig,
    key: bytes,
    attribute_rows: dict[str, ManifestRow],
    sources: list[TranscriptSource],
) -> Found:
    """The transcripts of every table and project of a study, and the quarantine of bad files."""
    taken = {s.transcript_id for s in sources}
    base = document_folder(config)
    limits = ingest_limits(config)
    found: list[TranscriptSource] = []
    quarantined: list[QuarantineRecord] = []
    for path, (kind, table) in multi_transcript_files(study, config).items():
        more, problem = _document_sources(
            study, path, base, kind, table, key, limits, attribute_rows, taken
        )
        found += more
        quarantined += problem
    return found, quarantined


def _document_sources(
    study: StudyConfig,
    path: Path,
    base: Path,
    kind: str,
    table: TableSourceConfig | None,
    key: bytes,
    limits: IngestLimits,
    attribute_rows: dict[str, ManifestRow],
    taken: set[str],
) -> Found:
    """A table's conversations or a project's text sources as transcripts, or one quarantine."""
    name = path.relative_to(base).as_posix() if path.is_relative_to(base) else path.name
    try:
        data = read_source_file(path, base, limits)
        documents = file_documents(data, kind, study.speakers, key, limits, table)
    except SOURCE_ERRORS as exc:
        return [], [QuarantineRecord(study.study_id, name, "ingest", str(exc))]
    found = []
    for document in documents:
        transcript_id = global_transcript_id(study.study_id, document.local_id)
        if transcript_id in taken:
            reason = f"transcript id {transcript_id} already comes from another source"
            return [], [QuarantineRecord(study.study_id, name, "ingest", reason)]
        row = attribute_rows.get(document.local_id)
        participant = row.participant_id if row else document.participant_id
        found.append(
            TranscriptSource(
                study_id=study.study_id,
                transcript_id=transcript_id,
                path=path,
                source=name,
                participant_id=participant or document.local_id,
                content_hash=content_hash(data),
                attributes=row.attributes if row else {},
                kind=kind,
                part=document.local_id,
            )
        )
    taken.update(s.transcript_id for s in found)
    return found, []


def unlisted_files(study_id: str, root: Path, listed: set[Path]) -> list[QuarantineRecord]:
    """Transcript files beside the listed ones that no manifest row names: never silently lost."""
    folders = {path.parent for path in listed if path.parent.is_dir()}
    return [
        QuarantineRecord(
            study_id, path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name,
            "manifest", "file is not listed in the manifest",
        )
        for folder in sorted(folders)
        for path in sorted(folder.iterdir())
        if path.is_file()
        and path.suffix.casefold() in SUPPORTED_SUFFIXES
        and path.resolve() not in listed
    ]  # fmt: skip
