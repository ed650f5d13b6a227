"""The default engine: this process for small builds, else a local process pool.

Workers (one per core, at most two by default, each with one BLAS/OpenMP thread) come
from a fork server that loaded the spaCy model once (:mod:`pipelines.nlp.preload`), so
they start with it in memory and share its weights. A worker that dies (out of memory?)
breaks the pool: the chunks it held, and the rest, then run in this process.
"""

from __future__ import annotations

import contextlib
import os
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from pipelines.engines import Done, Engine, Job, Outcome
from pipelines.nlp.chunk import process_chunk
from pipelines.nlp.extract import Options
from pipelines.nlp.model import THREAD_VARS


def _worker_init() -> None:
    for var in THREAD_VARS:
        os.environ[var] = "1"
    from pipelines.build.lifeline import watch_parent

    watch_parent()  # leave when the fork server (or the build) is gone


def default_workers(n_process: int = 0) -> int:
    """``n_process`` if positive, else one per core, at most two."""
    if n_process > 0:
        return n_process
    return max(1, min(2, os.cpu_count() or 1))


def _pool_context() -> Any:
    """Where workers come from: a fork server that loaded the spaCy model once (see
    :mod:`pipelines.nlp.preload`; it lives as long as this process), else ``spawn``."""
    import multiprocessing as mp

    from pipelines.build.lifeline import mark_build

    for var in THREAD_VARS:  # inherited by the workers before numpy loads
        os.environ.setdefault(var, "1")
    mark_build()  # the fork server watches this process (pipelines.build.lifeline)
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["pipelines.build.lifeline", "pipelines.nlp.preload",
                                    "pipelines.nlp.chunk", "pipelines.engines.local"])
        return ctx
    return mp.get_context("spawn")


class LocalEngine(Engine):
    """Runs chunks inline until enough work is waiting, then in a process pool.

    ``n_process`` workers (0: one per core, at most two); with fewer than two, or until
    ``4 * batch_size`` articles wait, chunks run in this process. Results come back in
    submission order.
    """

    def __init__(self, n_process: int = 0) -> None:
        self.n_process = default_workers(n_process)
        self.workers = 1
        self.options = Options()
        self.batch_size = 32
        self.pool_threshold = 4 * self.batch_size
        self.executor: ProcessPoolExecutor | None = None
        self.waiting: list[tuple[Any, list[Job]]] = []
        self.inflight: deque[tuple[Any, list[Job], Future[list[Outcome]]]] = deque()

    def start(self, options: Options, batch_size: int, *, expect_work: bool = False) -> None:
        """Remember the options; with ``expect_work``, have the workers' model loaded
        now (in the fork server) while the build reads; the pool itself still starts
        only once enough work is waiting."""
        super().start(options, batch_size, expect_work=expect_work)
        self.pool_threshold = 4 * batch_size
        if not expect_work or self.n_process < 2:
            return
        with contextlib.suppress(Exception):  # best effort: the pool starts it anyway
            from multiprocessing import forkserver

            if _pool_context().get_start_method() == "forkserver":
                forkserver.ensure_running()

    def _start_pool(self) -> None:
        self.executor = ProcessPoolExecutor(self.n_process, mp_context=_pool_context(),
                                            initializer=_worker_init)
        self.workers = self.n_process

    def submit(self, tag: Any, jobs: list[Job]) -> Iterator[Done]:
        """Queue a chunk; yield the chunks that finished meanwhile."""
        self.waiting.append((tag, jobs))
        if self.executor is None and self.n_process >= 2:
            if sum(len(j) for _, j in self.waiting) < self.pool_threshold:
                return  # a small build runs in-process: not worth starting workers
            self._start_pool()
        yield from self._dispatch(limit=8 * self.n_process)  # room to overlap

    def _dispatch(self, limit: int) -> Iterator[Done]:
        while self.waiting:
            tag, jobs = self.waiting.pop(0)
            if self.executor is None:
                yield tag, jobs, process_chunk(jobs, self.options, self.batch_size)
                continue
            try:
                fut = self.executor.submit(process_chunk, jobs, self.options, self.batch_size)
            except BrokenProcessPool:
                self._broken()
                self.waiting.insert(0, (tag, jobs))
                continue
            self.inflight.append((tag, jobs, fut))
            while len(self.inflight) >= limit:
                yield from self._collect_one()
        while len(self.inflight) >= limit:
            yield from self._collect_one()

    def _collect_one(self) -> Iterator[Done]:
        tag, jobs, fut = self.inflight.popleft()
        try:
            yield tag, jobs, fut.result()
        except BrokenProcessPool:  # a worker died (out of memory?): finish in-process
            self.waiting.insert(0, (tag, jobs))
            self._broken()

    def _broken(self) -> None:
        lost = [(t, j) for t, j, _ in self.inflight]
        self.inflight.clear()
        self.waiting[:0] = lost
        if self.executor is not None:
            self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = None
        self.n_process = 1

    def finish(self) -> Iterator[Done]:
        """Run or collect everything still queued."""
        while self.waiting or self.inflight:
            yield from self._dispatch(limit=1)

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None
