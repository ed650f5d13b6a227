"""Skipped inputs and notes, kept in bounded memory whatever the corpus.

A hostile or broken corpus can hold millions of bad rows (3 million ``{}`` lines are
8.8 KB of gzip). One record per row would grow memory, ``report.json`` and the cache with
the input; a :class:`ProblemList` instead groups problems by file and by kind of reason
and keeps, per group, the first :data:`EXAMPLES` of them plus one summary entry counting
the rest (``"… and 2,999,990 more like this: row without text"``). Its memory is bounded
by the number of files times the number of kinds of reason, never by the number of rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["EXAMPLES", "ProblemList", "Skipped", "more_count"]

#: Problems kept in full per file and kind of reason; the rest are counted.
EXAMPLES = 10


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that gave no article (or, in :attr:`Corpus.notes`, a smaller problem)."""

    where: str  # a path, or "path:LINE" for a JSONL/CSV row
    reason: str


_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")
_NUMBER = re.compile(r"\d[\d,.]*")
_MORE = re.compile(r"^… and ([\d,]+) more like this: ")


_SHAPES: dict[str, str] = {}


def _group(item: Skipped) -> tuple[str, str]:
    """(file, kind of reason): the file without its ``:LINE``, the reason without the
    numbers and quoted values that change from row to row."""
    where = item.where
    head, colon, tail = where.rpartition(":")
    if colon and tail.isdigit():
        where = head
    reason = item.reason
    shape = _SHAPES.get(reason)
    if shape is None:
        shape = _NUMBER.sub("N", _QUOTED.sub("'…'", reason))
        if len(_SHAPES) > 4096:
            _SHAPES.clear()
        _SHAPES[reason] = shape
    return where, shape


def more_count(item: Skipped) -> int:
    """How many problems a summary entry stands for (1 for an ordinary entry)."""
    m = _MORE.match(item.reason)
    return int(m.group(1).replace(",", "")) if m else 1


class ProblemList(list[Skipped]):
    """A list of :class:`Skipped` that stays small: per (file, kind of reason) the first
    :data:`EXAMPLES` entries, then one entry ``"… and N more like this: <reason>"`` whose
    count is kept up to date. ``group`` overrides the grouping key (e.g. one group for
    every renamed duplicate id of a corpus).

    :meth:`total` counts every problem appended, the summarised ones included.
    """

    def __init__(self, items: Iterable[Skipped] = ()) -> None:
        super().__init__()
        self._seen: dict[tuple[str, str], int] = {}
        self._summary: dict[tuple[str, str], int] = {}  # group → index of its summary
        self.extend(items)

    def append(self, item: Skipped, group: tuple[str, str] | None = None) -> None:  # type: ignore[override]
        key = group or _group(item)
        n = self._seen.get(key, 0) + 1
        self._seen[key] = n
        if n <= EXAMPLES:
            super().append(item)
            return
        more = n - EXAMPLES
        summary = Skipped(key[0] if group is None else item.where,
                          f"… and {more:,} more like this: {item.reason}")
        at = self._summary.get(key)
        if at is None:
            self._summary[key] = len(self)
            super().append(summary)
        else:
            self[at] = summary

    def extend(self, items: Iterable[Skipped]) -> None:  # type: ignore[override]
        for item in items:
            self.append(item)

    def total(self) -> int:
        """Every problem appended, the summarised ones included."""
        return sum(more_count(item) for item in self)
