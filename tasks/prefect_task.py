"""One decorator for every qualbridge task: results are never persisted or cached."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from prefect import task
from prefect.cache_policies import NO_CACHE


def stage_task(name: str, retries: int = 0) -> Callable[[Callable[..., Any]], Any]:
    """A Prefect task that keeps nothing it handles (raw text may pass through it)."""
    return task(
        name=name,
        persist_result=False,
        cache_policy=NO_CACHE,
        retries=retries,
        retry_delay_seconds=2 if retries else 0,
        log_prints=False,
    )
