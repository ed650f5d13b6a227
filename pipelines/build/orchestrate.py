"""The end-to-end build: corpus -> spaCy -> resolution -> graph -> files.

:func:`build_corpus` is what ``actorgraph build`` calls. It writes into the output
folder ``graph.html``, ``graph.graphml``, ``mentions.csv``, ``relations.csv`` (the
interactions, see :mod:`pipelines.interactions`) and ``report.json`` (every file
atomically) and returns a :class:`BuildResult` whose :meth:`~BuildResult.summary`
the CLI prints.

How it scales:

* The corpus is streamed; each article's text is dropped once it is analysed, and of its
  sentences only those naming two or more candidates are kept (the graph's evidence).
* Per-article work — spaCy (``senter`` + ``ner`` only), :func:`analyse_article`, a
  pure function, and the interactions (the dependency parser on the sentences naming two
  or more actors, then a grammar) — runs in chunks, in a pool of worker processes (one
  per core, each with one BLAS/OpenMP thread and its own model) once enough new articles
  have been seen.
* Each chunk's results are committed to ``cache.sqlite`` in the output folder
  (:mod:`pipelines.build.cache`): an interrupted build resumes where it stopped, an unchanged
  article is never analysed twice, and a gazetteer change re-analyses without spaCy.
* A corpus file unchanged since the last build (same bytes) is not read again: its
  articles' metadata and analyses come from its record in the cache in one read, and
  the files that changed are read first, so that their new articles are with the
  workers while the records load.
* Only the corpus-level pass (:class:`Resolver`, overrides, the graph) sees every
  article; it runs in the main process on the compact analyses. At the end,
  ``mentions.csv`` and ``graph.html`` are written by a forked copy of the process while
  the main one writes the GraphML and its sidecar.
* A lock (:mod:`pipelines.build.lock`) keeps a second build out of the same output folder.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import sys
import tempfile
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import networkx as nx

from graph.atomic import atomic_open
from graph.build import ArticleMentions, ArticleMeta, EntityInfo, build_graph
from graph.errors import ActorGraphError
from graph.interactions import InteractionRow, add_interactions
from graph.schema import ACTOR_TYPES

from pipelines.nlp.analysis import ArticleAnalysis, analyse_article
from pipelines.build.cache import (
    CACHE_NAME,
    BuildCache,
    FileRecord,
    Stub,
    analysis_fingerprint,
    analysis_from_json,
    analysis_to_json,
    corpus_file_key,
    text_key,
)
from pipelines.readers.corpus import Article, Corpus, Skipped
from pipelines.errors import OutputError
from pipelines.nlp.extract import Options
from pipelines.build.lock import BuildLock
from pipelines.nlp.model import THREAD_VARS, NlpResult
from pipelines.resolution.resolve import Resolver

T = TypeVar("T")

MENTION_COLUMNS = ["article", "entity", "label", "type", "text", "start", "end", "sentence",
                   "role", "affiliation"]


@dataclass
class BuildResult:
    """What a build read, found and wrote."""

    out: Path
    articles: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[Skipped] = field(default_factory=list)
    actors: Counter[str] = field(default_factory=Counter)
    edges: int = 0
    mentions: int = 0
    #: Interactions written to ``relations.csv``.
    relations: int = 0
    files: dict[str, Path] = field(default_factory=dict)
    seconds: float = 0.0
    graph: nx.Graph | None = field(default=None, repr=False)
    #: Articles taken whole from the cache / re-analysed from cached spaCy output /
    #: run through spaCy in this build.
    reused: int = 0
    reanalysed: int = 0
    analysed: int = 0
    #: Worker processes used (1: everything ran in this process).
    workers: int = 1
    #: Seconds per phase: analyse (reading, spaCy, extraction), resolve, graph, write.
    timings: dict[str, float] = field(default_factory=dict)
    #: Articles without a date, and those dated from their text's first lines.
    undated: int = 0
    inferred: int = 0
    #: Articles left out by ``since``/``until`` (undated ones included), or None: no range.
    out_of_range: int | None = None

    def summary(self) -> str:
        """A short human summary for the terminal."""
        lines = [f"Read {self.articles} article(s) in {self.seconds:.1f} s"
                 + (f"; skipped {len(self.skipped)}:" if self.skipped else ".")]
        for s in self.skipped[:10]:
            lines.append(f"  - {s.where}: {s.reason}")
        if len(self.skipped) > 10:
            lines.append(f"  … and {len(self.skipped) - 10} more (see report.json)")
        lines.append(self._dates_line())
        lines.append(f"Cache: {self.reused} article(s) reused, {self.reanalysed} re-analysed "
                     f"from cached spaCy output, {self.analysed} run through spaCy.")
        by_type = ", ".join(f"{self.actors[t]} {t}" for t in ACTOR_TYPES if self.actors[t])
        total = sum(self.actors[t] for t in ACTOR_TYPES)
        lines.append(f"Actors: {total} ({by_type or 'none'}); edges: {self.edges}; "
                     f"mentions: {self.mentions}.")
        for name, path in self.files.items():
            lines.append(f"  {name:<9} {path}")
        return "\n".join(lines)

    def _dates_line(self) -> str:
        line = (f"Dates: {self.undated} undated article(s), {self.inferred} dated from "
                f"their first lines")
        if self.out_of_range is not None:
            line += f"; {self.out_of_range} left out of the date range"
        return line + "."

    def report(self) -> dict[str, object]:
        return {
            "articles": self.articles,
            "dates": {"undated": self.undated, "inferred": self.inferred,
                      **({} if self.out_of_range is None
                         else {"out_of_range": self.out_of_range})},
            "skipped": [{"where": s.where, "reason": s.reason} for s in self.skipped],
            "notes": [{"where": s.where, "reason": s.reason} for s in self.notes],
            "actors": {t: self.actors[t] for t in ACTOR_TYPES},
            "edges": self.edges,
            "mentions": self.mentions,
            "relations": self.relations,
            "seconds": round(self.seconds, 2),
            "cache": {"reused": self.reused, "reanalysed": self.reanalysed,
                      "analysed": self.analysed, "workers": self.workers},
            "timings": {k: round(v, 2) for k, v in self.timings.items()},
            "files": {k: str(v) for k, v in self.files.items()},
        }


class BuildInterrupted(ActorGraphError):
    """The build was interrupted (Ctrl-C); what was analysed is in the cache."""


def _prepare_out(out: Path) -> None:
    """Create ``out`` and prove it writable (a real write: ``os.access`` lies to root and
    about read-only file systems), or raise :class:`OutputError`."""
    if out.exists() and not out.is_dir():
        raise OutputError(f"the output path {out} is not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the output folder {out}: "
                          f"{exc.strerror or exc}") from exc
    if not out.is_dir():
        raise OutputError(f"the output path {out} is not a folder")
    try:
        fd, probe = tempfile.mkstemp(prefix=".write-test.", dir=out)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise OutputError(f"the output folder {out} is not writable: "
                          f"{exc.strerror or exc}") from exc


OUTPUT_NAMES = ("graph.graphml", "graph.html", "mentions.csv", "relations.csv", "report.json")


def _remove_stale_temporaries(out: Path) -> None:
    """Delete the temporary files a killed build left behind (``.graph.html.*.tmp``).

    Called under the lock, so no live build is writing them.
    """
    for name in OUTPUT_NAMES:
        for tmp in out.glob(f".{name}.*.tmp"):
            try:
                tmp.unlink()
            except OSError:
                pass


def write_mentions(path: Path, docs: list[ArticleMentions],
                   entities: dict[str, EntityInfo]) -> int:
    """Write ``mentions.csv``: one row per resolved mention (actors and non-actors)."""
    extra = {eid: (info.role, info.affiliation) for eid, info in entities.items()}
    blank = ("", "")
    with atomic_open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(MENTION_COLUMNS)
        writer.writerows((m.article, m.entity, m.label, m.type, m.text, m.start, m.end,
                          m.sentence, *extra.get(m.entity, blank))
                         for doc in docs for m in doc.mentions)
    return sum(len(doc.mentions) for doc in docs)


RELATION_COLUMNS = ["article", "sentence", "source", "target", "kind", "event", "directed",
                    "trigger", "text", "start", "end"]


def relations_of(docs: list[ArticleMentions], rows: list[list[tuple]],
                 entities: dict[str, EntityInfo]) -> list[InteractionRow]:
    """The interactions of every article, between resolved entities (``rows`` are the
    analyses' :data:`pipelines.interactions.article.Row` lists, in the order of ``docs``).
    A person and the actor it is affiliated with never interact."""
    from pipelines.interactions.article import to_entities

    def belongs(person: str, other: str) -> bool:
        info, org = entities.get(person), entities.get(other)
        return bool(info and org and info.affiliation and info.affiliation == org.label)

    out: list[InteractionRow] = []
    for doc, article_rows in zip(docs, rows, strict=True):
        if article_rows:
            out.extend(to_entities(doc.meta.id, article_rows, doc.mentions, doc.sentences,
                                   belongs))
    return out


def write_relations(path: Path, relations: list[InteractionRow]) -> int:
    """Write ``relations.csv``: one row per interaction (the format of
    ``score_relations.py``: entity ids as in ``mentions.csv``)."""
    with atomic_open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(RELATION_COLUMNS)
        writer.writerows((r.article, r.sentence, r.source, r.target, r.kind, r.event,
                          "true" if r.directed else "false", r.trigger, r.text, r.start,
                          r.end) for r in relations)
    return len(relations)


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """The cyclic garbage collector off inside, restored as it was after."""
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _once(work: Callable[[], T]) -> Callable[[], T]:
    """``work``, run on the first call; later calls repeat its result or exception."""
    outcome: list[tuple[bool, Any]] = []

    def call() -> T:
        if not outcome:
            try:
                outcome.append((True, work()))
            except BaseException as exc:
                outcome.append((False, exc))
        ok, value = outcome[0]
        if not ok:
            raise value
        return value

    return call


def in_background(work: Callable[[], T]) -> Callable[[], T]:
    """Start ``work`` in a forked copy of this process; return a function that waits for
    it and returns its result or raises its exception.

    Both cores write files at once at the end of a build. Where ``fork`` is missing (or
    fails), ``work`` simply runs when the returned function is first called. Calling the
    returned function again repeats the first outcome (it never runs ``work`` twice).
    """
    if not hasattr(os, "fork"):
        return _once(work)
    import gc
    import pickle

    read_fd, write_fd = os.pipe()
    gc.freeze()  # the child does not copy pages just to collect garbage
    try:
        pid = os.fork()
    except OSError:
        os.close(read_fd)
        os.close(write_fd)
        gc.unfreeze()
        return _once(work)
    if pid == 0:  # the child: do the work, send back its outcome, leave without cleanup
        os.close(read_fd)
        code = 0
        try:
            try:
                payload = pickle.dumps((True, work()))
            except BaseException as exc:  # noqa: BLE001 - handed to the parent
                try:
                    payload = pickle.dumps((False, exc))
                except Exception:  # noqa: BLE001 - an exception that does not pickle
                    payload = pickle.dumps((False, RuntimeError(f"{type(exc).__name__}: "
                                                                f"{exc}")))
            with os.fdopen(write_fd, "wb") as fh:
                fh.write(payload)
        except BaseException:  # noqa: BLE001
            code = 1
        finally:
            os._exit(code)
    os.close(write_fd)
    gc.unfreeze()

    def collect() -> T:
        try:
            with os.fdopen(read_fd, "rb") as fh:
                payload = fh.read()
        finally:
            _, status = os.waitpid(pid, 0)
        if not payload:
            raise RuntimeError(f"background work died (status {status})")
        ok, value = pickle.loads(payload)
        if not ok:
            raise value
        return value

    return _once(collect)  # the first call collects the child; later ones repeat it


def _progress(total: int | None, enabled: bool):
    """A rich progress bar on stderr (articles/s, ETA), or a no-op."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    class _Rate(TextColumn):
        def __init__(self) -> None:
            super().__init__("")

        def render(self, task):  # type: ignore[override]
            from rich.text import Text

            speed = task.finished_speed or task.speed
            return Text(f"{speed:.1f} art/s" if speed else "… art/s")

    from rich.console import Console

    console = Console(file=sys.stderr)
    return Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), _Rate(),
        TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
        console=console, disable=not enabled, transient=False,
    )


