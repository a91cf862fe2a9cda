"""The run report: one self-contained HTML file built from the warehouse."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

import duckdb
from jinja2 import Environment, PackageLoader, select_autoescape

from qualbridge.schemas.config import ConsortiumConfig
from qualbridge.tasks.report.autocode import autocode_context
from qualbridge.tasks.report.codebook import codebook_context
from qualbridge.tasks.report.formatting import p_value
from qualbridge.tasks.report.statistics import (
    agreement_context,
    comparisons_context,
    cooccurrence_svg,
    coverage_context,
)

_ENV = Environment(
    loader=PackageLoader("qualbridge.tasks.report", "templates"),
    autoescape=select_autoescape(["html", "j2"]),
)
_ENV.filters["p_value"] = p_value


def _studies(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    return cast(
        list[dict[str, Any]],
        con.sql(
            """SELECT s.study_id, s.corpus, s.site,
                  count(DISTINCT t.transcript_id) AS transcripts,
                  coalesce(sum(t.n_utterances), 0) AS utterances,
                  coalesce(sum(t.n_words), 0) AS words
           FROM studies s LEFT JOIN transcripts t USING (study_id)
           GROUP BY ALL ORDER BY s.study_id"""
        )
        .pl()
        .to_dicts(),
    )


def _detections(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    counts = con.sql(
        """SELECT d.entity_type, u.study_id, count(*) AS n
           FROM detections d JOIN utterances u USING (utterance_id) GROUP BY ALL"""
    ).pl()
    by_type: dict[str, dict[str, int]] = {}
    for entity_type, study_id, n in counts.iter_rows():
        by_type.setdefault(entity_type, {})[study_id] = n
    return [{"entity_type": t, "counts": c} for t, c in sorted(by_type.items())]


def _run_context(con: duckdb.DuckDBPyConnection, run_id: str) -> dict[str, Any]:
    """The run's record, what was quarantined (by kind) and the quality checks."""
    params = [run_id]
    return {
        "run": con.sql("SELECT * FROM runs WHERE run_id = ?", params=params).pl().to_dicts()[0],
        "quarantine": con.sql(
            "SELECT * FROM quarantine WHERE run_id = ? ORDER BY study_id, source", params=params
        )
        .pl()
        .to_dicts(),
        "quarantine_by_kind": quarantine_by_kind(con, run_id),
        "check_summary": con.sql(CHECK_SUMMARY_SQL, params=params).pl().to_dicts(),
        "checks": con.sql(
            "SELECT * FROM check_results WHERE run_id = ? AND (broken OR NOT success) "
            "ORDER BY contract_id, check_name",
            params=params,
        )
        .pl()
        .to_dicts(),
    }


CHECK_SUMMARY_SQL = (
    "SELECT coalesce(stage, 'validate') AS stage, contract_id, "
    "any_value(contract_version) AS contract_version, count(*) AS checks, "
    "count(*) FILTER (success AND NOT broken) AS passed, "
    "count(*) FILTER (broken) AS broken FROM check_results WHERE run_id = ? "
    "GROUP BY ALL ORDER BY stage DESC, contract_id"
)


def quarantine_by_kind(con: duckdb.DuckDBPyConnection, run_id: str) -> dict[str, int]:
    """Items quarantined in the run, counted by the stage that set them aside."""
    rows = con.execute(
        "SELECT stage, count(*) FROM quarantine WHERE run_id = ? GROUP BY 1 ORDER BY 1", [run_id]
    ).fetchall()
    return dict(rows)


def report_context(
    con: duckdb.DuckDBPyConnection,
    config: ConsortiumConfig,
    run_id: str,
    counts: dict[str, int],
    gates_passed: bool,
    coder: str,
) -> dict[str, Any]:
    """Everything the template shows, read from the warehouse (aggregates only)."""
    theme_names = dict(con.execute("SELECT theme_id, name FROM themes ORDER BY 1").fetchall())
    return {
        "counts": counts,
        "gates_passed": gates_passed,
        "coder": coder,
        "studies": _studies(con),
        "detections": _detections(con),
        "theme_names": theme_names,
        "cooccurrence_svg": cooccurrence_svg(con, theme_names),
        **_run_context(con, run_id),
        **coverage_context(con, theme_names),
        **comparisons_context(con, config, theme_names),
        **agreement_context(con, config),
        **codebook_context(con),
        **autocode_context(con),
    }


def render_fragment(template: str, **context: Any) -> str:
    """One of the report's partial templates, rendered alone."""
    return _ENV.get_template(template).render(**context)


def write_report(context: dict[str, Any], path: Path) -> Path:
    """Render the report to path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_ENV.get_template("report.html.j2").render(**context), encoding="utf-8")
    return path
