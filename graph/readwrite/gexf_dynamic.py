"""Dynamic GEXF 1.3: the static GEXF document plus time, for Gephi's Timeline.

On top of :func:`graph.readwrite.gexf.to_tree`:

* ``<graph mode="dynamic" timeformat="date" timerepresentation="interval">``;
* every node and edge gets ``<spells>``, one ``<spell start=… end=…>`` per month in which
  it has articles (undated articles give no spell);
* the edges' weight per month as the dynamic attribute titled ``weight`` (the title GEXF
  reserves for a dynamic weight), the nodes' articles per month as ``articles_month``: one
  ``<attvalue for=… value=… start=… end=…>`` per month;
* no ``xsi:schemaLocation`` and no ``mode`` on ``<attributes>``: the GEXF 1.3 RelaxNG
  schema of the gephi/gexf repository rejects both.

The static attributes stay as the static writer writes them (``months`` included), and the
reader skips time-stamped values, so :func:`graph.load` reads the file back as the graph
that was written.
"""

from __future__ import annotations

import calendar
import os
from pathlib import Path
from typing import Any

import networkx as nx
from lxml import etree

from ..timeline import MONTHS, UNDATED, edge_month_counts
from .gexf import NS, XSI_NS, to_tree, write_tree

__all__ = ["to_dynamic_tree", "write_dynamic"]

#: Ids of the two dynamic attributes (the static ones are ``n0``…, ``e0``…).
NODE_ATTR = "dn0"
EDGE_ATTR = "de0"


def _month_span(month: str) -> tuple[str, str]:
    """``"2021-02"`` → ``("2021-02-01", "2021-02-28")``."""
    y, m = int(month[:4]), int(month[5:7])
    return f"{month}-01", f"{month}-{calendar.monthrange(y, m)[1]:02d}"


def _months(data: dict[str, Any], index: dict[str, Any]) -> dict[str, int]:
    """Articles per dated month of a node or edge (from ``months``, or recomputed)."""
    counts = edge_month_counts(data.get(MONTHS), lambda: data, lambda: index)
    counts.pop(UNDATED, None)
    return dict(sorted(counts.items()))


def _declare(g_el: etree._Element, cls: str, ident: str, title: str) -> None:
    attrs = etree.Element(f"{{{NS}}}attributes", {"class": cls})
    etree.SubElement(attrs, f"{{{NS}}}attribute", {"id": ident, "title": title,
                                                  "type": "integer"})
    last = [i for i, child in enumerate(g_el) if etree.QName(child).localname == "attributes"]
    g_el.insert(last[-1] + 1 if last else 0, attrs)


def _add_time(el: etree._Element, months: dict[str, int], attr: str) -> None:
    """Spells and per-month values for one ``<node>`` or ``<edge>``."""
    if not months:
        return
    holder = el.find(f"{{{NS}}}attvalues")
    if holder is None:
        holder = etree.SubElement(el, f"{{{NS}}}attvalues")
    spells = etree.SubElement(el, f"{{{NS}}}spells")
    for month, count in months.items():
        start, end = _month_span(month)
        etree.SubElement(spells, f"{{{NS}}}spell", start=start, end=end)
        etree.SubElement(holder, f"{{{NS}}}attvalue", {"for": attr, "value": str(count),
                                                       "start": start, "end": end})


def to_dynamic_tree(graph: nx.Graph, *, viz: bool = True) -> etree._ElementTree:
    """The dynamic GEXF 1.3 document for ``graph`` (see the module's docstring)."""
    tree = to_tree(graph, viz=viz)
    root = tree.getroot()
    root.attrib.pop(f"{{{XSI_NS}}}schemaLocation", None)
    g_el = root.find(f"{{{NS}}}graph")
    assert g_el is not None
    g_el.set("mode", "dynamic")
    g_el.set("timeformat", "date")
    g_el.set("timerepresentation", "interval")
    for attrs in g_el.findall(f"{{{NS}}}attributes"):
        attrs.attrib.pop("mode", None)
    _declare(g_el, "node", NODE_ATTR, "articles_month")
    _declare(g_el, "edge", EDGE_ATTR, "weight")
    index = graph.graph.get("article_index") or {}
    # the static writer writes nodes and edges in graph order
    for n_el, (_, data) in zip(g_el.iterfind(f"{{{NS}}}nodes/{{{NS}}}node"),
                               graph.nodes(data=True), strict=True):
        _add_time(n_el, _months(data, index), NODE_ATTR)
    for e_el, (_, _, data) in zip(g_el.iterfind(f"{{{NS}}}edges/{{{NS}}}edge"),
                                  graph.edges(data=True), strict=True):
        _add_time(e_el, _months(data, index), EDGE_ATTR)
    return tree


def write_dynamic(graph: nx.Graph, path: str | os.PathLike[str]) -> Path:
    """Write ``graph`` as dynamic GEXF 1.3 (atomically); return the path written."""
    return write_tree(to_dynamic_tree(graph), path)
