"""Charts as inline SVG, so the report is one file that opens offline."""

from __future__ import annotations

import matplotlib.pyplot as plt
import polars as pl

from qualbridge.tasks.shared.svg import PALETTE, figure_svg


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
    return figure_svg(fig)


METHOD_STYLE = {
    "cluster_bootstrap": ("cluster bootstrap", PALETTE[0], "-"),
    "cluster_wald": ("cluster-robust Wald", PALETTE[1], "-"),
    "unclustered": ("unclustered (ignores transcripts)", "#999999", ":"),
}


def forest_plot(comparison: pl.DataFrame, theme_names: dict[str, str]) -> str:
    """Differences in share (percentage points) with each method's interval, one row per theme."""
    themes = comparison["theme_id"].unique(maintain_order=True).to_list()
    fig, ax = plt.subplots(figsize=(7.5, 0.6 * len(themes) + 1.3))
    offsets = {m: (i - 1) * 0.22 for i, m in enumerate(METHOD_STYLE)}
    for method, (label, colour, style) in METHOD_STYLE.items():
        rows = comparison.filter(pl.col("method") == method)
        for row in rows.to_dicts():
            y = themes.index(row["theme_id"]) + offsets[method]
            if row["ci_low"] is not None and row["ci_high"] is not None:
                ax.plot(
                    [100 * row["ci_low"], 100 * row["ci_high"]],
                    [y, y],
                    color=colour,
                    ls=style,
                    lw=1.5,
                )
            ax.plot(100 * row["diff"], y, "s", color=colour, ms=4)
        ax.plot([], [], color=colour, ls=style, label=label)
    ax.axvline(0, color="#999999", lw=1, ls="--")
    ax.set_yticks(range(len(themes)))
    ax.set_yticklabels([theme_names.get(t, t) for t in themes])
    ax.invert_yaxis()
    if comparison.height:
        first = comparison.row(0, named=True)
        ax.set_xlabel(
            f"difference in % of utterances coded ({first['group_a']} minus {first['group_b']})"
        )
    ax.legend(frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=3)
    ax.spines[["top", "right"]].set_visible(False)
    return figure_svg(fig)


def cooccurrence_heatmap(cooccurrence: pl.DataFrame, theme_names: dict[str, str]) -> str:
    """Jaccard index of every pair of themes coded in the same utterance, as a shaded grid."""
    themes = list(theme_names)
    lookup = {(r["theme_a"], r["theme_b"]): r["jaccard"] for r in cooccurrence.to_dicts()}
    # The diagonal (a theme with itself) is always 1 and would drown the scale: left blank.
    grid = [[float("nan") if a == b else lookup.get((a, b)) or 0.0 for b in themes] for a in themes]
    size = 0.45 * len(themes) + 2.5
    fig, ax = plt.subplots(figsize=(size + 1, size))
    image = ax.imshow(grid, cmap="Blues", vmin=0, vmax=1)
    for i, row in enumerate(grid):
        for j, value in enumerate(row):
            if i != j:
                colour = "white" if value > 0.5 else "#222222"
                ax.text(j, i, f"{value:.2f}", ha="center", va="center", color=colour, fontsize=7)
    labels = [theme_names[t] for t in themes]
    ax.set_xticks(range(len(themes)), labels, rotation=40, ha="right")
    ax.set_yticks(range(len(themes)), labels)
    fig.colorbar(image, ax=ax, fraction=0.04, label="Jaccard index (utterances)")
    return figure_svg(fig)
