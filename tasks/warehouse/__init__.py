"""Warehouse: the DuckDB file, its loads and the release export; stores and reads only."""

from __future__ import annotations

from qualbridge.tasks.warehouse.export import (
    RELEASE_TABLES,
    export_release,
    sha256_file,
)
from qualbridge.tasks.warehouse.merge import (
    MANIFEST,
    MANIFEST_KEYS,
    MERGED_TABLES,
    Package,
    PackageError,
    merge_package,
)
from qualbridge.tasks.warehouse.store import (
    TRANSCRIPT_TABLES,
    append_rows,
    connect,
    finish_run,
    replace_codings,
    replace_table,
    replace_themes,
    start_run,
    stored_crosswalk_hashes,
    stored_hashes,
    transaction,
)
from qualbridge.tasks.warehouse.tasks import (
    load_warehouse_task,
)

__all__ = [
    "MANIFEST",
    "MANIFEST_KEYS",
    "MERGED_TABLES",
    "RELEASE_TABLES",
    "TRANSCRIPT_TABLES",
    "Package",
    "PackageError",
    "append_rows",
    "connect",
    "export_release",
    "finish_run",
    "load_warehouse_task",
    "merge_package",
    "replace_codings",
    "replace_table",
    "replace_themes",
    "sha256_file",
    "start_run",
    "stored_crosswalk_hashes",
    "stored_hashes",
    "transaction",
]
