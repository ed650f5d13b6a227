"""GraphML: the project's main file format, opened as is by Gephi, igraph and networkx.

Every attribute is a scalar (lists are JSON strings, see :mod:`graph.schema`). Nodes also
carry Gephi's visual conventions — ``r``, ``g``, ``b`` (ints), ``size``, ``x``, ``y``
(floats) — so colours, sizes and a layout appear as soon as the file is opened. Node ids
are the entity ids; the display name is the ``label`` attribute.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from itertools import repeat
from operator import itemgetter
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

import networkx as nx
from lxml import etree

from ..atomic import atomic_path
from ..edges import edge_columns
from ..gc_pause import gc_paused
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
from .graphml_stream import _ATTR, _HEADER, _data, _escape, _keys, _kind, _text, write_graphml


def _clean(data: dict[str, Any], drop: frozenset[str] = frozenset()) -> dict[str, Any]:
    return {k: xml_safe(encode_value(v)) for k, v in data.items()
            if v is not None and k not in drop}


def to_flat(graph: nx.Graph, *, viz: bool = True) -> nx.Graph:
    """The scalar-only, XML-safe copy of ``graph`` that GraphML stores (one pass)."""
    return _to_flat(graph, viz_attributes(graph) if viz else {})


def _to_flat(graph: nx.Graph, extra: dict[Any, dict[str, Any]]) -> nx.Graph:
    out = nx.Graph()
    out.graph.update(_clean(graph.graph))
    nodes = []
    for node, data in graph.nodes(data=True):
        attrs = _clean(data, VIZ_ATTRS)
        attrs.setdefault("label", str(node))
        attrs.update(extra.get(node, {}))
        nodes.append((str(node), attrs))
    out.add_nodes_from(nodes)
    out.add_edges_from((str(u), str(v), _clean(data)) for u, v, data in graph.edges(data=True))
    return out


def write(graph: nx.Graph, path: str | os.PathLike[str], *, sidecar: bool = True,
          viz: Callable[[], dict[Any, dict[str, Any]]] | None = None) -> Path:
    """Write ``graph`` as GraphML (atomically) and return the path written.

    With ``sidecar`` (the default) the fast-load sidecar ``<path>.agcache`` is written
    beside it, see :mod:`graph.readwrite.sidecar`. ``viz`` returns Gephi's attributes
    per node (default: :func:`graph.readwrite._common.viz_attributes`); it is called
    once, after the edges are rendered, so a caller can compute the layout elsewhere
    (another process) in the meantime.
    """
    path = Path(path)
    computed: list[dict[Any, dict[str, Any]]] = []

    def extra() -> dict[Any, dict[str, Any]]:
        if not computed:
            computed.append(viz() if viz is not None else viz_attributes(graph))
        return computed[0]

    path.parent.mkdir(parents=True, exist_ok=True)
    with gc_paused():  # millions of new strings and dicts, no cycles among them
        # the edge rows and their sidecar segments go to two unnamed files beside the
        # output as they are rendered: a big graph's would not fit in memory twice
        with tempfile.TemporaryFile(dir=path.parent) as rows, \
                tempfile.TemporaryFile(dir=path.parent) as segments:
            spill = _Spill(rows, _sidecar.SpilledSegments(segments))
            fast = _render(graph, extra, spill)
            if fast is not None:
                text, split = fast
                del fast
                with atomic_path(path) as tmp:
                    with open(tmp, "wb") as fh:  # UTF-8, in chunks: faster than a text file
                        _write_lines(fh, text)
                        del text
                        spill.copy_rows(fh)
                        fh.write(_FOOTER.encode("utf-8"))
                    if sidecar:  # what was written, before another writer can replace it
                        when = _sidecar.stamp(tmp)
                if sidecar:
                    _sidecar.write_split(path, *split, when)
                else:
                    _sidecar.remove(path)
                return path
        # something unusual: the general path handles anything
        return _write_general(graph, path, extra(), sidecar)


def _write_general(graph: nx.Graph, path: Path, extra: dict[Any, dict[str, Any]],
                   sidecar: bool) -> Path:
    """:func:`write` for any graph: a flat copy, streamed, then what reading it returns."""
    flat = _to_flat(graph, extra)
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


class _ReadValues:
    """What the reader makes of one element's flat attributes, given the declared keys."""

    def __init__(self, declared: dict[tuple[str, str], frozenset[str]]) -> None:
        self.declared = declared
        self.cache: dict[tuple[str, str, type], frozenset[str] | None] = {}

    def __call__(self, domain: str, data: dict, lists: frozenset[str], ints: frozenset[str],
                 drop: frozenset[str] = frozenset()) -> dict:
        cache, declared = self.cache, self.declared
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


