"""The report's statistics sections, rendered from a small warehouse: present, and text-free."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from qualbridge.schemas.config import ComparisonConfig, ConsortiumConfig, StatsConfig, StudyConfig
from qualbridge.tasks.compare.agreement import coder_agreement
from qualbridge.tasks.compare.agreement_overall import coder_agreement_overall
from qualbridge.tasks.compare.comparison import compare_groups
from qualbridge.tasks.compare.cooccurrence import theme_cooccurrence
from qualbridge.tasks.compare.coverage import coverage_breakdown, study_coverage
from qualbridge.tasks.compare.omnibus import omnibus_test
from qualbridge.tasks.report.charts import nice_ceiling
from qualbridge.tasks.report.formatting import p_value
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
    for corpus, n in (("peer", 3), ("therapy", 3), ("forum", 3)):
        for i in range(n):
            tid = f"{corpus}:T{i}"
            transcripts.append(Transcript(tid, corpus, f"P{i}", TEXTS, {"gender": "f"}))
            codings.append((tid, 0, "disclosure", "rules:1", None, None, "rules"))
            codings.append((tid, i % 3, "support", "rules:1", None, None, "rules"))
            if corpus == "peer":
                codings.append((tid, 0, "disclosure", "coder_two", 2, 20, "qdpx"))
    con = build(
        tmp_path / "w.duckdb",
        {"peer": ("peer", "a"), "therapy": ("therapy", "b"), "forum": ("forum", "a")},
        transcripts,
        codings,
        ["disclosure", "support"],
    )
    stats = StatsConfig(bootstrap_resamples=200, min_participants_per_group=1)
    comparison = ComparisonConfig(
        comparison_id="peer_vs_therapy", group_a="peer", group_b="therapy"
    )
    three = ComparisonConfig(
        comparison_id="three_corpora",
        groups=["peer", "therapy", "forum"],
        adjust_for=["speaker_role"],
    )
    config = ConsortiumConfig(
        consortium="test",
        codebook=Path("codebook.yaml"),
        studies=[
            StudyConfig(
                study_id=s, corpus=s, site=s, manifest=Path("m.csv"), speakers={"A": "participant"}
            )
            for s in ("peer", "therapy", "forum")
        ],
        comparisons=[comparison, three],
        stats=stats,
    )
    breakdown = coverage_breakdown(con, stats)
    results = {
        "theme_coverage_results": study_coverage(con, breakdown),
        "theme_coverage_breakdown": breakdown,
        "theme_comparison_results": pl.concat(
            [compare_groups(con, comparison, stats), compare_groups(con, three, stats)]
        ),
        "theme_comparison_omnibus": omnibus_test(con, three, stats),
        "coder_agreement_overall": coder_agreement_overall(con, stats),
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
        "Over all coders at once",
        "whole codebook",
        "Does coverage differ anywhere among the 3 groups?",
        "Adjusted odds ratio",
        "adjusted_gee",
        "peer vs therapy vs forum",
        "By speaker_role",
        "Set aside in this run, by kind: nothing",
    ],
)
def test_statistics_sections_are_rendered(report: str, expected: str) -> None:
    assert expected in report


def test_every_chart_is_inline_svg(report: str) -> None:
    # Coverage bars, a chart per breakdown (site, corpus, speaker_role, attribute:gender),
    # a forest plot per comparison, one heat map.
    assert report.count("<svg") == 1 + 4 + 2 + 1


def test_p_values_never_print_as_zero(report: str) -> None:
    assert '<td class="num">0.000</td>' not in report


@pytest.mark.parametrize(
    ("value", "bound", "expected"),
    [
        (None, False, ""),
        (0.0, False, "< 0.001"),
        (0.0004, False, "< 0.001"),
        (0.0123, False, "0.012"),
        (0.001, True, "< 0.001"),  # B = 1,000 and no resample crossed zero
        (0.0005, True, "< 0.0005"),
    ],
)
def test_p_value_formatting(value, bound, expected) -> None:
    assert p_value(value, bound) == expected


@pytest.mark.parametrize(
    ("largest", "top"),
    [(0.057, 0.1), (0.04, 0.05), (0.3, 0.5), (0.02, 0.02), (0.9, 1.0), (0.0, 1.0)],
)
def test_heatmap_scale_ends_just_above_the_largest_value(largest, top) -> None:
    assert nice_ceiling(largest) == pytest.approx(top)


@pytest.mark.parametrize("fragment", [PLANTED, "Bethany", "Larch Close", *(t for _, t in TEXTS)])
def test_no_transcript_text_reaches_the_report(report: str, fragment: str) -> None:
    assert fragment not in report
