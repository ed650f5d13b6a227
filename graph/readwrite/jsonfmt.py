"""Node-link JSON for web tools (d3, sigma.js, Cytoscape.js…) and fast loading.

The shape is networkx's :func:`~networkx.node_link_data` with ``edges="edges"``::

    {"directed": false, "multigraph": false, "graph": {...},
     "nodes": [{"id": "mali", "label": "Mali", "aliases": ["Mali"], ...}, ...],
     "edges": [{"source": "mali", "target": "russie", "weight": 2, ...}, ...]}

List attributes (``aliases``, ``article_ids``, ``evidence``) stay real JSON lists. Files
with ``"links"`` instead of ``"edges"`` (older networkx) are read too.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import networkx as nx

from ..atomic import atomic_open
from ..errors import GraphFormatError
from ..schema import EDGE_INT_ATTRS, NODE_INT_ATTRS

try:  # orjson is optional: about five times faster on big graphs
    import orjson as _orjson
except ImportError:  # pragma: no cover - depends on the environment
    _orjson = None


def _plain(value: Any) -> Any:
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    if isinstance(value, tuple):
        return list(value)
    return value


def _clean(attrs: dict[str, Any]) -> dict[str, Any]:
    return {k: _plain(v) for k, v in attrs.items() if v is not None}


def to_data(graph: nx.Graph) -> dict[str, Any]:
    """The node-link dictionary written by :func:`write`."""
    return {
        "directed": False,
        "multigraph": False,
        "graph": _clean(graph.graph),
        "nodes": [{**_clean(d), "id": str(n)} for n, d in graph.nodes(data=True)],
        "edges": [{**_clean(d), "source": str(u), "target": str(v)}
                  for u, v, d in graph.edges(data=True)],
    }


def write(graph: nx.Graph, path: str | os.PathLike[str]) -> Path:
    """Write ``graph`` as node-link JSON (UTF-8, atomically); return the path written."""
    path = Path(path)
    data = to_data(graph)
    if _orjson is not None:
        try:
            payload = _orjson.dumps(data)
        except TypeError:  # e.g. a lone surrogate or an exotic value: use the stdlib
            payload = None
        if payload is not None:
            with atomic_open(path, "wb") as fh:
                fh.write(payload)
            return path
    with atomic_open(path, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, separators=(",", ":"), default=str)
    return path


def _ints(attrs: dict[str, Any], keys: frozenset[str]) -> None:
    for key in keys & attrs.keys():
        value = attrs[key]
        if not isinstance(value, int):
            attrs[key] = int(value)


def from_data(data: Any) -> nx.Graph:
    """Build a graph from a node-link dictionary."""
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        raise GraphFormatError("not a node-link JSON graph (no \"nodes\" list)")
    edges = data.get("edges", data.get("links", []))
    if not isinstance(edges, list):
        raise GraphFormatError("not a node-link JSON graph (\"edges\" is not a list)")
    g = nx.Graph()
    graph_attrs = data.get("graph") or {}
    if isinstance(graph_attrs, dict):
        g.graph.update(graph_attrs)
    nodes = []
    for item in data["nodes"]:
        attrs = dict(item)
        node = str(attrs.pop("id"))
        _ints(attrs, NODE_INT_ATTRS)
        nodes.append((node, attrs))
    g.add_nodes_from(nodes)
    links = []
    for item in edges:
        attrs = dict(item)
        u, v = str(attrs.pop("source")), str(attrs.pop("target"))
        _ints(attrs, EDGE_INT_ATTRS)
        links.append((u, v, attrs))
    g.add_edges_from(links)
    return g


def read(path: str | os.PathLike[str]) -> nx.Graph:
    """Read a node-link JSON file."""
    raw = Path(path).read_bytes()
    data = _orjson.loads(raw) if _orjson is not None else json.loads(raw)
    return from_data(data)
