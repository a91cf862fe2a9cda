"""The steward's audit report: one self-contained HTML file, for use on site only."""

from __future__ import annotations

from dataclasses import asdict
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import duckdb
import matplotlib.pyplot as plt
import polars as pl
from jinja2 import Environment, PackageLoader, select_autoescape

from qualbridge.schemas.config import ConsortiumConfig
from qualbridge.tasks.audit.context import Replacement, masked_window
from qualbridge.tasks.audit.nearmiss import NearMiss, entity_near_misses, near_misses, rare_terms
from qualbridge.tasks.audit.raw import raw_values
from qualbridge.tasks.audit.risk import assess_risk
from qualbridge.tasks.audit.signoff import approvals, signoff_blockers
from qualbridge.tasks.audit.status import run_status
from qualbridge.tasks.deid import Dictionary, dictionaries, entity_type_statuses, nlp_engine
from qualbridge.tasks.shared.svg import PALETTE, figure_svg

_ENV = Environment(
    loader=PackageLoader("qualbridge.tasks.audit", "templates"),
    autoescape=select_autoescape(["html", "j2"]),
)
PACKAGES = ("qualbridge", "presidio-analyzer", "presidio-anonymizer", "spacy")
MAX_LISTED = 300


def _package_versions() -> dict[str, str]:
    found = {}
    for name in PACKAGES:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "not installed"
    return found


def confidence_histogram(scores: list[float]) -> str:
    """Histogram of detection scores (0 to 1 in steps of 0.05) as inline SVG."""
    fig, ax = plt.subplots(figsize=(7.5, 2.6))
    ax.hist(scores, bins=[i / 20 for i in range(21)], color=PALETTE[0], edgecolor="white")
    ax.set_xlabel("detection score")
    ax.set_ylabel("detections")
    ax.set_xlim(0, 1)
    ax.spines[["top", "right"]].set_visible(False)
    return figure_svg(fig)


def _replacements(con: duckdb.DuckDBPyConnection) -> dict[str, list[Replacement]]:
    found: dict[str, list[Replacement]] = {}
    for utterance_id, start, end, entity_type in con.execute(
        "SELECT utterance_id, out_start, out_end, entity_type FROM detections"
    ).fetchall():
        found.setdefault(utterance_id, []).append(Replacement(start, end, entity_type))
    return found


