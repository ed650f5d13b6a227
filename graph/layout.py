"""Where the actors are drawn: one layout for the page (``graph.html``) and for the files
Gephi opens (``x``/``y`` in GraphML and GEXF), so both show the same picture.

The page lays out the actors it shows itself (:func:`graph.html.page_positions`: a
force-directed layout on association strength, see :mod:`graph.clusters`, spread so that
neighbours are about 120 px apart, then dots pushed apart so none overlap). :func:`layout`
gives every actor of a graph a position: those the page shows exactly where the page
draws them, every other actor beside its placed neighbours (weighted by the edge
attribute it is given), the components none of them reaches on a spiral outside. The
build renders the page first and hands its positions to :func:`layout` for the GraphML.

The force-directed core (:func:`force_positions`, :func:`layout_positions`) and the
overlap removal (:func:`separate`, :func:`node_radii`) live here too.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import networkx as nx
import numpy as np

from .edges import edge_columns
from .schema import as_int, as_text

__all__ = ["draw_order", "force_positions", "layout", "layout_positions", "node_radii",
           "separate"]


def draw_order(graph: nx.Graph) -> list[Any]:
    """The nodes in the page's order: most mentioned first, then by label and id."""
    nodes = graph.nodes
    return sorted(graph, key=lambda n: (-as_int(nodes[n].get("mentions")),
                                        as_text(nodes[n].get("label", n)), str(n)))


# ------------------------------------------------------------------ force-directed


def layout_positions(
    n: int, sources: np.ndarray, targets: np.ndarray, weights: np.ndarray, *,
    iterations: int | None = None, seed: int = 42,
) -> np.ndarray:
    """:func:`force_positions` pulling with ``1 + ln(weight)`` for edge ``weights``
    (co-occurrence counts, at least 1): heavier edges pull harder, logarithmically."""
    pulls = 1.0 + np.log(np.maximum(np.asarray(weights, dtype=np.float64), 1.0))
    return force_positions(n, sources, targets, pulls, iterations=iterations, seed=seed)


