"""I/O tasks retry with backoff on OS errors only; logic errors fail at once."""

from __future__ import annotations

import pytest
from prefect import flow

from qualbridge.tasks.shared.prefect_task import io_task

ERRORS = [(OSError(5, "Input/output error"), 3), (ValueError("bad value"), 1)]


@pytest.mark.parametrize(("error", "attempts"), ERRORS, ids=["os error", "logic error"])
def test_io_task_retries_only_os_errors(error: Exception, attempts: int) -> None:
    calls: list[int] = []

    @io_task("flaky", retries=2, backoff_seconds=0.01)
    def flaky() -> str:
        calls.append(1)
        raise error

    @flow(persist_result=False)
    def run() -> str:
        return flaky()

    with pytest.raises(type(error)):
        run()
    assert len(calls) == attempts


def test_io_task_succeeds_after_a_transient_os_error() -> None:
    calls: list[int] = []

    @io_task("transient", retries=3, backoff_seconds=0.01)
    def transient() -> int:
        calls.append(1)
        if len(calls) < 2:
            raise TimeoutError("share not mounted yet")
        return len(calls)

    @flow(persist_result=False)
    def run() -> int:
        return transient()

    assert run() == 2
