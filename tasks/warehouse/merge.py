"""Hub side of a consortium: merge verified site packages into one warehouse (quality verifies)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import polars as pl

from qualbridge.tasks.warehouse.store import TRANSCRIPT_TABLES, append_rows, transaction

MANIFEST = "release_manifest.json"
MANIFEST_KEYS = ("run_id", "created_at", "key_fingerprint", "contracts", "files")
# Release files the hub merges; the sites' own results are recomputed at the hub.
MERGED_TABLES = ("studies", "transcripts", "utterances", "detections", "codings", "crosswalks")


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
        con.execute("DELETE FROM crosswalks WHERE list_contains(?, study_id)", [study_ids])
        con.execute("DELETE FROM studies WHERE list_contains(?, study_id)", [study_ids])
        append_rows(con, "studies", studies)
        append_rows(con, "transcripts", transcripts)
        for name in ("utterances", "detections", "codings", "crosswalks"):
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
