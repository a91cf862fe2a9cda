"""The report's auto-coding section: model beside rules, raw beside corrected coverage."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from qualbridge.tasks.report.autocode import autocode_context
from qualbridge.tasks.report.html import _ENV
from qualbridge.tasks.warehouse import append_rows, connect

CODER = "model:heard@0123456789ab"


def _validation(coder: str, method: str, precision: float) -> dict:
    cells = {"tp": 8, "fp": 2, "fn": 2, "tn": 88}
    return {"run_id": "r", "theme_id": "heard", "coder": coder, "method": method, "units": 100,
            "transcripts": 5, "positives": 10, **cells, "precision": precision, "recall": 0.8,
            "f1": 0.8, "tpr": 0.8, "fpr": 0.02}  # fmt: skip


@pytest.fixture
def con(tmp_path: Path):
    with connect(tmp_path / "warehouse.duckdb") as con:
        append_rows(con, "autocode_validation", pl.DataFrame([
            _validation(CODER, "cross_validation", 0.8), _validation("rules:cb@1", "rules", 0.25),
        ]))  # fmt: skip
        append_rows(con, "autocode_prevalence", pl.DataFrame([{
            "run_id": "r", "study_id": "td", "theme_id": "heard", "coder": CODER, "units": 50,
            "transcripts": 4, "units_coded": 9, "share_raw": 0.18, "share_corrected": 0.123,
            "ci_low": 0.05, "ci_high": 0.2, "method": "pacc", "share_acc": 0.13,
            "share_pacc": 0.123, "resamples": 1000,
        }]))  # fmt: skip
        yield con


def test_section_shows_model_beside_rules_and_corrected_coverage(con) -> None:
    context = autocode_context(con)
    [row] = context["autocode_validation"]
    assert (row["model_precision"], row["rules_precision"]) == (0.8, 0.25)
    html = _ENV.get_template("_autocode.html.j2").render(
        theme_names={"heard": "Being heard"}, **context
    )
    assert "Being heard" in html and CODER in html
    assert "80.0%" in html and "25.0%" in html  # model and rules precision
    assert "18.0%" in html and "12.3%" in html and "5.0% to 20.0%" in html
    assert "coding: model" in html and "pacc" in html


def test_without_autocoding_the_section_is_absent(tmp_path: Path) -> None:
    with connect(tmp_path / "w.duckdb") as con:
        html = _ENV.get_template("_autocode.html.j2").render(
            theme_names={}, **autocode_context(con)
        )
    assert html.strip() == ""