def _read_graph_attrs(attrs: _ReadValues, data: dict) -> dict:
    out = attrs("graph", data, frozenset(), frozenset())
    for key in GRAPH_LIST_ATTRS & out.keys():
        value = out[key]
        out[key] = (_decode_list(value, {}) if isinstance(value, str) else value)
    return out


def as_read(flat: nx.Graph, declared: dict[tuple[str, str], frozenset[str]]) -> nx.Graph:
    """The graph :func:`read` returns for the file written from ``flat`` (see
    :func:`to_flat`) whose keys are ``declared`` (see :func:`declared_types`), without
    parsing it. Raises ``TypeError`` / ``ValueError`` for anything it cannot predict.
    """
    attrs = _ReadValues(declared)
    g = nx.Graph()
    g.graph.update(_read_graph_attrs(attrs, flat.graph))
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


# --------------------------------------------------------------------------- fast write

try:
    from orjson import dumps as _orjson_dumps
except ImportError:  # pragma: no cover - depends on the environment
    _orjson_dumps = None

_INT_MIN, _INT_MAX = -(2**31), 2**31  # GraphML "int" below, "long" beyond
_KINDS = ("boolean", "int", "long", "double", "string")


class _Unusual(Exception):
    """Something only the general write path is known to handle exactly."""


def _check_name(name: object) -> str:
    if type(name) is not str or not name or xml_safe(name) is not name:
        raise _Unusual(f"attribute name {name!r}")
    return name


#: Edges rendered at a time: their rows and segments are then written to the spill.
_CHUNK = 20_000
_FOOTER = "  </graph>\n</graphml>\n"


def _write_lines(fh: BinaryIO, lines: list[str]) -> None:
    for i in range(0, len(lines), 4096):
        fh.write("".join(lines[i:i + 4096]).encode("utf-8"))


class _Spill:
    """Where :func:`_render` puts the edges as it renders them, a chunk at a time: their
    GraphML rows (UTF-8, copied into the document after the nodes, whose keys come
    first) and their sidecar segments."""

    def __init__(self, rows: BinaryIO, segments: _sidecar.SpilledSegments) -> None:
        self.rows, self.segments = rows, segments

    def add(self, lines: list[str], segments: list[bytes]) -> None:
        _write_lines(self.rows, lines)
        self.segments.add(segments)

    def reset(self) -> None:
        """Forget what was added (the edges are rendered again another way)."""
        for fh in (self.rows, self.segments.file):
            fh.seek(0)
            fh.truncate()
        self.segments = _sidecar.SpilledSegments(self.segments.file)

    def copy_rows(self, out: BinaryIO) -> None:
        self.rows.flush()
        self.rows.seek(0)
        while block := self.rows.read(1 << 22):
            out.write(block)


def _render(graph: nx.Graph, extra: Callable[[], dict[Any, dict[str, Any]]],
            spill: _Spill | None = None
            ) -> tuple[list[str], tuple[dict, dict, dict, _sidecar.SpilledSegments]] | None:
    """The GraphML text :func:`_write_general` writes for ``graph`` up to the edges (the
    edge rows, then ``_FOOTER``, follow from ``spill``) and the parts of the sidecar it
    writes (:func:`graph.readwrite.sidecar.write_split`), in one pass and without copying
    the graph; ``None`` when ``graph`` holds anything unusual.

    ``extra`` (Gephi's attributes) is only asked for once the edges are rendered.
    ``spill`` defaults to two anonymous temporary files.
    """
    if _orjson_dumps is None or type(graph) is not nx.Graph:
        return None
    if spill is None:
        spill = _Spill(tempfile.TemporaryFile(),
                       _sidecar.SpilledSegments(tempfile.TemporaryFile()))
    try:
        head = _node_rows(graph) or _render_head_general(graph, extra())
        keys, split = _render_edges(graph, head, spill)
        return _document(keys, _node_lines(head, extra)), split
    except Exception:  # _Unusual, or anything the general path must reproduce
        return None


#: Gephi's attributes as :func:`viz_attributes` gives them: name and GraphML type.
_VIZ_KINDS = (("r", "int"), ("g", "int"), ("b", "int"), ("size", "double"),
              ("x", "double"), ("y", "double"))