# ----------------------------------------------------------------- per-article work

#: A unit of work: (text key, text, cached spaCy output as JSON or None).
Job = tuple[str, str, "dict[str, Any] | None"]
#: Its outcome: (spaCy output to cache or None, analysis JSON, or None and an error).
Outcome = tuple["dict[str, Any] | None", "dict[str, Any] | None", str]

_NO_META = ArticleMeta("")


def keep_evidence_sentences(analysis: ArticleAnalysis) -> ArticleAnalysis:
    """Blank the sentences that name fewer than two candidates (in place; returned).

    The graph only quotes a sentence as an edge's evidence when two actors share it, and
    resolution never adds a mention, so nothing else is needed. Indexes are kept.
    """
    per_sentence = Counter(c.sentence for c in analysis.candidates)
    analysis.sentences = [s if per_sentence[i] >= 2 else ""
                          for i, s in enumerate(analysis.sentences)]
    return analysis


def _nlp_results(texts: list[str], batch_size: int) -> list[NlpResult | str]:
    """spaCy over ``texts``; a text that makes spaCy fail gets its error message instead."""
    from pipelines.nlp.model import analyse, analyse_one

    try:
        return list(analyse(texts, batch_size=batch_size))
    except Exception:  # noqa: BLE001 - find the culprit text by text
        out: list[NlpResult | str] = []
        for text in texts:
            try:
                out.append(analyse_one(text))
            except Exception as exc:  # noqa: BLE001
                out.append(f"spaCy failed: {type(exc).__name__}: {exc}")
        return out


