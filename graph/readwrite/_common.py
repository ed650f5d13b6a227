"""Helpers shared by the file formats: visual attributes (the layout is
:mod:`graph.layout`'s), XML-safe strings."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

import networkx as nx

from ..layout import layout
from ..schema import TYPE_COLOURS

#: Node attributes every exporter adds for Gephi (colour, size, position). They are derived
#: from ``type``, ``mentions`` and the graph's shape, so readers drop them again.
VIZ_ATTRS: frozenset[str] = frozenset({"r", "g", "b", "size", "x", "y"})

#: Colour of a node whose type has no entry in :data:`graph.schema.TYPE_COLOURS`.
DEFAULT_COLOUR = "#999999"

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


def viz_attributes(graph: nx.Graph, pos: Mapping[Any, tuple[float, float]] | None = None
                   ) -> dict[Any, dict[str, Any]]:
    """Per node: ``r``, ``g``, ``b`` (ints), ``size``, ``x``, ``y`` (floats).

    The position is the page's (:func:`graph.layout.layout`, rounded to 0.001 px); ``pos``
    is that layout of ``graph`` when the caller already has it.
    """
    sizes = node_sizes(graph)
    if pos is None:
        pos = layout(graph)
    out: dict[Any, dict[str, Any]] = {}
    for node, data in graph.nodes(data=True):
        r, g, b = node_rgb(data.get("type"))
        x, y = pos[node]
        out[node] = {"r": r, "g": g, "b": b, "size": sizes[node], "x": round(float(x), 3),
                     "y": round(float(y), 3)}
    return out


def clean_attrs(attrs: dict[str, Any]) -> dict[str, Any]:
    """Drop ``None`` values (no format stores them) and XML-invalid characters."""
    return {k: xml_safe(v) for k, v in attrs.items() if v is not None}
