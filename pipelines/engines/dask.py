"""The per-article analysis on Dask distributed (``actorgraph build --engine dask``).

The build's client (this process) reads the corpus and keeps the cache, the progress
and the resume-after-kill behaviour; the Dask workers only run chunks of articles through
:func:`~pipelines.nlp.chunk.process_chunk` (spaCy, extraction, the interactions) and send
back the compact results. So:

* Only the client reads the corpus: each task carries its chunk's texts (and the cached
  spaCy output, when there is one). A worker needs actorgraph and the spaCy model
  installed, nothing else: no shared file system.
* Each worker loads the model once, when it joins (:class:`LoadModel`, a worker plugin),
  never per task. The workers of the default LocalCluster are forked from a server that
  loaded it once: they start with the model in memory and share its pages.
* A chunk of ``batch_size`` articles is one task: about a hundred kilobytes each way and
  about a second of work, so the scheduler's cost per task (a millisecond or so) is lost
  in it. At most :data:`TASKS_PER_THREAD` tasks per worker thread are in flight, enough
  to keep every worker busy while the client stores results.
* Every result carries the extraction fingerprint of the worker that made it: a worker
  running another actorgraph version (or with the interaction step switched otherwise)
  fails the build with a clear error instead of filling the cache with analyses of the
  wrong kind.

Without a scheduler address the engine starts a :class:`distributed.LocalCluster` sized
to the machine: one single-threaded worker process per core.
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from pipelines.engines import Done, Engine, Job, Outcome
from pipelines.errors import EngineError
from pipelines.nlp.extract import Options

#: Seconds to wait for a remote scheduler, and for its first worker.
CONNECT_TIMEOUT = 30
#: Tasks in flight per worker thread.
TASKS_PER_THREAD = 3
#: Dask settings for the client, the LocalCluster and its workers (the README gives them
#: for remote workers). A task holds the GIL for a second or so; every time one of
#: Dask's housekeeping timers wakes up, the task's thread has to hand the GIL over and
#: wait to get it back, which on a busy machine means waiting for the OS to schedule the
#: other thread. So: no statistical profiler (it samples every thread's stack every
#: 10 ms), and the event loop's health check, the memory monitor and the system monitor
#: at one second or more instead of 20, 100 and 500 ms.
QUIET_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.tick.limit": "60s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.admin.system-monitor.gil.enabled": False,
}

_MISSING = ("Dask is not installed: the dask engine needs the optional extra, "
            "pip install 'actorgraph[dask]' (or pip install 'dask[distributed]')")


def _distributed() -> Any:
    """The ``distributed`` package, or :class:`EngineError` when it is missing."""
    try:
        import distributed
    except ImportError as exc:
        raise EngineError(_MISSING) from exc
    return distributed


# ------------------------------------------------------------------ on the workers


@lru_cache(maxsize=8)
def _fingerprint(options: Options) -> str:
    from pipelines.build.cache import analysis_fingerprint

    return analysis_fingerprint(options)


def run_chunk(jobs: list[Job], options: Options, batch_size: int
              ) -> tuple[str, list[Outcome]]:
    """One task: :func:`process_chunk` over a chunk, with this worker's fingerprint."""
    from pipelines.nlp.chunk import process_chunk

    return _fingerprint(options), process_chunk(jobs, options, batch_size)


#: Why this worker could not load the model ("" if it could), set by :class:`LoadModel`.
_LOAD_ERROR = ""


def _worker_state(options: Options) -> tuple[str, str]:
    """Run on every worker at start: its extraction fingerprint, and why it could not
    load the model ("" if it could)."""
    return _fingerprint(options), _LOAD_ERROR


def _load_pipelines(interactions: bool) -> None:
    from pipelines.nlp.model import THREAD_VARS, load_model

    for var in THREAD_VARS:
        os.environ.setdefault(var, "1")
    load_model()
    if interactions:
        from pipelines.interactions.parse import load_parser

        load_parser()


try:  # the plugin's base class; without distributed, DaskEngine() says it is missing
    from distributed import WorkerPlugin as _PluginBase
except ImportError:  # pragma: no cover - exercised only without the extra
    _PluginBase = object


