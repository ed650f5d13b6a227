"""GraphML: the project's main file format, opened as is by Gephi, igraph and networkx.

Every attribute is a scalar (lists are JSON strings, see :mod:`graph.schema`). Nodes also
carry Gephi's visual conventions — ``r``, ``g``, ``b`` (ints), ``size``, ``x``, ``y``
(floats) — so colours, sizes and a layout appear as soon as the file is opened. Node ids
are the entity ids; the display name is the ``label`` attribute.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import networkx as nx
from lxml import etree

from ..atomic import atomic_path
from ..schema import (
    EDGE_INT_ATTRS,
    EDGE_LIST_ATTRS,
    GRAPH_LIST_ATTRS,
    NODE_INT_ATTRS,
    NODE_LIST_ATTRS,
    encode_value,
    unflatten,
)
from . import sidecar as _sidecar
from ._common import VIZ_ATTRS, viz_attributes, xml_safe
from .graphml_stream import write_graphml


def to_flat(graph: nx.Graph, *, viz: bool = True) -> nx.Graph:
    """The scalar-only, XML-safe copy of ``graph`` that GraphML stores (one pass)."""

    def clean(data: dict[str, Any], drop: frozenset[str] = frozenset()) -> dict[str, Any]:
        return {k: xml_safe(encode_value(v)) for k, v in data.items()
                if v is not None and k not in drop}

    out = nx.Graph()
    out.graph.update(clean(graph.graph))
    extra = viz_attributes(graph) if viz else {}
    nodes = []
    for node, data in graph.nodes(data=True):
        attrs = clean(data, VIZ_ATTRS)
        attrs.setdefault("label", str(node))
        attrs.update(extra.get(node, {}))
        nodes.append((str(node), attrs))
    out.add_nodes_from(nodes)
    out.add_edges_from((str(u), str(v), clean(data)) for u, v, data in graph.edges(data=True))
    return out


def write(graph: nx.Graph, path: str | os.PathLike[str], *, sidecar: bool = True) -> Path:
    """Write ``graph`` as GraphML (atomically) and return the path written.

    With ``sidecar`` (the default) the fast-load sidecar ``<path>.agcache`` is written
    beside it, see :mod:`graph.readwrite.sidecar`.
    """
    path = Path(path)
    flat = to_flat(graph)
    with atomic_path(path) as tmp:
        with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
            write_graphml(flat, fh, flat=True)  # streaming: several times faster than networkx's
        if sidecar:  # what was written, before it can be replaced by another writer
            when, kinds = _sidecar.stamp(tmp), declared_types(tmp)
    if sidecar:
        _sidecar.write(path, lambda: as_read(flat, kinds), when)
    else:
        _sidecar.remove(path)
    return path


try:  # orjson is optional and faster
    from orjson import loads as _loads
except ImportError:  # pragma: no cover - depends on the environment
    from json import loads as _loads

_NS = "{http://graphml.graphdrawing.org/xmlns}"
_BOOL_TRUE = frozenset({"true", "1", "yes"})


def _fast_read(path: str | os.PathLike[str]) -> nx.Graph | None:
    """Read the plain GraphML the project writes, about 3x faster than networkx.

    Returns ``None`` for anything unusual (nested graphs, hyperedges, ports, defaults),
    which the caller then hands to networkx's full reader.
    """
    root = etree.parse(str(path), etree.XMLParser(huge_tree=True)).getroot()
    if root.tag != _NS + "graphml":
        return None
    keys: dict[str, tuple[str, str, str]] = {}
    for k in root.iterchildren(_NS + "key"):
        if len(k):  # a <default> or <desc>: let networkx handle it
            return None
        keys[k.get("id", "")] = (k.get("attr.name") or k.get("id", ""),
                                 k.get("attr.type", "string"), k.get("for", "all"))
    graphs = root.findall(_NS + "graph")
    if len(graphs) != 1 or graphs[0].find(f"{_NS}hyperedge") is not None:
        return None
    gr = graphs[0]

    def attrs_of(el: object, lists: frozenset[str], ints: frozenset[str]) -> dict:
        out: dict = {}
        for d in el.iterchildren(_NS + "data"):  # type: ignore[attr-defined]
            name, kind, _ = keys[d.get("key")]
            text = d.text or ""
            if kind == "string":
                out[name] = _decode_list(text) if name in lists else text
            elif kind in ("int", "long", "integer"):
                out[name] = int(text)
            elif kind in ("float", "double"):
                out[name] = int(float(text)) if name in ints else float(text)
            elif kind == "boolean":
                out[name] = text.strip().lower() in _BOOL_TRUE
            else:
                out[name] = text
        return out

    g = nx.Graph()
    for key, value in attrs_of(gr, frozenset(), frozenset()).items():
        g.graph[key] = value
    nodes, edges = [], []
    for el in gr.iterchildren(_NS + "node", _NS + "edge"):
        if len(el) and el[-1].tag == _NS + "graph":
            return None  # nested graph
        if el.tag == _NS + "node":
            data = attrs_of(el, NODE_LIST_ATTRS, NODE_INT_ATTRS)
            for key in VIZ_ATTRS & data.keys():
                del data[key]
            nodes.append((el.get("id"), data))
        else:
            edges.append((el.get("source"), el.get("target"),
                          attrs_of(el, EDGE_LIST_ATTRS, EDGE_INT_ATTRS)))
    g.add_nodes_from(nodes)
    g.add_edges_from(edges)
    for key in GRAPH_LIST_ATTRS & g.graph.keys():
        value = g.graph[key]
        g.graph[key] = (_decode_list(value, {}) if isinstance(value, str) else value)
    return g


def declared_types(path: str | os.PathLike[str]) -> dict[tuple[str, str], frozenset[str]]:
    """The ``<key>`` declarations at the head of a GraphML file: ``(for, attr.name)`` →
    the ``attr.type`` values declared for it (usually one)."""
    found: dict[tuple[str, str], set[str]] = {}
    for _, el in etree.iterparse(str(path), events=("start",), huge_tree=True):
        if el.tag == _NS + "key":
            name = el.get("attr.name") or el.get("id", "")
            found.setdefault((el.get("for", "all"), name), set()).add(
                el.get("attr.type", "string"))
        elif el.tag == _NS + "graph":
            break
    return {k: frozenset(v) for k, v in found.items()}


_INT_TYPES = frozenset({"int", "long", "integer"})
_NATURAL = {bool: "boolean", int: "int", float: "double", str: "string"}


def _as_read_value(value: object, kinds: frozenset[str], name: str, lists: frozenset[str],
                   ints: frozenset[str]) -> object:
    """What the reader makes of ``value`` written under a key of one of ``kinds``."""
    natural = _NATURAL.get(type(value))
    if natural is None:
        raise TypeError(f"unexpected GraphML value type {type(value).__name__}")
    if natural == "int" and kinds & _INT_TYPES:
        kind = "int"
    elif natural in kinds:
        kind = natural
    elif len(kinds) == 1:
        kind = next(iter(kinds))
    else:
        raise ValueError(f"ambiguous GraphML type for {name!r}")
    if kind == "string":
        text = value if isinstance(value, str) else str(value)
        return _decode_list(text) if name in lists else text
    if kind in _INT_TYPES and natural == "int":
        return value
    if kind in ("float", "double") and natural in ("int", "double"):
        return int(float(value)) if name in ints else float(value)  # type: ignore[arg-type]
    if kind == "boolean" and natural == "boolean":
        return value
    raise ValueError(f"unexpected {natural} value under a {kind} key for {name!r}")


def as_read(flat: nx.Graph, declared: dict[tuple[str, str], frozenset[str]]) -> nx.Graph:
    """The graph :func:`read` returns for the file written from ``flat`` (see
    :func:`to_flat`) whose keys are ``declared`` (see :func:`declared_types`), without
    parsing it. Raises ``TypeError`` / ``ValueError`` for anything it cannot predict.
    """
    cache: dict[tuple[str, str, type], frozenset[str] | None] = {}

    def attrs(domain: str, data: dict, lists: frozenset[str], ints: frozenset[str],
              drop: frozenset[str] = frozenset()) -> dict:
        out: dict = {}
        for name, value in data.items():
            if value is None or name in drop:
                continue
            key = (domain, name, type(value))
            if key in cache:
                kinds = cache[key]
            else:
                kinds = (declared.get((domain, name), frozenset())
                         | declared.get(("all", name), frozenset()))
                natural = _NATURAL.get(type(value), "")
                if (kinds and natural != "boolean" and name not in lists and name not in ints
                        and (kinds == {natural} or natural == "int" and kinds <= _INT_TYPES)):
                    kinds = None  # the common case: the value reads back as it is
                cache[key] = kinds
            if kinds is None:
                out[name] = value
            elif kinds:  # (an undeclared attribute was not written)
                out[name] = _as_read_value(value, kinds, name, lists, ints)
        return out

    g = nx.Graph()
    g.graph.update(attrs("graph", flat.graph, frozenset(), frozenset()))
    for key in GRAPH_LIST_ATTRS & g.graph.keys():
        value = g.graph[key]
        g.graph[key] = (_decode_list(value, {}) if isinstance(value, str) else value)
    g.add_nodes_from((xml_safe(str(n)), attrs("node", d, NODE_LIST_ATTRS, NODE_INT_ATTRS,
                                              VIZ_ATTRS))
                     for n, d in flat.nodes(data=True))
    g.add_edges_from((xml_safe(str(u)), xml_safe(str(v)),
                      attrs("edge", d, EDGE_LIST_ATTRS, EDGE_INT_ATTRS))
                     for u, v, d in flat.edges(data=True))
    return g


def _decode_list(text: str, default: object = None) -> object:
    if not text:
        return [] if default is None else default
    try:
        return _loads(text)
    except ValueError:
        return [] if default is None else default


def read(path: str | os.PathLike[str]) -> nx.Graph:
    """Read a GraphML file into an in-memory graph (lists decoded, viz attributes dropped).

    The project's own files take a fast path; any other GraphML goes through networkx.
    """
    fast = _fast_read(path)
    if fast is not None:
        return fast
    flat = nx.read_graphml(path, node_type=str)
    if flat.is_directed() or flat.is_multigraph():
        flat = nx.Graph(flat)
    for key in ("node_default", "edge_default"):  # added by networkx's reader
        flat.graph.pop(key, None)
    for _, data in flat.nodes(data=True):
        for key in VIZ_ATTRS & data.keys():
            del data[key]
    return unflatten(flat)
