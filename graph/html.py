"""The interactive HTML view of the actor graph: one self-contained, offline, safe page.

:func:`render_html` writes a single HTML file that needs no network at all: vis-network's
JavaScript and CSS (taken from the installed ``pyvis`` package) are inlined, the layout is
computed here in Python (so the browser draws at once, physics off), and the graph travels
as JSON inside ``<script type="application/json">`` with ``<``, ``>``, ``&`` and the
line/paragraph separators escaped. The page's own script builds every element with
``textContent``; a Content-Security-Policy allows only the two inline scripts (by hash),
inline styles and ``data:`` images, so article text can never run as script nor make the
page fetch anything.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np

from .association import ATTR as ASSOCIATION
from .association import corpus_size, npmi
from .atomic import atomic_path
from .backbone import ALPHAS
from .clusters import PALETTE, Structure, strongest_links, structure
from .errors import ActorGraphError, GraphFormatError, GraphWriteError
from .html_interactions import edge_fields, meta_fields
from .layout import draw_order, layout_positions, node_radii, separate
from .schema import ACTOR_TYPES, TYPE_COLOURS, TYPE_LABELS, as_int, as_text

__all__ = ["RenderInfo", "render_html", "render_file", "page_data", "page_positions",
           "layout_positions",
           "separate", "node_radii", "safe_json", "select_subgraph"]

_TEMPLATES = Path(__file__).parent / "templates"
_VIS_DIR = "templates/lib/vis-9.1.2"
#: Colour of actors whose type is not one of :data:`graph.schema.ACTOR_TYPES`.
_FALLBACK_COLOUR = "#7f7f7f"
#: Evidence sentences kept per edge in the page (the graph may hold more).
_MAX_EVIDENCE = 5
#: The page draws the backbone by default when there are more links than this per actor
#: (and more than ``_BIG_LINKS`` links); its level keeps at most this many per actor.
_LINKS_PER_ACTOR = 3
_BIG_LINKS = 600
_UNSAFE_JSON = re.compile("[<>&\u2028\u2029\ud800-\udfff]")
_MARKER = re.compile(r"\{\{([A-Z_]+)\}\}")


@dataclass(frozen=True, slots=True)
class RenderInfo:
    """What :func:`render_html` wrote: the file and how much of the graph it shows."""

    path: Path
    nodes_shown: int
    nodes_total: int
    edges_shown: int
    edges_total: int
    #: Actors dropped by ``max_nodes`` (the least connected ones).
    left_out: int = 0
    #: The actor types kept, or ``None`` for all of them.
    types: tuple[str, ...] | None = None
    #: Where the page draws each actor it shows (page pixels, as in the page).
    positions: Mapping[Any, tuple[float, float]] | None = field(
        default=None, repr=False, compare=False)

    def __str__(self) -> str:
        if self.nodes_shown == self.nodes_total:
            actors = f"{self.nodes_total} actors"
        else:
            actors = f"{self.nodes_shown} of {self.nodes_total} actors"
        text = f"Wrote {self.path}: {actors}, {self.edges_shown} edges"
        notes = []
        if self.left_out:
            noun = "actor" if self.left_out == 1 else "actors"
            notes.append(f"{self.left_out} less connected {noun} left out")
        if self.types is not None:
            notes.append("types: " + ", ".join(self.types))
        if notes:
            text += " (" + "; ".join(notes) + ")"
        return text


# --------------------------------------------------------------------------- assets


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """vis-network's minified JS and its CSS, read from the installed pyvis package."""
    try:
        root = resources.files("pyvis").joinpath(_VIS_DIR)
        js = root.joinpath("vis-network.min.js").read_text(encoding="utf-8")
        css = root.joinpath("vis-network.css").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError) as exc:  # pragma: no cover
        raise ActorGraphError(
            "cannot find vis-network inside the pyvis package; "
            "reinstall it with: python3 -m pip install 'pyvis>=0.3.2'"
        ) from exc
    # No source-map comment: the page must never point at another file.
    js = re.sub(r"\n?//# sourceMappingURL=\S*\s*$", "\n", js)
    for text, tag in ((js, "</script"), (css, "</style")):
        if tag in text.lower():  # pragma: no cover - would break the page
            raise ActorGraphError(f"vis-network asset contains {tag!r}; cannot inline it")
    return js, css


