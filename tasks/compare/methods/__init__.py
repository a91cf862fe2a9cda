"""Comparison methods: a registry the comparison, the charts and the report template all read.

A new method is one module with a METHOD (see base.py) and one line in METHODS below.
"""

from __future__ import annotations

from qualbridge.tasks.compare.methods import (
    adjusted_gee,
    cluster_bootstrap,
    cluster_wald,
    unclustered,
)
from qualbridge.tasks.compare.methods.base import ComparisonMethod

METHODS: dict[str, ComparisonMethod] = {
    m.name: m
    for m in (
        cluster_bootstrap.METHOD,
        cluster_wald.METHOD,
        unclustered.METHOD,
        adjusted_gee.METHOD,
    )
}
