"""Run contracts on tables of a DuckDB connection: GX suites, sql rules and the PII scan."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import duckdb
import polars as pl

from qualbridge.tasks.quality.gx_suite import CheckResult, check_specs, run_suites, to_check_results
from qualbridge.tasks.quality.registry_scan import TextRecognizer, registry_counts
from qualbridge.tasks.quality.residual_pii import (
    PiiHit,
    gazetteer_name_counts,
    known_identifier_counts,
    quote_identifier,
    residual_pii_counts,
)
from qualbridge.tasks.quality.sql_checks import run_sql_rules
from qualbridge.tasks.shared.contracts import Contract

if TYPE_CHECKING:
    from great_expectations.core import ExpectationSuiteValidationResult

CHECK_COLUMNS = (
    "run_id", "contract_id", "contract_version", "check_name", "column_name", "engine",
    "stage", "success", "broken", "unexpected_count", "detail",
)  # fmt: skip


def table_names(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Tables and views visible on a connection, including registered frames."""
    return {row[0] for row in con.execute("SELECT name FROM (SHOW TABLES)").fetchall()}


def check_dataset(
    con: duckdb.DuckDBPyConnection, contract: Contract
) -> tuple[list[CheckResult], list[ExpectationSuiteValidationResult]]:
    """Validate the table named after the contract's dataset: GX suite, then its sql rules."""
    table = quote_identifier(contract.dataset)
    present = con.sql(f"SELECT * FROM {table} LIMIT 0").columns
    wanted = [quote_identifier(c.name) for c in contract.columns if c.name in present]
    df = con.sql(f"SELECT {', '.join(wanted) or '*'} FROM {table}").pl().to_pandas()
    specs = check_specs(contract, _references(con, contract), columns=list(df.columns))
    suites = run_suites(df, contract, specs)
    return to_check_results(contract, suites, specs) + run_sql_rules(con, contract), suites


def _references(con: duckdb.DuckDBPyConnection, contract: Contract) -> dict[str, set[Any]]:
    """Values of every foreign-key target the connection has; absent ones stay unsupplied.

    Only the target's values that the referencing columns hold are kept: membership of each
    row's value is the same, and GX, which copies an expectation's settings many times per
    validation, then carries a short list instead of every id of a large table.
    """
    tables = table_names(con)
    referencing: dict[str, list[str]] = {}
    for c in contract.columns:
        for target in c.references:
            referencing.setdefault(target, []).append(c.name)
    values = {}
    for target, columns in referencing.items():
        dataset, column = target.split(".")
        if dataset in tables:
            query = f"SELECT DISTINCT {quote_identifier(column)} FROM {quote_identifier(dataset)}"
            known = {row[0] for row in con.execute(query).fetchall()}
            values[target] = narrowed(known, _distinct(con, contract.dataset, columns))
    return values


def narrowed(known: set[Any], used: set[Any]) -> set[Any]:
    """The known values that are used; all of them when none is (GX needs a non-empty set)."""
    return (known & used) or known


def _distinct(con: duckdb.DuckDBPyConnection, dataset: str, columns: list[str]) -> set[Any]:
    """Distinct values of the named columns of a table, those it has."""
    present = set(con.sql(f"SELECT * FROM {quote_identifier(dataset)} LIMIT 0").columns)
    used: set[Any] = set()
    for name in (c for c in columns if c in present):
        query = f"SELECT DISTINCT {quote_identifier(name)} FROM {quote_identifier(dataset)}"
        used.update(row[0] for row in con.execute(query).fetchall())
    return used


def residual_scan(
    con: duckdb.DuckDBPyConnection,
    contract: Contract,
    known: Mapping[str, Iterable[str]],
    first_names: Iterable[str] = (),
    last_names: Iterable[str] = (),
    recognizers: Sequence[TextRecognizer] = (),
    allowed: Collection[str] = (),
) -> list[PiiHit]:
    """The independent scan of de-identified utterances: patterns, known list, name pairs and
    the registry's format types."""
    hits = residual_pii_counts(
        con, contract.dataset, "utterance_id", "text", contract.column("text").residual_pii
    )
    hits.append(known_identifier_counts(con, contract.dataset, "utterance_id", "text", known))
    first, last = frozenset(first_names), frozenset(last_names)
    if not (first and last) and not recognizers:
        return hits
    rows = released_rows(con)
    if first and last:
        hits.append(gazetteer_name_counts(rows, first, last))
    return hits + registry_counts(rows, recognizers, allowed)


def released_rows(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, list[tuple[int, int]]]]:
    """Each utterance's id, de-identified text and the spans its replacements fill."""
    rows = con.execute(
        "SELECT u.utterance_id, u.text, "
        "list([d.out_start, d.out_end]) FILTER (WHERE d.out_start IS NOT NULL) "
        "FROM utterances u LEFT JOIN detections d USING (utterance_id) "
        "GROUP BY u.utterance_id, u.text ORDER BY u.utterance_id"
    ).fetchall()
    return [(i, t, [(a, b) for a, b in (s or [])]) for i, t, s in rows]


def scan_results(contract: Contract, hits: Sequence[PiiHit]) -> list[CheckResult]:
    """Scan hits as check results: counts only, row ids go to quarantine."""
    return [
        CheckResult(
            contract.contract_id,
            f"text.residual_pii_scan.{hit.pattern_name}",
            "text",
            hit.count == 0,
            False,
            hit.count,
            "independent scan; row ids in quarantine",
            contract.version,
            "scan",
        )
        for hit in hits
    ]


def check_rows(run_id: str, stage: str, results: Sequence[CheckResult]) -> pl.DataFrame:
    """Check results as rows of the check_results table."""
    rows = [
        {
            "run_id": run_id,
            "contract_id": r.contract_id,
            "contract_version": r.contract_version,
            "check_name": r.check,
            "column_name": r.column,
            "engine": r.engine,
            "stage": stage,
            "success": r.success,
            "broken": r.broken,
            "unexpected_count": r.unexpected_count,
            "detail": r.detail,
        }
        for r in results
    ]
    schema = {c: pl.String for c in CHECK_COLUMNS} | {
        "success": pl.Boolean,
        "broken": pl.Boolean,
        "unexpected_count": pl.Int64,
    }
    return pl.DataFrame(rows, schema=schema)


def failed_checks(results: Sequence[CheckResult]) -> list[str]:
    """Names of checks that failed or broke, as '<contract>: <check> (<detail>)'."""
    return [
        f"{r.contract_id}: {r.check} ({r.detail})" for r in results if r.broken or not r.success
    ]
