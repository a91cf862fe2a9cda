"""Class shares of exclusive themes corrected for the coder's errors.

Estimators over the classes (each theme and "no theme"):
  macc  adjusted classify-and-count: the cross-validated confusion matrix P(coded j | true i)
        inverted against the study's coded shares, by least squares on the simplex;
  mpacc the same with mean probabilities in place of 0/1 codes;
  em    prior adjustment of calibrated probabilities by expectation-maximisation
        (Saerens, Latinne and Decaestecker 2002);
  pcc   the mean calibrated probability: steady, but it moves only part of the way from the
        training shares towards a study's own;
  shrink_<m> the estimator m pulled towards pcc by as much as m's own noise explains of the
        gap between them (positive-part James-Stein): a large gap keeps the correction, a gap
        within the noise falls back on the steadier pcc.
Every estimator takes transcript weights (resamples x transcripts) for the training side and
the coded study, so one call gives the point (weights 1) or a two-level bootstrap.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

import numpy as np

from qualbridge.tasks.coding.autocode_prevalence import resample_weights

UNBIASED_METHODS = ("macc", "mpacc", "em")
SHRINK = "shrink_"
EXCLUSIVE_METHODS = UNBIASED_METHODS + tuple(SHRINK + m for m in UNBIASED_METHODS)
SIMPLEX_STEPS = 400
EM_STEPS = 200
EM_TOLERANCE = 1e-5
# Units per bootstrap chunk of EM: bounds memory at chunk x units x classes floats.
EM_CHUNK_CELLS = 4_000_000


@dataclass(frozen=True)
class TrainConfusion:
    """Per training transcript: true class x coded class, as 0/1 codes and as probabilities."""

    hard: np.ndarray  # transcripts x classes x classes
    soft: np.ndarray

    @property
    def class_counts(self) -> np.ndarray:
        """Units of each true class per transcript (transcripts x classes)."""
        return cast(np.ndarray, self.hard.sum(axis=2))


@dataclass(frozen=True)
class AppliedClasses:
    """A coded study's class probabilities per unit and each unit's transcript index."""

    probs: np.ndarray  # units x classes
    transcript: np.ndarray  # units, 0..transcripts-1

    @property
    def transcripts(self) -> int:
        """How many transcripts the units come from."""
        return int(self.transcript.max()) + 1 if len(self.transcript) else 0

    def per_transcript(self, values: np.ndarray) -> np.ndarray:
        """Sum unit values (units x classes) per transcript."""
        out = np.zeros((self.transcripts, values.shape[1]))
        np.add.at(out, self.transcript, values)
        return out


def one_hot(classes: np.ndarray, n: int) -> np.ndarray:
    """Units x n indicator matrix of class indices."""
    out = np.zeros((len(classes), n))
    out[np.arange(len(classes)), classes] = 1.0
    return out


def train_confusion(classes: np.ndarray, probs: np.ndarray, groups: np.ndarray) -> TrainConfusion:
    """Sum true-by-coded outcomes of out-of-fold probabilities per training transcript."""
    _, index = np.unique(groups, return_inverse=True)
    n = probs.shape[1]
    truth = one_hot(classes, n)
    coded = one_hot(probs.argmax(axis=1), n)
    hard = np.zeros((index.max() + 1, n, n))
    soft = np.zeros_like(hard)
    np.add.at(hard, index, truth[:, :, None] * coded[:, None, :])
    np.add.at(soft, index, truth[:, :, None] * probs[:, None, :])
    return TrainConfusion(hard, soft)


def applied_classes(probs: np.ndarray, groups: np.ndarray) -> AppliedClasses:
    """Index a coded study's units by transcript."""
    _, index = np.unique(groups, return_inverse=True)
    return AppliedClasses(probs, index)


def project_simplex(v: np.ndarray) -> np.ndarray:
    """Euclidean projection of each row onto the probability simplex (Duchi et al. 2008)."""
    u = -np.sort(-v, axis=1)
    cumulative = np.cumsum(u, axis=1) - 1.0
    k = np.arange(1, v.shape[1] + 1)
    rho = (u - cumulative / k > 0).sum(axis=1)
    theta = cumulative[np.arange(len(v)), rho - 1] / rho
    return cast(np.ndarray, np.maximum(v - theta[:, None], 0.0))


def simplex_inverse(conditional: np.ndarray, observed: np.ndarray) -> np.ndarray:
    """Shares p on the simplex minimising |p M - q|^2 per resample (projected gradient).

    conditional: resamples x classes x classes, rows P(coded | true); observed: resamples x
    classes, coded shares.
    """
    gram = conditional @ conditional.transpose(0, 2, 1)
    step = 1.0 / np.maximum(np.linalg.norm(gram, ord=2, axis=(1, 2)), 1e-12)
    target = np.einsum("bij,bj->bi", conditional, observed)
    p = np.full(observed.shape, 1.0 / observed.shape[1])
    for _ in range(SIMPLEX_STEPS):
        gradient = np.einsum("bij,bj->bi", gram, p) - target
        p = project_simplex(p - step[:, None] * gradient)
    return p


def _conditional(confusion: np.ndarray, w_train: np.ndarray) -> np.ndarray:
    """P(coded | true) per resample; a true class without units keeps an identity row."""
    counts = np.einsum("bt,tij->bij", w_train, confusion)
    totals = counts.sum(axis=2, keepdims=True)
    identity = np.broadcast_to(np.eye(counts.shape[1]), counts.shape)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(totals > 0, counts / totals, identity)


