"""One de-identification pool for a whole run: started early, shared by every study."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from qualbridge.schemas.config import DeidConfig
from qualbridge.tasks.deid.parallel import ParallelDeidentifier, StudyPool

# What the warm-up sends each worker: no identifier, just enough to run every pipe once.
WARM_UP_TEXTS = ("Hello, thanks for coming in today.",)


@dataclass
class _RunPool:
    """The open pool, the settings it was built for, and the thread that warms it."""

    pool: ParallelDeidentifier
    warming: threading.Thread


_OPEN: _RunPool | None = None
_LOCK = threading.Lock()


def open_run_pool(config: DeidConfig, key: bytes, n_process: int) -> None:
    """Start the run's workers in the background: each loads the model while the run goes on."""
    global _OPEN
    with _LOCK:
        if _OPEN is not None:
            return
        pool = ParallelDeidentifier(config, key, n_process=n_process)
        warming = threading.Thread(
            target=pool.warm_up, args=(WARM_UP_TEXTS,), name="deid-warm-up", daemon=True
        )
        warming.start()
        _OPEN = _RunPool(pool, warming)


def close_run_pool() -> None:
    """Stop the run's workers, if any were started."""
    global _OPEN
    with _LOCK:
        opened, _OPEN = _OPEN, None
    if opened is not None:
        opened.warming.join()
        opened.pool.close()


def run_pool_size() -> int:
    """Worker processes of the open run pool; 0 when none is open."""
    return _OPEN.pool.n_process if _OPEN is not None else 0


@contextmanager
def study_pool(
    config: DeidConfig,
    key: bytes,
    known: dict[str, list[str]],
    allow: Iterable[str],
    n_process: int,
) -> Iterator[StudyPool]:
    """The run's pool for one study when one is open with these settings, else a pool of its own."""
    opened = _OPEN
    if opened is not None and opened.pool.config == config and opened.pool.key == key:
        yield opened.pool.for_study(known, allow)
        return
    with ParallelDeidentifier(config, key, known, allow, n_process) as pool:
        yield pool.for_study(known, allow)
