"""cluster_bootstrap: whole transcripts resampled; percentile interval and p-value."""

from __future__ import annotations

import numpy as np

from qualbridge.tasks.compare.bootstrap import bootstrap_diffs, percentile_p_value
from qualbridge.tasks.compare.methods.base import (
    ComparisonMethod,
    MethodInput,
    MethodResult,
    design_effect,
)
from qualbridge.tasks.shared.svg import PALETTE


def estimate(data: MethodInput) -> MethodResult:
    """Percentile interval; a p-value of 0 (no resample crossed zero) is reported as < 1/B."""
    c, stats = data.counts, data.stats
    if c.paired:
        arrays = (c.coded_a, c.units_a, c.coded_b, c.units_b)
    else:
        in_a, in_b = c.units_a > 0, c.units_b > 0
        arrays = (c.coded_a[in_a], c.units_a[in_a], c.coded_b[in_b], c.units_b[in_b])
    diffs = bootstrap_diffs(*arrays, stats.bootstrap_resamples, stats.seed, c.paired)
    diff = c.share_a - c.share_b
    tail = (1.0 - stats.confidence) / 2.0
    low, high = np.nanquantile(diffs, [tail, 1.0 - tail], axis=0)
    p_value = percentile_p_value(diffs, diff)
    bound = p_value == 0.0
    p_value = np.where(bound, 1.0 / stats.bootstrap_resamples, p_value)
    variance = np.nanvar(diffs, axis=0, ddof=1)
    return MethodResult(
        diff, low, high, p_value, design_effect(variance, c.naive_variance()), bound
    )


METHOD = ComparisonMethod(
    name="cluster_bootstrap",
    label="cluster bootstrap",
    colour=PALETTE[0],
    line_style="-",
    clustered=True,
    description=(
        "we redraw whole transcripts at random, with replacement, B times, recompute each "
        "difference, and report the range that holds the middle of those differences. Its "
        "p-value is the smallest level at which that range would exclude zero; when no redraw "
        "crosses zero it is reported as below 1/B. Its design effect is the variance of the "
        "redrawn differences over the variance that ignores transcripts."
    ),
    estimate=estimate,
)
