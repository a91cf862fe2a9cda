"""The release gate: every check of a run passed, the exported tables meet their contracts,
and no caller (steward sign-off, k-anonymity...) objects; otherwise nothing is released."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from qualbridge.schemas import frames
from qualbridge.tasks.quality.gate import check_rows, failed_checks
from qualbridge.tasks.quality.gx_suite import CheckResult
from qualbridge.tasks.quality.tasks import validate_tables
from qualbridge.tasks.shared.contract_catalog import released_contracts
from qualbridge.tasks.warehouse import RELEASE_TABLES, append_rows, export_release, transaction

RELEASE_STAGE = "release"
# Consortium-wide quarantine records (a blocked release) name no single study.
ALL_STUDIES = "*"


class UnknownRunError(LookupError):
    """The warehouse has no such run (or no run at all)."""


@dataclass
class ReleaseOutcome:
    """Whether a run was released, where, and every reason it was not."""

    run_id: str
    released: bool
    path: Path | None
    blockers: list[str] = field(default_factory=list)
    checks: list[CheckResult] = field(default_factory=list)


def resolve_run(con: duckdb.DuckDBPyConnection, run_id: str | None) -> str:
    """The given run if the warehouse knows it, else the latest run; raise if none."""
    if run_id is None:
        rows = con.execute("SELECT run_id FROM runs ORDER BY started_at DESC LIMIT 1").fetchall()
    else:
        rows = con.execute("SELECT run_id FROM runs WHERE run_id = ?", [run_id]).fetchall()
    if not rows:
        raise UnknownRunError(f"no run {run_id!r} in the warehouse" if run_id else "no runs yet")
    return str(rows[0][0])


def release_blockers(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    run_dir: Path,
    extra_blockers: Sequence[str] = (),
) -> tuple[list[str], list[CheckResult]]:
    """Every reason not to release the run: failed gate checks, release checks, callers' reasons."""
    gate = con.execute(
        "SELECT contract_id, check_name, success, broken, detail FROM check_results "
        "WHERE run_id = ? AND coalesce(stage, 'validate') = 'validate' ORDER BY check_name",
        [run_id],
    ).fetchall()
    blockers = [] if gate else [f"run {run_id} has no validation results; validate it first"]
    latest = resolve_run(con, None)
    if latest != run_id:
        # The warehouse holds what later runs loaded; only the latest run's gate covers it.
        blockers.append(f"run {run_id} is not the latest run ({latest}); release that one")
    blockers += [
        f"{cid}: {check} {'broke' if broken else 'failed'} ({detail})"
        for cid, check, success, broken, detail in gate
        if broken or not success
    ]
    checks = check_release_tables(con, run_dir, run_id)
    blockers += [f"release check {b}" for b in failed_checks(checks)]
    blockers += [str(b) for b in extra_blockers]
    return blockers, checks


def check_release_tables(
    con: duckdb.DuckDBPyConnection, run_dir: Path, run_id: str
) -> list[CheckResult]:
    """Validate the tables exactly as they would be exported against their contracts."""
    with duckdb.connect() as mem:
        for name, query in RELEASE_TABLES.items():
            mem.register(name, con.sql(query).pl().to_arrow())
        return validate_tables(mem, list(released_contracts().values()), run_dir, run_id, "release")


def release_from(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    run_dir: Path,
    folder: Path,
    key: bytes,
    config_hash: str,
    extra_blockers: Sequence[str] = (),
    export: bool = True,
) -> ReleaseOutcome:
    """Export the run's release only when nothing blocks it; else quarantine the reasons.

    With `export=False` the checks and blockers are recorded the same way, but nothing is
    exported.
    """
    blockers, checks = release_blockers(con, run_id, run_dir, extra_blockers)
    with transaction(con):
        con.execute(
            "DELETE FROM check_results WHERE run_id = ? AND stage = ?", [run_id, RELEASE_STAGE]
        )
        append_rows(con, "check_results", check_rows(run_id, RELEASE_STAGE, checks))
        con.execute(
            "DELETE FROM quarantine WHERE run_id = ? AND stage = ?", [run_id, RELEASE_STAGE]
        )
        append_rows(con, "quarantine", _quarantine(run_id, blockers))
    if blockers or not export:
        return ReleaseOutcome(run_id, False, None, blockers, checks)
    extra = _manifest_extra(con, run_id, config_hash)
    path = export_release(con, folder, run_id, key, release_contract_ids(), extra)
    con.execute("UPDATE runs SET release_path = ? WHERE run_id = ?", [str(path), run_id])
    return ReleaseOutcome(run_id, True, path, [], checks)


def release_contract_ids() -> dict[str, str]:
    """Contract ids and versions a release is checked against, as its manifest lists them."""
    return {c.contract_id: c.version for c in released_contracts().values()}


def _manifest_extra(
    con: duckdb.DuckDBPyConnection, run_id: str, config_hash: str
) -> dict[str, Any]:
    """Manifest keys beyond the stable ones: contract versions and the validation summary."""
    summary = con.execute(
        "SELECT coalesce(stage, 'validate'), count(*), count(*) FILTER (WHERE success), "
        "count(*) FILTER (WHERE broken) FROM check_results WHERE run_id = ? GROUP BY ALL "
        "ORDER BY 1",
        [run_id],
    ).fetchall()
    return {
        "contract_versions": {
            name: {"id": c.contract_id, "version": c.version, "file": Path(c.source).name}
            for name, c in released_contracts().items()
        },
        "validation": {
            stage: {"checks": n, "passed": ok, "broken": broken} for stage, n, ok, broken in summary
        },
        "config_hash": config_hash,
        "data_docs": "data_docs/index.html in the run folder",
    }


def _quarantine(run_id: str, blockers: Sequence[str]) -> pl.DataFrame:
    rows = [
        {
            "run_id": run_id,
            "study_id": ALL_STUDIES,
            "source": f"release of run {run_id}",
            "stage": RELEASE_STAGE,
            "reason": reason,
        }
        for reason in blockers
    ]
    return frames.frame(rows, frames.QUARANTINE)
