"""Every edge of an undirected graph once, as columns, in the order of ``graph.edges``.

The hot passes over a whole archive's edges (association, layout, timeline, GraphML)
read the edges as three parallel lists instead of networkx's edge views, which make a
generator step and a tuple per edge: one walk over ``graph.adjacency()``, each edge kept
from the side that reaches it first.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

__all__ = ["edge_columns"]


def edge_columns(graph: nx.Graph) -> tuple[list[Any], list[Any], list[dict[str, Any]]]:
    """``(us, vs, datas)``: the ends and attribute dict of each edge, as ``graph.edges(
    data=True)`` lists them.

    >>> g = nx.Graph([("a", "b", {"weight": 2}), ("b", "c", {})])
    >>> edge_columns(g)
    (['a', 'b'], ['b', 'c'], [{'weight': 2}, {}])
    """
    us: list[Any] = []
    vs: list[Any] = []
    datas: list[dict[str, Any]] = []
    done: set[Any] = set()
    for u, nbrs in graph.adjacency():
        for v, data in nbrs.items():
            if v not in done:
                us.append(u)
                vs.append(v)
                datas.append(data)
        done.add(u)
    return us, vs, datas
