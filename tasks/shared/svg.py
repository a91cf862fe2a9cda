"""Matplotlib figures as inline SVG, so reports are single files that open offline."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.figure import Figure

plt.rcParams.update({"svg.hashsalt": "qualbridge", "svg.fonttype": "none", "font.size": 9})
PALETTE = ["#1b6ca8", "#d1495b", "#66a182", "#edae49", "#8d6a9f", "#00798c"]


def figure_svg(fig: Figure) -> str:
    """The figure as an <svg> element (no XML header, no date), and the figure closed."""
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]