def force_positions(
    n: int, sources: np.ndarray, targets: np.ndarray, pulls: np.ndarray, *,
    iterations: int | None = None, seed: int = 42,
) -> np.ndarray:
    """Fruchterman-Reingold positions (``n`` x 2, centred, roughly in [-1, 1]) of ``n``
    nodes joined by edges ``sources[i]``-``targets[i]`` pulling with ``pulls[i]``.

    A vectorised numpy implementation (exact repulsion in blocks, so memory stays small):
    about one second for 2,000 nodes and 10,000 edges, where networkx's spring layout
    takes more than ten.
    """
    if n == 0:
        return np.zeros((0, 2))
    if n == 1:
        return np.zeros((1, 2))
    if iterations is None:
        iterations = 80 if n <= 300 else 60 if n <= 1000 else 45
    rng = np.random.default_rng(seed)
    x = (rng.random(n, dtype=np.float64) - 0.5).astype(np.float32)
    y = (rng.random(n, dtype=np.float64) - 0.5).astype(np.float32)
    k2 = np.float32(1.0 / n)
    k = np.float32(math.sqrt(1.0 / n))
    w = np.asarray(pulls, dtype=np.float64).astype(np.float32)
    src = sources.astype(np.intp)
    dst = targets.astype(np.intp)
    block = max(1, min(n, 4_000_000 // max(n, 1)))
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    dispx = np.empty(n, np.float32)
    dispy = np.empty(n, np.float32)
    for _ in range(iterations):
        for start in range(0, n, block):
            stop = min(n, start + block)
            dx = x[start:stop, None] - x[None, :]
            dy = y[start:stop, None] - y[None, :]
            d2 = dx * dx
            d2 += dy * dy
            np.maximum(d2, np.float32(1e-6), out=d2)
            np.divide(k2, d2, out=d2)
            dx *= d2
            dy *= d2
            dispx[start:stop] = dx.sum(axis=1)
            dispy[start:stop] = dy.sum(axis=1)
        if len(src):
            ex = x[src] - x[dst]
            ey = y[src] - y[dst]
            pull = np.sqrt(ex * ex + ey * ey) / k * w
            fx = (pull * ex).astype(np.float64)
            fy = (pull * ey).astype(np.float64)
            dispx -= (np.bincount(src, fx, n) - np.bincount(dst, fx, n)).astype(np.float32)
            dispy -= (np.bincount(src, fy, n) - np.bincount(dst, fy, n)).astype(np.float32)
        length = np.sqrt(dispx * dispx + dispy * dispy)
        np.maximum(length, np.float32(1e-9), out=length)
        scale = np.minimum(length, np.float32(temperature)) / length
        x += dispx * scale
        y += dispy * scale
        temperature -= cooling
    pos = np.stack([x, y], axis=1).astype(np.float64)
    pos -= pos.mean(axis=0)
    extent = np.abs(pos).max()
    if extent > 0:
        pos /= extent
    return pos


def node_radii(mentions: np.ndarray) -> np.ndarray:
    """Dot radii in pixels, as the page draws them (page.js ``logScale``, floor 40)."""
    if len(mentions) == 0:
        return np.zeros(0)
    top = math.log(1 + max(float(mentions.max()), 40.0))
    f = (np.log1p(np.maximum(mentions, 0)) - math.log(2)) / (top - math.log(2))
    return 7.0 + 31.0 * np.clip(f, 0.0, 1.0)


def _near_pairs(pos: np.ndarray, cell: float) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs (i, j), i != j, of points in the same or adjacent grid cells."""
    n = len(pos)
    cx = np.floor(pos[:, 0] / cell).astype(np.int64)
    cy = np.floor(pos[:, 1] / cell).astype(np.int64)
    cx -= cx.min() - 1
    cy -= cy.min() - 1
    stride = int(cy.max()) + 3
    key = cx * stride + cy
    order = np.argsort(key, kind="stable")
    sorted_keys = key[order]
    firsts, seconds = [], []
    for ox, oy in ((0, 0), (1, -1), (1, 0), (1, 1), (0, 1)):
        target = key + ox * stride + oy
        lo = np.searchsorted(sorted_keys, target, side="left")
        hi = np.searchsorted(sorted_keys, target, side="right")
        counts = hi - lo
        total = int(counts.sum())
        if total == 0:
            continue
        first = np.repeat(np.arange(n), counts)
        within = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
        second = order[np.repeat(lo, counts) + within]
        if ox == 0 and oy == 0:
            keep = first < second
            first, second = first[keep], second[keep]
        firsts.append(first)
        seconds.append(second)
    if not firsts:
        return np.zeros(0, np.intp), np.zeros(0, np.intp)
    return np.concatenate(firsts), np.concatenate(seconds)


def separate(pos: np.ndarray, radii: np.ndarray, *, margin: float = 30.0,
             iterations: int = 40) -> np.ndarray:
    """Push apart dots that overlap (centre distance < r1 + r2 + ``margin``), in pixels.

    Only pairs in neighbouring grid cells are compared, so this stays fast for thousands
    of dots.
    """
    n = len(pos)
    if n < 2:
        return pos
    pos = pos.astype(np.float64).copy()
    cell = float(2 * radii.max() + margin)
    rng = np.random.default_rng(0)
    for _ in range(iterations):
        first, second = _near_pairs(pos, cell)
        if not len(first):
            break
        d = pos[first] - pos[second]
        dist = np.sqrt((d * d).sum(axis=1))
        overlap = radii[first] + radii[second] + margin - dist
        hit = overlap > 0.5
        if not hit.any():
            break
        first, second, d, dist, overlap = (
            first[hit], second[hit], d[hit], dist[hit], overlap[hit])
        same = dist < 1e-6
        if same.any():  # identical points: push in a random direction
            d[same] = rng.normal(size=(int(same.sum()), 2))
            dist[same] = np.sqrt((d[same] ** 2).sum(axis=1))
        push = d * (overlap / (2.0 * dist))[:, None] * 0.8
        move = np.zeros_like(pos)
        np.add.at(move, first, push)
        np.add.at(move, second, -push)
        pos += move
    return pos


# ------------------------------------------------------------------- the whole graph


def layout(graph: nx.Graph, placed: Mapping[Any, tuple[float, float]] | None = None, *,
           weight: str = "weight", seed: int = 42) -> dict[Any, tuple[float, float]]:
    """A position for every node of ``graph``, in page pixels.

    ``placed``: nodes already placed, kept where they are (default: where the page of
    ``graph`` with its default settings draws them, :func:`graph.html.page_positions`;
    ``{}``: none). Every other node goes beside its placed neighbours, weighted by the
    edges' ``weight`` attribute (below 1: 1), ring by ring; the components none of them
    reaches on a spiral outside. Deterministic; a graph of tens of thousands of nodes
    takes a few seconds.
    """
    if placed is None:
        from .html import page_positions

        placed = page_positions(graph)
    pos = {node: (float(x), float(y)) for node, (x, y) in placed.items() if node in graph}
    if len(pos) < graph.number_of_nodes():
        _place_the_rest(graph, pos, seed, weight)
    return pos


def _place_the_rest(graph: nx.Graph, pos: dict[Any, tuple[float, float]], seed: int,
                    weight: str) -> None:
    """Put every node not in ``pos`` beside its placed neighbours, or on a spiral.

    Ring by ring out from the placed nodes: each node of the next ring (a neighbour of a
    placed node) goes to the mean of its placed neighbours' positions weighted by the
    edges' ``weight``, plus a small random offset. Vectorised: a few passes over the edges.
    """
    nodes = list(graph)
    index = {node: i for i, node in enumerate(nodes)}
    n = len(nodes)
    us, vs, datas = edge_columns(graph)  # graph.edges(data=weight, default=1)
    one_way = np.array([index[u] for u in us], np.intp)
    other_way = np.array([index[v] for v in vs], np.intp)
    edge_weights = [data.get(weight, 1) for data in datas]
    del us, vs, datas
    try:
        weights = np.trunc(np.array(edge_weights, np.float64))
    except (TypeError, ValueError):  # a weight that is no number: as the page reads it
        weights = np.array([as_int(w, 1) for w in edge_weights], np.float64)
    del edge_weights
    src = np.concatenate([one_way, other_way])
    dst = np.concatenate([other_way, one_way])
    wts = np.tile(np.maximum(np.nan_to_num(weights, nan=1.0), 1.0), 2)
    xy = np.zeros((n, 2))
    placed = np.zeros(n, bool)
    for node, p in pos.items():
        xy[index[node]] = p
        placed[index[node]] = True
    if not placed.any():  # nothing shown: start from the most connected node
        strength = np.bincount(src, wts, n)
        placed[int(np.argmax(strength))] = True
    extent = float(np.abs(xy[placed]).max()) or 100.0
    rng = np.random.default_rng(seed)
    while True:
        reach = placed[src] & ~placed[dst]
        if not reach.any():
            break
        s, d, w = src[reach], dst[reach], wts[reach]
        total = np.bincount(d, w, n)
        ring = np.flatnonzero(total > 0)
        mean = np.stack([np.bincount(d, w * xy[s, 0], n), np.bincount(d, w * xy[s, 1], n)],
                        axis=1)[ring] / total[ring, None]
        angle = rng.uniform(0, 2 * math.pi, len(ring))
        radius = extent * (0.05 + 0.1 * rng.random(len(ring)))
        xy[ring] = mean + np.stack([radius * np.cos(angle), radius * np.sin(angle)], axis=1)
        placed[ring] = True
    rest = np.flatnonzero(~placed)  # other components: a spiral outside
    if len(rest):
        strength = np.bincount(src, wts, n)
        rest = rest[np.lexsort(([str(nodes[i]) for i in rest], -strength[rest]))]
        i = np.arange(len(rest))
        angle = i * 2.399963  # golden angle
        radius = extent * (1.3 + 0.5 * np.sqrt(i / len(rest)))
        xy[rest] = np.stack([radius * np.cos(angle), radius * np.sin(angle)], axis=1)
    for node, i in index.items():
        if node not in pos:
            pos[node] = (float(xy[i, 0]), float(xy[i, 1]))
