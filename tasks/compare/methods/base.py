"""What a comparison method receives and returns, and how it is registered."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import cast

import numpy as np
import polars as pl

from qualbridge.schemas.config import ComparisonConfig, StatsConfig


@dataclass(frozen=True)
class PairCounts:
    """Coded and total units of two groups, aligned on one axis of transcripts in scope.

    coded_x has shape (transcripts, themes), units_x shape (transcripts,); a transcript outside
    a group has zero units there. paired: both groups come from the same transcripts.
    """

    coded_a: np.ndarray
    units_a: np.ndarray
    coded_b: np.ndarray
    units_b: np.ndarray
    paired: bool

    @property
    def share_a(self) -> np.ndarray:
        """Ratio share of group a per theme."""
        return cast(np.ndarray, self.coded_a.sum(axis=0) / self.units_a.sum())

    @property
    def share_b(self) -> np.ndarray:
        """Ratio share of group b per theme."""
        return cast(np.ndarray, self.coded_b.sum(axis=0) / self.units_b.sum())

    def naive_variance(self) -> np.ndarray:
        """Variance of share_a - share_b if every utterance were independent."""
        n_a, n_b = self.units_a.sum(), self.units_b.sum()
        variance = self.share_a * (1 - self.share_a) / n_a + self.share_b * (1 - self.share_b) / n_b
        return cast(np.ndarray, variance)


@dataclass(frozen=True)
class MethodInput:
    """Everything a method may use: the counts, the settings and (lazily) one row per unit."""

    counts: PairCounts
    comparison: ComparisonConfig
    stats: StatsConfig
    groups: tuple[str, str]
    theme_ids: list[str]
    # Utterance-level rows (transcript, group, covariates, one 0/1 column per theme).
    units: Callable[[], pl.DataFrame]


@dataclass(frozen=True)
class MethodResult:
    """Per theme: a difference with interval, p-value and design effect, plus extra columns."""

    diff: np.ndarray
    ci_low: np.ndarray
    ci_high: np.ndarray
    p_value: np.ndarray
    design_effect: np.ndarray
    # True where p_value is an upper bound (no bootstrap resample crossed zero: p < 1/B).
    p_value_is_bound: np.ndarray | None = None
    extra: dict[str, np.ndarray] = field(default_factory=dict)


@dataclass(frozen=True)
class ComparisonMethod:
    """A registered method: its name, how the report draws and explains it, and its estimate."""

    name: str
    label: str
    colour: str
    line_style: str
    clustered: bool
    description: str
    estimate: Callable[[MethodInput], MethodResult]
    applies: Callable[[ComparisonConfig], bool] = lambda comparison: True


def design_effect(variance: np.ndarray, naive: np.ndarray) -> np.ndarray:
    """Variance of a method's difference over the variance ignoring clusters (NaN if none)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(naive > 0, variance / naive, np.nan)
