"""Tests of running a contract's sql rules in DuckDB."""

from __future__ import annotations

import duckdb
import pytest

from qualbridge.tasks.quality.sql_checks import run_sql_rules
from qualbridge.tasks.shared.contracts import parse_contract

SECRET = "Zephyrine Quillfeather"


def _contract(query: str, **operator):
    rule = {"type": "sql", "name": "rule", "query": query, **(operator or {"mustBe": 0})}
    return parse_contract(
        {
            "apiVersion": "v3.1.0",
            "kind": "DataContract",
            "id": "c1",
            "version": "2.0.0",
            "schema": [{"name": "t", "quality": [rule], "properties": [{"name": "x"}]}],
        }
    )


@pytest.fixture
def con():
    with duckdb.connect() as con:
        con.execute(
            "CREATE TABLE t AS SELECT * FROM (VALUES (1, ?), (2, 'b')) v(x, name)", [SECRET]
        )
        yield con


@pytest.mark.parametrize(
    ("query", "operator", "success", "broken", "count"),
    [
        ("SELECT count(*) FROM t WHERE x > 5", {}, True, False, 0),
        ("SELECT count(*) FROM t", {}, False, False, 2),
        ("SELECT count(*) FROM t", {"mustBeBetween": [1, 3]}, True, False, 2),
        ("SELECT count(*) FROM t", {"mustNotBeBetween": [1, 3]}, False, False, 2),
        ("SELECT count(*) FROM missing_table", {}, False, True, None),
        ("SELECT x FROM t", {}, False, True, None),
        ("SELECT name FROM t WHERE x = 1", {}, False, True, None),
        ("SELECT CAST(name AS INTEGER) FROM t WHERE x = 1", {}, False, True, None),
    ],
)
def test_outcomes(con, query, operator, success, broken, count) -> None:
    (result,) = run_sql_rules(con, _contract(query, **operator))
    assert (result.success, result.broken, result.unexpected_count) == (success, broken, count)
    assert (result.check, result.contract_version, result.engine) == ("t.rule", "2.0.0", "duckdb")
    assert SECRET not in result.detail and "Zephyrine" not in result.detail
