"""select_subgraph ranks actors in one pass over the adjacency: the same choice as
counting every edge's two ends (the plain version below), whatever the weights."""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

import networkx as nx
import pytest

from graph.html import select_subgraph
from graph.schema import as_int, as_text


def _plain_choice(G: nx.Graph, max_nodes: int, min_weight: int,
                  types: set[str] | None) -> list[Any]:
    keep = [n for n, d in G.nodes(data=True) if types is None or d.get("type") in types]
    if len(keep) <= max_nodes:
        return keep
    kept = set(keep)
    degree: Counter[Any] = Counter()
    strength: Counter[Any] = Counter()
    for u, v, d in G.edges(data=True):
        w = as_int(d.get("weight"), 1)
        if w >= min_weight and u in kept and v in kept:
            degree[u] += 1
            degree[v] += 1
            strength[u] += w
            strength[v] += w
    ranked = sorted(keep, key=lambda n: (-degree[n], -strength[n],
                                         -as_int(G.nodes[n].get("mentions")),
                                         as_text(G.nodes[n].get("label", n))))
    top = set(ranked[:max_nodes])
    return [n for n in keep if n in top]


def _graph(seed: int) -> nx.Graph:
    rng = random.Random(seed)
    g = nx.Graph()
    for i in range(60):
        g.add_node(f"n{i}", type=rng.choice(["person", "state", "group"]),
                   mentions=rng.choice([1, 2, 3, "4", None]),
                   **({"label": rng.choice(["Ada", "Bo", "Cy"])} if i % 3 else {}))
    weights = [1, 2, 3, 5, 2.7, "3", "x", None, 2**60, -1]
    for _ in range(150):
        u, v = f"n{rng.randrange(60)}", f"n{rng.randrange(60)}"  # self-loops too
        g.add_edge(u, v, **({"weight": rng.choice(weights)} if rng.random() < 0.9 else {}))
    return g


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize(("max_nodes", "min_weight", "types"),
                         [(10, 1, None), (25, 2, None), (7, 1, {"person", "group"}),
                          (59, 3, None)])
def test_same_choice_as_counting_edge_ends(seed: int, max_nodes: int, min_weight: int,
                                           types: set[str] | None) -> None:
    g = _graph(seed)
    sub, left_out = select_subgraph(g, max_nodes=max_nodes, min_weight=min_weight,
                                    types=types)
    want = _plain_choice(g, max_nodes, min_weight, types)
    assert list(sub) == want
    assert left_out == max(0, len([n for n, d in g.nodes(data=True)
                                   if types is None or d["type"] in types]) - max_nodes)