class LoadModel(_PluginBase):  # type: ignore[misc,valid-type]
    """A worker plugin: loads the spaCy pipelines once per worker, when it joins, and
    switches the interaction step as the client has it (a worker's environment may
    differ from the client's). A failure is reported by :func:`_worker_state`."""

    name = "actorgraph-load-model"
    idempotent = True

    def __init__(self, interactions: bool) -> None:
        self.interactions = interactions

    def setup(self, worker: Any) -> None:
        global _LOAD_ERROR
        from pipelines.interactions.article import SWITCH

        os.environ[SWITCH] = "1" if self.interactions else "0"
        try:
            _load_pipelines(self.interactions)
        except Exception as exc:  # noqa: BLE001 - reported, not fatal to the worker
            _LOAD_ERROR = f"{type(exc).__name__}: {exc}"


# ------------------------------------------------------------------ on the client


class DaskEngine(Engine):
    """Runs the chunks on a Dask cluster; finished chunks come back as they finish.

    ``scheduler``: the address of a running scheduler (``tcp://host:8786``); None: a
    LocalCluster of ``n_workers`` single-threaded processes (0: one per core), started
    with the first chunk and stopped by :meth:`close`. Raises :class:`EngineError` at
    once when Dask is not installed.
    """

    def __init__(self, scheduler: str | None = None, *, n_workers: int = 0) -> None:
        self._distributed = _distributed()
        self.scheduler = scheduler
        self.n_workers = n_workers or max(1, os.cpu_count() or 1)
        self.workers = 1
        self.options = Options()
        self.batch_size = 32
        self._fingerprint = ""
        self._cluster: Any = None
        self._config: Any = None  # the dask.config.set of the engine's lifetime
        self._client: Any = None
        self._done: Any = None  # distributed.as_completed over the futures in flight
        self._inflight: dict[Any, tuple[Any, list[Job]]] = {}
        self._limit = TASKS_PER_THREAD
        self._limit_until = 0.0  # time.monotonic() when to count the threads again

    # -- set-up and tear-down

    def start(self, options: Options, batch_size: int, *, expect_work: bool = False) -> None:
        """Remember the options; with ``expect_work`` and no scheduler, have the model
        loaded now (in the fork server of the LocalCluster's workers) while the build
        reads. The cluster itself starts, or is reached, with the first chunk."""
        super().start(options, batch_size, expect_work=expect_work)
        if expect_work and self.scheduler is None:
            _start_method()

    def _connect(self) -> None:
        """Start the LocalCluster or reach the scheduler; load the model on every worker;
        check that the workers run the same extraction as this process."""
        import dask

        from pipelines.build.cache import analysis_fingerprint

        self._fingerprint = analysis_fingerprint(self.options)
        # kept while the engine runs (close() restores the user's configuration): the
        # LocalCluster's nannies read it whenever they (re)start a worker
        self._config = dask.config.set({**QUIET_CONFIG, **_local_config(self.scheduler)})
        target = self.scheduler or self._local_cluster()
        where = self.scheduler or "the local cluster"
        try:
            self._client = self._distributed.Client(target, timeout=CONNECT_TIMEOUT,
                                                    set_as_default=False)
        except Exception as exc:
            raise EngineError(f"cannot reach the Dask scheduler at {where}: "
                              f"{type(exc).__name__}: {exc}") from exc
        self._check_workers(where)
        self.workers = len(self._client.nthreads())
        self._done = self._distributed.as_completed(loop=self._client.loop)

    def _check_workers(self, where: str) -> None:
        """Load the model on every worker (now and as they join); wait for one; check
        that each runs the same extraction as this process."""
        try:
            self._client.register_plugin(LoadModel(_interactions()))
            self._client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
            states = self._client.run(_worker_state, self.options)
        except TimeoutError as exc:
            raise EngineError(
                f"no Dask worker joined the scheduler at {where} within {CONNECT_TIMEOUT} s: "
                f"start some with 'dask worker {where}' where actorgraph[dask] is installed "
                f"(a worker without actorgraph stops at once: see its log)") from exc
        except Exception as exc:
            raise EngineError(f"cannot use the Dask cluster at {where}: "
                              f"{_describe(exc)}") from exc
        for address, (fingerprint, problem) in states.items():
            if problem:
                raise EngineError(f"the Dask worker {address} cannot load the spaCy "
                                  f"model: {problem}")
            if fingerprint != self._fingerprint:
                raise EngineError(_mismatch(address))

    def _in_flight_limit(self) -> int:
        """How many tasks may be in flight: :data:`TASKS_PER_THREAD` per worker thread,
        counted again every few seconds (workers may join or leave)."""
        now = time.monotonic()
        if now >= self._limit_until:
            with contextlib.suppress(Exception):  # keep the last count
                threads = sum(self._client.nthreads().values())
                self._limit = TASKS_PER_THREAD * max(1, threads)
            self._limit_until = now + 5.0
        return self._limit

    def _local_cluster(self) -> Any:
        """A LocalCluster of single-threaded worker processes."""
        try:
            self._cluster = self._distributed.LocalCluster(
                n_workers=self.n_workers, threads_per_worker=1, processes=True,
                dashboard_address=None, worker_dashboard_address=None,
                silence_logs=logging.ERROR)
        except Exception as exc:
            raise EngineError(f"cannot start a local Dask cluster: "
                              f"{type(exc).__name__}: {exc}") from exc
        return self._cluster

    def close(self) -> None:
        """Cancel what is still running, disconnect, stop the LocalCluster (if ours).
        Safe to call twice."""
        client, cluster, config = self._client, self._cluster, self._config
        self._client = self._cluster = self._done = self._config = None
        futures = list(self._inflight)
        self._inflight.clear()
        if client is not None:
            try:
                if futures:
                    client.cancel(futures)
                client.close()
            except Exception:  # noqa: BLE001,S110 - shutting down: nothing left to save
                pass
        if cluster is not None:
            try:
                cluster.close()
            except Exception:  # noqa: BLE001,S110
                pass
        if config is not None:
            config.__exit__(None, None, None)

    # -- work

    def submit(self, tag: Any, jobs: list[Job]) -> Iterator[Done]:
        """Send a chunk to the cluster; yield the chunks that finished meanwhile (waiting
        for one while too many are in flight)."""
        if self._client is None:
            try:
                self._connect()
            except BaseException:
                self.close()
                raise
        future = self._client.submit(run_chunk, jobs, self.options, self.batch_size,
                                     pure=False)
        self._inflight[future] = (tag, jobs)
        self._done.add(future)
        while len(self._inflight) >= self._in_flight_limit():
            yield self._next()

    def finish(self) -> Iterator[Done]:
        """Yield every chunk still in flight, as each finishes."""
        while self._inflight:
            yield self._next()

    def _next(self) -> Done:
        future = next(self._done)
        tag, jobs = self._inflight.pop(future)
        try:
            fingerprint, outcomes = future.result()
        except Exception as exc:
            raise EngineError(_failure(exc)) from exc
        finally:
            future.release()
        if fingerprint != self._fingerprint:
            raise EngineError(_mismatch("a Dask worker"))
        return tag, jobs, outcomes