class _Head(NamedTuple):
    keys: list[tuple[str, str, str]]  # (for, attr.name, attr.type) of the graph and nodes
    lines: list[str]  # from <graph> to the last </node> (but see ``viz``)
    ids: dict[Any, str]  # node -> its id (a str)
    pool: dict[str, str]  # every string of the sidecar, once
    attrs: dict[str, Any]  # the sidecar's graph attributes
    nodes: dict[str, dict[str, Any]]  # the sidecar's node dict
    # None, or: the node rows of ``lines`` start at line ``viz[0]`` and still lack
    # Gephi's attributes (whose <data> openings are ``viz[1]``) and their closing tags
    viz: tuple[int, tuple[str, ...]] | None = None


def _node_lines(head: _Head, extra: Callable[[], dict[Any, dict[str, Any]]]) -> list[str]:
    """``head.lines`` with Gephi's attributes put into the node rows (if they lack them),
    exactly as :func:`_write_general` writes them."""
    if head.viz is None:
        return head.lines
    first, openings = head.viz
    values = extra()
    names = tuple(name for name, _ in _VIZ_KINDS)
    lines = head.lines
    for i, node in enumerate(head.ids, first):
        data = values[node]
        if tuple(data) != names:
            raise _Unusual("Gephi attributes other than viz_attributes'")
        r, g, b, size, x, y = data.values()
        if (type(r) is not int or type(g) is not int or type(b) is not int
                or not (_INT_MIN <= r < _INT_MAX and _INT_MIN <= g < _INT_MAX
                        and _INT_MIN <= b < _INT_MAX)
                or type(size) is not float or type(x) is not float or type(y) is not float):
            raise _Unusual("Gephi attributes of other types")
        lines[i] += ("</data>" + openings[0] + str(r) + "</data>" + openings[1] + str(g)
                     + "</data>" + openings[2] + str(b) + "</data>" + openings[3] + repr(size)
                     + "</data>" + openings[4] + repr(x) + "</data>" + openings[5] + repr(y)
                     + "</data></node>\n")
    return lines


def _document(keys: list[tuple[str, str, str]], head_lines: list[str]) -> list[str]:
    """The document up to its edge rows."""
    text = [_HEADER]
    for number, (domain, name, kind) in enumerate(keys):
        text.append(f'  <key id="d{number}" for="{domain}" attr.name="{name.translate(_ATTR)}" '
                    f'attr.type="{kind}" />\n')
    text.append('  <graph edgedefault="undirected">\n')
    text += head_lines
    return text


def _render_head_general(graph: nx.Graph, extra: dict[Any, dict[str, Any]]) -> _Head:
    flat_attrs = _clean(graph.graph)
    ids: dict[Any, str] = {}
    nodes = []
    for node, data in graph.nodes(data=True):
        sid = str(node)
        if xml_safe(sid) is not sid:
            raise _Unusual("node id")
        ids[node] = sid
        attrs = _clean(data, VIZ_ATTRS)
        attrs.setdefault("label", sid)
        attrs.update(extra.get(node, {}))
        nodes.append((sid, attrs))
    if len(set(ids.values())) != len(ids):
        raise _Unusual("two nodes with one id")
    graph_kinds = _keys([flat_attrs], True)
    node_kinds = _keys((attrs for _, attrs in nodes), True)
    keys: list[tuple[str, str, str]] = []
    key_ids: dict[str, dict[str, tuple[str, str]]] = {"graph": {}, "node": {}}
    for domain, kinds in (("graph", graph_kinds), ("node", node_kinds)):
        for name, kind in kinds.items():
            key_ids[domain][_check_name(name)] = (f"d{len(keys)}", kind)
            keys.append((domain, name, kind))
    lines = [f"    {part}\n" for part in _data(flat_attrs, key_ids["graph"], True)]
    node_ids = key_ids["node"]
    for sid, attrs in nodes:
        lines.append(f'    <node id="{sid.translate(_ATTR)}">'
                     + "".join(_data(attrs, node_ids, True)) + "</node>\n")
    # what reading the file returns, shared as the sidecar shares it
    read = _ReadValues({(domain, name): frozenset({kind}) for domain, name, kind in keys})
    pool: dict[str, str] = {}
    share = _sidecar._sharing(pool)
    sidecar_attrs = share(_read_graph_attrs(read, flat_attrs))
    sidecar_nodes = {share(sid): share(read("node", attrs, NODE_LIST_ATTRS, NODE_INT_ATTRS,
                                                VIZ_ATTRS))
                     for sid, attrs in nodes}
    return _Head(keys, lines, ids, pool, sidecar_attrs, sidecar_nodes)


