"""The exclusive-theme path: out-of-fold class probabilities, their calibration, the choice of
estimator by cross-validation inside the training studies, and the bootstrap interval."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import cast

import numpy as np
import scipy.sparse as sp
from scipy.optimize import minimize

from qualbridge.tasks.coding.autocode import ThemeModels, exclusive_classes, train_models
from qualbridge.tasks.coding.autocode_prevalence import resample_weights
from qualbridge.tasks.coding.autocode_quantify import (
    EXCLUSIVE_METHODS,
    SHRINK,
    AppliedClasses,
    TrainConfusion,
    applied_classes,
    base_spread,
    bootstrap_estimates,
    exclusive_estimates,
    shrink_spread,
    shrink_towards,
    train_confusion,
)
from qualbridge.tasks.coding.autocode_validation import transcript_folds

# Evaluation samples per held-out fold when choosing the estimator: resampled transcripts
# (shares as a similar study would have them) and resampled units under shifted class shares.
NATURAL_SAMPLES = 20
SHIFTED_SAMPLES = 20
# Concentration of the shifted shares around the training shares (higher = smaller shift).
SHIFT_CONCENTRATION = 50.0
# Largest calibration bias of a class's logit.
CALIBRATION_BIAS = 3.0
# Bootstrap resamples giving the shrunk estimators their noise on each held-out fold.
SPREAD_SAMPLES = 50


@dataclass(frozen=True)
class ExclusiveFit:
    """Out-of-fold class probabilities of the training units and what they yield."""

    classes: np.ndarray  # true class per unit ("no theme" = number of themes)
    probs: np.ndarray  # calibrated out-of-fold probabilities, units x classes
    fold: np.ndarray
    temperature: float
    bias: np.ndarray  # per class, added to the logits after the temperature


def out_of_fold_classes(
    features: sp.csr_matrix, labels: np.ndarray, groups: np.ndarray, folds: int, seed: int
) -> ExclusiveFit:
    """Class probabilities of each unit from a model that never saw its transcript."""
    classes = exclusive_classes(labels)
    if classes is None:
        raise ValueError("exclusive themes need at most one theme per unit")
    fold = transcript_folds(groups, folds, seed)
    probs = np.zeros((len(classes), labels.shape[1] + 1))
    names = [str(j) for j in range(labels.shape[1])]
    for k in np.unique(fold):
        train, test = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
        models = train_models(features[train], labels[train], names, seed, exclusive=True)
        probs[test] = models.class_scores(features[test])
    temperature, bias = fit_calibration(probs, classes)
    return ExclusiveFit(classes, rescale(probs, temperature, bias), fold, temperature, bias)


def rescale(probs: np.ndarray, temperature: float, bias: np.ndarray | None = None) -> np.ndarray:
    """Probabilities with their logits divided by the temperature (plus a bias per class)."""
    logits = np.log(np.maximum(probs, 1e-300)) / temperature
    if bias is not None:
        logits = logits + bias
    z = np.exp(logits - logits.max(axis=1, keepdims=True))
    return cast(np.ndarray, z / z.sum(axis=1, keepdims=True))


def fit_calibration(probs: np.ndarray, classes: np.ndarray) -> tuple[float, np.ndarray]:
    """Temperature and per-class bias minimising the out-of-fold log loss (bias-corrected
    temperature scaling: prior adjustment needs each class's mean probability right, not only
    the spread). Classes no unit has keep bias 0."""
    present = np.flatnonzero(np.bincount(classes, minlength=probs.shape[1]) > 0)
    rows = np.arange(len(classes))

    def log_loss(params: np.ndarray) -> float:
        bias = np.zeros(probs.shape[1])
        bias[present] = params[1:]
        p = rescale(probs, float(np.exp(params[0])), bias)[rows, classes]
        return float(-np.log(np.maximum(p, 1e-300)).mean())

    start = np.zeros(len(present) + 1)
    bounds = [(np.log(0.2), np.log(5.0))] + [(-CALIBRATION_BIAS, CALIBRATION_BIAS)] * len(present)
    params = minimize(log_loss, start, method="L-BFGS-B", bounds=bounds).x
    bias = np.zeros(probs.shape[1])
    bias[present] = params[1:]
    return float(np.exp(params[0])), bias


def calibrated(models: ThemeModels, fit: ExclusiveFit) -> ThemeModels:
    """The final model with the cross-validated temperature; the bias goes into the intercepts
    (logits / t + b = (logits + t b) / t)."""
    intercepts = models.intercepts + fit.temperature * fit.bias
    return replace(models, temperature=fit.temperature, intercepts=intercepts)


def _fold_samples(
    rng: np.random.Generator, classes: np.ndarray, groups: np.ndarray, train_share: np.ndarray
) -> np.ndarray:
    """Unit weights of the evaluation samples of one held-out fold (samples x units)."""
    _, index = np.unique(groups, return_inverse=True)
    draws = resample_weights(rng, index.max() + 1, NATURAL_SAMPLES)
    natural = np.vstack([np.ones(len(classes)), draws[:, index]])
    shifted = np.zeros((SHIFTED_SAMPLES, len(classes)))
    present = np.flatnonzero(np.bincount(classes, minlength=len(train_share)) > 0)
    for s in range(SHIFTED_SAMPLES):
        share = rng.dirichlet(SHIFT_CONCENTRATION * train_share[present] + 0.1)
        for c, n in zip(present, rng.multinomial(len(classes), share), strict=True):
            members = np.flatnonzero(classes == c)
            np.add.at(shifted[s], rng.choice(members, size=n), 1.0)
    return np.vstack([natural, shifted])


def choose_method(fit: ExclusiveFit, groups: np.ndarray, seed: int) -> dict[str, float]:
    """Mean absolute error of each estimator's theme shares over samples of held-out folds,
    corrected with the other folds' confusion (training studies only)."""
    rng = np.random.default_rng(seed)
    n = fit.probs.shape[1]
    errors: dict[str, list[np.ndarray]] = {m: [] for m in EXCLUSIVE_METHODS}
    for k in np.unique(fit.fold):
        held, rest = fit.fold == k, fit.fold != k
        train = train_confusion(fit.classes[rest], fit.probs[rest], groups[rest])
        share = np.bincount(fit.classes[rest], minlength=n) / rest.sum()
        weights = _fold_samples(rng, fit.classes[held], groups[held], share)
        truth = weights @ np.eye(n)[fit.classes[held]] / weights.sum(axis=1, keepdims=True)
        spread = shrink_spread(
            train, applied_classes(fit.probs[held], groups[held]), SPREAD_SAMPLES, rng
        )
        # Every unit its own "transcript", so unit weights are transcript weights.
        applied = AppliedClasses(fit.probs[held], np.arange(held.sum()))
        est = exclusive_estimates(
            train, applied, np.ones((len(weights), train.hard.shape[0])), weights, spread=spread
        )
        for m in EXCLUSIVE_METHODS:
            errors[m].append(np.abs(est[m] - truth)[:, : n - 1])
    return {m: float(np.concatenate(e).mean()) for m, e in errors.items()}


