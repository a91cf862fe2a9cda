"""Verify a site's release package before the hub merges it: manifest, key, checksums, schemas."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import datetime
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from qualbridge.tasks.quality.residual_pii import residual_pii_counts
from qualbridge.tasks.shared.contract_catalog import contract_for
from qualbridge.tasks.shared.signing import SignatureError, verify_manifest
from qualbridge.tasks.warehouse import (
    MANIFEST,
    MANIFEST_KEYS,
    MERGED_TABLES,
    RELEASE_TABLES,
    Package,
    PackageError,
    sha256_file,
)


@cache
def release_schemas() -> dict[str, pl.Schema]:
    """The column names and types of every release file, from the warehouse DDL itself."""
    with duckdb.connect() as con:
        con.execute(
            files("qualbridge.schemas").joinpath("warehouse.sql").read_text(encoding="utf-8")
        )
        return {name: con.sql(query).pl().schema for name, query in RELEASE_TABLES.items()}


def verify_package(
    folder: Path, hub_fingerprint: str, contracts: dict[str, str], key: bytes
) -> Package:
    """Check a package's signature, key, contracts, checksums, schemas and links; raise if bad.

    The manifest's signature is checked before anything it lists is read: a package edited
    and re-hashed without the consortium key is refused, naming the file.
    """
    folder = Path(folder)

    def refuse(problem: str) -> PackageError:
        return PackageError(f"{folder}: {problem}")

    manifest_path = folder / MANIFEST
    manifest = _authentic_manifest(manifest_path, hub_fingerprint, key, refuse)
    if manifest["contracts"] != contracts:
        raise refuse(
            f"checked against contracts {manifest['contracts']}, the hub expects {contracts}"
        )
    listed = manifest["files"]
    on_disk = {p.name for p in folder.glob("*.parquet")}
    if unlisted := sorted(on_disk - set(listed)):
        raise refuse(f"files not in the manifest: {unlisted}")
    schemas = release_schemas()
    frames: dict[str, pl.DataFrame] = {}
    for name in MERGED_TABLES:
        entry = listed.get(f"{name}.parquet")
        path = folder / f"{name}.parquet"
        if entry is None or not path.is_file():
            raise refuse(f"{path.name} is missing")
        if sha256_file(path) != entry.get("sha256"):
            raise refuse(f"{path.name} does not match its checksum; it was changed after release")
        df = pl.read_parquet(path)
        if df.height != entry.get("rows"):
            raise refuse(f"{path.name} has {df.height} rows, the manifest says {entry.get('rows')}")
        if df.schema != schemas[name]:
            raise refuse(f"{path.name} does not have the release schema of this qualbridge version")
        frames[name] = df
    _check_links(frames, refuse)
    _check_residual_pii(frames["utterances"], refuse)
    try:
        created_at = datetime.fromisoformat(manifest["created_at"])
    except (TypeError, ValueError):
        raise refuse("created_at is not an ISO timestamp") from None
    return Package(
        folder,
        str(manifest["run_id"]),
        created_at,
        hashlib.sha256(manifest_path.read_bytes()).hexdigest(),
        tuple(sorted(set(frames["studies"]["site"].to_list()))),
        frames,
    )


def _authentic_manifest(
    path: Path, hub_fingerprint: str, key: bytes, refuse: Callable[[str], PackageError]
) -> dict[str, Any]:
    """The manifest, read and checked: complete, made with the hub's key, signed by it."""
    if not path.is_file():
        raise refuse(f"no {MANIFEST}; not a qualbridge release package")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise refuse(f"{MANIFEST} is not valid JSON") from None
    if not isinstance(manifest, dict) or (
        missing := [k for k in MANIFEST_KEYS if k not in manifest]
    ):
        raise refuse(f"{MANIFEST} lacks {missing if isinstance(manifest, dict) else MANIFEST_KEYS}")
    if manifest["key_fingerprint"] != hub_fingerprint:
        raise refuse(
            f"made with another consortium key (fingerprint {manifest['key_fingerprint']}, the hub "
            f"uses {hub_fingerprint}); its pseudonyms would not match the other sites'"
        )
    try:
        verify_manifest(manifest, key)
    except SignatureError as exc:
        raise refuse(f"{MANIFEST} is not authentic: {exc}; refused") from None
    return manifest


def _check_links(frames: dict[str, pl.DataFrame], refuse: Callable[[str], PackageError]) -> None:
    """Every row belongs to a study, transcript or utterance of the same package."""
    if frames["studies"].is_empty():
        raise refuse("studies.parquet is empty; the package names no site")
    links = (
        ("transcripts", "study_id", "studies", "study_id"),
        ("utterances", "transcript_id", "transcripts", "transcript_id"),
        ("detections", "utterance_id", "utterances", "utterance_id"),
        ("codings", "utterance_id", "utterances", "utterance_id"),
        ("crosswalks", "study_id", "studies", "study_id"),
    )
    for child, column, parent, key in links:
        orphans = frames[child].join(frames[parent], left_on=column, right_on=key, how="anti")
        if orphans.height:
            raise refuse(f"{orphans.height} {child} row(s) point to no {parent} in the package")


def _check_residual_pii(utterances: pl.DataFrame, refuse: Callable[[str], PackageError]) -> None:
    """The hub's own scan of the released text with the contract's identifier patterns."""
    patterns = contract_for("utterances").column("text").residual_pii
    with duckdb.connect() as mem:
        mem.register("package_utterances", utterances.select("utterance_id", "text").to_arrow())
        hits = residual_pii_counts(mem, "package_utterances", "utterance_id", "text", patterns)
    found = [
        f"{h.pattern_name} in {h.count} ({', '.join(h.sample_ids[:3])})" for h in hits if h.count
    ]
    if found:
        # Counts and row ids only: the values themselves must not reach the hub's logs.
        raise refuse("utterances still match identifier patterns: " + "; ".join(found))
