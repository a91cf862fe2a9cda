"""Start a run's slow fixed costs at once, before the flows: the Prefect API and the deid workers.

A run otherwise pays them one after another: import every stage, start Prefect's temporary
server, ingest, and only then start the de-identification workers, each importing spaCy and
Presidio. Here the server is launched first, and the workers fork from a fork server that
imports the engine once, each in its own process, while this process imports the stages.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from qualbridge.flows.prefect_api import launch, needs_temporary_server, wait_until_up
from qualbridge.schemas.config import ConsortiumConfig

# Below this many bytes of source files, a run de-identifies in seconds: warm workers would
# cost more than they save (a study that needs them still starts its own).
EARLY_WORKERS_MIN_BYTES = 256_000
# The fork server imports these once; every worker forks from it with them in memory.
DEID_PRELOAD = ("__main__", "qualbridge.tasks.deid.parallel")


def source_bytes(config: ConsortiumConfig) -> int:
    """Bytes of every study's tables, projects and the files beside its manifest."""
    paths: list[Path] = []
    for study in config.studies:
        paths += [config.resolve(t.path) for t in study.tables]
        paths += [config.resolve(p) for p in study.qdpx]
        if study.manifest is not None:
            folder = config.resolve(study.manifest).parent
            paths += [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in paths if p.is_file())


def early_workers(config: ConsortiumConfig, min_bytes: int = EARLY_WORKERS_MIN_BYTES) -> int:
    """How many de-identification workers to start before the flows (0: none)."""
    if config.deid.dask_address or source_bytes(config) < min_bytes:
        return 0
    processes = config.deid.worker_processes(transcripts=10**6)
    return processes if processes > 1 else 0


def start_fork_server() -> None:
    """Start the fork server now; it imports the engine in its own process, in parallel."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return
    multiprocessing.set_forkserver_preload(list(DEID_PRELOAD))
    multiprocessing.forkserver.ensure_running()


def start_prefect_api() -> Callable[[], None]:
    """Launch Prefect's temporary server unless an API is configured; returns 'wait for it'."""
    if not needs_temporary_server():
        return lambda: None
    server = launch()
    timeout = float(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90"))
    return lambda: wait_until_up(server, timeout)


@contextmanager
def warm_start(config: ConsortiumConfig, key: bytes | None) -> Iterator[None]:
    """Start the run's de-identification workers, if it is big enough; stop them at the end.

    Without a key (the run is about to be refused) no worker starts.
    """
    workers = early_workers(config) if key is not None else 0
    if workers:
        start_fork_server()
    from qualbridge.tasks.deid import close_run_pool, open_run_pool

    if workers and key is not None:
        open_run_pool(config.deid, key, workers)
    try:
        yield
    finally:
        close_run_pool()
