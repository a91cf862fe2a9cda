"""Coverage corrected for the learned coder's errors, with a two-level bootstrap interval.

Adjusted classify-and-count (acc) corrects the share of units the model codes with its
cross-validated true- and false-positive rates: (p - fpr) / (tpr - fpr). Its probabilistic form
(pacc) does the same with mean scores. The interval resamples both the training transcripts
(so the rates vary) and the coded study's transcripts (so the observed share varies).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from qualbridge.tasks.coding.autocode_validation import THRESHOLD, TranscriptCounts

METHODS = ("acc", "pacc")
# Below this gap between the true- and false-positive rate the correction divides by noise.
MIN_SEPARATION = 0.05

PREVALENCE = {
    "study_id": pl.String,
    "theme_id": pl.String,
    "coder": pl.String,
    "units": pl.Int64,
    "transcripts": pl.Int64,
    "units_coded": pl.Int64,
    "share_raw": pl.Float64,
    "share_corrected": pl.Float64,
    "ci_low": pl.Float64,
    "ci_high": pl.Float64,
    "method": pl.String,
    "share_acc": pl.Float64,
    "share_pacc": pl.Float64,
    "resamples": pl.Int64,
}


@dataclass(frozen=True)
class AppliedCounts:
    """Per coded transcript (rows) and theme (columns): units, units coded, summed scores."""

    units: np.ndarray  # transcripts
    coded: np.ndarray
    score: np.ndarray


def applied_counts(scores: np.ndarray, groups: np.ndarray) -> AppliedCounts:
    """Sum the model's codes and scores on a study's units per transcript."""
    _, index = np.unique(groups, return_inverse=True)
    n = index.max() + 1
    units = np.bincount(index, minlength=n).astype(float)
    coded = np.zeros((n, scores.shape[1]))
    score = np.zeros((n, scores.shape[1]))
    np.add.at(coded, index, (scores >= THRESHOLD).astype(float))
    np.add.at(score, index, scores)
    return AppliedCounts(units, coded, score)


def _adjust(observed: np.ndarray, tpr: np.ndarray, fpr: np.ndarray) -> np.ndarray:
    gap = tpr - fpr
    with np.errstate(divide="ignore", invalid="ignore"):
        adjusted = np.where(gap >= MIN_SEPARATION, (observed - fpr) / gap, np.nan)
    return np.clip(adjusted, 0.0, 1.0)


def estimates(
    train: TranscriptCounts, applied: AppliedCounts, w_train: np.ndarray, w_applied: np.ndarray
) -> dict[str, np.ndarray]:
    """acc and pacc for transcript weights (resamples x transcripts): resamples x themes."""
    with np.errstate(divide="ignore", invalid="ignore"):
        pos, neg = w_train @ train.positives, w_train @ train.negatives
        units = (w_applied @ applied.units)[:, None]
        raw = (w_applied @ applied.coded) / units
        return {
            "raw": raw,
            "acc": _adjust(
                raw, (w_train @ train.true_pos) / pos, (w_train @ train.false_pos) / neg
            ),
            "pacc": _adjust(
                (w_applied @ applied.score) / units,
                (w_train @ train.score_pos) / pos,
                (w_train @ train.score_neg) / neg,
            ),
        }


def resample_weights(rng: np.random.Generator, n: int, resamples: int) -> np.ndarray:
    """How often each of n transcripts is drawn in each resample (with replacement)."""
    return rng.multinomial(n, np.full(n, 1.0 / n), size=resamples).astype(float)


def corrected_prevalence(
    train: TranscriptCounts,
    applied: AppliedCounts,
    resamples: int,
    seed: int,
    confidence: float,
    method: str = "auto",
) -> dict[str, np.ndarray]:
    """Point estimates, the chosen method per theme and its percentile interval.

    `auto` picks per theme the method whose bootstrap estimates vary least.
    """
    rng = np.random.default_rng(seed)
    point = estimates(
        train, applied, np.ones((1, len(train.positives))), np.ones((1, len(applied.units)))
    )
    boot = estimates(
        train,
        applied,
        resample_weights(rng, len(train.positives), resamples),
        resample_weights(rng, len(applied.units), resamples),
    )
    spread = {m: _nanstd(boot[m]) for m in METHODS}
    if method == "auto":
        chosen = np.where(spread["pacc"] <= spread["acc"], "pacc", "acc")
    else:
        chosen = np.full(point["raw"].shape[1], method)
    picked = np.where(chosen == "pacc", boot["pacc"], boot["acc"])
    tail = (1.0 - confidence) / 2.0
    corrected = np.where(chosen == "pacc", point["pacc"][0], point["acc"][0])
    # A percentile interval of a clipped, skewed estimate can miss its own point; widen it.
    low = np.fmin(_nanquantiles(picked, tail), corrected)
    high = np.fmax(_nanquantiles(picked, 1.0 - tail), corrected)
    return {
        "raw": point["raw"][0],
        "acc": point["acc"][0],
        "pacc": point["pacc"][0],
        "corrected": corrected,
        "method": chosen,
        "ci_low": low,
        "ci_high": high,
    }


def _nanstd(values: np.ndarray) -> np.ndarray:
    ok = np.isfinite(values).sum(axis=0) > 1
    out = np.full(values.shape[1], np.inf)
    out[ok] = np.nanstd(values[:, ok], axis=0)
    return out


def _nanquantiles(values: np.ndarray, q: float) -> np.ndarray:
    ok = np.isfinite(values).any(axis=0)
    out = np.full(values.shape[1], np.nan)
    out[ok] = np.nanquantile(values[:, ok], q, axis=0)
    return out
