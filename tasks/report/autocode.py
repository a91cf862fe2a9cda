"""The report's auto-coding part: the model's and the rules' figures, and corrected coverage."""

from __future__ import annotations

from typing import Any

import duckdb


def autocode_context(con: duckdb.DuckDBPyConnection) -> dict[str, list[dict[str, Any]]]:
    """Validation per theme (model beside rules) and coverage of each auto-coded study."""
    validation = con.sql(
        """SELECT m.theme_id, m.coder AS model_coder, m.units, m.positives,
                  m.precision AS model_precision, m.recall AS model_recall, m.f1 AS model_f1,
                  m.fpr AS model_fpr, r.coder AS rules_coder, r.precision AS rules_precision,
                  r.recall AS rules_recall, r.f1 AS rules_f1, r.fpr AS rules_fpr
           FROM autocode_validation m
           LEFT JOIN autocode_validation r ON r.theme_id = m.theme_id AND r.method = 'rules'
           WHERE m.method = 'cross_validation' ORDER BY m.theme_id"""
    ).pl()
    prevalence = con.sql("SELECT * FROM autocode_prevalence ORDER BY study_id, theme_id").pl()
    return {
        "autocode_validation": validation.to_dicts(),
        "autocode_prevalence": prevalence.to_dicts(),
    }
