"""adjusted_gee: a logistic GEE (transcripts as clusters) adjusted for the configured covariates.

Reports the adjusted odds ratio of group_a versus group_b and the adjusted risk difference by
marginal standardisation (every unit predicted as if in group_a, then as if in group_b), each
with a cluster-robust interval (the risk difference's by the delta method).
"""

from __future__ import annotations

import numpy as np
from scipy.special import expit
from scipy.stats import norm

from qualbridge.tasks.compare.gee import fit_cluster_logit
from qualbridge.tasks.compare.methods.base import (
    ComparisonMethod,
    MethodInput,
    MethodResult,
)
from qualbridge.tasks.compare.units import design_matrix, theme_flags

EXTRA = ("odds_ratio", "or_ci_low", "or_ci_high")


def fit_theme(y: np.ndarray, x: np.ndarray, clusters: np.ndarray, z: float) -> dict[str, float]:
    """One theme's adjusted OR and risk difference; NaN where the model cannot be estimated."""
    empty = dict.fromkeys(("diff", "low", "high", "p", "deff", *EXTRA), float("nan"))
    # Nothing varies, or a covariate fixes the group (say speaker roles found in one corpus
    # only): the adjusted difference is not estimable.
    if y.min() == y.max() or np.linalg.matrix_rank(x) < x.shape[1]:
        return empty
    result = fit_cluster_logit(y, x, clusters)
    if result is None:
        return empty
    beta, robust, naive = result.params, result.cov_robust, result.cov_naive
    if not (np.isfinite(beta).all() and np.isfinite(robust).all()) or robust[1, 1] <= 0:
        return empty
    if abs(beta[1]) > 20:  # separation: the odds ratio runs off to 0 or infinity
        return empty
    se_group = float(np.sqrt(robust[1, 1]))
    x1, x0 = x.copy(), x.copy()
    x1[:, 1], x0[:, 1] = 1.0, 0.0
    p1, p0 = expit(x1 @ beta), expit(x0 @ beta)
    diff = float(p1.mean() - p0.mean())
    grad = (p1 * (1 - p1)) @ x1 / len(y) - (p0 * (1 - p0)) @ x0 / len(y)
    var_robust, var_naive = float(grad @ robust @ grad), float(grad @ naive @ grad)
    se = np.sqrt(var_robust)
    return {
        "diff": diff,
        "low": diff - z * se,
        "high": diff + z * se,
        "p": float(2 * norm.sf(abs(beta[1]) / se_group)) if se_group > 0 else float("nan"),
        "deff": var_robust / var_naive if var_naive > 0 else float("nan"),
        "odds_ratio": float(np.exp(beta[1])),
        "or_ci_low": float(np.exp(beta[1] - z * se_group)),
        "or_ci_high": float(np.exp(beta[1] + z * se_group)),
    }


def estimate(data: MethodInput) -> MethodResult:
    """Fit the model once per theme on the utterances of the two groups."""
    group_a, group_b = data.groups
    units = data.units()
    units = units.filter(units["grp"].is_in([group_a, group_b]))
    x = design_matrix(units, group_a, data.comparison.adjust_for)
    flags = theme_flags(units, data.theme_ids)
    clusters = units["transcript_id"].to_numpy()
    z = float(norm.ppf(0.5 + data.stats.confidence / 2.0))
    fits = [fit_theme(flags[:, j], x, clusters, z) for j in range(len(data.theme_ids))]

    def column(key: str) -> np.ndarray:
        return np.array([f[key] for f in fits], dtype=float)

    return MethodResult(
        column("diff"),
        column("low"),
        column("high"),
        column("p"),
        column("deff"),
        extra={key: column(key) for key in EXTRA},
    )


METHOD = ComparisonMethod(
    name="adjusted_gee",
    label="adjusted (logistic GEE)",
    colour="#7a4fa3",
    line_style="--",
    clustered=True,
    description=(
        "a logistic model with transcripts as clusters that holds the listed covariates fixed. "
        "Its difference is the adjusted risk difference (every utterance predicted as if in one "
        "group, then as if in the other), its odds ratio the adjusted odds ratio; both intervals "
        "use the cluster-robust variance, and the p-value tests the odds ratio."
    ),
    estimate=estimate,
    applies=lambda comparison: bool(comparison.adjust_for),
)
