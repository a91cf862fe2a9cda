"""Turn a consortium config into transcript sources to load and quarantine records."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from qualbridge.schemas.config import ConsortiumConfig, StudyConfig, TableSourceConfig
from qualbridge.tasks.ingest.documents import Document, file_documents
from qualbridge.tasks.ingest.formats import SOURCE_ERRORS, SUPPORTED_SUFFIXES, parse_source
from qualbridge.tasks.ingest.limits import DEFAULT_LIMITS, IngestLimits
from qualbridge.tasks.ingest.manifest import ManifestError, ManifestRow, read_manifest
from qualbridge.tasks.ingest.reading import SourceError, content_hash, read_bytes
from qualbridge.tasks.ingest.transcript_text import Utterance
from qualbridge.tasks.shared.keys import load_key
from qualbridge.tasks.shared.quarantine import QuarantineRecord


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


def discover_study(
    study: StudyConfig, config: ConsortiumConfig, key: bytes | None = None
) -> tuple[list[TranscriptSource], list[QuarantineRecord]]:
    """List a study's readable transcripts and quarantine what cannot be used."""
    limits = ingest_limits(config)
    documents = multi_transcript_files(study, config)
    if study.manifest is None:
        rows, problems, manifest_dir = [], [], config.base_dir
    else:
        manifest_path = config.resolve(study.manifest)
        manifest_dir = manifest_path.parent
        try:
            rows, problems = read_manifest(manifest_path)
        except ManifestError as exc:
            record = QuarantineRecord(study.study_id, manifest_path.name, "manifest", str(exc))
            return [], [record]
    # Rows naming a table or project give attributes to its transcripts, by transcript_id.
    attribute_rows = {
        r.transcript_id: r for r in rows if (manifest_dir / r.file).resolve() in documents
    }
    rows = [r for r in rows if r.transcript_id not in attribute_rows]
    sources: list[TranscriptSource] = []
    quarantined: list[QuarantineRecord] = []
    for problem in problems:
        quarantined.append(
            QuarantineRecord(
                study.study_id,
                f"{manifest_path.name}:{problem.line}",
                "manifest",
                f"field '{problem.field}': {problem.reason}",
            )
        )
    for row in rows:
        path = (manifest_dir / row.file).resolve()
        try:
            data = read_bytes(path, limits.max_file_bytes)
            parse_source(data, path.suffix, study.speakers, limits)
        except SOURCE_ERRORS as exc:
            quarantined.append(QuarantineRecord(study.study_id, row.file, "ingest", str(exc)))
            continue
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
    listed = {(manifest_dir / f).resolve() for f in [r.file for r in rows]}
    listed |= {(manifest_dir / p.file).resolve() for p in problems if p.file}
    quarantined += unlisted_files(study.study_id, manifest_dir, listed)
    if documents:
        key = key if key is not None else load_key(config.key_env, config.key_file)
        taken = {s.transcript_id for s in sources}
        base = Path(config.base_dir).resolve()
        for path, (kind, table) in documents.items():
            name = path.relative_to(base).as_posix() if path.is_relative_to(base) else path.name
            found, problem = _document_sources(
                study, path, name, kind, table, key, limits, attribute_rows, taken
            )
            sources += found
            quarantined += problem
    return sources, quarantined


def multi_transcript_files(
    study: StudyConfig, config: ConsortiumConfig
) -> dict[Path, tuple[str, TableSourceConfig | None]]:
    """The study's tables and projects by resolved path, with their kind and table config."""
    files: dict[Path, tuple[str, TableSourceConfig | None]] = {
        config.resolve(table.path): ("table", table) for table in study.tables
    }
    files.update({config.resolve(path): ("qdpx", None) for path in study.qdpx})
    return files


def _document_sources(
    study: StudyConfig,
    path: Path,
    name: str,
    kind: str,
    table: TableSourceConfig | None,
    key: bytes,
    limits: IngestLimits,
    attribute_rows: dict[str, ManifestRow],
    taken: set[str],
) -> tuple[list[TranscriptSource], list[QuarantineRecord]]:
    """A table's conversations or a project's text sources as transcripts, or one quarantine."""
    try:
        data = read_bytes(path, limits.max_file_bytes)
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


def ingest_limits(config: ConsortiumConfig) -> IngestLimits:
    """The config's ingest limits as the parsers take them."""
    return IngestLimits(**config.ingest.model_dump())


def read_utterances(
    source: TranscriptSource, speakers: dict[str, str], limits: IngestLimits = DEFAULT_LIMITS
) -> list[Utterance]:
    """Read a source again for de-identification, refusing it if it changed since discovery."""
    data = read_bytes(source.path, limits.max_file_bytes)
    if content_hash(data) != source.content_hash:
        raise SourceError("file changed during the run; rerun to pick up the new version")
    return parse_source(data, source.path.suffix, speakers, limits)


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
        data = read_bytes(source.path, limits.max_file_bytes)
        if content_hash(data) != source.content_hash:
            raise SourceError("file changed during the run; rerun to pick up the new version")
        kind, table = multi_transcript_files(study, config).get(source.path, (source.kind, None))
        cache[cache_key] = file_documents(data, kind, study.speakers, key, limits, table)
    for document in cache[cache_key]:
        if document.local_id == source.part:
            return document
    raise SourceError("the transcript is no longer in its file; rerun to pick up the new version")
