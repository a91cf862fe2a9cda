"""Turn a consortium config into transcript sources to load and quarantine records."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from schemas.config import ConsortiumConfig, StudyConfig
from tasks.ingest.formats import SOURCE_ERRORS, SUPPORTED_SUFFIXES, parse_source
from tasks.ingest.limits import DEFAULT_LIMITS, IngestLimits
from tasks.ingest.manifest import ManifestError, read_manifest
from tasks.ingest.reading import SourceError, content_hash, read_bytes
from tasks.ingest.transcript_text import Utterance


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


@dataclass(frozen=True)
class QuarantineRecord:
    """Something that was not loaded, with a reason a steward can act on."""

    study_id: str
    source: str
    stage: str
    reason: str


def global_transcript_id(study_id: str, local_id: str) -> str:
    """Transcript ids are unique per study; prefix them to make them unique per consortium."""
    return f"{study_id}:{local_id}"


def discover_study(
    study: StudyConfig, config: ConsortiumConfig
) -> tuple[list[TranscriptSource], list[QuarantineRecord]]:
    """List a study's readable transcripts and quarantine what cannot be used."""
    manifest_path = config.resolve(study.manifest)
    limits = ingest_limits(config)
    sources: list[TranscriptSource] = []
    quarantined: list[QuarantineRecord] = []
    try:
        rows, problems = read_manifest(manifest_path)
    except ManifestError as exc:
        return sources, [QuarantineRecord(study.study_id, manifest_path.name, "manifest", str(exc))]
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
        path = (manifest_path.parent / row.file).resolve()
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
    listed = {(manifest_path.parent / f).resolve() for f in [r.file for r in rows]}
    listed |= {(manifest_path.parent / p.file).resolve() for p in problems if p.file}
    quarantined += unlisted_files(study.study_id, manifest_path.parent, listed)
    return sources, quarantined


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
