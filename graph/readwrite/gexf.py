"""GEXF 1.3 (Gephi's native format) with ``viz`` colour, size and position.

networkx writes GEXF only up to 1.2draft, so this module writes (and reads) the XML itself
with lxml::

    <gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
      <meta><creator>actorgraph</creator><description>{graph attributes}</description></meta>
      <graph defaultedgetype="undirected" mode="static">
        <attributes class="node">…</attributes> <attributes class="edge">…</attributes>
        <nodes><node id="mali" label="Mali"><attvalues>…</attvalues>
          <viz:color r="31" g="119" b="180" a="1.0"/><viz:size value="50.0"/>
          <viz:position x="12.5" y="-3.2" z="0.0"/></node>…</nodes>
        <edges><edge id="0" source="mali" target="russie" weight="2">…</edge>…</edges>
      </graph>
    </gexf>

List attributes are JSON strings (as in GraphML). The graph's own attributes (title,
article index…) are kept as a JSON object in ``<meta><description>`` so that a GEXF file
loads back losslessly. Files in GEXF 1.1/1.2 are read too.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx
from lxml import etree

from ..atomic import atomic_path
from ..errors import GraphFormatError
from ..schema import flatten, unflatten
from ._common import VIZ_ATTRS, clean_attrs, viz_attributes, xml_safe

NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"

_TYPES_IN = {
    "integer": int, "long": int, "int": int, "short": int, "byte": int,
    "double": float, "float": float, "boolean": "bool", "string": str,
}


def _gexf_type(values: list[Any]) -> str:
    kinds = {type(v) for v in values}
    if kinds <= {bool}:
        return "boolean"
    if kinds <= {int, bool}:
        return "long"
    if kinds <= {int, float, bool}:
        return "double"
    return "string"


def _text(value: Any, kind: str) -> str:
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "long":
        return str(int(value))
    if kind == "double":
        return repr(float(value))
    return str(xml_safe(value))


def _declare(parent: etree._Element, cls: str, rows: list[dict[str, Any]],
             skip: set[str]) -> dict[str, tuple[str, str]]:
    """Declare the attributes of ``rows``; return name → (id, type)."""
    values: dict[str, list[Any]] = {}
    for row in rows:
        for key, value in row.items():
            if key not in skip:
                values.setdefault(key, []).append(value)
    attrs = etree.SubElement(parent, f"{{{NS}}}attributes", {"class": cls, "mode": "static"})
    out: dict[str, tuple[str, str]] = {}
    for i, key in enumerate(values):
        kind = _gexf_type(values[key])
        ident = f"{cls[0]}{i}"
        etree.SubElement(attrs, f"{{{NS}}}attribute",
                         {"id": ident, "title": key, "type": kind})
        out[key] = (ident, kind)
    return out


def _attvalues(parent: etree._Element, row: dict[str, Any],
               decl: dict[str, tuple[str, str]]) -> None:
    present = [(k, v) for k, v in row.items() if k in decl]
    if not present:
        return
    holder = etree.SubElement(parent, f"{{{NS}}}attvalues")
    for key, value in present:
        ident, kind = decl[key]
        etree.SubElement(holder, f"{{{NS}}}attvalue", {"for": ident, "value": _text(value, kind)})


def _jsonable(value: Any) -> Any:
    return sorted(value) if isinstance(value, (set, frozenset)) else str(value)


def to_tree(graph: nx.Graph, *, viz: bool = True) -> etree._ElementTree:
    """The GEXF 1.3 document for ``graph``."""
    flat = flatten(graph)
    root = etree.Element(f"{{{NS}}}gexf", nsmap={None: NS, "viz": VIZ_NS, "xsi": XSI_NS},
                         version="1.3")
    root.set(f"{{{XSI_NS}}}schemaLocation", SCHEMA_LOCATION)
    meta = etree.SubElement(root, f"{{{NS}}}meta", lastmodifieddate=date.today().isoformat())
    etree.SubElement(meta, f"{{{NS}}}creator").text = "actorgraph"
    graph_attrs = {k: v for k, v in graph.graph.items() if v is not None}
    if graph_attrs:
        etree.SubElement(meta, f"{{{NS}}}description").text = xml_safe(
            json.dumps(graph_attrs, ensure_ascii=False, separators=(",", ":"), default=_jsonable))
    g_el = etree.SubElement(root, f"{{{NS}}}graph", defaultedgetype="undirected",
                            mode="static")

    node_rows = [(str(n), clean_attrs({k: v for k, v in d.items() if k not in VIZ_ATTRS}))
                 for n, d in flat.nodes(data=True)]
    edge_rows = [(str(u), str(v), clean_attrs(d)) for u, v, d in flat.edges(data=True)]
    node_decl = _declare(g_el, "node", [r for _, r in node_rows], {"label"})
    edge_decl = _declare(g_el, "edge", [r for _, _, r in edge_rows], {"weight"})
    extra = viz_attributes(flat) if viz else {}

    nodes_el = etree.SubElement(g_el, f"{{{NS}}}nodes")
    for node, row in node_rows:
        n_el = etree.SubElement(nodes_el, f"{{{NS}}}node", id=xml_safe(node),
                                label=str(row.get("label", node)))
        _attvalues(n_el, row, node_decl)
        v = extra.get(node)
        if v:
            etree.SubElement(n_el, f"{{{VIZ_NS}}}color", r=str(v["r"]), g=str(v["g"]),
                             b=str(v["b"]), a="1.0")
            etree.SubElement(n_el, f"{{{VIZ_NS}}}size", value=repr(float(v["size"])))
            etree.SubElement(n_el, f"{{{VIZ_NS}}}position", x=repr(float(v["x"])),
                             y=repr(float(v["y"])), z="0.0")
    edges_el = etree.SubElement(g_el, f"{{{NS}}}edges")
    for i, (u, v_, row) in enumerate(edge_rows):
        attrs = {"id": str(i), "source": xml_safe(u), "target": xml_safe(v_)}
        if "weight" in row:
            attrs["weight"] = str(row["weight"])
        e_el = etree.SubElement(edges_el, f"{{{NS}}}edge", attrs)
        _attvalues(e_el, row, edge_decl)
        if viz and {"r", "g", "b"} <= row.keys():  # the tone of its interactions
            etree.SubElement(e_el, f"{{{VIZ_NS}}}color", r=str(row["r"]), g=str(row["g"]),
                             b=str(row["b"]), a="1.0")
    return etree.ElementTree(root)


def write(graph: nx.Graph, path: str | os.PathLike[str]) -> Path:
    """Write ``graph`` as GEXF 1.3 (atomically); return the path written."""
    return write_tree(to_tree(graph), path)


def write_tree(tree: etree._ElementTree, path: str | os.PathLike[str]) -> Path:
    """Write a GEXF document atomically; return the path written."""
    path = Path(path)
    with atomic_path(path) as tmp:
        tree.write(str(tmp), encoding="UTF-8", xml_declaration=True, pretty_print=True)
    return path


# --------------------------------------------------------------------------- reading


def _convert(value: str, kind: Any) -> Any:
    if kind == "bool":
        return value.strip().lower() in ("true", "1", "yes")
    if kind is int:
        try:
            return int(value)
        except ValueError:
            return int(float(value))
    if kind is float:
        return float(value)
    return value


def _local(tag: Any) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def read(path: str | os.PathLike[str]) -> nx.Graph:
    """Read a GEXF file (1.1, 1.2 or 1.3); ``viz`` elements are ignored."""
    parser = etree.XMLParser(huge_tree=True, remove_blank_text=True)
    root = etree.parse(str(path), parser).getroot()
    if _local(root.tag) != "gexf":
        raise GraphFormatError(f"not a GEXF file (root element <{_local(root.tag)}>)")
    g_el = next((c for c in root if _local(c.tag) == "graph"), None)
    if g_el is None:
        raise GraphFormatError("not a GEXF file (no <graph> element)")
    flat = nx.Graph()
    meta = next((c for c in root if _local(c.tag) == "meta"), None)
    if meta is not None:
        for child in meta:
            if _local(child.tag) == "description" and child.text:
                try:
                    data = json.loads(child.text)
                except json.JSONDecodeError:
                    data = {"description": child.text}
                if isinstance(data, dict):
                    flat.graph.update(data)
    decls: dict[str, dict[str, tuple[str, Any]]] = {"node": {}, "edge": {}}
    for attrs_el in (c for c in g_el if _local(c.tag) == "attributes"):
        cls = attrs_el.get("class", "node")
        for a in attrs_el:
            if _local(a.tag) == "attribute":
                decls.setdefault(cls, {})[a.get("id")] = (
                    a.get("title") or a.get("id"), _TYPES_IN.get(a.get("type", "string"), str))

    def values(el: etree._Element, cls: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for holder in el:
            if _local(holder.tag) != "attvalues":
                continue
            for av in holder:
                if av.get("start") is not None or av.get("timestamp") is not None:
                    continue  # a dynamic value (see gexf_dynamic): the static one stays
                key = av.get("for") or av.get("id")
                title, kind = decls[cls].get(key, (key, str))
                out[title] = _convert(av.get("value", ""), kind)
        return out

    for section in g_el:
        name = _local(section.tag)
        if name == "nodes":
            for n_el in section:
                if _local(n_el.tag) != "node":
                    continue
                attrs = values(n_el, "node")
                node = n_el.get("id")
                attrs["label"] = n_el.get("label", node)
                flat.add_node(node, **attrs)
        elif name == "edges":
            for e_el in section:
                if _local(e_el.tag) != "edge":
                    continue
                attrs = values(e_el, "edge")
                if e_el.get("weight") is not None:
                    attrs["weight"] = _convert(e_el.get("weight"), float)
                flat.add_edge(e_el.get("source"), e_el.get("target"), **attrs)
    return unflatten(flat)
