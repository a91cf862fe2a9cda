"""cluster_wald: the difference with a cluster-robust (GEE sandwich) variance."""

from __future__ import annotations

from qualbridge.tasks.compare.inference import cluster_wald
from qualbridge.tasks.compare.methods.base import ComparisonMethod, MethodInput, MethodResult
from qualbridge.tasks.shared.svg import PALETTE


def estimate(data: MethodInput) -> MethodResult:
    """Wald interval and test with transcripts as clusters."""
    c = data.counts
    wald = cluster_wald(c.coded_a, c.units_a, c.coded_b, c.units_b, data.stats.confidence)
    return MethodResult(wald.diff, wald.ci_low, wald.ci_high, wald.p_value, wald.design_effect)


METHOD = ComparisonMethod(
    name="cluster_wald",
    label="cluster-robust Wald",
    colour=PALETTE[1],
    line_style="-",
    clustered=True,
    description=(
        "a formula-based interval that lets utterances in one transcript resemble each other "
        "(the sandwich variance of a GEE model with transcripts as clusters), with a test per "
        "theme."
    ),
    estimate=estimate,
)
