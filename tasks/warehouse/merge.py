"""Hub side of a consortium: verify sites' release packages, then merge them into one warehouse."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from importlib.resources import files
from pathlib import Path

import duckdb
import polars as pl

from tasks.quality.catalog import contract_for
from tasks.quality.residual_pii import residual_pii_counts
from tasks.warehouse.export import RELEASE_TABLES, sha256_file
from tasks.warehouse.store import TRANSCRIPT_TABLES, append_rows, transaction

MANIFEST = "release_manifest.json"
MANIFEST_KEYS = ("run_id", "created_at", "key_fingerprint", "contracts", "files")
# Release files the hub merges; the sites' own results are recomputed at the hub.
MERGED_TABLES = ("studies", "transcripts", "utterances", "detections", "codings")


class PackageError(ValueError):
    """A release package the hub refuses; the message names the package and the problem."""


@dataclass(frozen=True)
class Package:
    """A verified release package: its manifest, its sites and its de-identified frames."""

    folder: Path
    run_id: str
    created_at: datetime
    manifest_sha256: str
    sites: tuple[str, ...]
    frames: dict[str, pl.DataFrame]


@cache
def release_schemas() -> dict[str, pl.Schema]:
    """The column names and types of every release file, from the warehouse DDL itself."""
    with duckdb.connect() as con:
        con.execute(files("schemas").joinpath("warehouse.sql").read_text(encoding="utf-8"))
        return {name: con.sql(query).pl().schema for name, query in RELEASE_TABLES.items()}


def verify_package(folder: Path, hub_fingerprint: str, contracts: dict[str, str]) -> Package:
    """Check a package's manifest, key, contracts, checksums, schemas and links; raise if bad."""
    folder = Path(folder)

    def refuse(problem: str) -> PackageError:
        return PackageError(f"{folder}: {problem}")

    manifest_path = folder / MANIFEST
    if not manifest_path.is_file():
        raise refuse(f"no {MANIFEST}; not a qualbridge release package")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
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


def _check_links(frames: dict[str, pl.DataFrame], refuse: Callable[[str], PackageError]) -> None:
    """Every row belongs to a study, transcript or utterance of the same package."""
    if frames["studies"].is_empty():
        raise refuse("studies.parquet is empty; the package names no site")
    links = (
        ("transcripts", "study_id", "studies", "study_id"),
        ("utterances", "transcript_id", "transcripts", "transcript_id"),
        ("detections", "utterance_id", "utterances", "utterance_id"),
        ("codings", "utterance_id", "utterances", "utterance_id"),
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


def merge_package(con: duckdb.DuckDBPyConnection, package: Package, merge_run_id: str) -> str:
    """Merge one package in one transaction; return 'merged', 'unchanged' or 'stale'."""
    previous = {
        site: (digest, created)
        for site, digest, created in con.execute(
            "SELECT site, manifest_sha256, created_at FROM merged_packages "
            "WHERE list_contains(?, site)",
            [list(package.sites)],
        ).fetchall()
    }
    if set(previous) == set(package.sites) and all(
        digest == package.manifest_sha256 for digest, _ in previous.values()
    ):
        return "unchanged"
    if any(created > package.created_at for _, created in previous.values()):
        return "stale"
    studies = package.frames["studies"]
    transcripts = package.frames["transcripts"].with_columns(
        source=pl.lit(f"release:{package.run_id}"),
        content_hash=pl.lit(package.manifest_sha256),
        loaded_run_id=pl.lit(merge_run_id),
    )
    with transaction(con):
        # The sites' previous rows, and any earlier rows of the package's studies.
        replaced = con.execute(
            "SELECT study_id FROM studies "
            "WHERE list_contains(?, site) OR list_contains(?, study_id)",
            [list(package.sites), studies["study_id"].to_list()],
        ).fetchall()
        study_ids = [r[0] for r in replaced]
        old = "SELECT transcript_id FROM transcripts WHERE list_contains(?, study_id)"
        for table in TRANSCRIPT_TABLES:  # rows of transcripts first, the transcripts last
            con.execute(f"DELETE FROM {table} WHERE transcript_id IN ({old})", [study_ids])
        con.execute("DELETE FROM studies WHERE list_contains(?, study_id)", [study_ids])
        append_rows(con, "studies", studies)
        append_rows(con, "transcripts", transcripts)
        for name in ("utterances", "detections", "codings"):
            append_rows(con, name, package.frames[name])
        now = datetime.now(UTC)
        for site in package.sites:
            con.execute(
                "INSERT OR REPLACE INTO merged_packages VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    site,
                    package.run_id,
                    package.created_at,
                    package.manifest_sha256,
                    now,
                    merge_run_id,
                    transcripts.height,
                ],
            )
    return "merged"
