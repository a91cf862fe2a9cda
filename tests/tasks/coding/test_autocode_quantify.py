"""Multiclass corrections of exclusive themes: simplex inversion, EM prior adjustment,
shrinkage towards the mean probability."""

from __future__ import annotations

import numpy as np
import pytest

from qualbridge.tasks.coding.autocode_quantify import (
    AppliedClasses,
    em_prior,
    exclusive_estimates,
    project_simplex,
    shrink_spread,
    shrink_towards,
    simplex_inverse,
    train_confusion,
)


@pytest.mark.parametrize(
    ("vector", "expected"),
    [
        ([0.2, 0.3, 0.5], [0.2, 0.3, 0.5]),  # already on the simplex: unchanged
        ([1.0, 1.0, 0.0], [0.5, 0.5, 0.0]),
        ([2.0, -1.0, 0.0], [1.0, 0.0, 0.0]),
        ([-0.5, -0.5, -0.5], [1 / 3, 1 / 3, 1 / 3]),
    ],
)
def test_simplex_projection(vector, expected) -> None:
    assert np.allclose(project_simplex(np.array([vector])), [expected])


CONFUSION = np.array([[0.7, 0.2, 0.1], [0.15, 0.6, 0.25], [0.1, 0.2, 0.7]])


@pytest.mark.parametrize(
    ("truth", "conditional"),
    [
        ([0.2, 0.5, 0.3], CONFUSION),
        ([0.0, 0.1, 0.9], CONFUSION),  # a share at the simplex's edge
        ([0.6, 0.4, 0.0], np.eye(3)),
    ],
)
def test_simplex_inverse_recovers_shares_from_coded_shares(truth, conditional) -> None:
    observed = np.array(truth) @ conditional
    assert np.allclose(simplex_inverse(conditional[None], observed[None])[0], truth, atol=1e-3)


def test_simplex_inverse_stays_on_the_simplex_when_counts_are_impossible() -> None:
    # Coded shares no true shares can produce (class 0 coded less than its false alarms allow).
    p = simplex_inverse(CONFUSION[None], np.array([[0.0, 0.3, 0.7]]))[0]
    assert p.min() >= 0 and p.sum() == pytest.approx(1.0)


def _gaussian_posteriors(rng, prior_train, prior_new, n):
    """Units drawn under prior_new; exact posteriors under prior_train (calibrated there)."""
    means = np.array([-2.0, 0.0, 2.0])
    classes = rng.choice(3, size=n, p=prior_new)
    x = rng.normal(means[classes], 1.0)
    likelihood = np.exp(-0.5 * (x[:, None] - means[None]) ** 2)
    posterior = likelihood * prior_train
    return classes, posterior / posterior.sum(axis=1, keepdims=True)


@pytest.mark.parametrize(
    ("prior_new", "shifted"),
    [
        ([0.2, 0.3, 0.5], True),
        ([0.5, 0.3, 0.2], True),
        ([0.1, 0.1, 0.8], True),
        ([0.34, 0.33, 0.33], False),  # no shift: EM stays at the truth too
    ],
)
def test_em_recovers_the_shifted_prior(prior_new, shifted) -> None:
    rng = np.random.default_rng(4)
    prior_train = np.array([0.34, 0.33, 0.33])
    classes, probs = _gaussian_posteriors(rng, prior_train, prior_new, 20000)
    share = em_prior(probs, np.ones((1, len(probs))), prior_train[None])[0]
    truth = np.bincount(classes, minlength=3) / len(classes)
    assert np.abs(share - truth).max() < 0.02
    naive = probs.mean(axis=0)  # averaging the probabilities leans toward the training prior
    if shifted:
        assert np.abs(share - truth).sum() < np.abs(naive - truth).sum()


def test_estimators_from_transcript_weights_match_a_direct_computation() -> None:
    rng = np.random.default_rng(2)
    prior = np.array([0.3, 0.3, 0.4])
    classes, probs = _gaussian_posteriors(rng, prior, prior, 3000)
    groups = np.repeat(np.arange(100), 30)
    train = train_confusion(classes, probs, groups)
    assert train.hard.sum() == 3000 and np.allclose(train.class_counts.sum(0), np.bincount(classes))
    applied = AppliedClasses(probs, groups)
    doubled = np.ones((1, 100))
    doubled[0, :50] = 2.0  # weighting transcripts = repeating their units
    est = exclusive_estimates(train, applied, np.ones((1, 100)), doubled)
    units = np.repeat(doubled[0], 30)
    coded = np.bincount(probs.argmax(1), weights=units, minlength=3) / units.sum()
    assert np.allclose(est["raw"][0], coded)
    for method in ("macc", "mpacc", "em"):
        assert est[method][0].sum() == pytest.approx(1.0) and est[method].min() >= 0


@pytest.mark.parametrize(
    ("unbiased", "anchor", "spread", "expected"),
    [
        ([0.5, 0.5], [0.45, 0.55], [0.1, 0.1], [0.45, 0.55]),  # gap within the noise: anchor
        ([0.8, 0.2], [0.5, 0.5], [0.0, 0.0], [0.8, 0.2]),  # no noise: the correction
        ([0.8, 0.2], [0.5, 0.5], [0.15, 0.15], [0.725, 0.275]),  # a quarter of the gap is noise
        ([0.3, 0.7], [0.3, 0.7], [0.1, 0.1], [0.3, 0.7]),  # no gap
    ],
)
def test_shrink_towards(unbiased, anchor, spread, expected) -> None:
    out = shrink_towards(np.array([unbiased]), np.array([anchor]), np.array(spread))
    assert np.allclose(out, [expected])


@pytest.mark.parametrize(("shift", "keeps_correction"), [(False, False), (True, True)])
def test_shrunk_estimators_follow_a_real_shift_and_ignore_noise(shift, keeps_correction) -> None:
    """A study shifted well beyond the noise keeps the correction; an unshifted one stays
    near the steadier mean probability."""
    rng = np.random.default_rng(5)
    prior = np.array([0.3, 0.3, 0.4])
    classes, probs = _gaussian_posteriors(rng, prior, prior, 3000)
    new = np.array([0.1, 0.5, 0.4]) if shift else prior
    new_classes, new_probs = _gaussian_posteriors(rng, prior, new, 3000)
    groups = np.repeat(np.arange(100), 30)
    train, applied = train_confusion(classes, probs, groups), AppliedClasses(new_probs, groups)
    spread = shrink_spread(train, applied, 100, rng)
    est = exclusive_estimates(train, applied, np.ones((1, 100)), np.ones((1, 100)), spread=spread)
    truth = np.bincount(new_classes, minlength=3) / len(new_classes)
    for base in ("macc", "mpacc", "em"):
        shrunk = est[f"shrink_{base}"][0]
        to_base = np.abs(shrunk - est[base][0]).sum()
        to_pcc = np.abs(shrunk - est["pcc"][0]).sum()
        assert (to_base < to_pcc) == keeps_correction
        assert np.abs(shrunk - truth).max() < 0.05
