"""Cluster bootstrap of differences in coded shares between two groups of transcripts."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class ShareDifference:
    """share_a - share_b with a percentile interval from resampling whole transcripts."""

    share_a: float
    share_b: float
    diff: float
    ci_low: float
    ci_high: float


def resample_weights(n_clusters: int, resamples: int, rng: np.random.Generator) -> np.ndarray:
    """How often each cluster is drawn in each resample (rows sum to n_clusters)."""
    return rng.multinomial(n_clusters, np.full(n_clusters, 1.0 / n_clusters), size=resamples)


def cluster_bootstrap_diff(
    coded_a: np.ndarray,
    units_a: np.ndarray,
    coded_b: np.ndarray,
    units_b: np.ndarray,
    resamples: int,
    seed: int,
    confidence: float = 0.95,
) -> list[ShareDifference]:
    """Per theme: ratio shares sum(coded)/sum(units) and a CI that resamples clusters.

    coded_x has shape (clusters, themes): coded units of each theme per transcript;
    units_x has shape (clusters,): units per transcript.
    """
    rng = np.random.default_rng(seed)
    weights_a = resample_weights(len(units_a), resamples, rng)
    weights_b = resample_weights(len(units_b), resamples, rng)
    with np.errstate(invalid="ignore", divide="ignore"):
        boot_a = (weights_a @ coded_a) / (weights_a @ units_a)[:, None]
        boot_b = (weights_b @ coded_b) / (weights_b @ units_b)[:, None]
    share_a = coded_a.sum(axis=0) / units_a.sum()
    share_b = coded_b.sum(axis=0) / units_b.sum()
    tail = (1.0 - confidence) / 2.0
    low, high = np.nanquantile(boot_a - boot_b, [tail, 1.0 - tail], axis=0)
    return [
        ShareDifference(float(a), float(b), float(a - b), float(lo), float(hi))
        for a, b, lo, hi in zip(share_a, share_b, low, high, strict=True)
    ]
