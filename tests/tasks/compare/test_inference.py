"""Tests of the comparison statistics against statsmodels, computed independently."""

from __future__ import annotations

import numpy as np
import pytest
import statsmodels.api as sm
from scipy.special import expit
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import (
    confint_proportions_2indep,
    proportion_effectsize,
    proportions_ztest,
)

from qualbridge.tasks.compare.inference import (
    benjamini_hochberg,
    cluster_wald,
    cohens_h,
    unclustered_wald,
)

RNG = np.random.default_rng(20261127)
UNITS_A = RNG.integers(5, 40, size=9)
UNITS_B = RNG.integers(5, 40, size=11)
# Transcript-level rates vary, so utterances within a transcript are correlated.
CODED_A = RNG.binomial(UNITS_A, RNG.beta(2, 5, size=9))
CODED_B = RNG.binomial(UNITS_B, RNG.beta(2, 8, size=11))


def _long(units: np.ndarray, coded: np.ndarray, first_cluster: int, x: float) -> np.ndarray:
    """One row per utterance: cluster, group indicator, coded (0/1)."""
    rows = []
    for i, (n, k) in enumerate(zip(units, coded, strict=True)):
        rows += [(first_cluster + i, x, 1.0 if j < k else 0.0) for j in range(n)]
    return np.array(rows)


def _gee_share_difference(data: np.ndarray) -> tuple[float, float]:
    """statsmodels GEE (binomial, independence, clusters = transcripts) and the delta method."""
    model = sm.GEE(
        data[:, 2],
        sm.add_constant(data[:, 1]),
        groups=data[:, 0],
        family=sm.families.Binomial(),
        cov_struct=sm.cov_struct.Independence(),
    )
    fit = model.fit()
    b0, b1 = fit.params
    p_a, p_b = expit(b0 + b1), expit(b0)
    gradient = np.array([p_a * (1 - p_a) - p_b * (1 - p_b), p_a * (1 - p_a)])
    return p_a - p_b, float(np.sqrt(gradient @ fit.cov_params() @ gradient))


def _aligned(units_a, coded_a, units_b, coded_b):
    zeros_a, zeros_b = np.zeros(len(units_b)), np.zeros(len(units_a))
    return (
        np.concatenate([coded_a, zeros_a])[:, None],
        np.concatenate([units_a, zeros_a]),
        np.concatenate([zeros_b, coded_b])[:, None],
        np.concatenate([zeros_b, units_b]),
    )


def test_independent_groups_match_statsmodels_gee() -> None:
    data = np.vstack([_long(UNITS_A, CODED_A, 0, 1.0), _long(UNITS_B, CODED_B, 100, 0.0)])
    diff, se = _gee_share_difference(data)

    result = cluster_wald(*_aligned(UNITS_A, CODED_A, UNITS_B, CODED_B))

    assert result.diff[0] == pytest.approx(diff, rel=1e-6)
    assert result.se[0] == pytest.approx(se, rel=1e-4)
    assert result.ci_low[0] == pytest.approx(diff - 1.959964 * se, rel=1e-4)


def test_groups_sharing_transcripts_match_statsmodels_gee() -> None:
    # Two speaker roles inside the same 9 transcripts: the covariance between them counts.
    helper_units = RNG.integers(5, 30, size=9)
    helper_coded = RNG.binomial(helper_units, 0.4 * CODED_A / UNITS_A + 0.1)
    data = np.vstack([_long(UNITS_A, CODED_A, 0, 1.0), _long(helper_units, helper_coded, 0, 0.0)])
    diff, se = _gee_share_difference(data)

    result = cluster_wald(CODED_A[:, None], UNITS_A, helper_coded[:, None], helper_units)

    assert result.diff[0] == pytest.approx(diff, rel=1e-6)
    assert result.se[0] == pytest.approx(se, rel=1e-4)


def test_design_effect_is_the_variance_ratio_to_the_unclustered_one() -> None:
    result = cluster_wald(*_aligned(UNITS_A, CODED_A, UNITS_B, CODED_B))
    p_a, p_b = CODED_A.sum() / UNITS_A.sum(), CODED_B.sum() / UNITS_B.sum()
    naive = p_a * (1 - p_a) / UNITS_A.sum() + p_b * (1 - p_b) / UNITS_B.sum()

    assert result.design_effect[0] == pytest.approx(result.se[0] ** 2 / naive)
    assert result.design_effect[0] > 1  # transcripts differ in rate by construction


@pytest.mark.parametrize(
    ("count_a", "n_a", "count_b", "n_b"),
    [(30, 100, 18, 120), (5, 40, 5, 40), (70, 90, 20, 95)],
)
def test_unclustered_matches_statsmodels(count_a, n_a, count_b, n_b) -> None:
    _, p_value = proportions_ztest([count_a, count_b], [n_a, n_b])
    low, high = confint_proportions_2indep(count_a, n_a, count_b, n_b, method="wald")

    result = unclustered_wald(np.array([count_a]), n_a, np.array([count_b]), n_b)

    assert result.p_value[0] == pytest.approx(p_value, rel=1e-9)
    assert result.ci_low[0] == pytest.approx(low, rel=1e-6)
    assert result.ci_high[0] == pytest.approx(high, rel=1e-6)


def test_no_variation_and_no_difference_gives_p_one() -> None:
    zero = np.zeros((3, 1))
    units = np.array([4.0, 5.0, 6.0])

    result = cluster_wald(zero, units, zero, units)

    assert result.p_value[0] == 1.0
    assert (result.ci_low[0], result.ci_high[0]) == (0.0, 0.0)


@pytest.mark.parametrize(("a", "b"), [(0.5, 0.3), (0.1, 0.1), (0.02, 0.6), (1.0, 0.0)])
def test_cohens_h_matches_statsmodels(a: float, b: float) -> None:
    assert cohens_h(np.array([a]), np.array([b]))[0] == pytest.approx(
        proportion_effectsize(a, b), abs=1e-12
    )


@pytest.mark.parametrize(
    "p_values",
    [
        [0.01, 0.04, 0.03, 0.005, 0.5],
        [0.2, 0.2, 0.2],
        [0.001],
        [0.9, 0.01, 0.04, 0.049, 0.6, 0.02, 0.3],
    ],
)
def test_benjamini_hochberg_matches_statsmodels(p_values: list[float]) -> None:
    expected = multipletests(p_values, method="fdr_bh")[1]

    assert benjamini_hochberg(np.array(p_values)) == pytest.approx(expected)


def test_benjamini_hochberg_leaves_missing_p_values_out() -> None:
    expected = multipletests([0.01, 0.04, 0.03], method="fdr_bh")[1]

    adjusted = benjamini_hochberg(np.array([0.01, np.nan, 0.04, 0.03]))

    assert np.isnan(adjusted[1])
    assert adjusted[[0, 2, 3]] == pytest.approx(expected)
