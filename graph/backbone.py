"""The backbone of a co-occurrence graph: its statistically significant links.

The *disparity filter* (Serrano, Boguñá and Vespignani, "Extracting the multiscale
backbone of complex weighted networks", PNAS 106, 2009) asks, for each actor, whether a
link carries more of the actor's total strength than if that strength were spread at
random over its ``k`` links. With ``x`` the link's share of the actor's strength, the
probability of a share at least that large under that null model is ``(1 - x) ** (k - 1)``.
A link is kept when that p-value is below ``alpha`` for at least one of its two ends. An
actor with a single link gives no evidence either way (its p-value is 1 there), so a
leaf's only link stays if it matters to the other end.

The filter is local: a minor actor keeps its strongest links even when they are light in
absolute terms, so the backbone spans the whole graph instead of only its heavy core.

Which strength? ``by="weight"`` (the default) tests raw co-occurrence counts, as the
paper does. Among the most connected actors of a corpus, though, most actors' heaviest
link goes to the corpus's most common actor, and that backbone is a star around it.
``by="association"`` applies the same test to association strength
(:mod:`graph.association`, negative values counted as 0), which already discounts how
common each actor is: the links kept are those specific to an actor, so clusters show.
The HTML view draws that one, computed on the actors it shows. (On a whole corpus, where
most actors have a few links of similar association, few links pass that test.)

>>> import networkx as nx
>>> g = nx.Graph()
>>> g.add_edge("hub", "a", weight=20)
>>> for x in "bcdefgh":
...     g.add_edge("hub", x, weight=1)
>>> p = disparity(g, by="weight")
>>> round(p["hub", "a"], 4), round(p["hub", "b"], 2)  # (1 - 20/27) ** 7, (1 - 1/27) ** 7
(0.0001, 0.77)
>>> sorted(backbone(g, alpha=0.05, by="weight").edges())
[('hub', 'a')]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

import networkx as nx
import numpy as np

from .association import ATTR, add_association

__all__ = ["ALPHAS", "Strength", "alpha_for", "backbone", "disparity", "disparity_pvalues",
           "strengths"]

Strength = Literal["association", "weight"]

#: The significance levels the page offers, loosest first.
ALPHAS: tuple[float, ...] = (0.05, 0.03, 0.02, 0.01, 0.005, 0.002, 0.001, 1e-4, 1e-5, 1e-6, 1e-8)


def disparity_pvalues(n: int, sources: np.ndarray, targets: np.ndarray,
                      strength: np.ndarray) -> np.ndarray:
    """The disparity filter's p-value of each link (the smaller of its two ends), for a
    graph of ``n`` nodes given as index arrays and non-negative link strengths."""
    src = np.asarray(sources, dtype=np.intp)
    dst = np.asarray(targets, dtype=np.intp)
    w = np.maximum(np.asarray(strength, dtype=np.float64), 0.0)
    if len(w) == 0:
        return np.ones(0)
    total = np.bincount(src, w, n) + np.bincount(dst, w, n)
    degree = np.bincount(src, None, n) + np.bincount(dst, None, n)

    def at(end: np.ndarray) -> np.ndarray:
        k = degree[end]
        s = total[end]
        share = np.divide(w, s, out=np.zeros_like(w), where=s > 0)
        p = np.power(np.clip(1.0 - share, 0.0, 1.0), np.maximum(k - 1, 0))
        return np.where((k > 1) & (s > 0), p, 1.0)

    return np.minimum(at(src), at(dst))


def strengths(graph: nx.Graph, edges: Sequence[tuple[Any, Any]], by: Strength) -> np.ndarray:
    """The strength of each of ``edges`` the filter tests: ``weight``, or ``association``
    (computed when an edge lacks it) with negative values as 0."""
    if by == "weight":
        return np.array([float(graph.edges[u, v].get("weight") or 0) for u, v in edges])
    if by != "association":
        raise ValueError(f"by must be 'association' or 'weight', not {by!r}")
    missing = [(u, v) for u, v in edges if graph.edges[u, v].get(ATTR) is None]
    if missing:
        add_association(graph, missing)
    return np.array([max(float(graph.edges[u, v][ATTR]), 0.0) for u, v in edges])


def disparity(graph: nx.Graph, by: Strength = "weight") -> dict[tuple[Any, Any], float]:
    """The disparity filter's p-value of every edge of ``graph``, keyed as
    ``graph.edges()`` lists them."""
    edges = list(graph.edges())
    index = {node: i for i, node in enumerate(graph)}
    src = np.array([index[u] for u, _ in edges], dtype=np.intp)
    dst = np.array([index[v] for _, v in edges], dtype=np.intp)
    p = disparity_pvalues(len(index), src, dst, strengths(graph, edges, by))
    return {edge: float(x) for edge, x in zip(edges, p, strict=True)}


def backbone(graph: nx.Graph, alpha: float = 0.05, by: Strength = "weight",
             keep_isolates: bool = False) -> nx.Graph:
    """A new graph with the links whose disparity p-value is below ``alpha`` (attributes
    copied) and the actors they join (all actors with ``keep_isolates``)."""
    if not 0 < alpha <= 1:
        raise ValueError(f"alpha must be in (0, 1], not {alpha!r}")
    p = disparity(graph, by)
    kept = [(u, v) for (u, v), x in p.items() if x < alpha]
    out = nx.Graph()
    out.graph.update(graph.graph)
    out.graph["backbone"] = f"disparity filter on {by}, alpha={alpha:g}"
    nodes = graph.nodes if keep_isolates else {x for edge in kept for x in edge}
    out.add_nodes_from((x, graph.nodes[x]) for x in graph if x in nodes)
    out.add_edges_from((u, v, graph.edges[u, v]) for u, v in kept)
    return out


def alpha_for(pvalues: np.ndarray, n_nodes: int, per_node: float = 3.0,
              ladder: Sequence[float] = ALPHAS) -> float:
    """The loosest level of ``ladder`` whose backbone has at most ``per_node`` links per
    node (the strictest level when none does).

    >>> alpha_for(np.array([0.2, 0.03, 0.002, 0.0002]), 1, per_node=1)
    0.002
    """
    limit = per_node * max(n_nodes, 1)
    for alpha in ladder:
        if int((pvalues < alpha).sum()) <= limit:
            return alpha
    return ladder[-1]