@lru_cache(maxsize=1)
def _own_assets() -> tuple[str, str, str]:
    page = (_TEMPLATES / "page.html").read_text(encoding="utf-8")
    css = (_TEMPLATES / "page.css").read_text(encoding="utf-8")
    js = (_TEMPLATES / "page.js").read_text(encoding="utf-8")
    # the time bar: its own files, in the same (hashed) script and style elements
    css += "\n" + (_TEMPLATES / "timebar.css").read_text(encoding="utf-8")
    js += "\n" + (_TEMPLATES / "timebar.js").read_text(encoding="utf-8")
    return page, css, js


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def safe_json(value: Any) -> str:
    """JSON text that is safe inside a ``<script>`` element.

    ``<``, ``>`` and ``&`` become ``\\u003c`` etc. (so ``</script>`` or ``<!--`` in the
    data can never end or alter the element), as do U+2028/U+2029 and lone surrogates.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _UNSAFE_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# --------------------------------------------------------------------------- selection




def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, str):
        try:
            decoded = json.loads(value) if value.strip().startswith("[") else [value]
        except json.JSONDecodeError:
            decoded = [value]
        return decoded if isinstance(decoded, list) else [decoded]
    if isinstance(value, (list, tuple, set)):
        return list(value)
    return [value]


def _check_types(types: Iterable[str] | None) -> tuple[str, ...] | None:
    if types is None:
        return None
    wanted = tuple(dict.fromkeys(t.strip().lower() for t in types if t and t.strip()))
    if not wanted:
        return None
    unknown = [t for t in wanted if t not in ACTOR_TYPES]
    if unknown:
        raise ActorGraphError(
            f"unknown actor type {unknown[0]!r}; choose from " + ", ".join(ACTOR_TYPES)
        )
    return wanted


def select_subgraph(
    G: nx.Graph, *, max_nodes: int = 500, min_weight: int = 1,
    types: Iterable[str] | None = None,
) -> tuple[nx.Graph, int]:
    """The part of ``G`` the page draws, and how many actors ``max_nodes`` left out.

    Actors of other ``types`` and edges lighter than ``min_weight`` are dropped; then, if
    more than ``max_nodes`` actors remain, the most connected are kept (most neighbours,
    then heaviest total weight, then most mentions).
    """
    if max_nodes < 1:
        raise ActorGraphError("max_nodes must be at least 1")
    wanted = _check_types(types)
    keep = [n for n, d in G.nodes(data=True)
            if wanted is None or as_text(d.get("type")) in wanted]
    chosen = keep
    left_out = 0
    if len(keep) > max_nodes:
        # Rank on the whole graph without copying it: a big graph has ~10^5-10^6 edges.
        degree, strength = _degrees(G, set(keep), min_weight)
        node_data = G._node

        def rank(node: Any) -> tuple[int, int, int, str]:
            data = node_data[node]
            return (-degree[node], -strength[node], -as_int(data.get("mentions")),
                    as_text(data.get("label", node)))
        ranked = sorted(keep, key=rank)
        left_out = len(ranked) - max_nodes
        top = set(ranked[:max_nodes])
        chosen = [n for n in keep if n in top]  # the graph's own order, as before
    sub = nx.Graph()
    sub.add_nodes_from((n, G.nodes[n]) for n in chosen)
    sub.add_edges_from(
        (u, v, d) for u, v, d in G.subgraph(chosen).edges(data=True)
        if as_int(d.get("weight"), 1) >= min_weight
    )
    return sub, left_out


#: Integer weights below this (in size) are their own ``as_int`` (``int(float(w))``).
_EXACT = 2**53


def _degrees(G: nx.Graph, kept: set[Any], min_weight: int
             ) -> tuple[dict[Any, int], dict[Any, int]]:
    """Each kept node's number of links to kept nodes and their total weight, counting
    the links of weight ``min_weight`` or more (weights read by ``as_int``, default 1; a
    self-loop counts twice, as an edge's two ends). One pass over the adjacency."""
    degree: dict[Any, int] = {}
    strength: dict[Any, int] = {}
    for u, nbrs in G._adj.items():
        if u not in kept:
            continue
        links = total = 0
        for v, d in nbrs.items():
            if v in kept:
                w = d.get("weight")
                if type(w) is not int or not -_EXACT < w < _EXACT:
                    w = as_int(w, 1)
                if w >= min_weight:
                    ends = 2 if v == u else 1
                    links += ends
                    total += ends * w
        degree[u], strength[u] = links, total
    return degree, strength


# --------------------------------------------------------------------------- page data


def _dates(values: Iterable[str]) -> tuple[str, str]:
    dates = sorted(v for v in values if v)
    return (dates[0], dates[-1]) if dates else ("", "")


def page_data(
    G: nx.Graph, *, title: str | None = None, max_nodes: int = 500, min_weight: int = 1,
    types: Iterable[str] | None = None,
    selection: tuple[nx.Graph, int] | None = None,
) -> tuple[dict[str, Any], RenderInfo]:
    """The JSON-ready data the page embeds, and the counts for :class:`RenderInfo` (with
    the place of each actor shown, :attr:`RenderInfo.positions`).

    Nodes and edges are lists (an edge names its ends by node index); evidence points into
    a shared ``articles`` table of ``[id, title, date]``. ``selection`` is
    :func:`select_subgraph` of ``G`` with the same arguments when the caller has it (a big
    graph takes seconds to rank).
    """
    wanted = _check_types(types)
    sub, left_out = selection if selection is not None else select_subgraph(
        G, max_nodes=max_nodes, min_weight=min_weight, types=wanted)
    order, index, edge_list, assoc, shape, top1, pos = _page_layout(G, sub)

    article_index: Mapping[str, Any] = G.graph.get("article_index") or {}
    if isinstance(article_index, str):
        try:
            article_index = json.loads(article_index)
        except json.JSONDecodeError:
            article_index = {}
    if not isinstance(article_index, Mapping):
        article_index = {}
    articles: list[list[str]] = []
    article_pos: dict[str, int] = {}

    def article_ref(item: Mapping[str, Any]) -> int:
        aid = as_text(item.get("article"))
        key = aid or f"#{len(articles)}"
        if key not in article_pos:
            known = article_index.get(aid) if aid else None
            known = known if isinstance(known, Mapping) else {}
            title_ = as_text(item.get("title")) or as_text(known.get("title"))
            date = as_text(item.get("date")) or as_text(known.get("date"))
            article_pos[key] = len(articles)
            articles.append([aid, title_, date])
        return article_pos[key]

    nodes: list[dict[str, Any]] = []
    for i, node in enumerate(order):
        d = sub.nodes[node]
        label = as_text(d.get("label")) or str(node)
        entry: dict[str, Any] = {
            "id": str(node), "l": label, "t": as_text(d.get("type")) or "other",
            "x": round(float(pos[i, 0]), 1), "y": round(float(pos[i, 1]), 1),
            "m": as_int(d.get("mentions")), "a": as_int(d.get("articles")),
        }
        if shape.community[i] >= 0:
            entry["cm"] = int(shape.community[i])
        aliases = [as_text(a) for a in _as_list(d.get("aliases")) if as_text(a)]
        if aliases:
            entry["al"] = aliases
        for key, short in (("role", "r"), ("affiliation", "f"), ("first_seen", "fs"),
                           ("last_seen", "ls"), ("wikidata", "wd")):
            value = as_text(d.get(key))
            if value:
                entry[short] = value
        nodes.append(entry)

    edges: list[dict[str, Any]] = []
    for k, (u, v, d) in enumerate(edge_list):
        evidence = []
        for item in _as_list(d.get("evidence"))[:_MAX_EVIDENCE]:
            if isinstance(item, Mapping):
                evidence.append([article_ref(item), as_text(item.get("text"))])
            elif item:
                evidence.append([-1, as_text(item)])
        entry = {"s": index[u], "t": index[v], "w": as_int(d.get("weight"), 1),
                 "n": as_int(d.get("sentences")), "as": round(float(assoc[k]), 3),
                 "sg": _significance(float(shape.pvalues[k]))}
        if top1[k]:
            entry["tp"] = 1
        if evidence:
            entry["ev"] = evidence
        for key, short in (("first_seen", "fs"), ("last_seen", "ls")):
            value = as_text(d.get(key))
            if value:
                entry[short] = value
        entry.update(edge_fields(d, u, article_ref))  # interactions (tone, kinds)
        edges.append(entry)

    present = sorted({nd["t"] for nd in nodes} | set(wanted or ()),
                     key=lambda t: (ACTOR_TYPES.index(t) if t in ACTOR_TYPES else 99, t))
    date_min = as_text(G.graph.get("date_min"))
    date_max = as_text(G.graph.get("date_max"))
    if not date_min and not date_max:
        date_min, date_max = _dates(a[2] for a in articles)
    max_w = max((e["w"] for e in edges), default=min_weight)
    page_title = title if title is not None else as_text(G.graph.get("title")) or "actorgraph"
    meta = {
        "title": page_title,
        "articles": as_int(G.graph.get("articles"), len(article_index)),
        "date_min": date_min,
        "date_max": date_max,
        "nodes_total": G.number_of_nodes(),
        "edges_total": G.number_of_edges(),
        "left_out": left_out,
        "types_filter": list(wanted) if wanted else None,
        "min_weight": max(1, min_weight),
        "max_weight": max(max_w, max(1, min_weight)),
        "types": [
            {"id": t, "label": TYPE_LABELS.get(t, t.capitalize()),
             "colour": TYPE_COLOURS.get(t, _FALLBACK_COLOUR)}
            for t in present
        ],
    }
    meta.update(meta_fields())
    meta.update(_structure_meta(shape, nodes, edges))
    data = {"meta": meta, "nodes": nodes, "edges": edges, "articles": articles}
    from .timebar import add_time

    add_time(data, sub, order, edge_list, article_index)  # the time bar (timebar.js)
    info = RenderInfo(
        path=Path(), nodes_shown=len(nodes), nodes_total=G.number_of_nodes(),
        edges_shown=len(edges), edges_total=G.number_of_edges(), left_out=left_out,
        types=wanted, positions={node: (entry["x"], entry["y"])
                                 for node, entry in zip(order, nodes, strict=True)},
    )
    return data, info


def page_positions(G: nx.Graph, *, max_nodes: int = 500,
                   selection: tuple[nx.Graph, int] | None = None
                   ) -> dict[Any, tuple[float, float]]:
    """Where the page of ``G`` (with ``max_nodes``) draws each actor it shows, in page
    pixels as the page rounds them: what :func:`graph.layout.layout` starts from."""
    sub = (selection if selection is not None else select_subgraph(G, max_nodes=max_nodes))[0]
    order, _, _, _, _, _, pos = _page_layout(G, sub)
    return {node: (round(float(pos[i, 0]), 1), round(float(pos[i, 1]), 1))
            for i, node in enumerate(order)}


def _page_layout(G: nx.Graph, sub: nx.Graph) -> tuple[
        list[Any], dict[Any, int], list[tuple[Any, Any, Any]], np.ndarray, Structure,
        np.ndarray, np.ndarray]:
    """The page's order of nodes and edges, the edges' association, its structure
    (communities, backbone) and where it draws each node (``n`` x 2, page pixels)."""
    order = draw_order(sub)
    index = {node: i for i, node in enumerate(order)}
    edge_list = sorted(
        sub.edges(data=True),
        key=lambda e: (-as_int(e[2].get("weight"), 1), index[e[0]], index[e[1]]),
    )
    n = len(order)
    src = np.array([index[u] for u, _, _ in edge_list], dtype=np.intp)
    dst = np.array([index[v] for _, v, _ in edge_list], dtype=np.intp)
    # About 120 px between neighbours at zoom 1, so labels fit when zoomed in; then no
    # two dots (drawn with the page's sizes) overlap.
    spread = 60.0 * math.sqrt(max(n, 4)) + 60.0
    mentions = np.array([as_int(sub.nodes[v].get("mentions")) for v in order], dtype=float)
    assoc = _associations(G, edge_list)
    shape = structure(n, src, dst, assoc)  # on association: clusters separate
    top1 = strongest_links(src, dst, assoc, 1)  # in the page's backbone too
    pos = separate(shape.positions * spread, node_radii(mentions))
    return order, index, edge_list, assoc, shape, top1, pos


def _associations(G: nx.Graph, edge_list: list[tuple[Any, Any, Any]]) -> np.ndarray:
    """Each edge's ``association`` (computed from the counts when the graph lacks it)."""
    total: int | None = None
    out = np.zeros(len(edge_list))
    for k, (u, v, d) in enumerate(edge_list):
        value = d.get(ASSOCIATION)
        if isinstance(value, (int, float)) and math.isfinite(value):
            out[k] = float(value)
            continue
        if total is None:
            total = corpus_size(G)
        out[k] = npmi(as_int(d.get("weight"), 1), as_int(G.nodes[u].get("articles")),
                      as_int(G.nodes[v].get("articles")), total)
    return out


def _significance(p: float) -> float:
    """``-log10(p)``, rounded, at most 99: the page compares it with ``-log10(alpha)``."""
    return round(min(max(-math.log10(max(p, 1e-300)), 0.0), 99.0), 2)


def _structure_meta(shape: Structure, nodes: list[dict[str, Any]],
                    edges: list[dict[str, Any]]) -> dict[str, Any]:
    """The page's description of the backbone levels and of the communities.

    The page's backbone at level ``alpha``: the links significant at that level and each
    actor's most associated link (``tp``), so that no actor drawn is left without one."""
    members: dict[int, list[str]] = {}
    for entry in nodes:  # most mentioned first
        if "cm" in entry:
            members.setdefault(entry["cm"], []).append(entry["l"])
    communities = [
        {"label": " · ".join(members.get(c, [])[:3]), "n": len(members.get(c, [])),
         "colour": colour}
        for c, colour in zip(range(len(members)), PALETTE, strict=False)
    ]
    big = len(edges) > max(_LINKS_PER_ACTOR * len(nodes), _BIG_LINKS)
    # Counted as the page does, on the rounded significances it receives.
    significance = np.array([float(e["sg"]) for e in edges])
    top1 = np.array([bool(e.get("tp")) for e in edges], dtype=bool)
    levels = [[a, int(((significance > -math.log10(a) + 1e-9) | top1).sum())]
              for a in ALPHAS]
    limit = _LINKS_PER_ACTOR * max(len(nodes), 1)
    alpha = next((a for a, count in levels if count <= limit), ALPHAS[-1])
    return {
        "communities": communities,
        "backbone": {
            "alpha": alpha,
            "levels": levels,
            "mode": "backbone" if big else "all",
            "per_actor": _LINKS_PER_ACTOR,
        },
    }


# --------------------------------------------------------------------------- page


def build_page(data: Mapping[str, Any]) -> str:
    """The complete HTML document for ``data`` (as made by :func:`page_data`)."""
    page, own_css, own_js = _own_assets()
    vis_js, vis_css = _vis_assets()
    csp = "; ".join([
        "default-src 'none'",
        f"script-src {_csp_hash(vis_js)} {_csp_hash(own_js)}",
        "style-src 'unsafe-inline'",
        "img-src data:",
        "font-src 'none'",
        "connect-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ])
    parts = {
        "CSP": html.escape(csp, quote=True),
        "TITLE": html.escape(as_text(data["meta"]["title"]), quote=True),
        "VIS_CSS": vis_css,
        "OWN_CSS": own_css,
        "DATA": safe_json(data),
        "VIS_JS": vis_js,
        "OWN_JS": own_js,
    }
    # One pass over the template only: inserted text is never scanned for markers.
    return _MARKER.sub(lambda m: parts[m.group(1)], page)


def render_html(
    G: nx.Graph, path: str | os.PathLike[str], *, title: str | None = None,
    max_nodes: int = 500, min_weight: int = 1, types: Iterable[str] | None = None,
    selection: tuple[nx.Graph, int] | None = None,
) -> RenderInfo:
    """Write the interactive view of ``G`` to ``path`` (atomically) and say what it shows.

    ``max_nodes`` caps the actors drawn (the most connected are kept and the page says how
    many were left out); ``min_weight`` drops lighter edges; ``types`` keeps only those
    actor types. ``title`` defaults to the graph's own ``title`` attribute. ``selection``:
    see :func:`page_data`.
    """
    data, info = page_data(G, title=title, max_nodes=max_nodes, min_weight=min_weight,
                           types=types, selection=selection)
    document = build_page(data)
    target = Path(path)
    with atomic_path(target) as tmp:
        tmp.write_text(document, encoding="utf-8", newline="\n")
        os.chmod(tmp, _file_mode())  # mkstemp makes 0600; a page is meant to be shared
    return RenderInfo(
        path=target, nodes_shown=info.nodes_shown, nodes_total=info.nodes_total,
        edges_shown=info.edges_shown, edges_total=info.edges_total,
        left_out=info.left_out, types=info.types, positions=info.positions,
    )


def _file_mode() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _read_graph(graph_path: Path) -> nx.Graph:
    if not graph_path.exists():
        raise GraphFormatError(f"no such graph file: {graph_path}")
    from .readwrite import read

    return read(graph_path)


def render_file(
    graph_path: str | os.PathLike[str], target: str | os.PathLike[str], *,
    title: str | None = None, max_nodes: int = 500, min_weight: int = 1,
    types: Iterable[str] | None = None,
) -> RenderInfo:
    """Read a saved graph (any format :func:`graph.readwrite.read` knows) and render it."""
    G = _read_graph(Path(graph_path))
    try:
        return render_html(G, target, title=title, max_nodes=max_nodes,
                           min_weight=min_weight, types=types)
    except OSError as exc:  # a read-only folder, a full disk…: one line, not a traceback
        raise GraphWriteError.of(target, exc) from exc
