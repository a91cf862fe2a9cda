"""Charts as inline SVG, so the report is one file that opens offline."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import polars as pl

plt.rcParams.update({"svg.hashsalt": "qualbridge", "svg.fonttype": "none", "font.size": 9})
PALETTE = ["#1b6ca8", "#d1495b", "#66a182", "#edae49", "#8d6a9f", "#00798c"]


def _svg(fig: plt.Figure) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]


def coverage_bars(coverage: pl.DataFrame, theme_names: dict[str, str]) -> str:
    """Grouped horizontal bars: share of utterances coded with each theme, one bar per study."""
    studies = coverage["study_id"].unique(maintain_order=True).to_list()
    themes = list(theme_names)
    fig, ax = plt.subplots(figsize=(7.5, 0.55 * len(themes) * max(1, len(studies) / 1.5) + 1))
    height = 0.8 / max(len(studies), 1)
    for i, study in enumerate(studies):
        shares = dict(
            coverage.filter(pl.col("study_id") == study)
            .select("theme_id", "share_units")
            .iter_rows()
        )
        ys = [t + i * height for t in range(len(themes))]
        ax.barh(
            ys,
            [100 * (shares.get(t) or 0) for t in themes],
            height=height,
            color=PALETTE[i % len(PALETTE)],
            label=study,
        )
    ax.set_yticks([t + 0.4 - height / 2 for t in range(len(themes))])
    ax.set_yticklabels([theme_names[t] for t in themes])
    ax.invert_yaxis()
    ax.set_xlabel("% of utterances coded with the theme")
    ax.legend(frameon=False, loc="lower right")
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)


def forest_plot(comparison: pl.DataFrame, theme_names: dict[str, str]) -> str:
    """Differences in share (percentage points) with their intervals, one row per theme."""
    rows = comparison.to_dicts()
    fig, ax = plt.subplots(figsize=(7.5, 0.45 * len(rows) + 1.1))
    for y, row in enumerate(rows):
        ax.plot([100 * row["ci_low"], 100 * row["ci_high"]], [y, y], color="#333333", lw=1.5)
        ax.plot(100 * row["diff"], y, "s", color=PALETTE[0], ms=6)
    ax.axvline(0, color="#999999", lw=1, ls="--")
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([theme_names.get(r["theme_id"], r["theme_id"]) for r in rows])
    ax.invert_yaxis()
    if rows:
        ax.set_xlabel(
            f"difference in % of utterances coded ({rows[0]['group_a']} minus {rows[0]['group_b']})"
        )
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)
