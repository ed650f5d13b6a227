"""The per-article analysis on Dask distributed (``actorgraph build --engine dask``).

The build's client (this process) reads the corpus, keeps the cache, the progress bar
and the resume-after-kill behaviour; the Dask workers only run chunks of articles
through :func:`process_chunk` (spaCy, :func:`analyse_article`, the interactions) and send
back the compact results. So:

* Only the client reads the corpus: each task carries its chunk's texts (and the cached
  spaCy output, when there is one). A worker needs actorgraph and the spaCy model
  installed, nothing else: no shared file system.
* Each worker loads the model once, when it joins (:class:`LoadModel`, a worker plugin),
  never per task.
* A chunk of ``batch_size`` articles is one task: a few hundred kilobytes each way, and
  about a second of work, so the scheduler's per-task cost (about a millisecond) is
  lost in it.
* Every result carries the extraction fingerprint of the worker that made it: a worker
  running another actorgraph version (or with the interaction step switched differently)
  fails the build with a clear error instead of filling the cache with analyses of the
  wrong kind.

Without a scheduler address the engine starts a :class:`distributed.LocalCluster` sized
to the machine: one worker process per core (at most :data:`LOCAL_MAX_WORKERS` unless
asked), one thread each.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pipelines.errors import EngineError
from pipelines.nlp.extract import Options

if TYPE_CHECKING:
    from pipelines.build.orchestrate import Job, Outcome

Tag = TypeVar("Tag")

#: Most worker processes of the default LocalCluster (0 workers asked: one per core).
LOCAL_MAX_WORKERS = 64
#: Seconds to wait for a remote scheduler, and for its first worker.
CONNECT_TIMEOUT = 30

#: Dask settings for the workers of the LocalCluster (the README gives them for remote
#: workers): no statistical profiler sampling every thread's stack every 10 ms.
WORKER_CONFIG = {"distributed.worker.profile.enabled": False}

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
    from pipelines.build.orchestrate import process_chunk

    return _fingerprint(options), process_chunk(jobs, options, batch_size)


#: Why this worker could not load the model ("" if it could), set by :class:`LoadModel`.
_LOAD_ERROR = ""


def _worker_state(options: Options) -> tuple[str, str]:
    """Run on every worker at start: its extraction fingerprint, and why it could not
    load the model ("" if it could)."""
    return _fingerprint(options), _LOAD_ERROR


try:  # the plugin's base class; without distributed, start() reports it missing
    from distributed import WorkerPlugin as _PluginBase
except ImportError:  # pragma: no cover - exercised only without the extra
    _PluginBase = object


class LoadModel(_PluginBase):  # type: ignore[misc,valid-type]
    """A worker plugin: loads the spaCy pipelines once per worker, when it joins, and
    switches the interaction step as the client has it (a worker's environment may
    differ from the client's)."""

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
        except Exception as exc:  # noqa: BLE001 - reported by _worker_state, not fatal here
            _LOAD_ERROR = f"{type(exc).__name__}: {exc}"


def _load_pipelines(interactions: bool) -> None:
    from pipelines.nlp.model import THREAD_VARS, load_model

    for var in THREAD_VARS:
        os.environ.setdefault(var, "1")
    load_model()
    if interactions:
        from pipelines.interactions.parse import load_parser

        load_parser()


# ------------------------------------------------------------------ on the client


class DaskEngine(Generic[Tag]):
    """Runs chunks of articles on a Dask cluster: :meth:`start`, then :meth:`submit`
    chunks (each with a tag of the caller's), which yields the chunks finished meanwhile
    as ``(tag, jobs, outcomes)``, in the order they finish; :meth:`finish` yields the
    rest; :meth:`close` always.

    ``scheduler``: the address of a running scheduler (``tcp://host:8786``), or None for
    a LocalCluster of ``workers`` processes (0: one per core).
    """

    def __init__(self, options: Options, batch_size: int, *, scheduler: str | None = None,
                 workers: int = 0) -> None:
        self.options = options
        self.batch_size = batch_size
        self.scheduler = scheduler
        self.asked = workers
        self.workers = 0
        self._fingerprint = ""
        self._cluster: Any = None
        self._config: Any = None  # the dask.config.set of a LocalCluster's lifetime
        self._client: Any = None
        self._done: Any = None  # distributed.as_completed over the futures in flight
        self._inflight: dict[Any, tuple[Tag, list[Job]]] = {}
        self._limit = 4

    # -- set-up and tear-down

    def start(self) -> None:
        """Start a LocalCluster or connect to the scheduler; load the model on every
        worker; check that the workers run the same extraction as this process."""
        from pipelines.build.cache import analysis_fingerprint

        distributed = _distributed()
        self._fingerprint = analysis_fingerprint(self.options)
        try:
            self._connect(distributed)
            self._check_workers()
        except BaseException:
            self.close()
            raise
        self._done = distributed.as_completed(loop=self._client.loop)

    def _connect(self, distributed: Any) -> None:
        if self.scheduler is None:
            target: Any = self._local_cluster(distributed)
        else:
            target = self.scheduler
        try:
            self._client = distributed.Client(target, timeout=CONNECT_TIMEOUT,
                                              set_as_default=False)
            self._client.register_plugin(LoadModel(_interactions()))
            self._client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
        except Exception as exc:
            where = self.scheduler or "the local cluster"
            raise EngineError(f"cannot use the Dask scheduler at {where}: "
                              f"{type(exc).__name__}: {exc}") from exc

    def _local_cluster(self, distributed: Any) -> Any:
        """A LocalCluster of one-thread worker processes, forked (where the platform can)
        from a server that loaded the model once: they start with it in memory and
        share its pages, instead of each loading its own copy."""
        import dask

        n = self.asked or max(1, min(LOCAL_MAX_WORKERS, os.cpu_count() or 1))
        method = _start_method()
        # the nanny reads the start method whenever it (re)starts a worker: keep it set
        # while the cluster lives (close() restores the user's configuration)
        self._config = dask.config.set({"distributed.worker.multiprocessing-method": method,
                                        **WORKER_CONFIG})
        try:
            self._cluster = distributed.LocalCluster(
                n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
                worker_dashboard_address=None, silence_logs=logging.ERROR)
        except Exception as exc:
            raise EngineError(f"cannot start a local Dask cluster: "
                              f"{type(exc).__name__}: {exc}") from exc
        return self._cluster

    def _check_workers(self) -> None:
        try:
            states = self._client.run(_worker_state, self.options)
        except Exception as exc:
            raise EngineError(f"the Dask workers do not run actorgraph: "
                              f"{type(exc).__name__}: {exc}") from exc
        for address, (fingerprint, problem) in states.items():
            if problem or fingerprint != self._fingerprint:
                raise EngineError(f"the Dask worker {address} cannot load the spaCy model: "
                                  f"{problem}" if problem else _mismatch(address))
        self.workers = len(states)
        threads = sum(self._client.nthreads().values()) or 1
        self._limit = max(4, 3 * threads)  # enough queued to keep every thread busy

    def close(self) -> None:
        """Cancel what is still running, disconnect, stop the LocalCluster (if ours)."""
        client, cluster, config = self._client, self._cluster, self._config
        self._client = self._cluster = self._done = self._config = None
        if client is not None:
            futures = list(self._inflight)
            self._inflight.clear()
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

    def __enter__(self) -> DaskEngine[Tag]:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- work

    def submit(self, tag: Tag, jobs: list[Job]
               ) -> Iterator[tuple[Tag, list[Job], list[Outcome]]]:
        """Send a chunk to the cluster; yield the chunks that finished meanwhile (waiting
        for one while too many are in flight)."""
        if self._client is None:
            self.start()
        future = self._client.submit(run_chunk, jobs, self.options, self.batch_size,
                                     pure=False)
        self._inflight[future] = (tag, jobs)
        self._done.add(future)
        while len(self._inflight) >= self._limit:
            yield self._next()

    # -- what the build's runner also offers (temporary, until the engine seam lands)
    hold = 0

    @property
    def used_pool(self) -> bool:
        return self.workers > 0

    def warm_up(self) -> None:
        """Nothing: the cluster starts with the first chunk."""

    def release(self) -> Iterator[tuple[Tag, list[Job], list[Outcome]]]:
        return iter(())

    def finish(self) -> Iterator[tuple[Tag, list[Job], list[Outcome]]]:
        """Yield every chunk still in flight, as each finishes."""
        while self._inflight:
            yield self._next()

    def _next(self) -> tuple[Tag, list[Job], list[Outcome]]:
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


def _start_method() -> str:
    """``forkserver`` with the model preloaded in the server (one BLAS/OpenMP thread per
    worker), where the platform has it; else ``spawn`` (each worker loads its own model,
    through :class:`LoadModel`)."""
    import multiprocessing as mp

    from pipelines.nlp.model import THREAD_VARS

    for var in THREAD_VARS:  # inherited by the workers before numpy loads
        os.environ.setdefault(var, "1")
    if "forkserver" not in mp.get_all_start_methods():
        return "spawn"
    from multiprocessing import forkserver

    # a no-op if the server already runs (the local engine may have started it, with
    # the model preloaded too)
    mp.get_context("forkserver").set_forkserver_preload(
        ["distributed", "pipelines.nlp.preload", "pipelines.engines.dask"])
    forkserver.ensure_running()
    return "forkserver"


def _mismatch(worker: str) -> str:
    return (f"{worker} runs a different extraction (another actorgraph version, "
            f"gazetteer or spaCy model): install the same actorgraph on the client and "
            f"every worker")


def _failure(exc: BaseException) -> str:
    name = type(exc).__name__
    if name == "KilledWorker":
        return ("Dask workers kept dying on a chunk of articles (out of memory?); the "
                "chunks finished so far are cached: run the same command again to resume")
    return f"a Dask task failed: {name}: {exc}"
