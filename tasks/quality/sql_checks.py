"""Run a contract's `type: sql` rules in DuckDB: what GX cannot check on a pandas frame."""

from __future__ import annotations

import duckdb

from qualbridge.tasks.quality.gx_suite import CheckResult
from qualbridge.tasks.shared.contracts import Contract, SqlRule


def run_sql_rules(con: duckdb.DuckDBPyConnection, contract: Contract) -> list[CheckResult]:
    """Run each sql rule; a query that fails or returns no single number is a broken check."""
    return [_run(con, contract, rule) for rule in contract.sql_rules]


def _run(con: duckdb.DuckDBPyConnection, contract: Contract, rule: SqlRule) -> CheckResult:
    def outcome(success: bool, broken: bool, count: int | None, detail: str) -> CheckResult:
        check = f"{contract.dataset}.{rule.name}"
        return CheckResult(
            contract.contract_id, check, None, success, broken, count, detail,
            contract.version, "duckdb",
        )  # fmt: skip

    try:
        rows = con.execute(rule.query).fetchall()
    except duckdb.Error as exc:
        # Only the class name: DuckDB messages can quote the values that failed a cast.
        return outcome(False, True, None, f"broken: {type(exc).__name__}")
    if len(rows) != 1 or len(rows[0]) != 1 or not isinstance(rows[0][0], int | float):
        return outcome(False, True, None, "broken: the query must return one number")
    value = rows[0][0]
    count = int(value) if float(value).is_integer() else None
    if rule.holds(value):
        return outcome(True, False, count, "passed")
    return outcome(False, False, count, f"query returned {value}, {rule.operator} {rule.value}")
