"""The run report: one self-contained HTML file built from the warehouse."""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl
from jinja2 import Environment, PackageLoader, select_autoescape

from qualbridge.schemas.config import ConsortiumConfig
from qualbridge.tasks.compare import selection_note, speaker_roles_note
from qualbridge.tasks.report.autocode import autocode_context
from qualbridge.tasks.report.charts import cooccurrence_heatmap, coverage_bars, forest_plot
from qualbridge.tasks.report.codebook import codebook_context

_ENV = Environment(
    loader=PackageLoader("qualbridge.tasks.report", "templates"),
    autoescape=select_autoescape(["html", "j2"]),
)


def _studies(con: duckdb.DuckDBPyConnection) -> list[dict]:
    return (
        con.sql(
            """SELECT s.study_id, s.corpus, s.site,
                  count(DISTINCT t.transcript_id) AS transcripts,
                  coalesce(sum(t.n_utterances), 0) AS utterances,
                  coalesce(sum(t.n_words), 0) AS words
           FROM studies s LEFT JOIN transcripts t USING (study_id)
           GROUP BY ALL ORDER BY s.study_id"""
        )
        .pl()
        .to_dicts()
    )


def _detections(con: duckdb.DuckDBPyConnection) -> list[dict]:
    counts = con.sql(
        """SELECT d.entity_type, u.study_id, count(*) AS n
           FROM detections d JOIN utterances u USING (utterance_id) GROUP BY ALL"""
    ).pl()
    by_type: dict[str, dict[str, int]] = {}
    for entity_type, study_id, n in counts.iter_rows():
        by_type.setdefault(entity_type, {})[study_id] = n
    return [{"entity_type": t, "counts": c} for t, c in sorted(by_type.items())]


def report_context(
    con: duckdb.DuckDBPyConnection,
    config: ConsortiumConfig,
    run_id: str,
    counts: dict[str, int],
    gates_passed: bool,
    coder: str,
) -> dict:
    """Everything the template shows, read from the warehouse (aggregates only)."""
    run = con.sql("SELECT * FROM runs WHERE run_id = ?", params=[run_id]).pl().to_dicts()[0]
    theme_names = dict(con.execute("SELECT theme_id, name FROM themes ORDER BY 1").fetchall())
    coverage = con.sql("SELECT * FROM theme_coverage_results ORDER BY study_id, theme_id").pl()
    comparison = con.sql("SELECT * FROM theme_comparison_results").pl()
    comparisons = []
    for c in config.comparisons:
        rows = comparison.filter(pl.col("comparison") == c.comparison_id).sort("theme_id", "method")
        comparisons.append(
            {
                "comparison_id": c.comparison_id,
                "by": c.by,
                "group_a": c.group_a,
                "group_b": c.group_b,
                "scope": speaker_roles_note(c.speaker_roles),
                "rows": rows.to_dicts(),
                "svg": forest_plot(rows, theme_names),
                "clusters_a": rows["clusters_a"][0] if rows.height else 0,
                "clusters_b": rows["clusters_b"][0] if rows.height else 0,
            }
        )
    return {
        "run": run,
        "counts": counts,
        "gates_passed": gates_passed,
        "coder": coder,
        "studies": _studies(con),
        "detections": _detections(con),
        "quarantine": con.sql(
            "SELECT * FROM quarantine WHERE run_id = ? ORDER BY study_id, source", params=[run_id]
        )
        .pl()
        .to_dicts(),
        "check_summary": con.sql(
            "SELECT coalesce(stage, 'validate') AS stage, contract_id, "
            "any_value(contract_version) AS contract_version, count(*) AS checks, "
            "count(*) FILTER (success AND NOT broken) AS passed, "
            "count(*) FILTER (broken) AS broken FROM check_results WHERE run_id = ? "
            "GROUP BY ALL ORDER BY stage DESC, contract_id",
            params=[run_id],
        )
        .pl()
        .to_dicts(),
        # Only the checks that did not pass are listed one by one; the summary counts the rest.
        "checks": con.sql(
            "SELECT * FROM check_results WHERE run_id = ? AND (broken OR NOT success) "
            "ORDER BY contract_id, check_name",
            params=[run_id],
        )
        .pl()
        .to_dicts(),
        "theme_names": theme_names,
        "coverage": coverage.to_dicts(),
        "coverage_svg": coverage_bars(coverage, theme_names) if coverage.height else "",
        "comparisons": comparisons,
        "selection": selection_note(config.stats),
        "breakdown": con.sql(
            "SELECT * FROM theme_coverage_breakdown WHERE dimension NOT IN ('study_id') "
            "ORDER BY dimension, level, theme_id"
        )
        .pl()
        .to_dicts(),
        "cooccurrence_svg": _heatmap(con, theme_names),
        "agreement": con.sql("SELECT * FROM coder_agreement ORDER BY theme_id, coder_a, coder_b")
        .pl()
        .to_dicts(),
        "resamples": config.stats.bootstrap_resamples,
        "confidence": f"{config.stats.confidence:.0%}",
        **codebook_context(con),
        **autocode_context(con),
    }


def _heatmap(con: duckdb.DuckDBPyConnection, theme_names: dict[str, str]) -> str:
    cooccurrence = con.sql("SELECT * FROM theme_cooccurrence WHERE scope = 'utterance'").pl()
    return cooccurrence_heatmap(cooccurrence, theme_names) if cooccurrence.height else ""


def write_report(context: dict, path: Path) -> Path:
    """Render the report to path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_ENV.get_template("report.html.j2").render(**context), encoding="utf-8")
    return path
