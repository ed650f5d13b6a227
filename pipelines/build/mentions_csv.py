"""``mentions.csv``: one row per resolved mention, written column by column.

A big corpus has millions of mentions, held in a :class:`~graph.columns.MentionTable`
(ids into lists of articles, entities and texts). The file is written from those
columns: each distinct article, entity and text is formatted once (quoted as :mod:`csv`
quotes it inside a row, and guarded against spreadsheet formulas unless ``raw``, see
:mod:`graph.readwrite.csvsafe`), then every row is put together from those pieces. The
bytes are exactly those :class:`csv.writer` writes row by row (which the mentions not
held in a table still get).

:func:`mention_job` takes from the resolved articles only what the file needs (the
columns, not the articles): a :class:`MentionsJob` (the strings) and the rows in parts
of a million, which :func:`write_job` writes as they come: another process (see
:func:`pipelines.build.background.in_new_process`) receives them one part at a time, so
it never holds every row.
"""

from __future__ import annotations

import csv
import io
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple, TextIO

from graph.atomic import atomic_open
from graph.columns import MentionSlice, MentionTable
from graph.readwrite.csvsafe import guard_row
from graph.records import ArticleMentions, EntityInfo

__all__ = ["MENTION_COLUMNS", "MentionsJob", "Part", "mention_job", "write_job",
           "write_mentions"]

MENTION_COLUMNS = ["article", "entity", "label", "type", "text", "start", "end", "sentence",
                   "role", "affiliation"]

#: One mention not held in a table: article, entity, label, type, text, start, end,
#: sentence.
PlainRow = tuple[str, str, str, str, str, int, int, int]
#: A table's strings: its articles, its ``(entity, label, type)`` and its texts.
TableStrings = tuple[list[str], list[tuple[str, str, str]], list[str]]
#: A part of the rows: ``(table number, its six columns for up to _PART_ROWS rows)``
#: (see :class:`graph.columns.RawColumns`), or mentions not held in a table.
Part = tuple[int, tuple[array, ...]] | list[PlainRow]

#: Rows a part holds at most (24 bytes a row).
_PART_ROWS = 1 << 20


class MentionsJob(NamedTuple):
    """What ``mentions.csv`` is written from besides its rows (the :data:`Part` s): the
    strings of each table the rows refer to, each entity's role and affiliation, and the
    number of rows."""

    tables: list[TableStrings]
    extra: dict[str, tuple[str, str]]
    count: int


def mention_job(docs: Sequence[ArticleMentions], entities: dict[str, EntityInfo]
                ) -> tuple[MentionsJob, Iterator[Part]]:
    """The :class:`MentionsJob` of the resolved articles ``docs`` and their rows, in
    parts (an iterator that holds the tables, not the articles)."""
    numbers: dict[int, int] = {}
    tables: list[TableStrings] = []
    spans: list[tuple[MentionTable, int, int, int] | list[PlainRow]] = []
    for run in _runs(docs):
        if isinstance(run, tuple):
            table, lo, hi = run
            number = numbers.get(id(table))
            if number is None:
                number = numbers[id(table)] = len(tables)
                whole = table.raw(0, 0)
                tables.append((whole.articles, whole.refs, whole.texts))
            spans.append((table, number, lo, hi))
        else:
            spans.append([(m.article, m.entity, m.label, m.type, m.text, m.start, m.end,
                           m.sentence) for m in run])
    extra = {eid: (info.role, info.affiliation) for eid, info in entities.items()}
    return (MentionsJob(tables, extra, sum(len(doc.mentions) for doc in docs)),
            _parts(spans))


def _parts(spans: list[tuple[MentionTable, int, int, int] | list[PlainRow]]
           ) -> Iterator[Part]:
    for span in spans:
        if isinstance(span, list):
            yield span
            continue
        table, number, lo, hi = span
        for start in range(lo, hi, _PART_ROWS):
            yield number, tuple(table.raw(start, min(hi, start + _PART_ROWS))[3:])


def write_mentions(path: Path, docs: Sequence[ArticleMentions],
                   entities: dict[str, EntityInfo], *, raw: bool = False) -> int:
    """Write ``mentions.csv`` (atomically): one row per resolved mention (actors and
    non-actors); return the number of rows.

    Text cells a spreadsheet could take for a formula get a leading ``'`` unless ``raw``
    (see :mod:`graph.readwrite.csvsafe`); what cannot be encoded is backslash-escaped."""
    return write_job(path, *mention_job(docs, entities), raw=raw)


def write_job(path: Path, job: MentionsJob, parts: Iterable[Part], *, raw: bool = False
              ) -> int:
    """Write ``mentions.csv`` from a :class:`MentionsJob` and its rows (see
    :func:`write_mentions`)."""
    blank = ("", "")
    extra = job.extra
    tables: dict[int, _TableCells] = {}
    with atomic_open(path, "w", encoding="utf-8", newline="", errors="backslashreplace") as fh:
        writer = csv.writer(fh)
        writer.writerow(MENTION_COLUMNS)
        for part in parts:
            if isinstance(part, tuple):  # a stretch of a table: column by column
                number, columns = part
                cells = tables.get(number)
                if cells is None:
                    cells = tables[number] = _TableCells(job.tables[number], extra, raw)
                cells.write(fh, *columns)
                continue
            rows = [(*row, *extra.get(row[1], blank)) for row in part]
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

    def __init__(self, strings: TableStrings, extra: dict[str, tuple[str, str]],
                 raw: bool) -> None:
        cells = _cells_of(raw)
        articles, refs, texts = strings
        self.articles = [cells((a,)) for a in articles]
        self.refs = [cells(ref) for ref in refs]
        self.texts = [cells((t,)) for t in texts]
        blank = cells(("", ""))
        self.extra = [cells(extra[ref[0]]) if ref[0] in extra else blank for ref in refs]

    def write(self, fh: TextIO, article: array, ref: array, text: array, start: array,
              end: array, sentence: array) -> None:
        """Write the rows of these columns (ids into this table's strings)."""
        row = "{},{},{},{},{},{},{}\r\n".format
        articles, refs = self.articles.__getitem__, self.refs.__getitem__
        texts, extra = self.texts.__getitem__, self.extra.__getitem__
        for lo in range(0, len(ref), _ROWS_AT_ONCE):
            part = slice(lo, lo + _ROWS_AT_ONCE)
            refs_part = ref[part]
            fh.write("".join(map(row, map(articles, article[part]), map(refs, refs_part),
                                 map(texts, text[part]), start[part], end[part],
                                 sentence[part], map(extra, refs_part))))


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
