"""Charts as inline SVG, so the report is one file that opens offline."""

from __future__ import annotations

import math
from typing import Any

import matplotlib.pyplot as plt
import polars as pl

from qualbridge.tasks.compare import METHODS
from qualbridge.tasks.shared.svg import PALETTE, figure_svg


def grouped_bars(frame: pl.DataFrame, group: str, theme_names: dict[str, str], xlabel: str) -> str:
    """Grouped horizontal bars: share of utterances coded with each theme, one bar per group."""
    groups = frame[group].unique(maintain_order=True).to_list()
    themes = list(theme_names)
    fig, ax = plt.subplots(figsize=(7.5, 0.55 * len(themes) * max(1, len(groups) / 1.5) + 1))
    height = 0.8 / max(len(groups), 1)
    for i, level in enumerate(groups):
        shares = dict(
            frame.filter(pl.col(group) == level).select("theme_id", "share_units").iter_rows()
        )
        ys = [t + i * height for t in range(len(themes))]
        ax.barh(
            ys,
            [100 * (shares.get(t) or 0) for t in themes],
            height=height,
            color=PALETTE[i % len(PALETTE)],
            label=level,
        )
    ax.set_yticks([t + 0.4 - height / 2 for t in range(len(themes))])
    ax.set_yticklabels([theme_names[t] for t in themes])
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.legend(frameon=False, loc="lower right")
    ax.spines[["top", "right"]].set_visible(False)
    return figure_svg(fig)


def coverage_bars(coverage: pl.DataFrame, theme_names: dict[str, str]) -> str:
    """Share of utterances coded with each theme, one bar per study."""
    return grouped_bars(coverage, "study_id", theme_names, "% of utterances coded with the theme")


def breakdown_bars(breakdown: pl.DataFrame, dimension: str, theme_names: dict[str, str]) -> str:
    """One breakdown dimension: share of that group's utterances coded, one bar per group."""
    rows = breakdown.filter(pl.col("dimension") == dimension)
    return grouped_bars(
        rows, "level", theme_names, f"% of each group's utterances coded (by {dimension})"
    )


def _row_label(row: dict[str, Any], theme_names: dict[str, str], several_pairs: bool) -> str:
    name = theme_names.get(row["theme_id"], row["theme_id"])
    return f"{name} ({row['group_a']} vs {row['group_b']})" if several_pairs else name


def forest_plot(comparison: pl.DataFrame, theme_names: dict[str, str]) -> str:
    """Differences in share (percentage points) with each method's interval, one row per theme."""
    several_pairs = comparison.select("group_a", "group_b").n_unique() > 1
    labels = list(
        dict.fromkeys(_row_label(r, theme_names, several_pairs) for r in comparison.to_dicts())
    )
    present = [m for m in METHODS.values() if m.name in set(comparison["method"].to_list())]
    fig, ax = plt.subplots(figsize=(7.5, 0.2 * len(labels) * max(len(present), 3) + 1.3))
    step = 0.66 / max(len(present), 1)
    for i, method in enumerate(present):
        offset = (i - (len(present) - 1) / 2) * step
        for row in comparison.filter(pl.col("method") == method.name).to_dicts():
            y = labels.index(_row_label(row, theme_names, several_pairs)) + offset
            if row["ci_low"] is not None and row["ci_high"] is not None:
                ax.plot([100 * row["ci_low"], 100 * row["ci_high"]], [y, y],
                        color=method.colour, ls=method.line_style, lw=1.5)  # fmt: skip
            if row["diff"] is not None:
                ax.plot(100 * row["diff"], y, "s", color=method.colour, ms=4)
        ax.plot([], [], color=method.colour, ls=method.line_style, label=method.label)
    ax.axvline(0, color="#999999", lw=1, ls="--")
    ax.set_yticks(range(len(labels)))
    ax.set_yticklabels(labels)
    ax.invert_yaxis()
    if comparison.height:
        first = comparison.row(0, named=True)
        pair = "first group minus second" if several_pairs else (
            f"{first['group_a']} minus {first['group_b']}"
        )  # fmt: skip
        ax.set_xlabel(f"difference in % of utterances coded ({pair})")
    ax.legend(frameon=False, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2)
    ax.spines[["top", "right"]].set_visible(False)
    return figure_svg(fig)


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 2.5, 5 times a power of ten at or above value (1 when none)."""
    if not value or value <= 0 or math.isnan(value):
        return 1.0
    power: float = 10 ** math.floor(math.log10(value))
    return min(f * power for f in (1, 2, 2.5, 5, 10) if f * power >= value - 1e-15)


def cooccurrence_heatmap(cooccurrence: pl.DataFrame, theme_names: dict[str, str]) -> str:
    """Jaccard index of every pair of themes coded in the same utterance, as a shaded grid.

    The colour scale runs from 0 to a round number just above the largest pair, so small
    indices (typical: themes rarely share an utterance) are still told apart.
    """
    themes = list(theme_names)
    lookup = {(r["theme_a"], r["theme_b"]): r["jaccard"] for r in cooccurrence.to_dicts()}
    # The diagonal (a theme with itself) is always 1 and would drown the scale: left blank.
    grid = [[float("nan") if a == b else lookup.get((a, b)) or 0.0 for b in themes] for a in themes]
    top = nice_ceiling(max((v for row in grid for v in row if not math.isnan(v)), default=0.0))
    decimals = 2 if top >= 0.1 else 3
    size = 0.45 * len(themes) + 2.5
    fig, ax = plt.subplots(figsize=(size + 1, size))
    image = ax.imshow(grid, cmap="Blues", vmin=0, vmax=top)
    for i, row in enumerate(grid):
        for j, value in enumerate(row):
            if i != j:
                colour = "white" if value > top / 2 else "#222222"
                ax.text(j, i, f"{value:.{decimals}f}", ha="center", va="center", color=colour,
                        fontsize=7)  # fmt: skip
    labels = [theme_names[t] for t in themes]
    ax.set_xticks(range(len(themes)), labels, rotation=40, ha="right")
    ax.set_yticks(range(len(themes)), labels)
    fig.colorbar(image, ax=ax, fraction=0.04, label=f"Jaccard index (utterances), 0 to {top:g}")
    return figure_svg(fig)