def exclusive_prevalence(
    train: TrainConfusion,
    applied: AppliedClasses,
    method: str,
    resamples: int,
    seed: int,
    confidence: float,
) -> dict[str, np.ndarray]:
    """Theme shares (without "no theme"): raw, each estimator, the chosen one and its
    percentile interval over a bootstrap of training and coded transcripts (a shrunk
    estimator's spans its base's too)."""
    rng = np.random.default_rng(seed)
    boot = bootstrap_estimates(train, applied, resamples, rng, (method,))
    base = method.removeprefix(SHRINK)
    spread = base_spread(boot, (base,)) if base != method else None
    if spread is not None:
        boot[method] = shrink_towards(boot[base], boot["pcc"], spread[base])
    point = exclusive_estimates(
        train,
        applied,
        np.ones((1, train.hard.shape[0])),
        np.ones((1, applied.transcripts)),
        spread=spread,
    )
    k = applied.probs.shape[1] - 1
    tail = (1.0 - confidence) / 2.0
    corrected = point[method][0, :k]
    # A shrunk estimate's interval also spans its base's: pulling a gap the noise explains
    # towards pcc must not claim more certainty than the correction has.
    low, high = np.quantile(boot[method][:, :k], [tail, 1.0 - tail], axis=0)
    base_low, base_high = np.quantile(boot[base][:, :k], [tail, 1.0 - tail], axis=0)
    low, high = np.fmin(low, base_low), np.fmax(high, base_high)
    return {
        **{m: v[0, :k] for m, v in point.items()},
        "corrected": corrected,
        "method": np.full(k, method),
        "ci_low": np.fmin(low, corrected),
        "ci_high": np.fmax(high, corrected),
    }


def exclusive_inputs(
    fit: ExclusiveFit, groups: np.ndarray, models: ThemeModels, features: sp.csr_matrix,
    applied_groups: np.ndarray,
) -> tuple[TrainConfusion, AppliedClasses]:  # fmt: skip
    """Training confusion per transcript and the coded study's calibrated class probabilities."""
    return (
        train_confusion(fit.classes, fit.probs, groups),
        applied_classes(models.class_scores(features), applied_groups),
    )
