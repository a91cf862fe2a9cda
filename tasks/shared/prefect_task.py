"""Decorators for qualbridge tasks: results are never persisted or cached by Prefect."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from prefect import task
from prefect.cache_policies import NO_CACHE
from prefect.client.schemas.objects import State, TaskRun
from prefect.tasks import Task, exponential_backoff


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


def failed_on_io(task: Task[..., Any], task_run: TaskRun, state: State) -> bool:
    """Retry only when the task failed on an OS-level I/O error, never on a logic error."""
    try:
        state.result()
    except OSError:
        return True
    except BaseException:
        return False
    return False


def io_task(
    name: str, retries: int = 3, backoff_seconds: float = 1.0
) -> Callable[[Callable[..., Any]], Any]:
    """A task that reads or writes files or the warehouse: retried with exponential backoff."""
    return task(
        name=name,
        persist_result=False,
        cache_policy=NO_CACHE,
        retries=retries,
        retry_delay_seconds=exponential_backoff(backoff_factor=backoff_seconds),
        retry_jitter_factor=0.5,
        retry_condition_fn=failed_on_io,
        log_prints=False,
    )