def process_chunk(jobs: list[Job], options: Options, batch_size: int = 32) -> list[Outcome]:
    """spaCy where there is no cached output, then :func:`analyse_article`, per job.

    Pure apart from the model it loads: what a worker process (or a distributed engine)
    runs. Never raises for one bad article: its outcome carries the error instead.
    """
    need = [i for i, (_, _, cached) in enumerate(jobs) if cached is None]
    fresh = dict(zip(need, _nlp_results([jobs[i][1] for i in need], batch_size),
                     strict=True)) if need else {}
    out: list[Outcome] = []
    done: list[tuple[int, str, ArticleAnalysis]] = []
    for i, (_, text, cached) in enumerate(jobs):
        got = fresh.get(i)
        if isinstance(got, str):
            out.append((None, None, got))
            continue
        nlp = got if got is not None else NlpResult.from_json(cached or {"s": [], "e": []})
        try:
            done.append((len(out), text, analyse_article(_NO_META, text, nlp, options)))
            out.append((nlp.to_json() if got is not None else None, None, ""))
        except Exception as exc:  # noqa: BLE001 - one article must not stop the build
            out.append((nlp.to_json() if got is not None else None, None,
                        f"extraction failed: {type(exc).__name__}: {exc}"))
    _interactions(done)
    for k, _, analysis in done:
        out[k] = (out[k][0], analysis_to_json(keep_evidence_sentences(analysis)), "")
    return out


