"""Tests of the cluster bootstrap of differences in coded shares."""

from __future__ import annotations

import math

import numpy as np
import pytest

from qualbridge.tasks.compare.bootstrap import (
    ShareDifference,
    cluster_bootstrap_diff,
    resample_weights,
)

# Group A: 3 transcripts x 2 themes; shares by hand: theme 0 = 3/10, theme 1 = 1/10.
CODED_A = np.array([[1, 0], [2, 1], [0, 0]])
UNITS_A = np.array([4, 5, 1])
# Group B: 4 transcripts; shares by hand: theme 0 = 2/20 = 0.1, theme 1 = 5/20 = 0.25.
CODED_B = np.array([[0, 2], [1, 1], [1, 0], [0, 2]])
UNITS_B = np.array([5, 5, 5, 5])

# A larger fixture for comparing intervals with an independent implementation.
RNG = np.random.default_rng(12345)
BIG_UNITS_A = RNG.integers(20, 60, size=12)
BIG_CODED_A = np.column_stack([RNG.binomial(BIG_UNITS_A, p) for p in (0.30, 0.10, 0.50)])
BIG_UNITS_B = RNG.integers(20, 60, size=15)
BIG_CODED_B = np.column_stack([RNG.binomial(BIG_UNITS_B, p) for p in (0.20, 0.10, 0.35)])


def _slow_cluster_bootstrap(coded_a, units_a, coded_b, units_b, resamples, seed, confidence):
    """Textbook cluster bootstrap: draw whole transcripts with replacement, percentile CI."""
    rng = np.random.default_rng(seed)
    diffs = []
    for _ in range(resamples):
        pick_a = rng.choice(len(units_a), size=len(units_a), replace=True)
        pick_b = rng.choice(len(units_b), size=len(units_b), replace=True)
        share_a = coded_a[pick_a].sum(axis=0) / units_a[pick_a].sum()
        share_b = coded_b[pick_b].sum(axis=0) / units_b[pick_b].sum()
        diffs.append(share_a - share_b)
    tail = 100 * (1 - confidence) / 2
    return np.percentile(np.array(diffs), [tail, 100 - tail], axis=0)


def test_point_estimates_are_ratio_shares_by_hand() -> None:
    result = cluster_bootstrap_diff(CODED_A, UNITS_A, CODED_B, UNITS_B, resamples=200, seed=1)

    assert len(result) == 2
    assert result[0].share_a == pytest.approx(0.3)
    assert result[0].share_b == pytest.approx(0.1)
    assert result[0].diff == pytest.approx(0.2)
    assert result[1].share_a == pytest.approx(0.1)
    assert result[1].share_b == pytest.approx(0.25)
    assert result[1].diff == pytest.approx(-0.15)


def test_share_is_not_the_mean_of_per_transcript_shares() -> None:
    # Mean of per-transcript shares would be (1/4 + 2/5 + 0/1) / 3 = 0.2167 for theme 0.
    [theme0, _] = cluster_bootstrap_diff(CODED_A, UNITS_A, CODED_B, UNITS_B, 200, seed=1)

    assert theme0.share_a == pytest.approx(0.3)
    assert theme0.share_a != pytest.approx((1 / 4 + 2 / 5 + 0 / 1) / 3)


def test_results_are_floats() -> None:
    [first, _] = cluster_bootstrap_diff(CODED_A, UNITS_A, CODED_B, UNITS_B, 200, seed=1)

    assert isinstance(first, ShareDifference)
    assert all(
        type(v) is float
        for v in (first.share_a, first.share_b, first.diff, first.ci_low, first.ci_high)
    )


