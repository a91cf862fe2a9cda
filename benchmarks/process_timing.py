"""Time a whole child process: wall clock and the CPU seconds of it and its reaped children."""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ProcessTime:
    """Wall seconds, CPU seconds (user + system, children included), exit code, stderr's tail."""

    wall_s: float
    cpu_s: float
    returncode: int
    stderr: str = ""


def timed_process(
    command: list[str],
    *,
    stdin: Path | None = None,
    stdout: Path | None = None,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
) -> ProcessTime:
    """Run command to the end, stdin from a file and stdout to a file (or discarded).

    CPU time counts on a shared machine where wall time does not: other users' load stretches
    the wall clock, not the CPU seconds this process tree used.
    """
    with (
        open(stdin or os.devnull, "rb") as source,
        open(stdout or os.devnull, "wb") as sink,
    ):
        started = time.perf_counter()
        child = subprocess.Popen(
            command, stdin=source, stdout=sink, stderr=subprocess.PIPE, env=env, cwd=cwd
        )
        # Drain stderr so a chatty child never blocks on a full pipe; keep the tail for errors.
        tail = child.stderr.read()[-4000:] if child.stderr else b""
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.stderr:
        child.stderr.close()
    cpu = usage.ru_utime + usage.ru_stime
    return ProcessTime(
        round(wall, 3), round(cpu, 3), child.returncode, tail.decode("utf-8", "replace")
    )
