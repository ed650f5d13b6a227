"""The graph's data contract: actor types, attribute names and their flat encoding.

In memory, list- and dict-valued attributes (``aliases``, ``article_ids``, ``evidence``,
the graph's ``article_index``) are Python objects. File formats that only take scalars
(GraphML, GEXF, CSV) store them as JSON strings; :func:`flatten` and :func:`unflatten`
convert between the two, so every format round-trips losslessly.
"""

from __future__ import annotations

import json
import math
from typing import Any

import networkx as nx

#: Types that make graph nodes.
ACTOR_TYPES: tuple[str, ...] = ("state", "official", "person", "group")
#: Types that mentions may carry but that never become actor nodes.
OTHER_TYPES: tuple[str, ...] = ("place", "media", "other")

#: Colour per actor type (used by the HTML view, GraphML r/g/b and GEXF viz).
TYPE_COLOURS: dict[str, str] = {
    "state": "#1f77b4",
    "official": "#d62728",
    "person": "#ff9f1c",
    "group": "#2ca02c",
}

#: Human labels for the legend.
TYPE_LABELS: dict[str, str] = {
    "state": "State",
    "official": "Official",
    "person": "Person",
    "group": "Group / organisation",
}

#: Attributes stored as JSON strings in flat formats.
NODE_LIST_ATTRS: frozenset[str] = frozenset({"aliases", "article_ids", "article_mentions"})
EDGE_LIST_ATTRS: frozenset[str] = frozenset({"evidence", "article_ids", "interactions"})
GRAPH_LIST_ATTRS: frozenset[str] = frozenset({"article_index"})

#: Integer-valued attributes (restored as int when a reader hands back strings/floats).
NODE_INT_ATTRS: frozenset[str] = frozenset({"mentions", "articles"})
EDGE_INT_ATTRS: frozenset[str] = frozenset({"weight", "sentences",
                                            # interactions (graph.interactions)
                                            "verbal_cooperation", "material_cooperation",
                                            "verbal_conflict", "material_conflict",
                                            "cooperation", "conflict"})


try:  # orjson is a dependency, but keep the standard library as a fallback
    import orjson

    def _dumps(value: Any) -> str:
        try:
            return orjson.dumps(value).decode("utf-8")
        except TypeError:  # e.g. integers beyond 64 bits, non-string keys
            return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
except ImportError:  # pragma: no cover
    def _dumps(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _encode(value: Any) -> Any:
    if isinstance(value, (list, tuple, dict, set)):
        if isinstance(value, set):
            value = sorted(value)
        return _dumps(value)
    return value


def _decode(value: Any, default: Any) -> Any:
    if isinstance(value, str):
        try:
            return json.loads(value) if value else default
        except json.JSONDecodeError:
            return default
    return value if value is not None else default


def encode_value(value: Any) -> Any:
    """One attribute value as a file format stores it: lists, sets and dicts as JSON."""
    return _encode(value)


def flatten(graph: nx.Graph) -> nx.Graph:
    """Return a copy of ``graph`` whose attributes are all scalars (no lists, no None)."""
    flat = nx.Graph()
    flat.graph.update(
        {k: _encode(v) for k, v in graph.graph.items() if v is not None}
    )
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **{k: _encode(v) for k, v in data.items() if v is not None})
    for u, v, data in graph.edges(data=True):
        flat.add_edge(u, v, **{k: _encode(x) for k, x in data.items() if x is not None})
    return flat


def unflatten(graph: nx.Graph) -> nx.Graph:
    """Inverse of :func:`flatten`: decode JSON attributes and restore integer counts."""
    out = nx.Graph()
    for key, value in graph.graph.items():
        out.graph[key] = _decode(value, {}) if key in GRAPH_LIST_ATTRS else value
    for node, data in graph.nodes(data=True):
        attrs = dict(data)
        for key in NODE_LIST_ATTRS & attrs.keys():
            attrs[key] = _decode(attrs[key], [])
        for key in NODE_INT_ATTRS & attrs.keys():
            attrs[key] = int(attrs[key])
        out.add_node(str(node), **attrs)
    for u, v, data in graph.edges(data=True):
        attrs = dict(data)
        for key in EDGE_LIST_ATTRS & attrs.keys():
            attrs[key] = _decode(attrs[key], [])
        for key in EDGE_INT_ATTRS & attrs.keys():
            attrs[key] = int(attrs[key])
        out.add_edge(str(u), str(v), **attrs)
    return out


def as_int(value: Any, default: int = 0) -> int:
    """An attribute read as a count (GraphML and CSV may give "3" or "3.0"), else
    ``default``."""
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return default


def as_text(value: Any) -> str:
    """An attribute read as text: "" for a missing value (None, or NaN from pandas)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)