def _interactions(done: list[tuple[int, str, ArticleAnalysis]]) -> None:
    """Parse the sentences naming two or more actors and find their interactions
    (:mod:`pipelines.interactions`), for a chunk at once; article by article if the batch
    fails (an article the parser fails on gets none)."""
    from pipelines.interactions.article import annotate, enabled

    if not enabled():
        return
    try:
        annotate([t for _, t, _ in done], [a for _, _, a in done])
    except Exception:  # noqa: BLE001 - find the culprit article by article
        for _, text, analysis in done:
            try:
                annotate([text], [analysis])
            except Exception:  # noqa: BLE001
                analysis.interactions = []


def _worker_init() -> None:
    for var in THREAD_VARS:
        os.environ[var] = "1"


def _workers(n_process: int) -> int:
    if n_process > 0:
        return n_process
    return max(1, min(2, os.cpu_count() or 1))


#: Changed corpus files this big start loading the workers' model at once.
_WARM_UP_BYTES = 512 * 1024


def _pool_context() -> Any:
    """Where workers come from: a fork server that loaded the spaCy model once (see
    :mod:`pipelines.nlp.preload`; it lives as long as this process), else ``spawn``."""
    import multiprocessing as mp

    for var in THREAD_VARS:  # inherited by the workers before numpy loads
        os.environ.setdefault(var, "1")
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["pipelines.nlp.preload", "pipelines.build.orchestrate"])
        return ctx
    return mp.get_context("spawn")