def _key_numbers(first: int) -> tuple[dict[str, dict[str, str]], dict[str, str],
                                      Callable[[str, str], str]]:
    """Keys numbered as they are first met, from ``d{first}`` on: per GraphML type,
    attribute name -> its ``<data key="dN">`` opening (a name's types are the dicts it is
    in); name -> its number; and the function that enters a (name, type)."""
    prefixes: dict[str, dict[str, str]] = {kind: {} for kind in _KINDS}
    numbers: dict[str, str] = {}

    def prefix(name: str, kind: str) -> str:
        number = numbers.get(name)
        if number is None:
            number = numbers[_check_name(name)] = f"d{first + len(numbers)}"
        text = prefixes[kind][name] = f'<data key="{number}">'
        return text

    return prefixes, numbers, prefix


def _string_texts(same: Callable[[str, str], str]
                  ) -> tuple[dict[str, tuple[str, str]], Callable[[str], tuple[str, str]]]:
    """A memo of string values -> (their XML text, the value read back, shared through
    ``same``), and the function that fills it."""
    strings: dict[str, tuple[str, str]] = {}

    def string(value: str) -> tuple[str, str]:
        safe = xml_safe(value)
        entry = strings[value] = (_escape(safe), same(safe, safe))
        return entry

    return strings, string


def _node_rows(graph: nx.Graph) -> _Head | None:
    """The graph's attributes and its nodes, exactly as :func:`_write_general` does them,
    in one pass over the nodes with shortcuts for the usual values, but without Gephi's
    attributes (added by :func:`_node_lines`); ``None`` if anything is unusual."""
    flat_attrs = _clean(graph.graph)
    graph_kinds = _keys([flat_attrs], True)
    keys = [("graph", _check_name(name), kind) for name, kind in graph_kinds.items()]
    lines = [f"    {part}\n" for part in _data(
        flat_attrs, {name: (f"d{i}", kind) for i, (_, name, kind) in enumerate(keys)}, True)]
    pool: dict[str, str] = {}
    same, share = pool.setdefault, _sidecar._sharing(pool)
    dumps, escape = _orjson_dumps, _escape
    prefixes, numbers, prefix = _key_numbers(len(keys))
    pre_str, pre_int, pre_long = prefixes["string"], prefixes["int"], prefixes["long"]
    pre_float, pre_bool = prefixes["double"], prefixes["boolean"]
    strings, string = _string_texts(same)

    node_deferred = frozenset(_sidecar.NODE_DEFERRED)
    ids: dict[Any, str] = {}
    nodes: dict[str, dict[str, Any]] = {}
    first = len(lines)
    viz_openings: tuple[str, ...] | None = None
    for node, data in graph._node.items():
        sid = str(node)
        if xml_safe(sid) is not sid:
            return None
        ids[node] = sid
        parts = []
        read: dict[str, Any] = {}
        for k, x in data.items():
            if x is None or k in VIZ_ATTRS:
                continue
            t = type(x)
            if t is str:
                if k in NODE_LIST_ATTRS:
                    return None
                text, x = strings.get(x) or string(x)
                parts.append((pre_str.get(k) or prefix(k, "string")) + text)
            elif t is int:
                if _INT_MIN <= x < _INT_MAX:
                    parts.append((pre_int.get(k) or prefix(k, "int")) + str(x))
                else:
                    parts.append((pre_long.get(k) or prefix(k, "long")) + str(x))
            elif t is list:
                try:
                    text = dumps(x).decode()
                except TypeError:
                    return None
                if "\ufffe" in text or "\uffff" in text:  # what xml_safe would strip
                    return None
                parts.append((pre_str.get(k) or prefix(k, "string")) + escape(text))
                if k not in NODE_LIST_ATTRS:
                    x = same(text, text)
                elif k not in node_deferred or not _sidecar._flat(x):
                    x = share(_loads(text))
                # else: strings only or ints only, which orjson wrote: they read back
                # equal, and the sidecar keeps them as JSON (no copy of a long list)
            elif t is float and k not in NODE_INT_ATTRS:
                parts.append((pre_float.get(k) or prefix(k, "double")) + repr(x))
            elif t is bool:
                parts.append((pre_bool.get(k) or prefix(k, "boolean"))
                             + ("true" if x else "false"))
            else:
                return None
            read[same(k, k)] = x
        if "label" not in read:
            text, x = strings.get(sid) or string(sid)
            parts.append((pre_str.get("label") or prefix("label", "string")) + text)
            read[same("label", "label")] = x
        if viz_openings is None:  # numbered where the first node's own keys end
            viz_openings = tuple(prefix(k, kind) for k, kind in _VIZ_KINDS)
        nodes[same(sid, sid)] = read
        lines.append(f'    <node id="{sid.translate(_ATTR)}">' + "</data>".join(parts))
    if len(nodes) != len(ids):
        return None  # two nodes with one id
    for name in numbers:
        found = {kind for kind in _KINDS if name in prefixes[kind]}
        if found == {"int", "long"}:
            found = {"long"}
        if len(found) != 1:  # widened: the text or the value read would change
            return None
        keys.append(("node", name, next(iter(found))))
    read_values = _ReadValues({(domain, name): frozenset({kind})
                               for domain, name, kind in keys})
    return _Head(keys, lines, ids, pool, _sidecar_attrs(graph, flat_attrs, read_values, share),
                 nodes, (first, viz_openings or ()))


