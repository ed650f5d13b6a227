"""CSV records read in bounded memory, with recovery from a runaway quoted field.

:func:`csv.reader` reads a physical line whole before it checks its field size limit, and
a stray opening quote makes every later line part of one field: a file with one bad quote
would give millions of malformed rows, or swallow the rest of the file. Here the lines
handed to the CSV parser are read at most ``limit`` characters at a time and each record's
size is counted while it grows; a record over the limit is one bad row, and:

* a single over-long line: reading goes on at the next line;
* a quoted field spread over many lines: reading goes on after the line that closes it;
* a quote never closed before the end of the file: the lines after the one that opened
  it are read again as rows (they were rows all along).

So memory stays under about twice ``limit``, whatever the file holds.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import IO

__all__ = ["records"]

#: Rewinds after a quote never closed, at most (each may read the rest of the file).
MAX_REWINDS = 20


class _TooBig(Exception):
    """The record being read passed the size limit."""


class _Feed:
    """The physical lines of a text stream (read ``limit`` characters at most at a time),
    counting the current record's characters and quote characters."""

    def __init__(self, stream: IO[str], limit: int, quotechar: str) -> None:
        self.stream = stream
        self.limit = limit
        self.quotechar = quotechar
        self.line_no = 0
        self.chars = 0
        self.quotes = 0
        self.eof = False

    def __iter__(self) -> _Feed:
        return self

    def __next__(self) -> str:
        line = self.stream.readline(self.limit + 1)
        if not line:
            self.eof = True
            raise StopIteration
        self.chars += len(line)
        self.quotes += line.count(self.quotechar) if self.quotechar else 0
        complete = line.endswith(("\n", "\r"))
        if self.chars > self.limit:
            while line and not complete:  # drain the rest of this physical line
                line = self.stream.readline(self.limit + 1)
                self.quotes += line.count(self.quotechar) if self.quotechar else 0
                complete = line.endswith(("\n", "\r"))
            self.line_no += 1
            raise _TooBig
        self.line_no += 1  # a whole line (or the file's last one, without a line end)
        return line

    def start(self) -> int:
        """Begin a record; its first line's number."""
        self.chars = 0
        self.quotes = 0
        return self.line_no + 1

    def close_quote(self) -> bool:
        """Read on until the open quoted field closes (True) or the file ends (False)."""
        while self.quotes % 2:
            line = self.stream.readline(self.limit + 1)
            if not line:
                self.eof = True
                return False
            self.quotes += line.count(self.quotechar)
            if line.endswith(("\n", "\r")):
                self.line_no += 1
        return True

    def rewind(self, line_no: int) -> None:
        """Go back to just after physical line ``line_no``."""
        self.stream.seek(0)
        self.line_no = 0
        self.eof = False
        while self.line_no < line_no:
            line = self.stream.readline(self.limit + 1)
            if not line:
                return
            if line.endswith(("\n", "\r")):
                self.line_no += 1


def records(stream: IO[str], dialect: type[csv.Dialect] | csv.Dialect, limit: int
            ) -> Iterator[tuple[int, list[str] | None, str]]:
    """``(first line, fields, "")`` per record of ``stream`` (a seekable text stream
    opened with ``newline=""``), or ``(first line, None, reason)`` for a bad one."""
    quotechar = getattr(dialect, "quotechar", '"') or ""
    feed = _Feed(stream, limit, quotechar)
    reader = csv.reader(feed, dialect)
    rewinds = 0
    while True:
        start = feed.start()
        try:
            record = next(reader)
        except StopIteration:
            return
        except _TooBig:
            yield start, None, f"record larger than {limit:,} characters"
            if feed.line_no > start and not feed.close_quote() and rewinds < MAX_REWINDS:
                rewinds += 1
                feed.rewind(start)  # the quote never closed: the next lines are rows
            reader = csv.reader(feed, dialect)
            continue
        except csv.Error as exc:
            yield start, None, f"malformed CSV on line {start}: {exc}"
            reader = csv.reader(feed, dialect)
            continue
        if (feed.eof and quotechar and feed.quotes % 2 and feed.line_no > start
                and rewinds < MAX_REWINDS):
            yield start, None, "quoted field never closed before the end of the file"
            rewinds += 1
            feed.rewind(start)
            reader = csv.reader(feed, dialect)
            continue
        yield start, record, ""
