"""unclustered: the two-proportion z-test that treats every utterance as independent."""

from __future__ import annotations

from qualbridge.tasks.compare.inference import unclustered_wald
from qualbridge.tasks.compare.methods.base import ComparisonMethod, MethodInput, MethodResult


def estimate(data: MethodInput) -> MethodResult:
    """Pooled z-test and Wald interval; its design effect is 1 by definition."""
    c = data.counts
    naive = unclustered_wald(
        c.coded_a.sum(axis=0),
        c.units_a.sum(),
        c.coded_b.sum(axis=0),
        c.units_b.sum(),
        data.stats.confidence,
    )
    return MethodResult(naive.diff, naive.ci_low, naive.ci_high, naive.p_value, naive.design_effect)


METHOD = ComparisonMethod(
    name="unclustered",
    label="unclustered (ignores transcripts)",
    colour="#999999",
    line_style=":",
    clustered=False,
    description=(
        "the ordinary two-proportion test that treats every utterance as independent. It is "
        "shown only so you can see how much clustering matters; its intervals are usually too "
        "narrow."
    ),
    estimate=estimate,
)
