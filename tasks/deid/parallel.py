"""De-identify many transcripts on a process pool, one engine per worker, results in order."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from types import TracebackType

from qualbridge.schemas.config import DeidConfig
from qualbridge.tasks.deid.engine import Deidentifier, DeidResult

# Rounds of warm-up tasks before giving up on hearing from every worker.
MAX_WARM_UP_ROUNDS = 100
# Imported once by the fork server, so each worker forks with spaCy and Presidio in memory
# instead of importing them again (several CPU seconds per worker).
FORKSERVER_PRELOAD = ("__main__", "qualbridge.tasks.deid.parallel")


@dataclass(frozen=True)
class StudyLists:
    """A study's known identifiers and allow list, named by a digest of their content."""

    known: dict[str, list[str]] = field(default_factory=dict)
    allow: tuple[str, ...] = ()

    @property
    def token(self) -> str:
        """Equal lists, equal token: a worker builds one engine per distinct pair of lists."""
        content = json.dumps([self.known, list(self.allow)], sort_keys=True)
        return hashlib.sha256(content.encode("utf-8")).hexdigest()


@dataclass
class _Worker:
    """One worker process's settings and its engines, by the token of their study lists."""

    config: DeidConfig
    key: bytes
    default: StudyLists
    engines: dict[str, Deidentifier] = field(default_factory=dict)

    def engine(self, lists: StudyLists | None) -> Deidentifier:
        lists = lists or self.default
        if lists.token not in self.engines:
            self.engines[lists.token] = Deidentifier(
                self.config, self.key, known_identifiers=lists.known, allow_list=lists.allow
            )
        return self.engines[lists.token]


# This process's worker state, set by the pool initializer.
_WORKER: _Worker | None = None


def default_start_method() -> str:
    """forkserver where available, else spawn: never fork a process that may hold threads."""
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def _start_worker(config: DeidConfig, key: bytes, default: StudyLists) -> None:
    global _WORKER
    _WORKER = _Worker(config, key, default)
    _WORKER.engine(None)


def _deidentify(
    texts: Sequence[str], participant: str = "", lists: StudyLists | None = None
) -> list[DeidResult]:
    if _WORKER is None:
        raise RuntimeError("worker engine was not built; use ParallelDeidentifier")
    return _WORKER.engine(lists).deidentify(texts, participant)


def _warm_up(texts: Sequence[str]) -> int:
    _deidentify(texts)
    return os.getpid()


def _context(start_method: str) -> multiprocessing.context.BaseContext:
    """The start method's context; a fork server not yet running preloads the engine modules."""
    context = multiprocessing.get_context(start_method)
    if start_method == "forkserver":
        multiprocessing.set_forkserver_preload(list(FORKSERVER_PRELOAD))
    return context


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
        self.config = config
        self.key = key
        self.lists = StudyLists(known_identifiers or {}, tuple(allow_list))
        self._pool = ProcessPoolExecutor(
            max_workers=n_process,
            mp_context=_context(start_method or default_start_method()),
            initializer=_start_worker,
            initargs=(config, key, self.lists),
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

    def for_study(
        self, known_identifiers: dict[str, list[str]], allow_list: Iterable[str]
    ) -> StudyPool:
        """This pool's workers with another study's lists (each worker builds that engine once)."""
        return StudyPool(self, StudyLists(known_identifiers, tuple(allow_list)))

    def submit(
        self,
        texts_per_transcript: Sequence[Sequence[str]],
        participants: Sequence[str] | None = None,
        lists: StudyLists | None = None,
    ) -> list[Future[list[DeidResult]]]:
        """Queue each transcript as one work unit without waiting; futures in input order."""
        participants = participants or [""] * len(texts_per_transcript)
        # Longest first, so a long transcript does not start last and leave the other workers idle.
        order = sorted(
            range(len(texts_per_transcript)),
            key=lambda i: sum(len(t) for t in texts_per_transcript[i]),
            reverse=True,
        )
        futures = {
            i: self._pool.submit(_deidentify, list(texts_per_transcript[i]), participants[i], lists)
            for i in order
        }
        return [futures[i] for i in range(len(texts_per_transcript))]

    def deidentify(
        self,
        texts_per_transcript: Sequence[Sequence[str]],
        participants: Sequence[str] | None = None,
        lists: StudyLists | None = None,
    ) -> list[list[DeidResult]]:
        """De-identify each transcript's texts; a transcript is one work unit, output in order."""
        return [f.result() for f in self.submit(texts_per_transcript, participants, lists)]

    deidentify_transcripts = deidentify


@dataclass(frozen=True)
class StudyPool:
    """A shared pool seen through one study's lists; de-identifies whole transcripts."""

    pool: ParallelDeidentifier
    lists: StudyLists

    def deidentify_transcripts(
        self, texts_per_transcript: Sequence[Sequence[str]], participants: Sequence[str]
    ) -> list[list[DeidResult]]:
        """Results per transcript, in order, from the shared workers."""
        return self.pool.deidentify(texts_per_transcript, participants, self.lists)

    def submit_transcripts(
        self, texts_per_transcript: Sequence[Sequence[str]], participants: Sequence[str]
    ) -> list[Future[list[DeidResult]]]:
        """Queue the transcripts on the shared workers and return at once; futures in order."""
        return self.pool.submit(texts_per_transcript, participants, self.lists)


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
