"""The report's statistics sections, rendered from a small warehouse: present, and text-free."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from qualbridge.schemas.config import ComparisonConfig, ConsortiumConfig, StatsConfig, StudyConfig
from qualbridge.tasks.compare.agreement import coder_agreement
from qualbridge.tasks.compare.comparison import compare_groups
from qualbridge.tasks.compare.cooccurrence import theme_cooccurrence
from qualbridge.tasks.compare.coverage import coverage_breakdown, study_coverage
from qualbridge.tasks.report.html import report_context, write_report
from qualbridge.tasks.warehouse.store import replace_table, start_run
from tests.tasks.compare.builders import Transcript, build

# Would be an identifier had de-identification missed it: it must never reach the report.
PLANTED = "Bethany Carmichael of 14 Larch Close"
TEXTS = [
    ("helper", f"I told {PLANTED} about my own recovery"),
    ("client", "that helped me a lot"),
    ("helper", "we took it slowly"),
]


@pytest.fixture
def report(tmp_path) -> str:
    transcripts, codings = [], []
    for corpus, n in (("peer", 3), ("therapy", 3)):
        for i in range(n):
            tid = f"{corpus}:T{i}"
            transcripts.append(Transcript(tid, corpus, f"P{i}", TEXTS, {"gender": "f"}))
            codings.append((tid, 0, "disclosure", "rules:1", None, None, "rules"))
            codings.append((tid, i % 3, "support", "rules:1", None, None, "rules"))
            if corpus == "peer":
                codings.append((tid, 0, "disclosure", "coder_two", 2, 20, "qdpx"))
    con = build(
        tmp_path / "w.duckdb",
        {"peer": ("peer", "a"), "therapy": ("therapy", "b")},
        transcripts,
        codings,
        ["disclosure", "support"],
    )
    stats = StatsConfig(bootstrap_resamples=200, min_participants_per_group=1)
    comparison = ComparisonConfig(
        comparison_id="peer_vs_therapy", group_a="peer", group_b="therapy"
    )
    config = ConsortiumConfig(
        consortium="test",
        codebook=Path("codebook.yaml"),
        studies=[
            StudyConfig(study_id=s, corpus=s, site=s, manifest=Path("m.csv"), speakers={"A": "a"})
            for s in ("peer", "therapy")
        ],
        comparisons=[comparison],
        stats=stats,
    )
    breakdown = coverage_breakdown(con, stats)
    results = {
        "theme_coverage_results": study_coverage(con, breakdown),
        "theme_coverage_breakdown": breakdown,
        "theme_comparison_results": compare_groups(con, comparison, stats),
        "theme_cooccurrence": theme_cooccurrence(con, stats),
        "coder_agreement": coder_agreement(con, stats),
    }
    for table, frame in results.items():
        replace_table(con, table, frame.with_columns(run_id=pl.lit("run-1")))
    start_run(con, "run-1", "test", "0" * 64, "fp", "model==1")
    counts = {"seen": 6, "loaded": 6, "unchanged": 0, "quarantined": 0}
    context = report_context(con, config, "run-1", counts, True, "rules:1")
    con.close()
    return write_report(context, tmp_path / "report.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "expected",
    [
        "How to read the comparisons",
        "cluster_wald",
        "unclustered <em>(ignores transcripts)</em>",
        "p adjusted (BH)",
        "Themes coded together",
        "Agreement between coders",
        "coder_two / rules:1",  # pairs in name order
        "% of text (characters)",
        "attribute:gender",
    ],
)
def test_statistics_sections_are_rendered(report: str, expected: str) -> None:
    assert expected in report


def test_three_charts_are_inline_svg(report: str) -> None:
    # Coverage bars, one forest plot, one heat map.
    assert report.count("<svg") == 3


@pytest.mark.parametrize("fragment", [PLANTED, "Bethany", "Larch Close", *(t for _, t in TEXTS)])
def test_no_transcript_text_reaches_the_report(report: str, fragment: str) -> None:
    assert fragment not in report
