"""Prefect tasks of the validation stage."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import polars as pl

from qualbridge.schemas.config import DeidConfig
from qualbridge.schemas.frames import ENTITY_TYPES, frame
from qualbridge.tasks.deid import entity_type_statuses, scan_recognizers
from qualbridge.tasks.quality.data_docs import build_data_docs, store_results
from qualbridge.tasks.quality.gate import check_dataset, check_rows, residual_scan, scan_results
from qualbridge.tasks.quality.gx_suite import CheckResult
from qualbridge.tasks.quality.registry_scan import entity_type_frame, scanned_types
from qualbridge.tasks.quality.residual_pii import PiiHit
from qualbridge.tasks.shared.contracts import Contract
from qualbridge.tasks.shared.prefect_task import stage_task


@dataclass
class Validation:
    """What a validation stage found: results, scan hits, rows to store and the docs page."""

    results: list[CheckResult]
    rows: pl.DataFrame
    hits: list[PiiHit] = field(default_factory=list)
    data_docs: Path | None = None
    entity_types: pl.DataFrame = field(default_factory=lambda: frame([], ENTITY_TYPES))


def validate_tables(
    con: duckdb.DuckDBPyConnection,
    contracts: Sequence[Contract],
    run_dir: Path,
    run_id: str,
    stage: str,
    build_docs: bool = True,
) -> list[CheckResult]:
    """Check each contract's dataset on the connection; keep GX results and rebuild the docs.

    A caller whose later step rebuilds the docs anyway (the pipeline's release check) passes
    build_docs=False: the pages are rendered once, from every result kept.
    """
    results: list[CheckResult] = []
    for contract in contracts:
        found, suites = check_dataset(con, contract)
        store_results(run_dir, run_id, f"{stage}-{contract.dataset}", suites)
        results += found
    if build_docs:
        build_data_docs(run_dir)
    return results


@stage_task("validate-warehouse")
def validate_warehouse_task(
    con: duckdb.DuckDBPyConnection,
    contracts: Sequence[Contract],
    run_dir: Path,
    run_id: str,
    known: Mapping[str, Collection[str]],
    first_names: Collection[str],
    last_names: Collection[str],
    deid: DeidConfig | None = None,
    allowed: Collection[str] = (),
    build_docs: bool = True,
) -> Validation:
    """The de-identification gate: contracts, then the residual-PII scan of the utterances.

    With the run's deid settings, the scan also reruns the registry's recognizers of every
    enabled format type, and the entity_types rows say which types were on and scanned.
    """
    results = validate_tables(con, contracts, run_dir, run_id, "validate", build_docs)
    utterances = next(c for c in contracts if c.dataset == "utterances")
    recognizers = scan_recognizers(deid) if deid is not None else []
    hits = residual_scan(con, utterances, known, first_names, last_names, recognizers, allowed)
    results += scan_results(utterances, hits)
    types = (
        entity_type_frame(run_id, entity_type_statuses(deid), scanned_types(recognizers))
        if deid is not None
        else frame([], ENTITY_TYPES)
    )
    rows = check_rows(run_id, "validate", results)
    return Validation(results, rows, hits, run_dir / "data_docs", types)
