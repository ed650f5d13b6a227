"""``mentions.csv``: one row per resolved mention, written column by column.

A big corpus has millions of mentions, held in a :class:`~graph.columns.MentionTable`
(ids into lists of articles, entities and texts). The file is written from those
columns: each distinct article, entity and text is formatted once (quoted as :mod:`csv`
quotes it inside a row, and guarded against spreadsheet formulas unless ``raw``, see
:mod:`graph.readwrite.csvsafe`), then every row is put together from those pieces. The
bytes are exactly those :class:`csv.writer` writes row by row (which the mentions not
held in a table still get).

:func:`mention_job` takes from the resolved articles only what the file needs (the
columns, not the articles): a :class:`MentionsJob`, small to send to another process
(see :func:`pipelines.build.background.in_new_process`) and written by
:func:`write_job`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple, TextIO

from graph.atomic import atomic_open
from graph.columns import MentionSlice, MentionTable, RawColumns
from graph.readwrite.csvsafe import guard_row
from graph.records import ArticleMentions, EntityInfo

__all__ = ["MENTION_COLUMNS", "MentionsJob", "mention_job", "write_job", "write_mentions"]

MENTION_COLUMNS = ["article", "entity", "label", "type", "text", "start", "end", "sentence",
                   "role", "affiliation"]

#: One mention not held in a table: article, entity, label, type, text, start, end,
#: sentence.
PlainRow = tuple[str, str, str, str, str, int, int, int]


class MentionsJob(NamedTuple):
    """What ``mentions.csv`` is written from: the mentions in order, as stretches of a
    table's columns or lists of plain rows, and each entity's role and affiliation."""

    runs: list[RawColumns | list[PlainRow]]
    extra: dict[str, tuple[str, str]]
    count: int


def mention_job(docs: Sequence[ArticleMentions], entities: dict[str, EntityInfo]
                ) -> MentionsJob:
    """The :class:`MentionsJob` of the resolved articles ``docs``."""
    runs: list[RawColumns | list[PlainRow]] = []
    for run in _runs(docs):
        if isinstance(run, tuple):
            table, lo, hi = run
            runs.append(table.raw(lo, hi))
        else:
            runs.append([(m.article, m.entity, m.label, m.type, m.text, m.start, m.end,
                          m.sentence) for m in run])
    extra = {eid: (info.role, info.affiliation) for eid, info in entities.items()}
    return MentionsJob(runs, extra, sum(len(doc.mentions) for doc in docs))


def write_mentions(path: Path, docs: Sequence[ArticleMentions],
                   entities: dict[str, EntityInfo], *, raw: bool = False) -> int:
    """Write ``mentions.csv`` (atomically): one row per resolved mention (actors and
    non-actors); return the number of rows.

    Text cells a spreadsheet could take for a formula get a leading ``'`` unless ``raw``
    (see :mod:`graph.readwrite.csvsafe`); what cannot be encoded is backslash-escaped."""
    return write_job(path, mention_job(docs, entities), raw=raw)


def write_job(path: Path, job: MentionsJob, *, raw: bool = False) -> int:
    """Write ``mentions.csv`` from a :class:`MentionsJob` (see :func:`write_mentions`)."""
    blank = ("", "")
    extra = job.extra
    tables: dict[int, _TableCells] = {}
    with atomic_open(path, "w", encoding="utf-8", newline="", errors="backslashreplace") as fh:
        writer = csv.writer(fh)
        writer.writerow(MENTION_COLUMNS)
        for run in job.runs:
            if isinstance(run, RawColumns):  # a stretch of a table: column by column
                cells = tables.get(id(run.refs))  # one table, one list of entities
                if cells is None:
                    cells = tables[id(run.refs)] = _TableCells(run, extra, raw)
                cells.write(fh, run)
                continue
            rows = [(*row, *extra.get(row[1], blank)) for row in run]
            writer.writerows(rows if raw else map(guard_row, rows))
    return job.count


def _runs(docs: Sequence[ArticleMentions]
          ) -> Iterator[tuple[MentionTable, int, int] | Sequence]:
    """The articles' mentions in order: consecutive slices of one table as one
    ``(table, lo, hi)``, any other article's as its sequence of mentions."""
    table: MentionTable | None = None
    lo = hi = 0
    for doc in docs:
        mentions = doc.mentions
        if isinstance(mentions, MentionSlice):
            t, a, b = mentions.span
            if t is table and a == hi:
                hi = b
                continue
            if table is not None and hi > lo:
                yield table, lo, hi
            table, lo, hi = t, a, b
            continue
        if table is not None and hi > lo:
            yield table, lo, hi
        table = None
        yield mentions
    if table is not None and hi > lo:
        yield table, lo, hi


#: Rows formatted and written at a time from a table.
_ROWS_AT_ONCE = 65_536


class _TableCells:
    """The CSV text of every distinct value of a table (guarded unless ``raw``, quoted as
    :mod:`csv` quotes it inside a row), and the writer of its rows."""

    def __init__(self, table: RawColumns, extra: dict[str, tuple[str, str]],
                 raw: bool) -> None:
        cells = _cells_of(raw)
        self.articles = [cells((a,)) for a in table.articles]
        self.refs = [cells(ref) for ref in table.refs]
        self.texts = [cells((t,)) for t in table.texts]
        blank = cells(("", ""))
        self.extra = [cells(extra[ref[0]]) if ref[0] in extra else blank
                      for ref in table.refs]

    def write(self, fh: TextIO, run: RawColumns) -> None:
        """Write the rows of ``run`` (a stretch of this table)."""
        row = "{},{},{},{},{},{},{}\r\n".format
        articles, refs = self.articles.__getitem__, self.refs.__getitem__
        texts, extra = self.texts.__getitem__, self.extra.__getitem__
        for lo in range(0, len(run.ref), _ROWS_AT_ONCE):
            part = slice(lo, lo + _ROWS_AT_ONCE)
            ref = run.ref[part]
            fh.write("".join(map(row, map(articles, run.article[part]), map(refs, ref),
                                 map(texts, run.text[part]), run.start[part],
                                 run.end[part], run.sentence[part], map(extra, ref))))


def _cells_of(raw: bool) -> Callable[[Sequence[object]], str]:
    """A function giving the CSV text of a few cells as they are written inside a row of
    ``mentions.csv`` (guarded unless ``raw``), without the line end."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def cells(values: Sequence[object]) -> str:
        buffer.seek(0)
        buffer.truncate()
        # a leading empty cell: csv quotes a row of one empty cell, never a cell in a row
        writer.writerow(("", *(values if raw else guard_row(values))))
        return buffer.getvalue()[1:-2]

    return cells
