"""Tests of a difference in coded shares: cluster-robust Wald, unclustered z, Cohen's h, BH."""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

import numpy as np
from scipy.stats import norm


@dataclass(frozen=True)
class WaldResult:
    """Per theme: difference a - b with a normal interval, two-sided p-value and design effect."""

    diff: np.ndarray
    se: np.ndarray
    ci_low: np.ndarray
    ci_high: np.ndarray
    p_value: np.ndarray
    design_effect: np.ndarray


def _p_two_sided(diff: np.ndarray, se: np.ndarray) -> np.ndarray:
    """Normal two-sided p-value; 1 when nothing varies and nothing differs, NaN if not estimable."""
    with np.errstate(invalid="ignore", divide="ignore"):
        p = 2.0 * norm.sf(np.abs(diff) / se)
    p = np.where(se > 0, p, np.nan)
    return np.where((se == 0) & (diff == 0), 1.0, p)


def cluster_wald(
    coded_a: np.ndarray,
    units_a: np.ndarray,
    coded_b: np.ndarray,
    units_b: np.ndarray,
    confidence: float = 0.95,
) -> WaldResult:
    """Ratio shares sum(coded)/sum(units) compared with a cluster-robust (sandwich) variance.

    Arrays are aligned on one cluster axis (transcripts); a transcript outside a group has
    zero units there, so independent groups and groups sharing transcripts (speaker roles)
    use the same formula. Each transcript contributes its linearised residual
    (coded_a - share_a * units_a) / N_a - (coded_b - share_b * units_b) / N_b, and the variance
    of the difference is the sum of their squares: the GEE sandwich estimate with an
    independence working correlation and logit link, carried to the share scale.
    """
    n_a, n_b = units_a.sum(), units_b.sum()
    share_a = coded_a.sum(axis=0) / n_a
    share_b = coded_b.sum(axis=0) / n_b
    resid = (coded_a - units_a[:, None] * share_a) / n_a - (
        coded_b - units_b[:, None] * share_b
    ) / n_b
    se = np.sqrt((resid**2).sum(axis=0))
    diff = share_a - share_b
    z = norm.ppf(0.5 + confidence / 2.0)
    naive_var = share_a * (1 - share_a) / n_a + share_b * (1 - share_b) / n_b
    with np.errstate(invalid="ignore", divide="ignore"):
        design_effect = np.where(naive_var > 0, se**2 / naive_var, np.nan)
    return WaldResult(diff, se, diff - z * se, diff + z * se, _p_two_sided(diff, se), design_effect)


def unclustered_wald(
    coded_a: np.ndarray, n_a: float, coded_b: np.ndarray, n_b: float, confidence: float = 0.95
) -> WaldResult:
    """Two-proportion z-test (pooled) and Wald interval treating every utterance as independent."""
    share_a, share_b = coded_a / n_a, coded_b / n_b
    pooled = (coded_a + coded_b) / (n_a + n_b)
    se_test = np.sqrt(pooled * (1 - pooled) * (1 / n_a + 1 / n_b))
    se = np.sqrt(share_a * (1 - share_a) / n_a + share_b * (1 - share_b) / n_b)
    diff = share_a - share_b
    z = norm.ppf(0.5 + confidence / 2.0)
    return WaldResult(
        diff, se, diff - z * se, diff + z * se, _p_two_sided(diff, se_test), np.ones_like(diff)
    )


def cohens_h(share_a: np.ndarray, share_b: np.ndarray) -> np.ndarray:
    """Cohen's h: difference of arcsine-square-root transformed proportions."""
    return cast(np.ndarray, 2 * np.arcsin(np.sqrt(share_a)) - 2 * np.arcsin(np.sqrt(share_b)))


def benjamini_hochberg(p_values: np.ndarray) -> np.ndarray:
    """Benjamini-Hochberg adjusted p-values; NaN entries stay NaN and are not counted."""
    p = np.asarray(p_values, dtype=float)
    adjusted = np.full_like(p, np.nan)
    present = np.flatnonzero(~np.isnan(p))
    if present.size == 0:
        return adjusted
    order = present[np.argsort(p[present], kind="stable")]
    ranked = p[order] * present.size / np.arange(1, present.size + 1)
    adjusted[order] = np.minimum(np.minimum.accumulate(ranked[::-1])[::-1], 1.0)
    return adjusted
