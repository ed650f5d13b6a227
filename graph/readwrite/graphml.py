"""GraphML: the project's main file format, opened as is by Gephi, igraph and networkx.

Every attribute is a scalar (lists are JSON strings, see :mod:`graph.schema`). Nodes also
carry Gephi's visual conventions — ``r``, ``g``, ``b`` (ints), ``size``, ``x``, ``y``
(floats) — so colours, sizes and a layout appear as soon as the file is opened. Node ids
are the entity ids; the display name is the ``label`` attribute.
"""

from __future__ import annotations

import os
from pathlib import Path

import networkx as nx

from ..atomic import atomic_path
from ..schema import flatten, unflatten
from ._common import VIZ_ATTRS, clean_attrs, viz_attributes


def to_flat(graph: nx.Graph, *, viz: bool = True) -> nx.Graph:
    """The scalar-only, XML-safe copy of ``graph`` that GraphML stores."""
    flat = flatten(graph)
    out = nx.Graph()
    out.graph.update(clean_attrs(flat.graph))
    extra = viz_attributes(flat) if viz else {}
    for node, data in flat.nodes(data=True):
        attrs = clean_attrs({k: v for k, v in data.items() if k not in VIZ_ATTRS})
        attrs.setdefault("label", str(node))
        attrs.update(extra.get(node, {}))
        out.add_node(str(node), **attrs)
    for u, v, data in flat.edges(data=True):
        out.add_edge(str(u), str(v), **clean_attrs(data))
    return out


def write(graph: nx.Graph, path: str | os.PathLike[str]) -> Path:
    """Write ``graph`` as GraphML (atomically) and return the path written."""
    path = Path(path)
    flat = to_flat(graph)
    with atomic_path(path) as tmp:
        nx.write_graphml(flat, tmp, encoding="utf-8")
    return path


def read(path: str | os.PathLike[str]) -> nx.Graph:
    """Read a GraphML file into an in-memory graph (lists decoded, viz attributes dropped)."""
    flat = nx.read_graphml(path, node_type=str)
    if flat.is_directed() or flat.is_multigraph():
        flat = nx.Graph(flat)
    for key in ("node_default", "edge_default"):  # added by networkx's reader
        flat.graph.pop(key, None)
    for _, data in flat.nodes(data=True):
        for key in VIZ_ATTRS & data.keys():
            del data[key]
    return unflatten(flat)