def _interactions() -> bool:
    from pipelines.interactions.article import enabled

    return enabled()


def _local_config(scheduler: str | None) -> dict[str, str]:
    """The LocalCluster's workers are forked (where the platform can) from a server that
    loaded the model once."""
    if scheduler is not None:
        return {}
    return {"distributed.worker.multiprocessing-method": _start_method()}


def _start_method() -> str:
    """``forkserver`` where the platform has it, with the model preloaded in the server
    and one BLAS/OpenMP thread per worker; else ``spawn`` (each worker loads its own
    model, through :class:`LoadModel`). Starting the server returns at once."""
    import multiprocessing as mp

    from pipelines.nlp.model import THREAD_VARS

    for var in THREAD_VARS:  # inherited by the workers before numpy loads
        os.environ.setdefault(var, "1")
    if "forkserver" not in mp.get_all_start_methods():
        return "spawn"
    from multiprocessing import forkserver

    # a no-op if the server already runs (the local engine's: the model preloaded too)
    mp.get_context("forkserver").set_forkserver_preload(
        ["distributed", "pipelines.nlp.preload", "pipelines.nlp.chunk",
         "pipelines.engines.dask"])
    forkserver.ensure_running()
    return "forkserver"


def _mismatch(worker: str) -> str:
    return (f"{worker} runs a different extraction (another actorgraph version, "
            f"gazetteer or spaCy model): install the same actorgraph on the client and "
            f"every worker")


def _describe(exc: BaseException) -> str:
    """An exception in one line, with what to do when the cluster cannot load our code."""
    text = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
    if isinstance(exc, ImportError) or "deserializ" in str(exc):
        text += (" (the Dask scheduler and every worker need the same actorgraph as this "
                 "machine: pip install 'actorgraph[dask]' there)")
    return text


def _failure(exc: BaseException) -> str:
    if type(exc).__name__ == "KilledWorker":
        return ("Dask workers kept dying on a chunk of articles (out of memory?); the "
                "chunks finished so far are cached: run the same command again to resume")
    return f"a Dask task failed: {_describe(exc)}"