def test_same_seed_gives_the_same_interval() -> None:
    run = lambda seed: cluster_bootstrap_diff(  # noqa: E731
        BIG_CODED_A, BIG_UNITS_A, BIG_CODED_B, BIG_UNITS_B, resamples=500, seed=seed
    )

    assert run(7) == run(7)
    assert run(7) != run(8)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_interval_contains_the_point_estimate(seed: int) -> None:
    result = cluster_bootstrap_diff(
        BIG_CODED_A, BIG_UNITS_A, BIG_CODED_B, BIG_UNITS_B, resamples=1000, seed=seed
    )

    for r in result:
        assert r.ci_low <= r.diff <= r.ci_high
        assert r.ci_low < r.ci_high


@pytest.mark.parametrize("confidence", [0.90, 0.95])
def test_interval_matches_an_independent_slow_bootstrap(confidence: float) -> None:
    resamples = 4000
    data = (BIG_CODED_A, BIG_UNITS_A, BIG_CODED_B, BIG_UNITS_B, resamples)
    fast = cluster_bootstrap_diff(*data, seed=2026, confidence=confidence)
    low, high = _slow_cluster_bootstrap(*data, seed=99, confidence=confidence)

    # Different random streams: the bounds agree only up to Monte Carlo error
    # (about 0.004 at most over 30 seed pairs for this fixture).
    for theme, r in enumerate(fast):
        assert r.ci_low == pytest.approx(low[theme], abs=0.015)
        assert r.ci_high == pytest.approx(high[theme], abs=0.015)


def test_interval_width_is_plausible_against_a_normal_approximation() -> None:
    # Independent sanity check: the 95% width should be near 2 * 1.96 * bootstrap SE.
    rng = np.random.default_rng(5)
    diffs = []
    for _ in range(2000):
        pa = rng.choice(12, size=12)
        pb = rng.choice(15, size=15)
        diffs.append(
            BIG_CODED_A[pa, 0].sum() / BIG_UNITS_A[pa].sum()
            - BIG_CODED_B[pb, 0].sum() / BIG_UNITS_B[pb].sum()
        )
    normal_width = 2 * 1.96 * float(np.std(diffs))

    [theme0, *_] = cluster_bootstrap_diff(
        BIG_CODED_A, BIG_UNITS_A, BIG_CODED_B, BIG_UNITS_B, resamples=2000, seed=3
    )

    assert theme0.ci_high - theme0.ci_low == pytest.approx(normal_width, rel=0.25)


def test_higher_confidence_gives_a_wider_nested_interval() -> None:
    args = (BIG_CODED_A, BIG_UNITS_A, BIG_CODED_B, BIG_UNITS_B, 1000, 11)

    narrow = cluster_bootstrap_diff(*args, confidence=0.80)
    wide = cluster_bootstrap_diff(*args, confidence=0.95)

    for n, w in zip(narrow, wide, strict=True):
        assert w.ci_low <= n.ci_low <= n.ci_high <= w.ci_high
        assert (w.ci_high - w.ci_low) > (n.ci_high - n.ci_low)


@pytest.mark.parametrize("seed", [0, 1, 2, 3, 4])
def test_identical_groups_give_an_interval_containing_zero(seed: int) -> None:
    result = cluster_bootstrap_diff(
        BIG_CODED_A, BIG_UNITS_A, BIG_CODED_A.copy(), BIG_UNITS_A.copy(), resamples=1000, seed=seed
    )

    for r in result:
        assert r.diff == 0.0
        assert r.ci_low < 0.0 < r.ci_high


def test_clear_difference_gives_an_interval_excluding_zero() -> None:
    units = np.full(20, 10)
    high = np.column_stack([np.full(20, 8)])
    low = np.column_stack([np.full(20, 1)])

    [r] = cluster_bootstrap_diff(high, units, low, units, resamples=500, seed=1)

    assert r.diff == pytest.approx(0.7)
    assert r.ci_low == pytest.approx(0.7)
    assert r.ci_high == pytest.approx(0.7)


