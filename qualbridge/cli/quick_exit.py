"""The console script's entry point: run the command, then end the process without teardown.

A finished run holds millions of objects (the model's word tables, Great Expectations,
Prefect, pandas). Freeing them one by one at interpreter shutdown takes seconds and serves
nothing: the exit handlers (Prefect's log and event flush, the temporary server's stop,
multiprocessing's clean-up) run first, the standard streams are flushed, then the process ends.
Called in-process (tests, `CliRunner`), `app` itself is used and nothing here runs.

Prefect's log handler is drained first, on its own: drained from `logging.shutdown` (an exit
handler), it waits out its 5 s timeout, because the handler's lock is held while the worker
thread, sending the last batch, logs through the same handler.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sys

from qualbridge.cli.app import app


def exit_code(code: object) -> int:
    """The process exit status SystemExit would give for code (None 0, an int itself, else 1)."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    return 1


def drain_prefect_logs(timeout_s: float = 5.0) -> None:
    """Send the logs Prefect still holds for its API, if this command ran a flow."""
    if "prefect.logging.handlers" in sys.modules:
        from prefect.logging.handlers import APILogWorker

        APILogWorker.drain_all(timeout=timeout_s)


def main() -> None:
    """Run the `qualbridge` command, then exit at once with its status."""
    try:
        app()
        code: object = 0
    except SystemExit as exc:
        code = exc.code
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)  # as SystemExit would print a message
    drain_prefect_logs()
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing to write to
            stream.flush()
    os._exit(exit_code(code))
