"""Helpers shared by the file formats: visual attributes, layout, XML-safe strings."""

from __future__ import annotations

import math
import re
from typing import Any

import networkx as nx

from ..schema import TYPE_COLOURS

#: Node attributes every exporter adds for Gephi (colour, size, position). They are derived
#: from ``type``, ``mentions`` and the graph's shape, so readers drop them again.
VIZ_ATTRS: frozenset[str] = frozenset({"r", "g", "b", "size", "x", "y"})

#: Colour of a node whose type has no entry in :data:`graph.schema.TYPE_COLOURS`.
DEFAULT_COLOUR = "#999999"

#: Up to this many nodes networkx lays out the whole graph; above, a faster method is used.
SMALL_GRAPH = 400

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(value: Any) -> Any:
    """Strip the characters XML 1.0 cannot carry (control characters, lone surrogates)."""
    if isinstance(value, str) and _XML_INVALID.search(value):
        return _XML_INVALID.sub("", value)
    return value


def hex_to_rgb(colour: str) -> tuple[int, int, int]:
    """``"#1f77b4"`` → ``(31, 119, 180)``."""
    colour = colour.lstrip("#")
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)


def node_rgb(node_type: Any) -> tuple[int, int, int]:
    """The colour of an actor type as integers."""
    return hex_to_rgb(TYPE_COLOURS.get(str(node_type), DEFAULT_COLOUR))


def node_sizes(graph: nx.Graph) -> dict[Any, float]:
    """Node sizes for Gephi: 5 to 50, growing with the square root of ``mentions``."""
    counts = {n: float(d.get("mentions") or 1) for n, d in graph.nodes(data=True)}
    top = max(counts.values(), default=1.0) or 1.0
    return {n: round(5.0 + 45.0 * math.sqrt(max(c, 0.0) / top), 2) for n, c in counts.items()}


def layout(graph: nx.Graph, *, seed: int = 42, scale: float = 1000.0) -> dict[Any, tuple]:
    """A deterministic force-directed layout (Fruchterman-Reingold, weighted), in
    ``[-scale, scale]``.

    Up to :data:`SMALL_GRAPH` nodes networkx lays out the whole graph. Bigger graphs use
    python-igraph's C implementation when it is installed; otherwise the
    :data:`SMALL_GRAPH` most connected nodes are laid out and every other node is placed
    beside its already placed neighbours, so a graph of tens of thousands of nodes is
    laid out in seconds. Gephi users will usually run ForceAtlas 2 on top of it.
    """
    n = graph.number_of_nodes()
    if n == 0:
        return {}
    if n == 1:
        return {next(iter(graph)): (0.0, 0.0)}
    if n <= SMALL_GRAPH:
        pos = nx.spring_layout(graph, seed=seed, iterations=50, weight="weight")
    else:
        pos = _igraph_layout(graph, seed) or _backbone_layout(graph, seed)
    return _rescale(pos, scale)


def _rescale(pos: dict[Any, Any], scale: float) -> dict[Any, tuple]:
    xs = [float(p[0]) for p in pos.values()]
    ys = [float(p[1]) for p in pos.values()]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    half = max(max(xs) - min(xs), max(ys) - min(ys)) / 2 or 1.0
    return {node: (round((float(p[0]) - cx) / half * scale, 3),
                   round((float(p[1]) - cy) / half * scale, 3)) for node, p in pos.items()}


def _igraph_layout(graph: nx.Graph, seed: int) -> dict[Any, tuple] | None:
    try:
        import igraph
    except ImportError:
        return None
    import random

    nodes = list(graph)
    index = {node: i for i, node in enumerate(nodes)}
    edges = [(index[u], index[v]) for u, v in graph.edges()]
    weights = [float(d.get("weight") or 1) for _, _, d in graph.edges(data=True)]
    ig = igraph.Graph(n=len(nodes), edges=edges)
    igraph.set_random_number_generator(random.Random(seed))
    try:
        coords = ig.layout_fruchterman_reingold(weights=weights or None, niter=150,
                                                grid=True)
    finally:
        igraph.set_random_number_generator(random)
    return {node: tuple(coords[i]) for node, i in index.items()}


def _backbone_layout(graph: nx.Graph, seed: int) -> dict[Any, tuple]:
    import random
    from collections import deque

    strength = dict(graph.degree(weight="weight"))
    order = sorted(graph, key=lambda x: (-strength[x], str(x)))
    core = order[:SMALL_GRAPH]
    pos: dict[Any, tuple] = {
        k: (float(v[0]), float(v[1])) for k, v in
        nx.spring_layout(graph.subgraph(core), seed=seed, iterations=50, weight="weight").items()
    }
    rnd = random.Random(seed)
    queue = deque(core)
    while queue:
        node = queue.popleft()
        for other in graph[node]:
            if other in pos:
                continue
            placed = [(pos[x], float(graph[other][x].get("weight") or 1))
                      for x in graph[other] if x in pos]
            total = sum(w for _, w in placed)
            x = sum(p[0] * w for p, w in placed) / total
            y = sum(p[1] * w for p, w in placed) / total
            angle = rnd.uniform(0, 2 * math.pi)
            radius = 0.05 + 0.1 * rnd.random()
            pos[other] = (x + radius * math.cos(angle), y + radius * math.sin(angle))
            queue.append(other)
    rest = [x for x in order if x not in pos]  # other components: a spiral outside
    for i, node in enumerate(rest):
        angle = i * 2.399963  # golden angle
        radius = 1.3 + 0.5 * math.sqrt(i / max(len(rest), 1))
        pos[node] = (radius * math.cos(angle), radius * math.sin(angle))
    return pos


def viz_attributes(graph: nx.Graph, pos: dict[Any, tuple] | None = None
                   ) -> dict[Any, dict[str, Any]]:
    """Per node: ``r``, ``g``, ``b`` (ints), ``size``, ``x``, ``y`` (floats).

    ``pos`` is :func:`layout` of ``graph`` when the caller already has it.
    """
    sizes = node_sizes(graph)
    if pos is None:
        pos = layout(graph)
    out: dict[Any, dict[str, Any]] = {}
    for node, data in graph.nodes(data=True):
        r, g, b = node_rgb(data.get("type"))
        x, y = pos[node]
        out[node] = {"r": r, "g": g, "b": b, "size": sizes[node], "x": x, "y": y}
    return out


def clean_attrs(attrs: dict[str, Any]) -> dict[str, Any]:
    """Drop ``None`` values (no format stores them) and XML-invalid characters."""
    return {k: xml_safe(v) for k, v in attrs.items() if v is not None}