def test_theme_never_coded_gives_a_zero_interval() -> None:
    coded = np.zeros((5, 1), dtype=int)
    units = np.array([3, 4, 5, 6, 7])

    [r] = cluster_bootstrap_diff(coded, units, coded, units, resamples=300, seed=1)

    assert (r.share_a, r.share_b, r.diff, r.ci_low, r.ci_high) == (0.0, 0.0, 0.0, 0.0, 0.0)


def test_clusters_without_units_are_ignored_in_the_interval() -> None:
    # A resample made only of empty transcripts has no share (0/0); it must not give NaN bounds.
    coded = np.array([[0], [2]])
    units = np.array([0, 4])

    [r] = cluster_bootstrap_diff(coded, units, coded, units, resamples=400, seed=3)

    assert r.share_a == pytest.approx(0.5)
    assert not math.isnan(r.ci_low)
    assert not math.isnan(r.ci_high)


@pytest.mark.parametrize(("n_clusters", "resamples"), [(1, 5), (3, 10), (17, 50)])
def test_resample_weights_draw_n_clusters_per_resample(n_clusters: int, resamples: int) -> None:
    weights = resample_weights(n_clusters, resamples, np.random.default_rng(0))

    assert weights.shape == (resamples, n_clusters)
    assert (weights.sum(axis=1) == n_clusters).all()
    assert (weights >= 0).all()


def test_resample_weights_are_uniform_over_clusters() -> None:
    weights = resample_weights(4, 20000, np.random.default_rng(0))

    # Each cluster is drawn once per resample on average.
    assert weights.mean(axis=0) == pytest.approx(np.ones(4), abs=0.015)


def _slow_paired_bootstrap(coded_a, units_a, coded_b, units_b, resamples, seed):
    """Paired textbook bootstrap: one draw of transcripts serves both groups."""
    rng = np.random.default_rng(seed)
    diffs = []
    for _ in range(resamples):
        pick = rng.choice(len(units_a), size=len(units_a), replace=True)
        diffs.append(
            coded_a[pick].sum(axis=0) / units_a[pick].sum()
            - coded_b[pick].sum(axis=0) / units_b[pick].sum()
        )
    return np.percentile(np.array(diffs), [2.5, 97.5], axis=0)


def test_paired_interval_matches_an_independent_slow_paired_bootstrap() -> None:
    # Role B's coding follows role A's within each transcript: pairing narrows the interval.
    coded_b = np.minimum(
        BIG_CODED_A + RNG.integers(0, 3, size=BIG_CODED_A.shape), BIG_UNITS_A[:, None]
    )
    low, high = _slow_paired_bootstrap(BIG_CODED_A, BIG_UNITS_A, coded_b, BIG_UNITS_A, 4000, 9)

    fast = cluster_bootstrap_diff(
        BIG_CODED_A, BIG_UNITS_A, coded_b, BIG_UNITS_A, 4000, seed=4, paired=True
    )

    for theme, r in enumerate(fast):
        assert r.ci_low == pytest.approx(low[theme], abs=0.01)
        assert r.ci_high == pytest.approx(high[theme], abs=0.01)


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_p_value_agrees_with_the_interval(seed: int) -> None:
    result = cluster_bootstrap_diff(
        BIG_CODED_A, BIG_UNITS_A, BIG_CODED_B, BIG_UNITS_B, resamples=2000, seed=seed
    )

    for r in result:
        excludes_zero = r.ci_low > 0 or r.ci_high < 0
        assert 0.0 <= r.p_value <= 1.0
        if excludes_zero:
            assert r.p_value <= 0.05 + 1e-9
        elif r.ci_low < -0.002 and r.ci_high > 0.002:
            assert r.p_value > 0.05


def test_p_value_of_a_slow_bootstrap_by_hand() -> None:
    # Clear separation: every resample keeps A above B, so p is 0.
    units = np.full(20, 10)
    [r] = cluster_bootstrap_diff(
        np.full((20, 1), 8), units, np.full((20, 1), 1), units, resamples=300, seed=1
    )

    assert r.p_value == 0.0
