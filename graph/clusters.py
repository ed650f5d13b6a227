"""The structure the HTML view draws: a layout and communities on association strength.

Raw co-occurrence counts tie every actor to the most common ones, and a force layout of
them is a disc. Here the layout and the communities use only the links that say something
about an actor: the backbone (the disparity filter on association strength, see
:mod:`graph.backbone`) plus each actor's single most associated link, so that no actor is
left floating. Links pull with ``1 + 2 * association``. Communities are Louvain's on the
same links, weighted by association.

Everything works on index arrays (nodes ``0..n-1``, links ``sources[k]``-``targets[k]``),
so the functions can serve any view of the graph.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import numpy as np

from .backbone import alpha_for, disparity_pvalues

__all__ = ["PALETTE", "Structure", "layout_links", "strongest_links", "structure"]

#: Colours of the largest communities (a qualitative palette); the others are grey.
PALETTE: tuple[str, ...] = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948",
                            "#b07aa1", "#ff9da7", "#9c755f", "#17becf", "#bcbd22", "#8c564b")


@dataclass(frozen=True)
class Structure:
    """Positions (``n`` x 2, in about [-1, 1]), community of each node (``-1``: none),
    each link's disparity p-value and the default significance level."""

    positions: np.ndarray
    community: np.ndarray
    pvalues: np.ndarray
    alpha: float


def strongest_links(sources: np.ndarray, targets: np.ndarray, association: np.ndarray,
                    per_node: int = 1) -> np.ndarray:
    """A boolean mask of each node's ``per_node`` most associated links; among equal
    associations, the links given first (the page lists the heaviest first). An actor in
    every article has an association of 0 with everyone: it keeps links all the same."""
    mask = np.zeros(len(association), dtype=bool)
    if len(association) == 0:
        return mask
    ends = np.concatenate([sources, targets])
    values = np.concatenate([association, association])
    links = np.concatenate([np.arange(len(association))] * 2)
    order = np.lexsort((-values, ends))  # by node, most associated first (stable)
    sorted_ends = ends[order]
    start = np.searchsorted(sorted_ends, sorted_ends, side="left")
    rank = np.arange(len(order)) - start
    mask[links[order[rank < per_node]]] = True
    return mask


def layout_links(n: int, sources: np.ndarray, targets: np.ndarray, association: np.ndarray,
                 pvalues: np.ndarray, alpha: float, per_node: int = 3) -> np.ndarray:
    """A boolean mask of the links the layout uses: those with a p-value below ``alpha``
    and each node's ``per_node`` most associated links."""
    return (pvalues < alpha) | strongest_links(sources, targets, association, per_node)


def _communities(n: int, sources: np.ndarray, targets: np.ndarray,
                 strength: np.ndarray, seed: int) -> np.ndarray:
    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    graph.add_weighted_edges_from(
        (int(u), int(v), float(w)) for u, v, w in zip(sources, targets, strength, strict=True))
    parts = nx.community.louvain_communities(graph, weight="weight", seed=seed)
    parts = sorted(parts, key=lambda p: (-len(p), min(p)))
    out = np.full(n, -1, dtype=np.int64)
    for number, part in enumerate(parts):
        if len(part) > 1:
            out[list(part)] = number
    return out


def structure(n: int, sources: np.ndarray, targets: np.ndarray, association: np.ndarray, *,
              per_node: float = 3.0, seed: int = 42) -> Structure:
    """Layout, communities and backbone of a view of ``n`` nodes (see the module doc).

    The default level is the loosest of :data:`graph.backbone.ALPHAS` whose backbone has
    at most ``per_node`` links per node.
    """
    from .html import layout_positions

    src = np.asarray(sources, dtype=np.intp)
    dst = np.asarray(targets, dtype=np.intp)
    assoc = np.asarray(association, dtype=np.float64)
    positive = np.maximum(assoc, 0.0)
    pvalues = disparity_pvalues(n, src, dst, positive)
    alpha = alpha_for(pvalues, n, per_node)
    mask = layout_links(n, src, dst, assoc, pvalues, alpha)
    s, t, a = src[mask], dst[mask], positive[mask]
    community = (_communities(n, s, t, np.maximum(a, 0.01), seed)
                 if n else np.zeros(0, dtype=np.int64))
    # Links pull with 1 + 3 * association, three times less between communities, so that
    # they separate. (layout_positions pulls with 1 + log(weight).)
    pull = (1.0 + 3.0 * a) * np.where(community[s] == community[t], 1.0, 1.0 / 3.0)
    pos = layout_positions(n, s, t, np.exp(pull - 1.0), seed=seed)
    return Structure(pos, community, pvalues, alpha)