def _sidecar_attrs(graph: nx.Graph, flat_attrs: dict[str, Any], read_values: _ReadValues,
                   share: Callable[[Any], Any]) -> dict[str, Any]:
    """The graph's attributes as reading the file returns them, shared as the sidecar
    shares them. An attribute the sidecar keeps as JSON (the article index: hundreds of
    thousands of dicts on a big corpus) whose text is orjson's own of plain data reads
    back equal to the graph's value, so that value is used, not a decoded copy."""
    exact = {k for k in _sidecar.GRAPH_DEFERRED
             if k in flat_attrs and _reads_back(graph.graph[k], flat_attrs[k])}
    read = _read_graph_attrs(read_values, {k: "" if k in exact else v
                                           for k, v in flat_attrs.items()})
    shared = share({k: v for k, v in read.items() if k not in exact})
    return {k: graph.graph[k] if k in exact else shared[k] for k in read}


def _reads_back(value: Any, text: Any) -> bool:
    """Whether ``text`` (GraphML's text of ``value``) decodes to a value equal to
    ``value``: plain JSON data (see :func:`graph.readwrite.sidecar._plain`) that orjson
    writes as ``text`` exactly (so nothing was stripped and no int is beyond 64 bits)."""
    if type(value) not in (dict, list) or type(text) is not str or _orjson_dumps is None:
        return False
    if not _sidecar._plain(value):
        return False
    try:
        return bool(_orjson_dumps(value).decode() == text)
    except TypeError:
        return False


def _render_edges(graph: nx.Graph, head: _Head, spill: _Spill
                  ) -> tuple[list[tuple[str, str, str]],
                             tuple[dict, dict, dict, _sidecar.SpilledSegments]]:
    """Every key and the sidecar's parts; the edge rows and segments, in the order of
    ``graph.edges()``, go to ``spill`` a chunk at a time."""
    us, vs, datas = edge_columns(graph)
    xml_ids = {node: sid.translate(_ATTR) for node, sid in head.ids.items()}
    same = head.pool.setdefault
    sids = {node: same(sid, sid) for node, sid in head.ids.items()}
    signatures = set(map(tuple, datas))
    leans: list[dict[str, Any]] | None = None
    if len(signatures) == 1:  # every edge has the same attributes: column by column
        leans, kinds = _edge_chunks(next(iter(signatures)), us, vs, datas, head, xml_ids,
                                    spill)
    elif len(signatures) > 1:  # a few kinds of edges: each column by column
        grouped = _edge_groups(us, vs, datas, head, xml_ids, spill)
        if grouped is not None:
            leans, kinds = grouped
    if leans is None:
        spill.reset()
        leans, kinds = _edge_rows(us, vs, datas, head, xml_ids, spill)
    adj: dict[str, dict[str, dict[str, Any]]] = {sid: {} for sid in sids.values()}
    for u, v, lean in zip(map(sids.__getitem__, us), map(sids.__getitem__, vs), leans,
                          strict=True):
        adj[u][v] = lean
        adj[v][u] = lean
    del us, vs, datas, leans
    keys = list(head.keys)
    for name, found in kinds.items():
        if found == {"int", "long"}:
            found = {"long"}
        if len(found) != 1:  # widened: the text or the value read would change
            raise _Unusual(f"edge attribute {name!r} of types {found}")
        keys.append(("edge", name, next(iter(found))))
    return keys, (head.attrs, head.nodes, adj, spill.segments)


_Columns = tuple[list[str], list[bytes], list[dict[str, Any]], dict[str, set[str]]]


def _edge_chunks(names: tuple[str, ...], us: list[Any], vs: list[Any],
                 datas: list[dict[str, Any]], head: _Head, xml_ids: dict[Any, str],
                 spill: _Spill) -> tuple[list[dict[str, Any]] | None, dict[str, set[str]]]:
    """:func:`_edge_columns` a chunk of edges at a time, the rows and segments spilled:
    the lean dicts and the keys' types (None if a column is unusual)."""
    leans: list[dict[str, Any]] = []
    kinds: dict[str, set[str]] = {}
    for lo in range(0, len(datas), _CHUNK):
        hi = lo + _CHUNK
        columns = _edge_columns(names, us[lo:hi], vs[lo:hi], datas[lo:hi], head, xml_ids)
        if columns is None:
            return None, {}
        lines, segments, chunk_leans, chunk_kinds = columns
        spill.add(lines, segments)
        leans += chunk_leans
        for name, found in chunk_kinds.items():
            kinds.setdefault(name, set()).update(found)
    return leans, kinds
