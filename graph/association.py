"""Association strength: how much more often two actors share articles than chance says.

A raw co-occurrence count mostly measures how common the two actors are: an actor named
in half the corpus shares articles with everyone. The ``association`` of a link corrects
for that. With ``N`` articles in the corpus, actor *i* in ``n_i`` of them, *j* in ``n_j``
and both in ``c`` (the link's ``weight``), chance alone would put them together in
``n_i * n_j / N`` articles, and

* ``lift = c / (n_i * n_j / N)`` is observed over expected (1: independent; this is
  VOSviewer's *association strength* up to a constant factor);
* ``association = log(lift) / -log(c / N)`` is its *normalised* PMI (Bouma 2009), in
  [-1, 1]: 1 when the two actors always appear together, 0 when they are independent,
  below 0 when they avoid each other.

The normalisation is what makes rankings readable: a link seen once between two actors
seen once each has a huge lift but a modest normalised score, while two actors that share
most of their (many) articles score close to 1.

>>> round(npmi(10, 10, 10, 1000), 3)  # always together
1.0
>>> round(npmi(10, 100, 100, 1000), 3)  # exactly as chance predicts
0.0
>>> round(npmi(1, 1, 500, 1000), 3)  # seen once, with a common actor
0.1
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from itertools import repeat
from typing import Any

import networkx as nx
import numpy as np

from .edges import edge_columns

__all__ = ["ATTR", "add_association", "corpus_size", "edge_association", "lift", "npmi",
           "npmi_array"]

#: The edge attribute that holds the association strength.
ATTR = "association"


def lift(c: int, n_i: int, n_j: int, n: int) -> float:
    """Observed over expected shared articles (1 when independent).

    >>> lift(10, 100, 100, 1000)
    1.0
    """
    c, n_i, n_j, n = _consistent(c, n_i, n_j, n)
    if c <= 0:
        return 0.0
    return c * n / (n_i * n_j)


def npmi(c: int, n_i: int, n_j: int, n: int) -> float:
    """The normalised pointwise mutual information of two actors, in [-1, 1].

    ``c`` articles name both, ``n_i`` and ``n_j`` name each, ``n`` in all. Counts that
    contradict each other (``c`` above ``n_i``, say, in a hand-made graph) are raised to
    the smallest consistent values first.

    >>> npmi(0, 5, 5, 100)
    -1.0
    """
    c, n_i, n_j, n = _consistent(c, n_i, n_j, n)
    if c <= 0:
        return -1.0
    if c >= n:
        return 1.0
    value = math.log(c * n / (n_i * n_j)) / -math.log(c / n)
    return max(-1.0, min(1.0, value))


def _consistent(c: int, n_i: int, n_j: int, n: int) -> tuple[int, int, int, int]:
    c = max(int(c), 0)
    n_i = max(int(n_i), c, 1)
    n_j = max(int(n_j), c, 1)
    n = max(int(n), n_i, n_j, n_i + n_j - c)
    return c, n_i, n_j, n


def corpus_size(graph: nx.Graph) -> int:
    """The number of articles of the corpus behind ``graph``: its ``articles`` attribute,
    else the size of its ``article_index``, else the number of distinct article ids of its
    actors, else (a hand-made graph) the sum of the actors' article counts."""
    declared = graph.graph.get("articles")
    try:
        if declared is not None and int(declared) > 0:
            return int(declared)
    except (TypeError, ValueError):
        pass
    index = graph.graph.get("article_index")
    if isinstance(index, Mapping) and index:
        return len(index)
    ids: set[str] = set()
    for _, data in graph.nodes(data=True):
        value = data.get("article_ids")
        if isinstance(value, (list, tuple)):
            ids.update(str(x) for x in value)
    if ids:
        return len(ids)
    return max(1, sum(_count(d.get("articles")) for _, d in graph.nodes(data=True)))


def _count(value: Any) -> int:
    try:
        return max(int(float(value)), 0)
    except (TypeError, ValueError):
        return 0


def edge_association(graph: nx.Graph, u: Any, v: Any, n: int | None = None) -> float:
    """The association of the link (u, v), from the graph's counts (not from ``ATTR``)."""
    total = corpus_size(graph) if n is None else n
    nodes = graph.nodes
    return npmi(_count(graph.edges[u, v].get("weight")), _count(nodes[u].get("articles")),
                _count(nodes[v].get("articles")), total)


def add_association(graph: nx.Graph, edges: Iterable[tuple[Any, Any]] | None = None,
                    digits: int = 4) -> nx.Graph:
    """Set each edge's ``association`` (rounded to ``digits``) in place; return the graph.

    Only ``edges`` when given. Recompute it after changing weights or article counts.

    >>> g = nx.Graph(articles=100)
    >>> g.add_node("a", articles=10); g.add_node("b", articles=10)
    >>> g.add_edge("a", "b", weight=10)
    >>> add_association(g).edges["a", "b"]["association"]
    1.0
    """
    n = corpus_size(graph)
    articles = {x: _count(d.get("articles")) for x, d in graph.nodes(data=True)}
    if edges is None:
        us, vs, datas = edge_columns(graph)
    else:
        us, vs, datas = [], [], []
        for u, v in edges:
            us.append(u)
            vs.append(v)
            datas.append(graph.edges[u, v])
    weights = [d.get("weight") for d in datas]
    if set(map(type, weights)) <= {int}:  # _count of each, at once
        c = np.maximum(np.array(weights, dtype=np.float64), 0.0)
    else:
        c = np.array([_count(w) for w in weights], dtype=np.float64)
    n_i = np.array([articles[u] for u in us], dtype=np.float64)
    n_j = np.array([articles[v] for v in vs], dtype=np.float64)
    values = map(round, npmi_array(c, n_i, n_j, n).tolist(), repeat(digits))
    for data, value in zip(datas, values, strict=True):
        data[ATTR] = value
    return graph


def npmi_array(c: np.ndarray, n_i: np.ndarray, n_j: np.ndarray, n: int) -> np.ndarray:
    """:func:`npmi` of many links at once (same values, same consistency rules).

    >>> npmi_array(np.array([10, 10, 0]), np.array([10, 100, 5]), np.array([10, 100, 5]),
    ...            1000).round(3).tolist()
    [1.0, 0.0, -1.0]
    """
    c = np.maximum(np.asarray(c, dtype=np.float64), 0.0)
    n_i = np.maximum(np.maximum(np.asarray(n_i, dtype=np.float64), c), 1.0)
    n_j = np.maximum(np.maximum(np.asarray(n_j, dtype=np.float64), c), 1.0)
    total = np.maximum.reduce([np.full_like(c, float(n)), n_i, n_j, n_i + n_j - c])
    with np.errstate(divide="ignore", invalid="ignore"):
        value = np.log(c * total / (n_i * n_j)) / -np.log(c / total)
    value = np.where(c >= total, 1.0, value)
    value = np.where(c <= 0, -1.0, value)
    return np.clip(value, -1.0, 1.0)
