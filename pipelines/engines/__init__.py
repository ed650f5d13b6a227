"""Engines: where the per-article analysis of a build runs.

A build cuts the articles it has no cached analysis for into chunks of :data:`Job`
tuples and hands them to an :class:`Engine`, which runs
:func:`pipelines.nlp.chunk.process_chunk` on each chunk somewhere (this process, a
local process pool, a cluster) and hands back the chunk's :data:`Outcome` list. The
engine keeps nothing: the cache, the progress reporter and the resume-after-kill
behaviour stay with the build (:mod:`pipelines.build.orchestrate`), which commits each
chunk's results as it comes back.

The engines: :class:`~pipelines.engines.local.LocalEngine` (the default: in-process for
small builds, else one worker process per core). To add one, subclass :class:`Engine`
in a module of this package and pass an instance to
:func:`pipelines.build.orchestrate.build_corpus` (``engine=``).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from typing import Any

from pipelines.nlp.chunk import Job, Outcome, process_chunk
from pipelines.nlp.extract import Options

#: A finished chunk: the tag it was submitted with, its jobs and their outcomes (one per
#: job, in the jobs' order).
Done = tuple[Any, list[Job], list[Outcome]]

__all__ = ["Done", "Engine", "Job", "Outcome", "process_chunk"]


class Engine(ABC):
    """Runs chunks of jobs through :func:`~pipelines.nlp.chunk.process_chunk`.

    The build calls :meth:`start` once, then :meth:`submit` per chunk and :meth:`finish`
    at the end, consuming every finished chunk each yields, and :meth:`close` once, also
    after an error or Ctrl-C. Finished chunks may come back in any order: each carries
    the tag it was submitted with.
    """

    #: Worker processes that ran chunks, for the build report (1: only this process).
    workers: int = 1

    def start(self, options: Options, batch_size: int, *, expect_work: bool = False) -> None:
        """Get ready to run chunks with these extraction ``options`` (``batch_size``:
        spaCy's batch size within a chunk). ``expect_work``: many new articles are likely,
        so workers may start loading the model now, while the build reads. The build
        calls it again, with ``expect_work``, before the first chunk when the first new
        article turns up. Default: remember the arguments in :attr:`options` and
        :attr:`batch_size`."""
        self.options = options
        self.batch_size = batch_size

    @abstractmethod
    def submit(self, tag: Any, jobs: list[Job]) -> Iterator[Done]:
        """Queue one chunk; yield the chunks that finished meanwhile. May block while
        too much work is in flight (back-pressure)."""

    @abstractmethod
    def finish(self) -> Iterator[Done]:
        """Yield every chunk still queued or running, as it finishes."""

    def close(self) -> None:  # noqa: B027 - an engine without workers has nothing to free
        """Stop the workers, dropping any unfinished work. Safe to call twice."""