_BOOL_TEXT = {True: "true", False: "false"}


def _edge_columns(names: tuple[str, ...], us: list[Any], vs: list[Any],
                  datas: list[dict[str, Any]], head: _Head, xml_ids: dict[Any, str],
                  numbers: dict[str, str] | None = None) -> _Columns | None:
    """The edges' lines, segments and lean dicts when all have the attributes ``names``
    (in that order), built a column at a time; ``None`` if a column is unusual.

    ``numbers`` gives each name its key id (default: ``names`` numbered in order after
    the keys of ``head``). A column of one value is written into the row's template
    once; ints and floats are formatted by the template (``str`` and ``repr`` alike)."""
    dumps, same = _orjson_dumps, head.pool.setdefault
    first = len(head.keys)
    kinds: dict[str, set[str]] = {}
    texts: list[Sequence[Any]] = []
    leans: list[Sequence[Any]] = []
    deferred: dict[str, list[str]] = {}
    line = ['    <edge source="{}" target="{}">']
    for name in names:
        _check_name(name)
        column = list(map(itemgetter(name), datas))
        found = _column(name, column, same)
        if found is None:
            return None
        text, lean, kinds[name], json = found
        leans.append(lean)
        if json is not None:
            deferred[name] = json
        key = numbers[name] if numbers is not None else f"d{first + len(kinds) - 1}"
        if isinstance(text, str):  # one value: into the template
            text = text.replace("{", "{{").replace("}", "}}")
        else:
            texts.append(text)
            text = "{}"
        line.append(f'<data key="{key}">{text}</data>')
    line.append("</edge>\n")
    lines = list(map("".join(line).format, map(xml_ids.__getitem__, us),
                     map(xml_ids.__getitem__, vs), *texts))
    del texts
    if deferred:
        members = [k for k in _sidecar.DEFERRED if k in deferred]
        segment = "{{" + ",".join(dumps(k).decode().replace("{", "{{").replace("}", "}}")
                                  + ":{}" for k in members) + "}}"
        segments = list(map(str.encode, map(segment.format,
                                            *(deferred[k] for k in members))))
    else:
        segments = [b"null"] * len(datas)
    keys = tuple(same(name, name) for name in names)
    if keys:
        lean_dicts = list(map(dict, map(zip, repeat(keys), zip(*leans, strict=True))))
    else:
        lean_dicts = [{} for _ in datas]
    return lines, segments, lean_dicts, kinds


def _column(name: str, column: list[Any], same: Callable[[str, str], str]
            ) -> tuple[str | Sequence[Any], Sequence[Any], set[str], list[str] | None] | None:
    """One edge attribute's values (``column``, at least one) as :func:`_edge_columns`
    writes them: their texts (one ``str``: every value writes that text; else values the
    row template formats), their lean values, their GraphML types and, for a deferred
    list, its JSON texts; ``None`` if the column is unusual."""
    n = len(column)
    types = set(map(type, column))
    if types == {str} and name not in EDGE_LIST_ATTRS:
        unique = set(column)
        xml = {x: _escape(xml_safe(x)) for x in unique}
        read = {x: same(xml_safe(x), xml_safe(x)) for x in unique}
        if len(unique) == 1:
            (x,) = unique
            return xml[x], [read[x]] * n, {"string"}, None
        return (list(map(xml.__getitem__, column)), list(map(read.__getitem__, column)),
                {"string"}, None)
    if types == {int} or types == {float} and name not in EDGE_INT_ATTRS:
        if types == {int}:
            kinds = {"int" if _INT_MIN <= x < _INT_MAX else "long"
                     for x in (min(column), max(column))}
        else:
            kinds = {"double"}
        x = column[0]
        if column.count(x) == n and (x or types == {int} or len(set(map(repr, column))) == 1):
            return repr(x), column, kinds, None  # (0.0 == -0.0: their texts differ)
        return column, column, kinds, None  # "{}" formats an int as str, a float as repr
    if types == {bool}:
        return list(map(_BOOL_TEXT.__getitem__, column)), column, {"boolean"}, None
    if types == {list} and name in _sidecar.DEFERRED:
        try:  # decoded at once: orjson's own buffers are costly to keep (allocation)
            json = list(map(bytes.decode, map(_orjson_dumps, column)))
        except TypeError:
            return None
        joined = "\x00".join(json)  # (JSON text has no raw control character)
        if "\ufffe" in joined or "\uffff" in joined:  # what xml_safe would strip
            return None
        text = _escape(joined).split("\x00")
        del joined
        return text, [None] * n, {"string"}, json
    return None