class _Runner:
    """Runs chunks inline until enough work is waiting, then in a process pool.

    Results come back in submission order, so the build is deterministic.
    """

    def __init__(self, options: Options, workers: int, batch_size: int,
                 pool_threshold: int) -> None:
        self.options = options
        self.workers = workers
        self.batch_size = batch_size
        self.pool_threshold = pool_threshold
        self.executor: ProcessPoolExecutor | None = None
        self.used_pool = False
        self.waiting: list[tuple[list[int], list[Job]]] = []
        self.inflight: deque[tuple[list[int], list[Job], Future[list[Outcome]]]] = deque()
        #: While set, chunks wait (up to this many articles) instead of starting the pool:
        #: starting it blocks until the fork server has loaded the model.
        self.hold = 0

    def warm_up(self) -> None:
        """Have the workers' model loaded now (in the fork server), while the build
        reads; the pool itself still starts only once enough work is waiting."""
        if self.workers < 2:
            return
        with contextlib.suppress(Exception):  # best effort: the pool starts it anyway
            from multiprocessing import forkserver

            if _pool_context().get_start_method() == "forkserver":
                forkserver.ensure_running()

    def _start_pool(self) -> None:
        self.executor = ProcessPoolExecutor(self.workers, mp_context=_pool_context(),
                                            initializer=_worker_init)
        self.used_pool = True

    def submit(self, idx: list[int], jobs: list[Job]
               ) -> Iterator[tuple[list[int], list[Job], list[Outcome]]]:
        """Queue a chunk; yield the chunks that finished meanwhile."""
        self.waiting.append((idx, jobs))
        yield from self._advance()

    def release(self) -> Iterator[tuple[list[int], list[Job], list[Outcome]]]:
        """Stop holding chunks back: start on what waits; yield what finished."""
        self.hold = 0
        yield from self._advance()

    def _advance(self) -> Iterator[tuple[list[int], list[Job], list[Outcome]]]:
        if self.executor is None:
            queued = sum(len(j) for _, j in self.waiting)
            if queued < self.hold:
                return
            if self.workers >= 2:
                if queued < self.pool_threshold:
                    return  # a small build runs in-process: not worth starting workers
                self._start_pool()
        yield from self._dispatch(limit=8 * self.workers)  # room to overlap

    def _dispatch(self, limit: int) -> Iterator[tuple[list[int], list[Job], list[Outcome]]]:
        while self.waiting:
            idx, jobs = self.waiting.pop(0)
            if self.executor is None:
                yield idx, jobs, process_chunk(jobs, self.options, self.batch_size)
                continue
            try:
                fut = self.executor.submit(process_chunk, jobs, self.options, self.batch_size)
            except BrokenProcessPool:
                self._broken()
                self.waiting.insert(0, (idx, jobs))
                continue
            self.inflight.append((idx, jobs, fut))
            while len(self.inflight) >= limit:
                yield from self._collect_one()
        while len(self.inflight) >= limit:
            yield from self._collect_one()

    def _collect_one(self) -> Iterator[tuple[list[int], list[Job], list[Outcome]]]:
        idx, jobs, fut = self.inflight.popleft()
        try:
            yield idx, jobs, fut.result()
        except BrokenProcessPool:  # a worker died (out of memory?): finish in-process
            self.waiting.insert(0, (idx, jobs))
            self._broken()

    def _broken(self) -> None:
        lost = [(i, j) for i, j, _ in self.inflight]
        self.inflight.clear()
        self.waiting[:0] = lost
        if self.executor is not None:
            self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = None
        self.workers = 1

    def finish(self) -> Iterator[tuple[list[int], list[Job], list[Outcome]]]:
        """Run or collect everything still queued."""
        while self.waiting or self.inflight:
            yield from self._dispatch(limit=1)

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None


