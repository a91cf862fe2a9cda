"""A cache of de-identified study frames, so a rerun on unchanged inputs skips the NER work.

Only de-identified outputs are cached (the same Parquet the stage writes), never raw text. An
entry's key covers everything the output depends on: the sources (ids, participants, content
hashes, attributes), the config file, the study's deny list, the model version, the consortium
key's fingerprint and qualbridge's version. Any change gives a new key, so the work is redone.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import polars as pl

from qualbridge.schemas.config import ConsortiumConfig, StudyConfig
from qualbridge.tasks.ingest import TranscriptSource
from qualbridge.tasks.shared.staging import write_frame

FRAMES = ("transcripts", "utterances", "detections", "codings", "quarantine")
# Columns that name the run which produced a row; rewritten to the current run on a hit.
RUN_COLUMNS = {"transcripts": "loaded_run_id", "quarantine": "run_id"}


def qualbridge_version() -> str:
    """The installed qualbridge version (part of every cache key)."""
    try:
        return version("qualbridge")
    except PackageNotFoundError:
        return "unknown"


@dataclass(frozen=True)
class CacheKeyParts:
    """Everything a study's de-identified output depends on besides the code itself."""

    sources: tuple[tuple[str, str, str, str, str], ...]
    config_hash: str
    deny_list_hash: str
    model_version: str
    key_fingerprint: str
    qualbridge_version: str

    def digest(self) -> str:
        """SHA-256 of the parts, as the entry's name."""
        payload = json.dumps(
            [
                self.sources,
                self.config_hash,
                self.deny_list_hash,
                self.model_version,
                self.key_fingerprint,
                self.qualbridge_version,
            ]
        )
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def cache_key_parts(
    study: StudyConfig,
    config: ConsortiumConfig,
    sources: Sequence[TranscriptSource],
    config_hash: str,
    model_version: str,
    key_fingerprint: str,
) -> CacheKeyParts:
    """Collect the key parts of one study's de-identification."""
    # The steward's decisions change the study's allow and deny lists, so they count too.
    deny = b""
    for listed in (study.deny_list, study.decisions):
        if listed is not None:
            deny += config.resolve(listed).read_bytes() + b"\x1e"
    return CacheKeyParts(
        tuple(
            sorted(
                (
                    s.transcript_id,
                    s.participant_id,
                    s.source,
                    s.content_hash,
                    json.dumps(s.attributes, sort_keys=True),
                )
                for s in sources
            )
        ),
        config_hash,
        hashlib.sha256(deny).hexdigest(),
        model_version,
        key_fingerprint,
        qualbridge_version(),
    )


def entry_dir(cache_dir: Path, study_id: str, key: str) -> Path:
    """Folder of one cache entry."""
    return cache_dir / f"{study_id}-{key[:32]}"


def restore(
    cache_dir: Path, study_id: str, key: str, run_id: str, stage_dir: Path
) -> dict[str, int] | None:
    """Copy a cached entry into the run's staging folders; its row counts, None on a miss."""
    entry = entry_dir(cache_dir, study_id, key)
    if not all((entry / f"{name}.parquet").is_file() for name in FRAMES):
        return None
    counts = {}
    for name in FRAMES:
        df = pl.read_parquet(entry / f"{name}.parquet")
        if name in RUN_COLUMNS:
            df = df.with_columns(pl.lit(run_id).alias(RUN_COLUMNS[name]))
        write_frame(df, staged_path(stage_dir, study_id, name))
        counts[name] = df.height
    return counts


def store(cache_dir: Path, study_id: str, key: str, stage_dir: Path) -> Path:
    """Keep a study's staged frames as its one cache entry (older entries of it are dropped)."""
    entry = entry_dir(cache_dir, study_id, key)
    partial = entry.with_name(entry.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    for name in FRAMES:
        shutil.copyfile(staged_path(stage_dir, study_id, name), partial / f"{name}.parquet")
    for old in cache_dir.glob(f"{study_id}-*"):
        if old != partial:
            shutil.rmtree(old, ignore_errors=True)
    partial.rename(entry)
    return entry


def staged_path(stage_dir: Path, study_id: str, name: str) -> Path:
    """Where the de-identification stage stages one frame of a study."""
    if name == "quarantine":
        return stage_dir.parent / "quarantine" / f"deidentify.{study_id}.parquet"
    return stage_dir / f"{study_id}.{name}.parquet"
