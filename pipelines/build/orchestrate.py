"""The end-to-end build: corpus -> spaCy -> resolution -> graph -> files.

:func:`build_corpus` is what ``actorgraph build`` calls. It writes into the output
folder ``graph.html``, ``graph.graphml``, ``mentions.csv``, ``relations.csv`` (the
interactions, see :mod:`pipelines.interactions`) and ``report.json`` (every file
atomically, see :mod:`pipelines.build.outputs`) and returns a
:class:`~pipelines.build.outputs.BuildResult` whose
:meth:`~pipelines.build.outputs.BuildResult.summary` the CLI prints.

How it scales:

* The corpus is streamed; each article's text is dropped once it is analysed, and of its
  sentences only those naming two or more candidates are kept (the graph's evidence).
* Per-article work (:func:`pipelines.nlp.chunk.process_chunk`: spaCy, ``senter`` +
  ``ner`` only, :func:`~pipelines.nlp.analysis.analyse_article`, a pure function, and the
  interactions) runs in chunks on an engine (:mod:`pipelines.engines`): by default
  :class:`~pipelines.engines.local.LocalEngine`, a pool of worker processes (one per
  core, each with one BLAS/OpenMP thread) once enough new articles have been seen.
* Each chunk's results are committed to ``cache.sqlite`` in the output folder
  (:mod:`pipelines.build.cache`): an interrupted build resumes where it stopped, an unchanged
  article is never analysed twice, and a gazetteer change re-analyses without spaCy.
* A corpus file unchanged since the last build (same bytes) is not read again: its
  articles' metadata come from its record in the cache in one read, their analyses from
  the article cache by text key, and the files that changed are read first, so that
  their new articles are with the workers while the records load.
* Only the corpus-level pass (:class:`Resolver`, overrides, the graph) sees every
  article; it runs in the main process on the compact analyses: their strings and ints
  decoded once per distinct value (:class:`~pipelines.build.cache.Shared`), their
  sentences spilled to a temporary file (:class:`graph.columns.SentenceStore`), the resolved
  mentions held column by column (:class:`graph.columns.MentionTable`), and the
  articles let go once the graph is built. At the end, ``mentions.csv`` is written
  from the mention columns alone (:mod:`pipelines.build.mentions_csv`), on a big corpus
  by a new process sent only those (:mod:`pipelines.build.background`; a fork would
  share the whole heap copy-on-write, and reference counts copy every page touched),
  while the main one builds the graph and writes the page, then the GraphML and its
  sidecar, whose edge rows go to disk a chunk at a time. ``benchmarks/archive_scale.py``
  measures the memory as the corpus grows.
* A lock (:mod:`pipelines.build.lock`) keeps a second build out of the same output folder.
* Progress goes to the :class:`~pipelines.progress.Progress` reporter the caller passes.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from graph.association import add_association
from graph.build import build_graph
from graph.columns import SentenceStore
from graph.errors import ActorGraphError
from graph.gc_pause import gc_paused
from graph.interactions import InteractionRow, add_interactions
from graph.records import ArticleMentions, ArticleMeta, EntityInfo
from pipelines.build import generation
from pipelines.build.background import in_new_process
from pipelines.build.cache import (
    CACHE_NAME,
    BuildCache,
    FileRecord,
    Shared,
    Stub,
    analysis_fingerprint,
    corpus_file_key,
    decode_analysis,
    text_key,
)
from pipelines.build.lock import BuildLock
from pipelines.build.mentions_csv import MentionsJob, Part, mention_job, write_job
from pipelines.build.outputs import (
    BuildResult,
    OutputError,
    prepare_out,
    relations_of,
    remove_stale_temporaries,
    write_relations,
    write_report,
)
from pipelines.engines import Done, Engine, Job
from pipelines.nlp.analysis import ArticleAnalysis
from pipelines.nlp.extract import Options
from pipelines.progress import NoProgress, Progress
from pipelines.readers.corpus import Article, Corpus, Skipped
from pipelines.readers.problems import ProblemList
from pipelines.resolution.resolve import Resolver

__all__ = ["BuildInterrupted", "BuildResult", "build_corpus"]


class BuildInterrupted(ActorGraphError):
    """The build was interrupted (Ctrl-C); what was analysed is in the cache."""


#: Changed corpus files this big start loading the workers' model at once.
_WARM_UP_BYTES = 512 * 1024
#: Articles of a corpus file looked up in the article cache at once (one query).
_LOOKUP_BATCH = 256

_NO_META = ArticleMeta("")


@dataclass
class _FileWork:
    """One corpus file on its way through :class:`_CorpusPass`."""

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


def _packed(analysis: ArticleAnalysis, store: SentenceStore) -> ArticleAnalysis:
    """``analysis`` with its sentences spilled to ``store`` (see
    :class:`graph.columns.SentenceStore`) as soon as it is decoded: a big corpus's
    analyses wait for the corpus-level pass, and their sentences, kept as strings, are
    half of their memory."""
    if isinstance(analysis.sentences, list):
        try:
            analysis.sentences = store.pack(analysis.sentences)  # type: ignore[assignment]
        except OSError as exc:  # a full disk, most likely
            raise OutputError(
                f"cannot write the build's temporary sentence file into the output folder: "
                f"{exc.strerror or exc} (what was analysed is in the cache)") from exc
    return analysis


class _Chunks:
    """Cuts the articles to analyse into chunks for the engine, and settles the finished
    chunks: analyses into their files' slots, results into the cache (one commit per
    chunk), counts into the result, progress to the reporter.

    While :attr:`hold` is set, chunks wait here (up to that many articles) instead of
    going to the engine, which may block (the local pool's start waits for the model).
    """

    def __init__(self, engine: Engine, cache: BuildCache, result: BuildResult,
                 progress: Progress, batch_size: int) -> None:
        self.engine, self.cache, self.result = engine, cache, result
        self.progress, self.batch_size = progress, batch_size
        self.tags: list[tuple[_FileWork, int]] = []
        self.jobs: list[Job] = []
        self.held: list[tuple[list[tuple[_FileWork, int]], list[Job]]] = []
        self.hold = 0
        self.failed: list[tuple[_FileWork, int, Skipped]] = []
        self.shared = Shared()  # one object per distinct string or int of the candidates
        self.store: SentenceStore | None = None  # where the sentences go (set by the pass)
        #: Called before the first article is queued (see :meth:`Engine.start`).
        self.warm: Callable[[], None] | None = None

    def add(self, work: _FileWork, i: int, job: Job) -> None:
        """Queue article ``i`` of ``work``; a full chunk goes to the engine."""
        if self.warm is not None:  # the first article to analyse
            self.warm()
            self.warm = None
        self.tags.append((work, i))
        self.jobs.append(job)
        if len(self.jobs) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        """Hand the chunk being filled to the engine (or hold it)."""
        if self.jobs:
            tags, jobs = self.tags, self.jobs
            self.tags, self.jobs = [], []
            if self.hold:
                self.held.append((tags, jobs))
                if sum(len(j) for _, j in self.held) < self.hold:
                    return
                self.release()
            else:
                self._settle(self.engine.submit(tags, jobs))

    def release(self) -> None:
        """Stop holding chunks back: hand the held ones to the engine."""
        self.hold = 0
        held, self.held = self.held, []
        for tags, jobs in held:
            self._settle(self.engine.submit(tags, jobs))

    def finish(self) -> None:
        """Hand everything over and settle every chunk."""
        self.flush()
        self.release()
        self._settle(self.engine.finish())

    def _settle(self, done: Iterable[Done]) -> None:
        result = self.result
        for tags, jobs, outcomes in done:
            rows = []
            for (work, i), job, (nlp_json, ana_json, error) in zip(tags, jobs, outcomes,
                                                                   strict=True):
                if ana_json is None:
                    self.failed.append((work, i, Skipped(work.stubs[i][0], error)))
                    work.complete = False
                else:
                    work.slots[i] = _packed(decode_analysis(_NO_META, ana_json, self.shared),
                                            self.store)  # type: ignore[arg-type]
                rows.append((job[0], nlp_json, ana_json))
                if job[2] is None:
                    result.analysed += 1
                else:
                    result.reanalysed += 1
            self.cache.put_many(rows)  # one commit per chunk
            self.progress.advance(len(tags))


class _CorpusPass:
    """Every readable article's analysis, in corpus order, with what was skipped and noted.

    A file unchanged since the last build comes from its cached record in one read.
    The other files are read first, so that their new articles are with the workers
    while the records load; each of their articles comes from the article cache or is
    analysed.
    """

    def __init__(self, reader: Corpus, cache: BuildCache, result: BuildResult,
                 progress: Progress) -> None:
        self.reader, self.cache, self.result, self.progress = reader, cache, result, progress
        self.shared = Shared()  # one object per distinct string or int of the candidates
        # the analyses' sentences, spilled beside the cache (a file deleted on creation)
        self.store = SentenceStore(cache.path.parent)

    def run(self, engine: Engine, options: Options, batch_size: int
            ) -> tuple[list[ArticleAnalysis], list[Skipped], list[Skipped]]:
        reader, cache = self.reader, self.cache
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
        chunks = _Chunks(engine, cache, self.result, self.progress, batch_size)
        chunks.shared, chunks.store = self.shared, self.store
        try:
            engine.start(options, batch_size)
            if fresh >= _WARM_UP_BYTES:
                # likely new articles enough for the workers: have them load the model as
                # soon as the first one turns up (not before: when the changed files'
                # articles are all in the cache, an idle model would only take memory)
                chunks.warm = lambda: engine.start(options, batch_size, expect_work=True)
            self.progress.start(reader.estimate(), "Analysing")
            if fresh >= _WARM_UP_BYTES and any(w.stored for w in files):
                chunks.hold = 64 * batch_size  # load the records before waiting on the pool
            # every decoded analysis stays alive until the corpus-level pass: millions of
            # new containers and no cycles, which the collector would rescan again and
            # again as the heap grows (cyclic garbage of the engine is left to the next
            # collection after the build, which pauses it too: see build_corpus)
            with gc_paused():
                for work in files:
                    if not work.stored:
                        self._read(work, chunks)
                chunks.flush()
                for work in files:
                    if work.stored:
                        self._load(work, chunks)
                chunks.finish()
            self.progress.phase("Resolving")
        finally:
            engine.close()
        self.result.workers = engine.workers
        # a record keeps its articles' text keys, not their analyses (in the analysis
        # table already): storing one costs nothing however big the file
        cache.put_files(
            (w.key, FileRecord(w.stubs, [], [_unplaced(x, w.path) for x in w.skipped],
                               [_unplaced(x, w.path) for x in w.notes]))
            for w in files if w.key is not None and not w.stored and w.complete)
        cache.keep_files(w.key for w in files if w.key is not None)
        with gc_paused():  # a metadata record per article while every analysis is alive
            analyses, skipped, notes = self._gather(files)
        order = {id(w): k for k, w in enumerate(files)}  # chunks may finish in any order
        failed = [s for _, _, s in sorted(chunks.failed, key=lambda f: (order[id(f[0])], f[1]))]
        return analyses, walk_problems + skipped + failed, notes

    def _read(self, work: _FileWork, chunks: _Chunks) -> None:
        """Read a corpus file: each article from the article cache (looked up
        :data:`_LOOKUP_BATCH` articles a query), or queued."""
        reader = self.reader
        n_skipped, n_notes = len(reader.skipped), len(reader.notes)
        batch: list[tuple[int, str, str]] = []  # (slot, text key, text)
        for article in work.articles:
            i = len(work.stubs)
            key = text_key(article.text)
            work.stubs.append((article.id, article.title, article.date, article.source,
                               article.url, key, article.date_inferred))
            work.slots.append(None)
            batch.append((i, key, article.text))
            if len(batch) >= _LOOKUP_BATCH:
                self._look_up(work, batch, chunks)
                batch = []
        self._look_up(work, batch, chunks)
        work.skipped = reader.skipped[n_skipped:]
        work.notes = reader.notes[n_notes:]

    def _look_up(self, work: _FileWork, batch: list[tuple[int, str, str]],
                 chunks: _Chunks) -> None:
        """Fill the slots of ``batch`` from the article cache; queue the others."""
        if not batch:
            return
        cache = self.cache
        found = cache.get_analyses([key for _, key, _ in batch], shared=self.shared)
        for (i, key, text), cached in zip(batch, found, strict=True):
            if cached is not None:
                work.slots[i] = _packed(cached, self.store)
                self.result.reused += 1
                self.progress.advance(1)
                continue
            nlp = cache.get_nlp(key)
            chunks.add(work, i, (key, text, nlp.to_json() if nlp is not None else None))

    def _load(self, work: _FileWork, chunks: _Chunks) -> None:
        """Take an unchanged file from its cached record (read it if the record is damaged)."""
        record = self.cache.get_file(work.key, self.shared)  # type: ignore[arg-type]
        if record is None:  # damaged: read the file after all
            work.stored = False
            self._read(work, chunks)
            return
        work.stubs, work.slots = record.stubs, [_packed(a, self.store) for a in record.analyses]
        work.skipped = [_placed(x, work.path) for x in record.skipped]
        work.notes = [_placed(x, work.path) for x in record.notes]
        self.result.reused += len(work.stubs)
        self.progress.advance(len(work.stubs))

    def _gather(self, files: list[_FileWork]
                ) -> tuple[list[ArticleAnalysis], list[Skipped], list[Skipped]]:
        """The analyses in corpus order, with unique ids and their metadata."""
        analyses: list[ArticleAnalysis] = []
        skipped: list[Skipped] = []
        notes: list[Skipped] = []
        renamed: list[Skipped] = ProblemList()  # bounded: one group for the corpus
        used: set[str] = set()
        for work in files:
            skipped.extend(work.skipped)
            notes.extend(work.notes)
            for (ident, title, date, source, url, _, inferred), analysis in zip(
                    work.stubs, work.slots, strict=True):
                ident = self.reader.unique_id(ident, used, renamed)
                if analysis is not None:
                    analysis.meta = ArticleMeta(ident, title, date, source, url, inferred)
                    analyses.append(analysis)
            work.stubs, work.slots = [], []  # the text keys go now
        return analyses, skipped, notes + renamed


def build_corpus(
    corpus: str | os.PathLike[str] | None = None,
    out: str | os.PathLike[str] = "output",
    *,
    window: str = "article",
    aliases: str | os.PathLike[str] | None = None,
    capitals: bool = True,
    max_nodes: int = 500,
    progress: Progress | bool | None = None,
    n_process: int = 0,
    batch_size: int = 32,
    since: str | None = None,
    until: str | None = None,
    engine: Engine | None = None,
    raw_csv: bool = False,
    max_entries: int | None = None,
) -> BuildResult:
    """Build the actor graph of ``corpus`` (None: the bundled sample) into ``out``.

    ``engine`` runs spaCy and extraction (:mod:`pipelines.engines`; None: a
    :class:`~pipelines.engines.local.LocalEngine` of ``n_process`` worker processes, 0:
    one per core, at most two; they start only once a few chunks of new articles are
    waiting). ``batch_size`` articles make a chunk, the unit of work and of cache
    commits. ``progress`` receives the progress (:class:`~pipelines.progress.Progress`;
    None: nothing; ``True``: a rich bar on stderr). Raises :class:`OutputError` when
    ``out`` cannot be written or another build holds it, and :class:`BuildInterrupted`
    on Ctrl-C (the finished chunks stay in the cache).

    ``since`` and ``until`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, inclusive) keep only
    the articles dated in that range (undated ones are left out); every article is still
    read and analysed (and cached), only the graph is made of the range.

    Text cells of ``mentions.csv`` and ``relations.csv`` that a spreadsheet could take for
    a formula get a leading ``'`` (:mod:`graph.readwrite.csvsafe`) unless ``raw_csv``.
    ``max_entries`` raises the cap on the files and folders a corpus folder may hold
    (:data:`~pipelines.readers.corpus.MAX_WALK_ENTRIES`).
    """
    from graph.timeline import date_filter

    t0 = time.perf_counter()
    out = Path(out)
    in_range = date_filter(since, until)  # a bad date fails before any long work
    # the output folder (and any other build's) is never read back as articles
    reader = Corpus(corpus, exclude=(out,), **({} if max_entries is None
                                               else {"max_entries": max_entries}))
    overrides = None
    if aliases is not None:  # a malformed file fails before any long work
        from pipelines.resolution.aliases import load_overrides

        overrides = load_overrides(aliases)
    prepare_out(out)
    options = Options(capitals=capitals)
    result = BuildResult(out=out)
    if engine is None:
        from pipelines.engines.local import LocalEngine

        engine = LocalEngine(n_process)
    reporter = _reporter(progress)

    try:
        # the build makes millions of objects and no garbage cycles, most of them alive to
        # the end: the collector would only rescan them, and each time it is switched on
        # again it walks every object made while it was off (a second at 3x): one pause
        with BuildLock(out), gc_paused():
            remove_stale_temporaries(out)
            analyses = _analyse(reader, out, options, result, engine, reporter,
                                max(1, batch_size))
            t1 = time.perf_counter()
            result.timings["analyse"] = t1 - t0
            if in_range is not None:
                kept = [a for a in analyses if in_range(a.meta.date)]
                result.out_of_range = len(analyses) - len(kept)
                analyses = kept
            result.articles = len(analyses)
            result.undated = sum(1 for a in analyses if not a.meta.date)
            result.inferred = sum(1 for a in analyses if a.meta.date_inferred)
            docs, entities, relations = _resolve(analyses, overrides, result)
            result.timings["resolve"] = time.perf_counter() - t1
            title = "actorgraph — " + (Path(corpus).name if corpus else "sample corpus")
            held = [docs]  # _write_outputs lets them go once the graph is built
            del docs
            _write_outputs(out, held, entities, relations, result, title=title,
                           window=window, max_nodes=max_nodes, t0=t0, progress=reporter,
                           raw_csv=raw_csv)
    finally:
        reporter.close()
    return result


def _resolve(analyses: list[ArticleAnalysis], overrides: Any, result: BuildResult
             ) -> tuple[list[ArticleMentions], dict[str, EntityInfo], list[InteractionRow]]:
    """The corpus-level pass: resolved mentions, entities and interactions (the overrides'
    problems go into ``result``). Empties ``analyses`` once resolved (their memory goes
    before the graph is built)."""
    interaction_rows = [a.interactions for a in analyses]
    docs, entities = Resolver().resolve(analyses)
    analyses.clear()
    if overrides is not None:
        from pipelines.resolution.aliases import apply_overrides

        docs, entities = apply_overrides(docs, entities, overrides)
        result.warnings.extend(overrides.problems())
    relations = relations_of(docs, interaction_rows, entities)
    return docs, entities, relations


def _reporter(progress: Progress | bool | None) -> Progress:
    if progress is True:  # the historical shorthand
        from pipelines.progress import RichProgress

        return RichProgress()
    return progress or NoProgress()


def _analyse(reader: Corpus, out: Path, options: Options, result: BuildResult,
             engine: Engine, progress: Progress, batch_size: int) -> list[ArticleAnalysis]:
    """The corpus pass under the cache; its problems go into ``result``."""
    with BuildCache(out / CACHE_NAME, fingerprint=analysis_fingerprint(options)) as cache:
        try:
            analyses, skipped, notes = _CorpusPass(reader, cache, result, progress).run(
                engine, options, batch_size)
        except KeyboardInterrupt:
            raise BuildInterrupted(
                f"build interrupted; the articles analysed so far are cached in "
                f"{out / CACHE_NAME}: run the same command again to resume") from None
        cache.prune()
        if cache.note:  # damage found on opening, reading or writing
            result.notes.append(Skipped(str(out / CACHE_NAME), cache.note))
    result.skipped.extend(skipped)
    result.notes.extend(notes)
    return analyses


#: Mentions from which ``mentions.csv`` is written by another process (fewer: here, it
#: takes less than starting one).
NEW_PROCESS_MENTIONS = 200_000


def _mentions_writer(path: Path, job: MentionsJob, parts: Iterator[Part], *, raw: bool
                     ) -> Callable[[], int]:
    """Write ``mentions.csv`` from ``job`` and its rows; return the function that waits
    for it and gives its row count."""
    if job.count >= NEW_PROCESS_MENTIONS:
        return in_new_process(partial(write_job, raw=raw), path, job, stream=parts)
    count = write_job(path, job, parts, raw=raw)
    return lambda: count


def _page_and_layout(g: Any, path: Path, max_nodes: int
                     ) -> tuple[Path | Exception, dict[Any, tuple]]:
    """Write the page (or catch why it could not be written), then lay out every actor
    from the page's places for those it shows (:func:`graph.layout.layout`)."""
    from graph.html import render_html, select_subgraph
    from graph.layout import layout

    try:
        info = render_html(g, path, max_nodes=max_nodes,
                           selection=select_subgraph(g, max_nodes=max_nodes))
    except Exception as exc:  # noqa: BLE001 - raised after the GraphML
        return exc, layout(g, {})
    return info.path, layout(g, info.positions or {})


def _write_outputs(out: Path, held: list[list[ArticleMentions]],
                   entities: dict[str, EntityInfo], relations: list[InteractionRow],
                   result: BuildResult, *, title: str, window: str, max_nodes: int,
                   t0: float, progress: Progress, raw_csv: bool = False) -> None:
    """The graph, then every file (see the module doc: two cores write at once).

    ``held`` holds the resolved articles; they are let go once the graph is built
    (``mentions.csv`` is written from what :func:`mention_job` takes of them)."""
    from graph.readwrite._common import viz_attributes
    from graph.readwrite.graphml import write as write_graphml
    from graph.timeline import stamp as stamp_months

    # mentions.csv is written from the mention columns by another process (a new one,
    # which holds only them: see pipelines.build.background) while this one builds the
    # graph and writes the other files
    t2 = time.perf_counter()
    progress.phase("Building the graph")
    pending: list[Callable[[], object]] = []
    final, out = out, generation.begin(out)  # every file into .next/, then one swap
    staged = True  # until commit() has marked the generation complete
    try:
        docs = held.pop()
        mentions = _mentions_writer(out / "mentions.csv", *mention_job(docs, entities),
                                    raw=raw_csv)
        pending.append(mentions)
        g = build_graph(docs, entities, window=window, title=title)  # type: ignore[arg-type]
        del docs
        g.graph["articles"] = result.articles
        add_interactions(g, relations)
        result.relations = write_relations(out / "relations.csv", relations, raw=raw_csv)
        stamp_months(g)
        add_association(g)  # each link's association strength (graph.association)
        result.graph = g
        result.actors = Counter(d["type"] for _, d in g.nodes(data=True))
        result.edges = g.number_of_edges()
        t3 = time.perf_counter()
        result.timings["graph"] = t3 - t2
        progress.phase("Writing")

        # each file is written to a temporary file, then renamed; the page first: the
        # GraphML's layout starts from the page's places for its actors
        page, positions = _page_and_layout(g, out / "graph.html", max_nodes)
        result.files["graphml"] = write_graphml(
            g, out / "graph.graphml", viz=lambda: viz_attributes(g, positions))
        result.mentions = mentions()  # type: ignore[assignment]
        if isinstance(page, Exception):  # raised after the GraphML, as it always was
            raise page
        result.files["html"] = page
        result.files["mentions"] = out / "mentions.csv"
        result.files["relations"] = out / "relations.csv"
        result.files["report"] = out / "report.json"
        result.files = {k: final / p.name for k, p in result.files.items()}
        result.files["cache"] = final / CACHE_NAME
        result.seconds = time.perf_counter() - t0
        result.timings["write"] = time.perf_counter() - t3
        write_report(out / "report.json", result)
        staged = False  # from here on, commit() finishes or leaves it for recover()
        generation.commit(out)
    except OSError as exc:
        raise OutputError(
            f"cannot write into the output folder {final}: {exc.strerror or exc} "
            f"(the previous outputs are kept whole; so is the cache)") from exc
    finally:  # no child left behind, whatever happened
        for waiting in pending:
            with contextlib.suppress(BaseException):
                waiting()
        if staged:  # not committed: the previous generation stays whole
            generation.abort(out)
