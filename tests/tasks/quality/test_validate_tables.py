"""Validating tables keeps every GX result; the Data Docs are rendered only when asked."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from qualbridge.tasks.quality.tasks import validate_tables
from qualbridge.tasks.shared.contract_catalog import contract_for

THEMES = pd.DataFrame(
    {"theme_id": ["hope", "stigma"], "label": ["Hope", "Stigma"], "description": ["", ""]}
)


@pytest.mark.parametrize("build_docs", [True, False])
def test_docs_are_built_only_when_asked(tmp_path: Path, build_docs: bool) -> None:
    with duckdb.connect() as con:
        con.register("themes", THEMES)
        results = validate_tables(
            con, [contract_for("themes")], tmp_path, "run-1", "validate", build_docs
        )
    assert results
    assert any((tmp_path / "gx_results").rglob("*.json"))
    assert (tmp_path / "data_docs" / "index.html").is_file() is build_docs