def _edge_rows(us: list[Any], vs: list[Any], datas: list[dict[str, Any]], head: _Head,
               xml_ids: dict[Any, str], spill: _Spill
               ) -> tuple[list[dict[str, Any]], dict[str, set[str]]]:
    """The edges' lean dicts and the keys' types, an edge at a time (any attributes);
    the lines and segments go to ``spill`` every :data:`_CHUNK` edges."""
    rows = _RowWriter(head, xml_ids)
    leans: list[dict[str, Any]] = []
    for lo in range(0, len(datas), _CHUNK):
        hi = lo + _CHUNK
        lines, segments, chunk_leans = rows.render(us[lo:hi], vs[lo:hi], datas[lo:hi])
        spill.add(lines, segments)
        leans += chunk_leans
    return leans, rows.kinds()


#: Distinct edge signatures (attribute names in order) :func:`_edge_groups` takes on.
_MAX_SIGNATURES = 64


def _edge_groups(us: list[Any], vs: list[Any], datas: list[dict[str, Any]], head: _Head,
                 xml_ids: dict[Any, str], spill: _Spill
                 ) -> tuple[list[dict[str, Any]], dict[str, set[str]]] | None:
    """:func:`_edge_rows`, exactly, for edges of a few signatures (the names of their
    attributes, in order): per chunk, the edges of each signature are rendered column by
    column (:func:`_edge_columns`), or an edge at a time when a column is unusual, then
    put back in order. None (with part of the edges spilled) when the edges are not of a
    few signatures, or have a None value (the row writer would number keys otherwise)."""
    index: dict[tuple[str, ...], int] = {}
    of_edge = [index.setdefault(tuple(d), len(index)) for d in datas]
    if len(index) > _MAX_SIGNATURES:
        return None
    rows = _RowWriter(head, xml_ids)
    for signature in index:  # keys numbered as the row writer numbers them: first met
        for name in signature:
            rows.number(name)
    signatures = list(index)
    column_kinds: dict[str, set[str]] = {}
    leans: list[dict[str, Any]] = []
    for lo in range(0, len(datas), _CHUNK):
        members: dict[int, list[int]] = {}
        for i, signature in enumerate(of_edge[lo:lo + _CHUNK], lo):
            found = members.get(signature)
            if found is None:
                members[signature] = [i]
            else:
                found.append(i)
        n = min(len(datas), lo + _CHUNK) - lo
        lines: list[str] = [""] * n
        segments: list[bytes] = [b""] * n
        chunk_leans: list[dict[str, Any]] = [{}] * n
        for signature, at in members.items():
            u, v, d = [us[i] for i in at], [vs[i] for i in at], [datas[i] for i in at]
            columns = _edge_columns(signatures[signature], u, v, d, head, xml_ids,
                                    rows.numbers)
            if columns is None:
                part = rows.render(u, v, d)
            else:
                *part, kinds = columns  # type: ignore[assignment]
                for name, found_kinds in kinds.items():
                    column_kinds.setdefault(name, set()).update(found_kinds)
            for i, line, segment, lean in zip(at, *part, strict=True):
                lines[i - lo], segments[i - lo], chunk_leans[i - lo] = line, segment, lean
        spill.add(lines, segments)
        leans += chunk_leans
    row_kinds = rows.kinds()
    kinds = {name: column_kinds.get(name, set()) | row_kinds.get(name, set())
             for name in rows.numbers}
    if rows.saw_none or not all(kinds.values()):
        return None
    return leans, kinds