def em_prior(
    probs: np.ndarray,
    unit_weights: np.ndarray,
    train_prior: np.ndarray,
    start: np.ndarray | None = None,
) -> np.ndarray:
    """Saerens-Latinne-Decaestecker EM: the class shares under which the probabilities,
    re-weighted from the training shares, average to themselves (resamples x classes)."""
    share = unit_weights @ probs / unit_weights.sum(axis=1, keepdims=True)
    if start is not None:  # a resample starts from the point estimate: far fewer steps
        share = np.broadcast_to(start, share.shape).copy()
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio_base = np.where(train_prior > 0, 1.0 / train_prior, 0.0)
    for _ in range(EM_STEPS):
        ratio = share * ratio_base  # resamples x classes
        posterior = probs[None, :, :] * ratio[:, None, :]
        posterior /= np.maximum(posterior.sum(axis=2, keepdims=True), 1e-300)
        new = np.einsum("bn,bnc->bc", unit_weights, posterior) / unit_weights.sum(
            axis=1, keepdims=True
        )
        done = np.abs(new - share).max() < EM_TOLERANCE
        share = new
        if done:
            break
    return cast(np.ndarray, share)


def _em_chunked(
    applied: AppliedClasses, w_applied: np.ndarray, train_prior: np.ndarray
) -> np.ndarray:
    unit_weights = w_applied[:, applied.transcript]
    start = em_prior(applied.probs, np.ones((1, len(applied.probs))), train_prior.mean(axis=0))
    chunk = max(1, EM_CHUNK_CELLS // max(1, applied.probs.size))
    parts = [
        em_prior(applied.probs, unit_weights[i : i + chunk], train_prior[i : i + chunk], start)
        for i in range(0, len(unit_weights), chunk)
    ]
    return np.vstack(parts)


def shrink_towards(unbiased: np.ndarray, anchor: np.ndarray, spread: np.ndarray) -> np.ndarray:
    """Each class share moved from the anchor towards the unbiased estimate by the part of their
    gap its noise does not explain, 1 - spread^2 / gap^2 (at least 0); back on the simplex."""
    gap = unbiased - anchor
    with np.errstate(divide="ignore", invalid="ignore"):
        weight = np.clip(1.0 - spread**2 / gap**2, 0.0, 1.0)
    return project_simplex(anchor + np.nan_to_num(weight, nan=0.0) * gap)


def exclusive_estimates(
    train: TrainConfusion,
    applied: AppliedClasses,
    w_train: np.ndarray,
    w_applied: np.ndarray,
    methods: tuple[str, ...] = EXCLUSIVE_METHODS,
    spread: dict[str, np.ndarray] | None = None,
) -> dict[str, np.ndarray]:
    """Raw and corrected class shares for transcript weights: resamples x classes each.

    shrink_<m> needs spread[m] (per class, the noise of m minus pcc); without it, it is left out.
    """
    n = applied.probs.shape[1]
    units = (w_applied @ np.bincount(applied.transcript, minlength=applied.transcripts))[:, None]
    coded = applied.per_transcript(one_hot(applied.probs.argmax(axis=1), n))
    out = {"raw": w_applied @ coded / units}
    out["pcc"] = w_applied @ applied.per_transcript(applied.probs) / units
    wanted = {m.removeprefix(SHRINK) for m in methods}
    if "macc" in wanted:
        out["macc"] = simplex_inverse(_conditional(train.hard, w_train), out["raw"])
    if "mpacc" in wanted:
        out["mpacc"] = simplex_inverse(_conditional(train.soft, w_train), out["pcc"])
    if "em" in wanted:
        counts = w_train @ train.class_counts
        out["em"] = _em_chunked(applied, w_applied, counts / counts.sum(axis=1, keepdims=True))
    for base, noise in (spread or {}).items():
        if SHRINK + base in methods:
            out[SHRINK + base] = shrink_towards(out[base], out["pcc"], noise)
    return out


def shrink_spread(
    train: TrainConfusion,
    applied: AppliedClasses,
    resamples: int,
    rng: np.random.Generator,
    bases: tuple[str, ...] = UNBIASED_METHODS,
) -> dict[str, np.ndarray]:
    """Per base estimator and class, the bootstrap spread (over training and coded transcripts)
    of the base minus pcc."""
    return base_spread(bootstrap_estimates(train, applied, resamples, rng, bases), bases)


def bootstrap_estimates(
    train: TrainConfusion,
    applied: AppliedClasses,
    resamples: int,
    rng: np.random.Generator,
    methods: tuple[str, ...],
) -> dict[str, np.ndarray]:
    """The estimators over resampled training transcripts and resampled coded transcripts."""
    return exclusive_estimates(
        train,
        applied,
        resample_weights(rng, train.hard.shape[0], resamples),
        resample_weights(rng, applied.transcripts, resamples),
        methods=methods,
    )


def base_spread(boot: dict[str, np.ndarray], bases: tuple[str, ...]) -> dict[str, np.ndarray]:
    """Per base and class, the spread over bootstrap resamples of the base minus pcc."""
    return {m: np.std(boot[m] - boot["pcc"], axis=0) for m in bases}