@dataclass
class _FileWork:
    """One corpus file on its way through :func:`_analyse_corpus`."""

    path: Path
    rel: str
    articles: Iterator[Article]
    key: str | None  # its corpus_file_key (None: unreadable)
    stored: bool  # the cache holds its record
    stubs: list[Stub] = field(default_factory=list)
    slots: list[ArticleAnalysis | None] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[Skipped] = field(default_factory=list)
    complete: bool = True  # every article got an analysis: worth storing


def _unplaced(item: Skipped, path: Path) -> tuple[str, str]:
    """A file's problem as its record keeps it: the file's own path left out."""
    where, here = item.where, str(path)
    if where == here or where.startswith(here + ":"):
        where = "\0" + where[len(here):]
    return where, item.reason


def _placed(item: tuple[str, str], path: Path) -> Skipped:
    """The inverse of :func:`_unplaced`, for the file at ``path`` now."""
    where, reason = item
    if where.startswith("\0"):
        where = str(path) + where[1:]
    return Skipped(where, reason)


def _analyse_corpus(reader: Corpus, cache: BuildCache, options: Options, result: BuildResult,
                    *, progress: bool, n_process: int, batch_size: int
                    ) -> tuple[list[ArticleAnalysis], list[Skipped], list[Skipped]]:
    """Every readable article's analysis, in corpus order, with what was skipped and noted.

    A file unchanged since the last build comes from its cached record in one read.
    The other files are read first, so that their new articles are with the workers
    while the records load; each of their articles comes from the article cache or is
    analysed.
    """
    batch_size = max(1, batch_size)
    workers = _workers(n_process)
    runner = _Runner(options, workers, batch_size, pool_threshold=4 * batch_size)
    idx: list[tuple[_FileWork, int]] = []
    jobs: list[Job] = []
    failed: list[Skipped] = []

    def settle(done: Iterator[tuple[list[tuple[_FileWork, int]], list[Job], list[Outcome]]]
               ) -> None:
        for d_idx, d_jobs, outcomes in done:
            rows = []
            for (work, i), job, (nlp_json, ana_json, error) in zip(d_idx, d_jobs, outcomes,
                                                                   strict=True):
                if ana_json is None:
                    failed.append(Skipped(work.stubs[i][0], error))
                    work.complete = False
                else:
                    work.slots[i] = analysis_from_json(_NO_META, ana_json)
                rows.append((job[0], nlp_json, ana_json))
                if job[2] is None:
                    result.analysed += 1
                else:
                    result.reanalysed += 1
            cache.put_many(rows)  # one commit per chunk
            bar.advance(task, len(d_idx))

    def read(work: _FileWork) -> None:
        nonlocal idx, jobs
        n_skipped, n_notes = len(reader.skipped), len(reader.notes)
        for article in work.articles:
            i = len(work.stubs)
            key = text_key(article.text)
            work.stubs.append((article.id, article.title, article.date, article.source,
                               article.url, key, article.date_inferred))
            work.slots.append(None)
            data = cache.get_analysis(key)
            if data is not None:
                work.slots[i] = analysis_from_json(_NO_META, data)
                result.reused += 1
                bar.advance(task)
                continue
            nlp = cache.get_nlp(key)
            idx.append((work, i))
            jobs.append((key, article.text, nlp.to_json() if nlp is not None else None))
            if len(jobs) >= batch_size:
                settle(runner.submit(idx, jobs))  # type: ignore[arg-type]
                idx, jobs = [], []
        work.skipped = reader.skipped[n_skipped:]
        work.notes = reader.notes[n_notes:]

    files: list[_FileWork] = []
    for path, rel, articles in reader.iter_files():
        key = corpus_file_key(path, rel, max_bytes=reader.max_bytes,
                              max_chars=reader.max_chars)
        files.append(_FileWork(path, rel, articles, key,
                               key is not None and cache.has_file(key)))
    walk_problems = list(reader.skipped)
    fresh = 0
    for work in files:
        if not work.stored:
            with contextlib.suppress(OSError):
                fresh += work.path.stat().st_size
    if fresh >= _WARM_UP_BYTES:  # likely new articles enough for the pool
        runner.warm_up()
    total = reader.estimate()
    try:
        with _progress(total, progress) as bar:
            task = bar.add_task("Analysing", total=total)
            if fresh >= _WARM_UP_BYTES and any(w.stored for w in files):
                runner.hold = 64 * batch_size  # load the records before waiting on the pool
            for work in files:
                if not work.stored:
                    read(work)
            if jobs:
                settle(runner.submit(idx, jobs))  # type: ignore[arg-type]
                idx, jobs = [], []
            for work in files:
                if work.stored:
                    record = cache.get_file(work.key)  # type: ignore[arg-type]
                    if record is None:  # damaged: read the file after all
                        work.stored = False
                        read(work)
                        continue
                    work.stubs, work.slots = record.stubs, list(record.analyses)
                    work.skipped = [_placed(x, work.path) for x in record.skipped]
                    work.notes = [_placed(x, work.path) for x in record.notes]
                    result.reused += len(work.stubs)
                    bar.advance(task, len(work.stubs))
            settle(runner.release())  # type: ignore[arg-type]
            if jobs:
                settle(runner.submit(idx, jobs))  # type: ignore[arg-type]
            settle(runner.finish())  # type: ignore[arg-type]
            count = sum(len(w.stubs) for w in files)
            bar.update(task, total=count, completed=count)
    finally:
        runner.close()
    result.workers = workers if runner.used_pool else 1
    cache.put_files(
        (w.key, FileRecord(w.stubs, w.slots,  # type: ignore[arg-type]
                           [_unplaced(x, w.path) for x in w.skipped],
                           [_unplaced(x, w.path) for x in w.notes]))
        for w in files if w.key is not None and not w.stored and w.complete)
    cache.keep_files(w.key for w in files if w.key is not None)

    analyses: list[ArticleAnalysis] = []
    skipped, notes, renamed = walk_problems, [], []
    used: set[str] = set()
    for work in files:
        skipped.extend(work.skipped)
        notes.extend(work.notes)
        for (ident, title, date, source, url, _, inferred), analysis in zip(
                work.stubs, work.slots, strict=True):
            ident = reader.unique_id(ident, used, renamed)
            if analysis is not None:
                analysis.meta = ArticleMeta(ident, title, date, source, url, inferred)
                analyses.append(analysis)
    skipped.extend(failed)
    return analyses, skipped, notes + renamed


