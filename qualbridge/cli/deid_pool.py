"""deid-text on worker processes: each builds the engine once; output keeps the input order."""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing.context import BaseContext
from typing import IO, TYPE_CHECKING, Literal

from qualbridge.cli.deid_lines import Batch, batch_records, batches, dump_record
from qualbridge.schemas.config import DeidConfig

if TYPE_CHECKING:  # the engine loads spaCy: imported when a command runs, not at start-up
    from qualbridge.tasks.deid import Deidentifier

# Engine batches per work unit: small enough that the last units end together on all workers.
UNIT_BATCHES = 4
# Units queued per worker: keeps every worker busy while bounding memory on endless input.
UNITS_IN_FLIGHT = 4
# Same cap as the pipeline's auto setting: each worker holds its own model (~250 MB).
MAX_AUTO_PROCESSES = 8
# Imported once in the fork server, so workers start without importing spaCy and Presidio.
PRELOAD = ["qualbridge.tasks.deid.engine"]

# Each worker's engine, built once by the pool initializer.
_ENGINE: Deidentifier | None = None


@dataclass(frozen=True)
class EngineSpec:
    """What builds an engine: settings, key, and a study's known identifiers and allow list."""

    config: DeidConfig
    key: bytes = field(repr=False)
    known: dict[str, list[str]] = field(default_factory=dict)
    allow: tuple[str, ...] = ()

    def build(self) -> Deidentifier:
        """The engine, built with collection paused (see collection_paused)."""
        from qualbridge.tasks.deid import Deidentifier

        with collection_paused():
            return Deidentifier(
                self.config, self.key, known_identifiers=self.known, allow_list=self.allow
            )


@contextmanager
def collection_paused() -> Iterator[None]:
    """Start-up creates a million lasting objects (modules, model, lexicons); collecting while
    they load finds no garbage and costs a tenth of a second, so it waits, and they are frozen
    out of later collections."""
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def available_cores() -> int:
    """Cores this process may run on (its CPU affinity where the platform reports it)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def resolve_processes(choice: int | Literal["auto"]) -> int:
    """A number is kept; auto is every available core, up to MAX_AUTO_PROCESSES."""
    if choice != "auto":
        return choice
    return max(1, min(available_cores(), MAX_AUTO_PROCESSES))


def _start_worker(spec: EngineSpec) -> None:
    global _ENGINE
    _ENGINE = spec.build()


def _deidentify_unit(unit: list[Batch]) -> tuple[str, int]:
    """Output lines of a unit's batches and how many were errors (runs in a worker)."""
    if _ENGINE is None:
        raise RuntimeError("worker engine was not built")
    records = [record for batch in unit for record in batch_records(batch, _ENGINE)]
    return "".join(dump_record(r) for r in records), sum("error" in r for r in records)


def _units(lines: Iterable[bytes]) -> Iterator[list[Batch]]:
    all_batches = batches(lines)
    while unit := list(islice(all_batches, UNIT_BATCHES)):
        yield unit


def single_threaded() -> bool:
    """Whether this process runs one thread, native ones included (Linux reports them)."""
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


def _context() -> BaseContext:
    """fork while deid-text is single-threaded (no model loaded yet): workers are this process's
    children, start without a new interpreter, and their CPU time counts to it. Otherwise
    forkserver, importing the engine once, else spawn."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and sys.platform == "linux" and single_threaded():
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        forkserver = multiprocessing.get_context("forkserver")
        forkserver.set_forkserver_preload(PRELOAD)
        return forkserver
    return multiprocessing.get_context("spawn")


def run_parallel(lines: Iterable[bytes], stdout: IO[str], spec: EngineSpec, processes: int) -> int:
    """De-identify lines on worker processes, writing output in input order; return errors."""
    errors = 0
    with ProcessPoolExecutor(
        processes, mp_context=_context(), initializer=_start_worker, initargs=(spec,)
    ) as pool:
        pending: deque[Future[tuple[str, int]]] = deque()

        def write_oldest() -> int:
            text, unit_errors = pending.popleft().result()
            stdout.write(text)
            stdout.flush()
            return unit_errors

        for unit in _units(lines):
            pending.append(pool.submit(_deidentify_unit, unit))
            if len(pending) >= UNITS_IN_FLIGHT * processes:
                errors += write_oldest()
        while pending:
            errors += write_oldest()
    return errors
