"""De-identify many transcripts on a process pool, one engine per worker, results in order."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from types import TracebackType

from qualbridge.schemas.config import DeidConfig
from qualbridge.tasks.deid.engine import Deidentifier, DeidResult

# Each worker's engine, built once by the pool initializer.
_ENGINE: Deidentifier | None = None
# Rounds of warm-up tasks before giving up on hearing from every worker.
MAX_WARM_UP_ROUNDS = 100


def default_start_method() -> str:
    """forkserver where available, else spawn: never fork a process that may hold threads."""
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def _build_engine(
    config: DeidConfig, key: bytes, known: dict[str, list[str]], allow: tuple[str, ...]
) -> None:
    global _ENGINE
    _ENGINE = Deidentifier(config, key, known_identifiers=known, allow_list=allow)


def _deidentify(texts: Sequence[str], participant: str = "") -> list[DeidResult]:
    if _ENGINE is None:
        raise RuntimeError("worker engine was not built; use ParallelDeidentifier")
    return _ENGINE.deidentify(texts, participant)


def _warm_up(texts: Sequence[str]) -> int:
    _deidentify(texts)
    return os.getpid()


class ParallelDeidentifier:
    """A pool of worker processes, each holding its own Deidentifier; use as a context manager."""

    def __init__(
        self,
        config: DeidConfig,
        key: bytes,
        known_identifiers: dict[str, list[str]] | None = None,
        allow_list: Iterable[str] = (),
        n_process: int = 2,
        start_method: str | None = None,
    ) -> None:
        if n_process < 1:
            raise ValueError("n_process must be at least 1")
        if start_method not in (None, "spawn", "forkserver"):
            raise ValueError("start_method must be 'spawn' or 'forkserver'")
        self.n_process = n_process
        self._pool = ProcessPoolExecutor(
            max_workers=n_process,
            mp_context=multiprocessing.get_context(start_method or default_start_method()),
            initializer=_build_engine,
            initargs=(config, key, known_identifiers or {}, tuple(allow_list)),
        )

    def __enter__(self) -> ParallelDeidentifier:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Stop the workers."""
        self._pool.shutdown(wait=True, cancel_futures=True)

    def warm_up(self, texts: Sequence[str]) -> None:
        """Start the workers and run texts through each engine (best effort: bounded rounds)."""
        seen: set[int] = set()
        for _ in range(MAX_WARM_UP_ROUNDS):
            futures = [self._pool.submit(_warm_up, list(texts)) for _ in range(self.n_process)]
            seen.update(f.result() for f in futures)
            if len(seen) >= self.n_process:
                return

    def deidentify(
        self,
        texts_per_transcript: Sequence[Sequence[str]],
        participants: Sequence[str] | None = None,
    ) -> list[list[DeidResult]]:
        """De-identify each transcript's texts; a transcript is one work unit, output in order."""
        participants = participants or [""] * len(texts_per_transcript)
        # Longest first, so a long transcript does not start last and leave the other workers idle.
        order = sorted(
            range(len(texts_per_transcript)),
            key=lambda i: sum(len(t) for t in texts_per_transcript[i]),
            reverse=True,
        )
        futures = {
            i: self._pool.submit(_deidentify, list(texts_per_transcript[i]), participants[i])
            for i in order
        }
        return [futures[i].result() for i in range(len(texts_per_transcript))]

    deidentify_transcripts = deidentify


def deidentify_parallel(
    texts_per_transcript: Sequence[Sequence[str]],
    config: DeidConfig,
    key: bytes,
    known: dict[str, list[str]] | None = None,
    allow: Iterable[str] = (),
    n_process: int = 2,
) -> list[list[DeidResult]]:
    """De-identify transcripts on n_process workers; same output as the serial engine."""
    with ParallelDeidentifier(config, key, known, allow, n_process) as pool:
        return pool.deidentify(texts_per_transcript)
