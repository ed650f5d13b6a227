"""The end-to-end build: corpus -> spaCy -> resolution -> graph -> files.

:func:`build_corpus` is what ``actorgraph build`` calls. It writes into the output
folder ``graph.html``, ``graph.graphml``, ``mentions.csv`` and ``report.json`` (every
file atomically) and returns a :class:`BuildResult` whose :meth:`~BuildResult.summary`
the CLI prints.
"""

from __future__ import annotations

import csv
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from graph.atomic import atomic_open
from graph.build import ArticleMentions, ArticleMeta, EntityInfo, build_graph
from graph.schema import ACTOR_TYPES

from .corpus import Article, Corpus, Skipped
from .errors import OutputError
from .extract import Options
from .nlp import analyse
from .resolve import ArticleAnalysis, Resolver, analyse_article

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
    files: dict[str, Path] = field(default_factory=dict)
    seconds: float = 0.0
    graph: nx.Graph | None = field(default=None, repr=False)

    def summary(self) -> str:
        """A short human summary for the terminal."""
        lines = [f"Read {self.articles} article(s) in {self.seconds:.1f} s"
                 + (f"; skipped {len(self.skipped)}:" if self.skipped else ".")]
        for s in self.skipped[:10]:
            lines.append(f"  - {s.where}: {s.reason}")
        if len(self.skipped) > 10:
            lines.append(f"  … and {len(self.skipped) - 10} more (see report.json)")
        by_type = ", ".join(f"{self.actors[t]} {t}" for t in ACTOR_TYPES if self.actors[t])
        total = sum(self.actors[t] for t in ACTOR_TYPES)
        lines.append(f"Actors: {total} ({by_type or 'none'}); edges: {self.edges}; "
                     f"mentions: {self.mentions}.")
        for name, path in self.files.items():
            lines.append(f"  {name:<9} {path}")
        return "\n".join(lines)

    def report(self) -> dict[str, object]:
        return {
            "articles": self.articles,
            "skipped": [{"where": s.where, "reason": s.reason} for s in self.skipped],
            "notes": [{"where": s.where, "reason": s.reason} for s in self.notes],
            "actors": {t: self.actors[t] for t in ACTOR_TYPES},
            "edges": self.edges,
            "mentions": self.mentions,
            "seconds": round(self.seconds, 2),
            "files": {k: str(v) for k, v in self.files.items()},
        }


def _meta(article: Article) -> ArticleMeta:
    return ArticleMeta(article.id, article.title, article.date, article.source, article.url)


def _prepare_out(out: Path) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the output folder {out}: {exc.strerror}") from exc
    if not out.is_dir():
        raise OutputError(f"the output path {out} is not a folder")
    if not os.access(out, os.W_OK | os.X_OK):
        raise OutputError(f"the output folder {out} is not writable")


def write_mentions(path: Path, docs: list[ArticleMentions],
                   entities: dict[str, EntityInfo]) -> int:
    """Write ``mentions.csv``: one row per resolved mention (actors and non-actors)."""
    count = 0
    with atomic_open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(MENTION_COLUMNS)
        for doc in docs:
            for m in doc.mentions:
                info = entities.get(m.entity)
                writer.writerow([m.article, m.entity, m.label, m.type, m.text, m.start, m.end,
                                 m.sentence, info.role if info else "",
                                 info.affiliation if info else ""])
                count += 1
    return count


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


def build_corpus(
    corpus: str | os.PathLike[str] | None = None,
    out: str | os.PathLike[str] = "output",
    *,
    window: str = "article",
    aliases: str | os.PathLike[str] | None = None,
    capitals: bool = True,
    max_nodes: int = 500,
    progress: bool = False,
    n_process: int = 1,
    batch_size: int = 32,
) -> BuildResult:
    """Build the actor graph of ``corpus`` (None: the bundled sample) into ``out``."""
    from graph.html import render_html
    from graph.readwrite import write as write_graph

    t0 = time.perf_counter()
    out = Path(out)
    reader = Corpus(corpus)
    _prepare_out(out)
    options = Options(capitals=capitals)
    result = BuildResult(out=out)

    metas: list[ArticleMeta] = []
    texts: list[str] = []

    def stream() -> Iterator[str]:
        for article in reader:
            metas.append(_meta(article))
            texts.append(article.text)
            yield article.text

    analyses: list[ArticleAnalysis] = []
    with _progress(reader.estimate(), progress) as bar:
        task = bar.add_task("Reading", total=reader.estimate())
        for i, nlp_result in enumerate(analyse(stream(), batch_size=batch_size,
                                               n_process=n_process)):
            analyses.append(analyse_article(metas[i], texts[i], nlp_result, options))
            texts[i] = ""
            bar.advance(task)
    result.articles = len(analyses)
    result.skipped = list(reader.skipped)
    result.notes = list(getattr(reader, "notes", []))

    docs, entities = Resolver().resolve(analyses)
    if aliases is not None:
        from .aliases import apply_overrides, load_overrides

        docs, entities = apply_overrides(docs, entities, load_overrides(aliases))

    title = "actorgraph — " + (Path(corpus).name if corpus else "sample corpus")
    g = build_graph(docs, entities, window=window, title=title)  # type: ignore[arg-type]
    g.graph["articles"] = result.articles
    result.graph = g
    result.actors = Counter(d["type"] for _, d in g.nodes(data=True))
    result.edges = g.number_of_edges()

    result.mentions = write_mentions(out / "mentions.csv", docs, entities)
    result.files["mentions"] = out / "mentions.csv"
    result.files["graphml"] = write_graph(g, out / "graph.graphml")
    result.files["html"] = render_html(g, out / "graph.html", max_nodes=max_nodes).path
    result.seconds = time.perf_counter() - t0
    with atomic_open(out / "report.json", "w", encoding="utf-8") as fh:
        json.dump(result.report(), fh, ensure_ascii=False, indent=1)
    result.files["report"] = out / "report.json"
    return result
