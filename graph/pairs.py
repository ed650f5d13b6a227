"""Co-occurrence pairs held as integer arrays, grouped into edges with numpy.

A big corpus has tens of millions of (pair of actors, article) co-occurrences: one edge
dictionary looked up and updated per co-occurrence is most of the time of
:func:`graph.build.build_graph`. A :class:`PairLog` instead records, per article, the
actors' numbers (the whole clique of an article's actors as one row, or explicit pairs),
and :meth:`PairLog.edges` sorts them once: per pair, the articles that name both, in
corpus order, and the pairs in the order they were first seen.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np

__all__ = ["EdgeGroups", "PairLog"]


@dataclass
class EdgeGroups:
    """The co-occurrences grouped by pair (see :meth:`PairLog.edges`).

    Group ``i`` is the pair ``(a[i], b[i])``; its co-occurrences' article numbers are
    ``articles[starts[i]:starts[i + 1]]`` (``starts`` ends with the total), in the order
    they were logged. ``first`` lists the groups in the order their pair was first logged.
    """

    a: np.ndarray
    b: np.ndarray
    starts: np.ndarray
    articles: np.ndarray
    first: np.ndarray

    def __len__(self) -> int:
        return len(self.a)


class PairLog:
    """Every co-occurrence of two actors, article after article, as integer columns.

    Actors are numbers (``0 <= n < 2**31``); a pair is logged with its smaller-keyed
    actor first, as the caller orders it: ``(a, b)`` and ``(b, a)`` are two pairs.
    """

    def __init__(self) -> None:
        self._members = array("i")  # the cliques' actors, clique after clique
        self._sizes = array("i")
        self._clique_article = array("i")
        self._clique_at = array("q")  # position of each clique's first pair
        self._a = array("i")  # explicit pairs
        self._b = array("i")
        self._pair_article = array("i")
        self._pair_at = array("q")
        self.total = 0  # co-occurrences logged

    def clique(self, article: int, members: Sequence[int]) -> None:
        """Log every pair ``(members[i], members[j])``, ``i < j``, in the order of
        :func:`itertools.combinations`."""
        k = len(members)
        if k < 2:
            return
        self._members.extend(members)
        self._sizes.append(k)
        self._clique_article.append(article)
        self._clique_at.append(self.total)
        self.total += k * (k - 1) // 2

    def pairs(self, article: int, pairs: Iterable[tuple[int, int]]) -> None:
        """Log these pairs, in this order."""
        for a, b in pairs:
            self._a.append(a)
            self._b.append(b)
            self._pair_article.append(article)
            self._pair_at.append(self.total)
            self.total += 1

    def cliques(self, articles: np.ndarray, members: np.ndarray) -> None:
        """:meth:`clique` for many articles at once: ``members`` grouped in runs of equal
        ``articles`` (each run one clique, in that order)."""
        n = len(members)
        if not n:
            return
        starts = np.flatnonzero(np.r_[True, articles[1:] != articles[:-1]])
        sizes = np.diff(np.r_[starts, n])
        many = sizes >= 2
        if not many.any():
            return
        keep = np.repeat(many, sizes)
        sizes = sizes[many]
        pairs = sizes.astype(np.int64) * (sizes - 1) // 2
        self._members.frombytes(members[keep].astype(np.int32).tobytes())
        self._sizes.frombytes(sizes.astype(np.int32).tobytes())
        self._clique_article.frombytes(articles[starts[many]].astype(np.int32).tobytes())
        self._clique_at.frombytes((self.total + np.cumsum(pairs) - pairs).tobytes())
        self.total += int(pairs.sum())

    def explicit(self, articles: np.ndarray, a: np.ndarray, b: np.ndarray) -> None:
        """:meth:`pairs` for many at once: pair ``(a[i], b[i])`` of ``articles[i]``."""
        n = len(a)
        self._a.frombytes(a.astype(np.int32).tobytes())
        self._b.frombytes(b.astype(np.int32).tobytes())
        self._pair_article.frombytes(articles.astype(np.int32).tobytes())
        self._pair_at.frombytes(np.arange(self.total, self.total + n, dtype=np.int64)
                                .tobytes())
        self.total += n

    def columns(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every co-occurrence in logged order: first actors, second actors, articles."""
        a = np.empty(self.total, np.int32)
        b = np.empty(self.total, np.int32)
        art = np.empty(self.total, np.int32)
        at = np.frombuffer(self._pair_at, np.int64) if self._pair_at else np.empty(0, int)
        a[at] = np.frombuffer(self._a, np.int32) if self._a else 0
        b[at] = np.frombuffer(self._b, np.int32) if self._b else 0
        art[at] = np.frombuffer(self._pair_article, np.int32) if self._a else 0
        if self._sizes:
            for k, rows, where, arts in self._cliques():
                i, j = np.triu_indices(k, 1)  # the order of itertools.combinations
                pos = where[:, None] + np.arange(len(i))
                a[pos] = rows[:, i]
                b[pos] = rows[:, j]
                art[pos] = arts[:, None]
        return a, b, art

    def _cliques(self) -> Iterator[tuple[int, np.ndarray, np.ndarray, np.ndarray]]:
        """Per clique size ``k``: the cliques' actors (one row each), the positions of
        their first pairs and their articles."""
        sizes = np.frombuffer(self._sizes, np.int32)
        members = np.frombuffer(self._members, np.int32)
        offsets = np.cumsum(sizes) - sizes
        at = np.frombuffer(self._clique_at, np.int64)
        arts = np.frombuffer(self._clique_article, np.int32)
        for k in np.unique(sizes).tolist():
            sel = np.flatnonzero(sizes == k)
            rows = members[offsets[sel][:, None] + np.arange(k)]
            yield k, rows, at[sel], arts[sel]

    def edges(self) -> EdgeGroups:
        """The co-occurrences grouped by pair (:class:`EdgeGroups`)."""
        a, b, art = self.columns()
        key = (a.astype(np.int64) << 32) | b.astype(np.int64)
        del a, b
        order = np.argsort(key, kind="stable")  # per pair, in logged order
        key = key[order]
        starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]]) if len(key) else \
            np.empty(0, np.int64)
        keys = key[starts]
        del key
        first = np.argsort(order[starts], kind="stable")
        articles = art[order]
        return EdgeGroups((keys >> 32).astype(np.int32), (keys & 0xFFFFFFFF).astype(np.int32),
                          np.r_[starts, len(articles)], articles, first)