def _low_confidence(
    con: duckdb.DuckDBPyConnection,
    config: ConsortiumConfig,
    texts: dict[str, str],
    replacements: dict[str, list[Replacement]],
    below: float,
    show_raw: bool,
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = (
        con.sql(
            "SELECT d.*, u.study_id FROM detections d JOIN utterances u USING (utterance_id) "
            "WHERE d.score < ? ORDER BY d.score, d.utterance_id, d.start_offset LIMIT ?",
            params=[below, MAX_LISTED],
        )
        .pl()
        .to_dicts()
    )
    raw = {}
    if show_raw:
        spans = [
            (r["transcript_id"], r["utterance_id"], r["start_offset"], r["end_offset"])
            for r in rows
        ]
        raw = raw_values(con, config, spans)
    for r in rows:
        key = (r["utterance_id"], r["start_offset"])
        focus = raw.get(key) if show_raw else None
        window = masked_window(
            texts[r["utterance_id"]],
            replacements.get(r["utterance_id"], []),
            (r["out_start"], r["out_end"]),
            focus,
        )
        r["window"] = asdict(window)
    return rows


def _all_near_misses(
    config: ConsortiumConfig,
    texts: dict[str, str],
    replacements: dict[str, list[Replacement]],
    dictionary: Dictionary,
) -> list[NearMiss]:
    """Word-rule near-misses, plus spaCy entities that overlap none of them, in text order."""
    found = [
        miss
        for utterance_id, text in texts.items()
        for miss in near_misses(utterance_id, text, replacements.get(utterance_id, []), dictionary)
    ]
    taken: dict[str, list[NearMiss]] = {}
    for miss in found:
        taken.setdefault(miss.utterance_id, []).append(miss)
    engine = nlp_engine(config.deid.spacy_model, config.deid.language)
    assert engine.nlp is not None  # nlp_engine loads the model before returning
    nlp = engine.nlp[config.deid.language]
    items = [(u, t, replacements.get(u, [])) for u, t in texts.items()]
    for miss in entity_near_misses(nlp, items, dictionary):
        if not any(
            m.start < miss.end and miss.start < m.end for m in taken.get(miss.utterance_id, [])
        ):
            found.append(miss)
    return sorted(found, key=lambda m: (m.utterance_id, m.start))


def entity_types(
    con: duckdb.DuckDBPyConnection, config: ConsortiumConfig, run_id: str
) -> dict[str, Any]:
    """The run's entity types (as recorded, else from the config), those off, those unscanned."""
    rows = (
        con.sql(
            "SELECT entity_type, enabled, reason, residual_scan FROM entity_types "
            "WHERE run_id = ? ORDER BY entity_type",
            params=[run_id],
        )
        .pl()
        .to_dicts()
    )
    recorded = bool(rows)
    if not recorded:
        rows = [{**asdict(s), "residual_scan": None} for s in entity_type_statuses(config.deid)]
    return {
        "rows": rows,
        "recorded": recorded,
        "off": [r for r in rows if not r["enabled"]],
        "enabled": sum(1 for r in rows if r["enabled"]),
    }


def checks_by_contract(checks: pl.DataFrame) -> list[dict[str, Any]]:
    """Per contract: how many checks ran, passed, failed and broke."""
    if checks.is_empty():
        return []
    return (
        checks.group_by("contract_id")
        .agg(
            pl.len().alias("checks"),
            (pl.col("success") & ~pl.col("broken")).sum().alias("passed"),
            (~pl.col("success") & ~pl.col("broken")).sum().alias("failed"),
            pl.col("broken").sum().alias("broken"),
        )
        .sort("contract_id")
        .to_dicts()
    )


def audit_context(
    con: duckdb.DuckDBPyConnection,
    config: ConsortiumConfig,
    run_id: str,
    low_confidence: float = 0.7,
    show_raw: bool = False,
    rare_max: int = 2,
) -> dict[str, Any]:
    """Everything the audit shows; original values only when show_raw is set."""
    run = con.sql("SELECT * FROM runs WHERE run_id = ?", params=[run_id]).pl().to_dicts()[0]
    texts = dict(con.execute("SELECT utterance_id, text FROM utterances").fetchall())
    replacements = _replacements(con)
    dictionary = dictionaries(config.deid.spacy_model, config.deid.language)[0]
    misses = []
    for miss in _all_near_misses(config, texts, replacements, dictionary):
        text, spans = texts[miss.utterance_id], replacements.get(miss.utterance_id, [])
        window = masked_window(text, spans, (miss.start, miss.end))
        misses.append({**asdict(miss), "window": asdict(window)})
    scores = [s for (s,) in con.execute("SELECT score FROM detections").fetchall()]
    checks = con.sql(
        "SELECT * FROM check_results WHERE run_id = ? ORDER BY contract_id, check_name",
        params=[run_id],
    ).pl()
    return {
        "run": run,
        "show_raw": show_raw,
        "low_confidence_below": low_confidence,
        "versions": _package_versions(),
        "recognizers": con.sql(
            "SELECT recognizer, count(*) AS n FROM detections GROUP BY ALL ORDER BY 1"
        )
        .pl()
        .to_dicts(),
        "by_type": con.sql(
            "SELECT d.entity_type, u.study_id, d.action, count(*) AS n, "
            "round(avg(d.score), 2) AS mean_score FROM detections d "
            "JOIN utterances u USING (utterance_id) GROUP BY ALL ORDER BY 1, 2, 3"
        )
        .pl()
        .to_dicts(),
        "histogram_svg": confidence_histogram(scores) if scores else "",
        "low_confidence": _low_confidence(
            con, config, texts, replacements, low_confidence, show_raw
        ),
        "near_misses": misses[:MAX_LISTED],
        "near_misses_total": len(misses),
        "rare_terms": rare_terms(
            ((t, replacements.get(u, [])) for u, t in texts.items()), dictionary, rare_max
        )[:MAX_LISTED],
        "rare_max": rare_max,
        "status": run_status(con, run_id),
        "entity_types": entity_types(con, config, run_id),
        "checks_by_contract": checks_by_contract(checks),
        "checks_passed": checks.filter(pl.col("success") & ~pl.col("broken")).to_dicts(),
        "checks_failed": checks.filter(~pl.col("success") | pl.col("broken")).to_dicts(),
        "decisions": con.sql("SELECT * FROM decisions ORDER BY study_id, line").pl().to_dicts(),
        "risk": assess_risk(con, config),
        "approvals": approvals(con, run_id),
        "blockers": signoff_blockers(con, run_id, config),
    }


def write_audit(context: dict[str, Any], path: Path) -> Path:
    """Render the audit report to path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_ENV.get_template("audit.html.j2").render(**context), encoding="utf-8")
    return path