def build_corpus(
    corpus: str | os.PathLike[str] | None = None,
    out: str | os.PathLike[str] = "output",
    *,
    window: str = "article",
    aliases: str | os.PathLike[str] | None = None,
    capitals: bool = True,
    max_nodes: int = 500,
    progress: bool = False,
    n_process: int = 0,
    batch_size: int = 32,
    since: str | None = None,
    until: str | None = None,
) -> BuildResult:
    """Build the actor graph of ``corpus`` (None: the bundled sample) into ``out``.

    ``n_process`` worker processes run spaCy and extraction (0: one per core, at most
    two; they start only once a few chunks of new articles are waiting). ``batch_size``
    articles make a chunk, the unit of work and of cache commits. Raises
    :class:`OutputError` when ``out`` cannot be written or another build holds it, and
    :class:`BuildInterrupted` on Ctrl-C (the finished chunks stay in the cache).

    ``since`` and ``until`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, inclusive) keep only
    the articles dated in that range (undated ones are left out); every article is still
    read and analysed (and cached), only the graph is made of the range.
    """
    from graph.html import render_html
    from graph.readwrite._common import layout, viz_attributes
    from graph.readwrite.graphml import write as write_graphml
    from graph.timeline import date_filter
    from graph.timeline import stamp as stamp_months

    t0 = time.perf_counter()
    out = Path(out)
    in_range = date_filter(since, until)  # a bad date fails before any long work
    reader = Corpus(corpus)
    overrides = None
    if aliases is not None:  # a malformed file fails before any long work
        from pipelines.resolution.aliases import load_overrides

        overrides = load_overrides(aliases)
    _prepare_out(out)
    options = Options(capitals=capitals)
    result = BuildResult(out=out)

    with BuildLock(out):
        _remove_stale_temporaries(out)
        with BuildCache(out / CACHE_NAME, fingerprint=analysis_fingerprint(options)) as cache:
            if cache.note:
                result.notes.append(Skipped(str(out / CACHE_NAME), cache.note))
            try:
                analyses, skipped, notes = _analyse_corpus(
                    reader, cache, options, result, progress=progress, n_process=n_process,
                    batch_size=batch_size)
            except KeyboardInterrupt:
                raise BuildInterrupted(
                    f"build interrupted; the articles analysed so far are cached in "
                    f"{out / CACHE_NAME}: run the same command again to resume") from None
            cache.prune()
        t1 = time.perf_counter()
        result.timings["analyse"] = t1 - t0
        if in_range is not None:
            kept = [a for a in analyses if in_range(a.meta.date)]
            result.out_of_range = len(analyses) - len(kept)
            analyses = kept
        result.articles = len(analyses)
        result.undated = sum(1 for a in analyses if not a.meta.date)
        result.inferred = sum(1 for a in analyses if a.meta.date_inferred)
        result.skipped.extend(skipped)
        result.notes.extend(notes)

        # the corpus-level pass makes millions of objects and no garbage cycles:
        # the collector would only rescan them (2 s on OrangeSum)
        with _gc_paused():
            interaction_rows = [a.interactions for a in analyses]
            docs, entities = Resolver().resolve(analyses)
            del analyses
            if overrides is not None:
                from pipelines.resolution.aliases import apply_overrides

                docs, entities = apply_overrides(docs, entities, overrides)
            relations = relations_of(docs, interaction_rows, entities)
            del interaction_rows
            t2 = time.perf_counter()
            result.timings["resolve"] = t2 - t1

            # The other core writes each file that does not need what is left to do:
            # mentions.csv while the graph is built, then, one after the other, Gephi's
            # layout (only needed for the node rows, which the GraphML writer fills in
            # last) and the page. (One process at a time: two would slow the main one.)
            pending: list[Callable[[], object]] = []
            try:
                mentions = in_background(
                    lambda: write_mentions(out / "mentions.csv", docs, entities))
                pending.append(mentions)
                title = "actorgraph — " + (Path(corpus).name if corpus else "sample corpus")
                g = build_graph(docs, entities, window=window,
                                title=title)  # type: ignore[arg-type]
                g.graph["articles"] = result.articles
                add_interactions(g, relations)
                result.relations = write_relations(out / "relations.csv", relations)
                stamp_months(g)
                result.graph = g
                result.actors = Counter(d["type"] for _, d in g.nodes(data=True))
                result.edges = g.number_of_edges()
                t3 = time.perf_counter()
                result.timings["graph"] = t3 - t2

                # each file is written to a temporary file, then renamed
                def layout_then_page() -> tuple[dict[Any, tuple], Path | Exception]:
                    positions = layout(g)
                    try:
                        return positions, render_html(g, out / "graph.html",
                                                      max_nodes=max_nodes).path
                    except Exception as exc:  # noqa: BLE001 - raised after the GraphML
                        return positions, exc

                other = in_background(layout_then_page)
                pending.append(other)
                result.files["graphml"] = write_graphml(
                    g, out / "graph.graphml", viz=lambda: viz_attributes(g, other()[0]))
                result.mentions = mentions()
                page = other()[1]
                if isinstance(page, Exception):
                    raise page
                result.files["html"] = page
                result.files["mentions"] = out / "mentions.csv"
                result.files["relations"] = out / "relations.csv"
                result.files["cache"] = out / CACHE_NAME
                result.seconds = time.perf_counter() - t0
                result.timings["write"] = time.perf_counter() - t3
                with atomic_open(out / "report.json", "w", encoding="utf-8") as fh:
                    json.dump(result.report(), fh, ensure_ascii=False, indent=1)
                result.files["report"] = out / "report.json"
            except OSError as exc:
                raise OutputError(
                    f"cannot write into the output folder {out}: {exc.strerror or exc} "
                    f"(files already written are complete; the cache is kept)") from exc
            finally:  # no child left behind, whatever happened
                for waiting in pending:
                    with contextlib.suppress(BaseException):
                        waiting()
    return result
