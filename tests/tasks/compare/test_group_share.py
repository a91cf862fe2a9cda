"""The observed group's share and cluster-robust error, checked against two other computations."""

from __future__ import annotations

import numpy as np
import pytest

from qualbridge.tasks.compare.bootstrap import bootstrap_diffs
from qualbridge.tasks.compare.group_share import ratio_share_se


@pytest.mark.parametrize(
    ("coded", "units"),
    [([2, 5, 1, 7], [10, 10, 10, 10]), ([0, 0, 3], [5, 5, 5]), ([4, 4, 4, 4, 4], [8] * 5)],
)
def test_equal_clusters_give_the_standard_error_of_cluster_means(coded, units) -> None:
    share, se = ratio_share_se(np.array(coded, float), np.array(units, float))
    means = np.array(coded) / np.array(units)
    assert share == pytest.approx(means.mean())
    assert se == pytest.approx(means.std(ddof=1) / np.sqrt(len(means)))


def test_unequal_clusters_match_a_cluster_bootstrap() -> None:
    rng = np.random.default_rng(3)
    units = rng.integers(5, 60, size=40).astype(float)
    coded = rng.binomial(units.astype(int), rng.beta(2, 6, size=40)).astype(float)
    _, se = ratio_share_se(coded, units)
    # Resampling whole clusters of this group against an empty, constant other group.
    diffs = bootstrap_diffs(coded[:, None], units, np.zeros((2, 1)), np.ones(2), 20000, 1)
    assert se * np.sqrt((len(units) - 1) / len(units)) == pytest.approx(diffs.std(), rel=0.03)


def test_one_cluster_has_no_standard_error() -> None:
    share, se = ratio_share_se(np.array([3.0]), np.array([10.0]))
    assert share == 0.3 and np.isnan(se)
