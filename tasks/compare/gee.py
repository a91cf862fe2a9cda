"""A logistic GEE with transcripts as clusters, as the omnibus test and adjusted rows fit it."""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import statsmodels.api as sm


def fit_cluster_logit(y: np.ndarray, x: np.ndarray, clusters: np.ndarray) -> Any | None:
    """Fitted GEE (independence working correlation, robust covariance), or None if it fails."""
    model = sm.GEE(y, x, groups=clusters, family=sm.families.Binomial(),
                   cov_struct=sm.cov_struct.Independence())  # fmt: skip
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return model.fit()
        except (np.linalg.LinAlgError, ValueError):
            return None
