"""What a build writes besides the graph: checks on the output folder, ``mentions.csv``
(:mod:`pipelines.build.mentions_csv`), ``relations.csv``, and the report
(:class:`BuildResult`, ``report.json``).

Every file is written atomically (:func:`graph.atomic.atomic_open`): a temporary file,
renamed into place once complete.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from graph.atomic import atomic_open
from graph.interactions import InteractionRow
from graph.readwrite.csvsafe import guard_row
from graph.records import ArticleMentions, EntityInfo
from graph.schema import ACTOR_TYPES
from pipelines.build.mentions_csv import MENTION_COLUMNS, write_mentions  # noqa: F401
from pipelines.display import shown
from pipelines.errors import OutputError
from pipelines.readers.corpus import Skipped
from pipelines.readers.problems import more_count


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
    #: What the analyst should look at: aliases rules that matched nothing, merges of
    #: actors of different types (see :mod:`pipelines.resolution.aliases`).
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """A short human summary for the terminal."""
        skipped = sum(map(more_count, self.skipped))  # summary entries count many
        lines = [f"Read {self.articles} article(s) in {self.seconds:.1f} s"
                 + (f"; skipped {skipped:,}:" if self.skipped else ".")]
        for s in self.skipped[:10]:  # names from the corpus: never raw control characters
            lines.append(f"  - {shown(s.where)}: {shown(s.reason)}")
        if len(self.skipped) > 10:
            rest = skipped - sum(map(more_count, self.skipped[:10]))
            lines.append(f"  … and {rest:,} more (see report.json)")
        lines.append(self._dates_line())
        for warning in self.warnings[:20]:
            lines.append(f"Warning: {shown(warning)}")
        if len(self.warnings) > 20:
            lines.append(f"  … and {len(self.warnings) - 20} more warnings (see report.json)")
        lines.append(f"Cache: {self.reused} article(s) reused, {self.reanalysed} re-analysed "
                     f"from cached spaCy output, {self.analysed} run through spaCy.")
        by_type = ", ".join(f"{self.actors[t]} {t}" for t in ACTOR_TYPES if self.actors[t])
        total = sum(self.actors[t] for t in ACTOR_TYPES)
        lines.append(f"Actors: {total} ({by_type or 'none'}); edges: {self.edges}; "
                     f"mentions: {self.mentions}.")
        for name, path in self.files.items():
            lines.append(f"  {name:<9} {shown(path)}")
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
            "warnings": list(self.warnings),
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


def prepare_out(out: Path) -> None:
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


def remove_stale_temporaries(out: Path) -> None:
    """Delete the temporary files a killed build left behind (``.graph.html.*.tmp``).

    Called under the lock, so no live build is writing them.
    """
    for name in OUTPUT_NAMES:
        for tmp in out.glob(f".{name}.*.tmp"):
            try:
                tmp.unlink()
            except OSError:
                pass


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


def write_relations(path: Path, relations: list[InteractionRow], *, raw: bool = False
                    ) -> int:
    """Write ``relations.csv``: one row per interaction (the format of
    ``score_relations.py``: entity ids as in ``mentions.csv``; cells guarded as in
    :func:`write_mentions` unless ``raw``)."""
    rows = ((r.article, r.sentence, r.source, r.target, r.kind, r.event,
             "true" if r.directed else "false", r.trigger, r.text, r.start, r.end)
            for r in relations)
    with atomic_open(path, "w", encoding="utf-8", newline="", errors="backslashreplace") as fh:
        writer = csv.writer(fh)
        writer.writerow(RELATION_COLUMNS)
        writer.writerows(rows if raw else map(guard_row, rows))
    return len(relations)


def write_report(path: Path, result: BuildResult) -> Path:
    """Write ``report.json``: :meth:`BuildResult.report`."""
    # a lone surrogate (an undecodable file name) is written as JSON's own \udce9 escape
    with atomic_open(path, "w", encoding="utf-8", errors="backslashreplace") as fh:
        json.dump(result.report(), fh, ensure_ascii=False, indent=1)
    return path