class _RowWriter:
    """Renders edges an edge at a time, whatever their attributes: their GraphML lines,
    sidecar segments and lean dicts; the keys are numbered as first met (or as
    :meth:`number` numbered them) and their types gathered (:meth:`kinds`)."""

    def __init__(self, head: _Head, xml_ids: dict[Any, str]) -> None:
        self.head, self.xml_ids = head, xml_ids
        self.prefixes, self.numbers, self.prefix = _key_numbers(len(head.keys))
        self.strings, self.string = _string_texts(head.pool.setdefault)
        self.share = _sidecar._sharing(head.pool)
        #: Whether an attribute was None (left out of its edge's row).
        self.saw_none = False

    def number(self, name: str) -> None:
        """Give attribute ``name`` its key number now, if it has none."""
        if name not in self.numbers:
            self.numbers[_check_name(name)] = f"d{len(self.head.keys) + len(self.numbers)}"

    def kinds(self) -> dict[str, set[str]]:
        """Per attribute met, the GraphML types its values took."""
        prefixes = self.prefixes
        return {name: {kind for kind in _KINDS if name in prefixes[kind]}
                for name in self.numbers}

    def render(self, us: list[Any], vs: list[Any], datas: list[dict[str, Any]]
               ) -> tuple[list[str], list[bytes], list[dict[str, Any]]]:
        """The lines, segments and lean dicts of these edges."""
        dumps, escape = _orjson_dumps, _escape
        same = self.head.pool.setdefault
        deferred = frozenset(_sidecar.DEFERRED)
        json_keys = {k: dumps(k) + b":" for k in _sidecar.DEFERRED}
        prefixes, prefix, xml_ids = self.prefixes, self.prefix, self.xml_ids
        pre_str, pre_int, pre_long = prefixes["string"], prefixes["int"], prefixes["long"]
        pre_float, pre_bool = prefixes["double"], prefixes["boolean"]
        strings, string = self.strings, self.string
        lines: list[str] = []
        segments: list[bytes] = []
        leans: list[dict[str, Any]] = []
        for u, v, data in zip(us, vs, datas, strict=True):
            parts = []
            lean: dict[str, Any] = {}
            lists: dict[str, bytes] | None = None
            for k, x in data.items():
                t = type(x)
                if t is str:
                    if k in EDGE_LIST_ATTRS:
                        break
                    text, x = strings.get(x) or string(x)
                    parts.append((pre_str.get(k) or prefix(k, "string")) + text)
                elif t is int:
                    if _INT_MIN <= x < _INT_MAX:
                        parts.append((pre_int.get(k) or prefix(k, "int")) + str(x))
                    else:
                        parts.append((pre_long.get(k) or prefix(k, "long")) + str(x))
                elif t is list and k in deferred:
                    try:
                        raw = dumps(x)
                    except TypeError:
                        break
                    text = raw.decode()
                    if "\ufffe" in text or "\uffff" in text:  # what xml_safe would strip
                        break
                    parts.append((pre_str.get(k) or prefix(k, "string")) + escape(text))
                    if lists is None:
                        lists = {}
                    lists[k] = raw
                    x = None
                elif t is float and k not in EDGE_INT_ATTRS:
                    parts.append((pre_float.get(k) or prefix(k, "double")) + repr(x))
                elif t is bool:
                    parts.append((pre_bool.get(k) or prefix(k, "boolean"))
                                 + ("true" if x else "false"))
                elif x is None:
                    self.saw_none = True
                    continue
                else:
                    break
                lean[same(k, k)] = x
            else:
                if lists is None:
                    segments.append(b"null")
                else:
                    segments.append(b"{" + b",".join([json_keys[k] + lists[k] for k in
                                                      _sidecar.DEFERRED if k in lists])
                                    + b"}")
                lines.append(f'    <edge source="{xml_ids[u]}" target="{xml_ids[v]}">'
                             + "</data>".join(parts) + ("</data></edge>\n" if parts
                                                        else "</edge>\n"))
                leans.append(lean)
                continue
            line, segment, lean = self._unusual(xml_ids[u], xml_ids[v], data)
            lines.append(line)
            segments.append(segment)
            leans.append(lean)
        return lines, segments, leans

    def _unusual(self, u: str, v: str, data: dict[str, Any]
                 ) -> tuple[str, bytes, dict[str, Any]]:
        """An edge with something unusual: each value as to_flat, write_graphml and
        as_read make it (under its own type: the types are checked at the end)."""
        prefixes, prefix = self.prefixes, self.prefix
        parts, read = [], {}
        for k, x in data.items():
            if x is None:
                self.saw_none = True
                continue
            value = xml_safe(encode_value(x))
            if type(value) not in _NATURAL:
                raise _Unusual(f"edge attribute of type {type(value).__name__}")
            kind = _kind(value)
            parts.append((prefixes[kind].get(k) or prefix(k, kind))
                         + _text(value, kind) + "</data>")
            read[k] = _as_read_value(value, frozenset({kind}), k, EDGE_LIST_ATTRS,
                                     EDGE_INT_ATTRS)
        lean, segment = _sidecar._lean(read, self.head.pool.setdefault, self.share)
        return (f'    <edge source="{u}" target="{v}">' + "".join(parts) + "</edge>\n",
                segment, lean)
