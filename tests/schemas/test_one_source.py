"""One source per fact: frame schemas, warehouse DDL, release queries and contracts agree."""

from __future__ import annotations

from importlib.resources import files

import duckdb
import polars as pl
import pytest

from qualbridge.schemas import frames
from qualbridge.tasks.shared.contract_catalog import CONTRACT_FILES, SITE_SUPPLIED, contract_for
from qualbridge.tasks.warehouse import RELEASE_TABLES

FRAME_TABLES = {
    "transcripts": frames.TRANSCRIPTS,
    "utterances": frames.UTTERANCES,
    "detections": frames.DETECTIONS,
    "codings": frames.CODINGS,
    "crosswalks": frames.CROSSWALKS,
    "quarantine": frames.QUARANTINE,
}


@pytest.fixture(scope="module")
def warehouse() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute(files("qualbridge.schemas").joinpath("warehouse.sql").read_text(encoding="utf-8"))
    return con


@pytest.mark.parametrize("table", sorted(FRAME_TABLES))
def test_frame_schema_is_the_warehouse_table(
    warehouse: duckdb.DuckDBPyConnection, table: str
) -> None:
    stored = warehouse.sql(f"SELECT * FROM {table} LIMIT 0").pl().schema
    assert pl.Schema(FRAME_TABLES[table]) == stored


@pytest.mark.parametrize("dataset", sorted(set(CONTRACT_FILES) - set(SITE_SUPPLIED)))
def test_contract_names_every_released_column(
    warehouse: duckdb.DuckDBPyConnection, dataset: str
) -> None:
    released = warehouse.sql(RELEASE_TABLES[dataset]).pl().columns
    assert sorted(c.name for c in contract_for(dataset).columns) == sorted(released)
