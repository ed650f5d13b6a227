"""Static figures of the actor graph for print: SVG, PNG or PDF, drawn with matplotlib.

The figure shows what the HTML view shows, from the same data (:func:`graph.html.page_data`):
the same actors (the most connected, up to ``max_nodes``), the page's layout and type
colours, dot size by mentions and line width by shared articles on the page's scales, and
links coloured by the tone of their interactions where there are any (red conflict, grey
none, blue cooperation). The most mentioned actors are labelled, in order of mentions, each
label beside its dot where it overlaps no other label nor a labelled actor's dot, and where
there is room no other dot (a label that finds no place is left out). A legend, a title and
a source line (corpus, dates, what is shown) complete it. For print, dots shrink when the
page's sizes would cover much of the picture, and only the heaviest links are drawn (four
per actor, at least 300).

matplotlib is an optional extra (``pip install 'actorgraph[figures]'``); without it
:func:`draw` raises :class:`~graph.errors.ActorGraphError` saying so. Article text is never
read as markup: labels are drawn with mathtext off.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from .atomic import atomic_path
from .errors import ActorGraphError

__all__ = ["FIGURE_FORMATS", "FigureInfo", "draw", "draw_file", "render_to"]

#: Figure extensions and matplotlib's format names.
FIGURE_FORMATS: dict[str, str] = {".svg": "svg", ".png": "png", ".pdf": "pdf"}
#: Actors a figure draws by default (a printed page holds fewer than a screen).
DEFAULT_MAX_NODES = 150
_INK = "#1d2330"
_EDGE_GREY = (112 / 255, 124 / 255, 140 / 255, 0.42)  # the page's link colour
#: At most this share of the plot is covered by dots (see :func:`_dot_scale`).
_DOT_COVER = 0.04
_CANDIDATES = ((1, 0, "left", "center"), (-1, 0, "right", "center"),
               (0, 1, "center", "bottom"), (0, -1, "center", "top"),
               (1, 1, "left", "bottom"), (-1, 1, "right", "bottom"),
               (1, -1, "left", "top"), (-1, -1, "right", "top"))


@dataclass(frozen=True, slots=True)
class FigureInfo:
    """What :func:`draw` wrote: the file, the actors and links drawn, the labels placed."""

    path: Path
    nodes_shown: int
    nodes_total: int
    edges_shown: int
    labels: tuple[str, ...] = ()
    #: Each label's box in figure points (x0, y0, x1, y1), in the order of ``labels``.
    label_boxes: tuple[tuple[float, float, float, float], ...] = field(default=(), repr=False)

    def __str__(self) -> str:
        actors = (f"{self.nodes_total} actors" if self.nodes_shown == self.nodes_total
                  else f"{self.nodes_shown} of {self.nodes_total} actors")
        return (f"Wrote {self.path}: {actors}, {self.edges_shown} edges, "
                f"{len(self.labels)} labels")


def _matplotlib() -> Any:
    try:
        import matplotlib
        from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: F401
    except ImportError:
        raise ActorGraphError(
            "figures need matplotlib: pip install 'actorgraph[figures]' "
            "(or: python3 -m pip install matplotlib)") from None
    return matplotlib


def figure_format(path: str | os.PathLike[str]) -> str:
    """``svg``, ``png`` or ``pdf`` from ``path``'s extension, or an :class:`ActorGraphError`."""
    suffix = Path(path).suffix.lower()
    if suffix not in FIGURE_FORMATS:
        shown = f"'{suffix}'" if suffix else "no extension"
        raise ActorGraphError(f"unknown figure format ({shown}) for {path}: use "
                              + ", ".join(FIGURE_FORMATS))
    return FIGURE_FORMATS[suffix]


def _log_scale(value: float, top: float, floor: float) -> float:
    """The page's size scale (page.js ``logScale``): 0..1, logarithmic."""
    high = math.log(1 + max(top, floor))
    return max(0.0, min(1.0, (math.log(1 + value) - math.log(2)) / (high - math.log(2))))


def _source_line(meta: Mapping[str, Any], source: str | None) -> str:
    parts = []
    if meta.get("articles"):
        parts.append(f"{meta['articles']:,} articles")
    dates = " – ".join(d for d in (meta.get("date_min"), meta.get("date_max")) if d)
    if dates:
        parts.append(dates)
    shown = _int(meta.get("nodes_shown"))
    if meta.get("left_out"):
        parts.append(f"the {shown:,} most connected of {meta['nodes_total']:,} actors")
    if meta.get("types_filter"):
        parts.append("types: " + ", ".join(meta["types_filter"]))
    if meta.get("edges_shown", 0) < meta.get("edges_all", 0):
        parts.append(f"the {meta['edges_shown']:,} heaviest of {meta['edges_all']:,} links "
                     "among them")
    if int(meta.get("min_weight") or 1) > 1:
        parts.append(f"links shared by at least {meta['min_weight']} articles")
    head = f"Source: {source}" if source else "Source: actorgraph"
    return head + (" — " + "; ".join(parts) if parts else "") + \
        ". Dot size: mentions; line width: articles naming both."


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


class _Canvas:
    """The figure, its axes and the scale from page pixels to points."""

    def __init__(self, xs: Sequence[float], ys: Sequence[float], width: float,
                 dpi: float) -> None:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        pad = 60.0
        x0, x1 = min(xs, default=0.0) - pad, max(xs, default=0.0) + pad
        y0, y1 = min(ys, default=0.0) - pad, max(ys, default=0.0) + pad
        ratio = min(1.25, max(0.45, (y1 - y0) / max(x1 - x0, 1e-9)))
        top, bottom = 0.45, 0.95  # inches: the title; the legend and the source line
        height = width * ratio + top + bottom
        self.fig = Figure(figsize=(width, height), dpi=dpi, facecolor="white")
        FigureCanvasAgg(self.fig)
        self.ax = self.fig.add_axes((0.01, bottom / height, 0.98, (width * ratio) / height))
        self.ax.set_axis_off()
        self.ax.set_xlim(x0, x1)
        self.ax.set_ylim(y0, y1)
        self.ax.set_aspect("equal", adjustable="box")
        self.ax.apply_aspect()
        lo, hi = self.ax.get_xlim()
        box = self.ax.get_window_extent()
        #: points per page pixel
        self.k = box.width / (hi - lo) * 72.0 / dpi
        self.height = height


def _dot_scale(cv: _Canvas, radii: Sequence[float]) -> float:
    """1, or less when the page's dots would cover more than :data:`_DOT_COVER` of the
    plot (many actors on a printed page: the page itself lets one zoom)."""
    box = cv.ax.get_window_extent()
    area = (box.width * 72.0 / cv.fig.dpi) * (box.height * 72.0 / cv.fig.dpi)
    covered = sum(math.pi * (r * cv.k) ** 2 for r in radii)
    return min(1.0, math.sqrt(_DOT_COVER * area / covered)) if covered > 0 else 1.0


def _draw_edges(cv: _Canvas, nodes: list[dict], edges: list[dict], max_w: int,
                scale: float) -> None:
    from matplotlib.collections import LineCollection
    from matplotlib.colors import to_rgba

    ordered = sorted(edges, key=lambda e: e["w"])  # heaviest on top
    segments = [((nodes[e["s"]]["x"], -nodes[e["s"]]["y"]),
                 (nodes[e["t"]]["x"], -nodes[e["t"]]["y"])) for e in ordered]
    widths = [max(0.3, (1 + 8 * _log_scale(e["w"], max_w, 12)) * cv.k * 0.8 * scale)
              for e in ordered]
    colours = [to_rgba(e["c"], 0.75) if e.get("c") else _EDGE_GREY for e in ordered]
    lines = LineCollection(segments, linewidths=widths, colors=colours, zorder=1,
                           capstyle="round", alpha=None)
    lines.set_gid("links")
    cv.ax.add_collection(lines)


def _draw_nodes(cv: _Canvas, nodes: list[dict], colours: Mapping[str, str],
                radii: Sequence[float]) -> None:
    """One dot per actor (``radii`` in points), as one collection with the id ``actors``."""
    from matplotlib.colors import to_rgb

    xs = [n["x"] for n in nodes]
    ys = [-n["y"] for n in nodes]
    sizes = [(2 * r) ** 2 for r in radii]
    fill = [colours.get(n["t"], "#7f7f7f") for n in nodes]
    edge = [tuple(0.7 * c for c in to_rgb(f)) for f in fill]  # the page's darker border
    dots = cv.ax.scatter(xs, ys, s=sizes, c=fill, edgecolors=edge,
                         linewidths=max(0.4, min(1.2, 0.05 * min(radii, default=8))),
                         zorder=2)
    dots.set_gid("actors")


def _place_labels(cv: _Canvas, nodes: list[dict], radii: Sequence[float], count: int,
                  max_m: int) -> tuple[list[str], list[tuple[float, float, float, float]]]:
    """Label the ``count`` most mentioned actors (``radii`` in points). A label never
    overlaps another label nor a labelled actor's dot; in order of mentions, each is
    placed where it overlaps no other dot either, else where it covers only dots of
    actors outside the ``count`` most mentioned, else where it covers no labelled actor's
    dot, else nowhere."""
    from matplotlib.transforms import Bbox

    renderer = cv.fig.canvas.get_renderer()
    dots = []
    for n, r in zip(nodes, radii, strict=True):
        cx, cy = cv.ax.transData.transform((n["x"], -n["y"]))
        rd = r * cv.fig.dpi / 72.0
        dots.append(Bbox.from_extents(cx - rd, cy - rd, cx + rd, cy + rd))
    ranked = sorted(range(len(nodes)), key=lambda i: (-nodes[i]["m"], nodes[i]["l"]))[:count]
    top = set(ranked)
    placed: dict[int, Any] = {}
    for i in ranked:  # the most mentioned first: they get the best places
        for level in range(3):  # every dot, the top actors' dots, the labelled ones'
            avoid = [d for j, d in enumerate(dots) if j != i and (
                level == 0 or level == 1 and j in top or j in placed)]
            box = _label(cv, renderer, nodes[i], radii[i], max_m, avoid,
                         list(placed.values()))
            if box is not None:
                placed[i] = box
                break
    order = [i for i in ranked if i in placed]
    scale = 72.0 / cv.fig.dpi
    boxes = [(placed[i].x0 * scale, placed[i].y0 * scale, placed[i].x1 * scale,
              placed[i].y1 * scale) for i in order]
    return [nodes[i]["l"] for i in order], boxes


def _label(cv: _Canvas, renderer: Any, n: Mapping[str, Any], radius: float, max_m: int,
           dots: Sequence[Any], taken: Sequence[Any]) -> Any:
    """Put ``n``'s label at the first candidate place inside the plot that overlaps none
    of ``dots`` and ``taken`` (display boxes); return its box, or None (nothing drawn)."""
    from matplotlib.transforms import offset_copy

    # a light box behind the label, as the page's white outline (a stroke path effect
    # would turn SVG text into outlines)
    halo = {"boxstyle": "round,pad=0.12", "facecolor": (1, 1, 1, 0.78), "edgecolor": "none"}
    frame = cv.ax.get_window_extent(renderer)
    f = _log_scale(n["m"], max_m, 40)
    size = min(13.0, max(6.5, (13 + 13 * f) * cv.k * 0.9))
    for far, (dx, dy, ha, va) in _candidates():
        gap = radius * far + 2.0 + 6.0 * (far - 1)
        norm = math.hypot(dx, dy)
        where = offset_copy(cv.ax.transData, fig=cv.fig, x=gap * dx / norm,
                            y=gap * dy / norm, units="points")
        text = cv.ax.text(n["x"], -n["y"], n["l"], ha=ha, va=va, fontsize=size, color=_INK,
                          transform=where, zorder=3, parse_math=False, bbox=halo)
        box = text.get_window_extent(renderer).expanded(1.04, 1.08)
        inside = frame.x0 <= box.x0 and box.x1 <= frame.x1 and \
            frame.y0 <= box.y0 and box.y1 <= frame.y1
        if inside and not any(box.overlaps(b) for b in taken) and \
                not any(box.overlaps(d) for d in dots):
            text.set_gid(f"label-{len(taken)}")
            return box
        text.remove()
    return None


def _candidates() -> list[tuple[float, tuple[int, int, str, str]]]:
    """Where a label may go: beside its dot, then a little further out."""
    return [(far, c) for far in (1.0, 1.6, 2.4) for c in _CANDIDATES]


def _legend(cv: _Canvas, meta: Mapping[str, Any], tone: bool) -> None:
    from matplotlib.lines import Line2D

    handles = [Line2D([], [], linestyle="none", marker="o", markersize=8,
                      markerfacecolor=t["colour"], markeredgecolor=t["colour"],
                      label=t["label"]) for t in meta.get("types", ())]
    if tone:
        colours = meta.get("tone_colours") or ("#d7301f", "#bdbdbd", "#2c7bb6")
        for colour, name in ((colours[0], "conflict"), (colours[-1], "cooperation"),
                             (_EDGE_GREY, "no interaction")):
            handles.append(Line2D([], [], color=colour, linewidth=2.5, label=name))
    if handles:
        legend = cv.fig.legend(handles=handles, loc="lower left", frameon=False,
                               bbox_to_anchor=(0.01, 0.32 / cv.height),
                               ncol=min(len(handles), 4), fontsize=8.5,
                               handletextpad=0.4, columnspacing=1.4)
        legend.set_gid("legend")


def draw(
    G: nx.Graph, path: str | os.PathLike[str], *, max_nodes: int = DEFAULT_MAX_NODES,
    min_weight: int = 1, types: Iterable[str] | None = None, labels: int = 30,
    max_edges: int | None = None, title: str | None = None, source: str | None = None,
    width: float = 10.0, dpi: float = 200.0,
) -> FigureInfo:
    """Draw ``G`` to ``path`` (``.svg``, ``.png`` or ``.pdf``, by the extension).

    ``max_nodes``, ``min_weight`` and ``types`` choose the actors and links as the HTML
    view does; ``labels`` is how many of the most mentioned actors get a label (fewer
    when there is no free place); only the ``max_edges`` heaviest links are drawn
    (default: four per actor and at least 300, so many actors do not make a hairball;
    the source line says so); ``title`` defaults to the graph's title and ``source``
    names the corpus in the source line (default: from the graph's title); ``width`` is
    in inches (the
    height follows the layout), ``dpi`` matters for PNG only. Dots are drawn at the
    page's sizes, smaller when they would cover much of the picture. The file is written
    atomically.
    """
    fmt = figure_format(path)
    mpl = _matplotlib()
    from .html import page_data

    data, info = page_data(G, title=title, max_nodes=max_nodes, min_weight=min_weight,
                           types=types)
    meta, nodes, edges = data["meta"], data["nodes"], data["edges"]
    limit = max(300, 4 * len(nodes)) if max_edges is None else max(0, max_edges)
    kept = sorted(edges, key=lambda e: -e["w"])[:limit]  # page_data's order: heaviest first
    meta = {**meta, "nodes_shown": info.nodes_shown, "edges_shown": len(kept),
            "edges_all": len(edges)}
    edges = kept
    max_m = max((n["m"] for n in nodes), default=1)
    max_w = max((e["w"] for e in edges), default=1)
    radii = [7 + 31 * _log_scale(n["m"], max_m, 40) for n in nodes]
    with mpl.rc_context({"svg.fonttype": "none", "svg.hashsalt": "actorgraph",
                         "font.family": "DejaVu Sans", "pdf.fonttype": 42}):
        cv = _Canvas([n["x"] for n in nodes], [-n["y"] for n in nodes], width, dpi)
        scale = _dot_scale(cv, radii)
        points = [r * cv.k * scale for r in radii]
        _draw_edges(cv, nodes, edges, max_w, scale)
        _draw_nodes(cv, nodes, {t["id"]: t["colour"] for t in meta["types"]}, points)
        names, boxes = _place_labels(cv, nodes, points, max(0, labels), max_m)
        _legend(cv, meta, any(e.get("c") for e in edges))
        cv.fig.text(0.01, 1 - 0.22 / cv.height, str(meta["title"]), fontsize=15,
                    fontweight="bold", color=_INK, va="top", parse_math=False)
        cv.fig.text(0.01, 0.1 / cv.height, _source_line(meta, source or _corpus_name(G)),
                    fontsize=7.5,
                    color="#5b6473", va="bottom", parse_math=False, wrap=True)
        target = Path(path)
        stamp = {"svg": {"Date": None}, "pdf": {"CreationDate": None, "ModDate": None},
                 "png": {}}[fmt]
        with atomic_path(target) as tmp:
            cv.fig.savefig(tmp, format=fmt, dpi=dpi, metadata=stamp, facecolor="white")
    return FigureInfo(path=target, nodes_shown=len(nodes), nodes_total=G.number_of_nodes(),
                      edges_shown=len(edges), labels=tuple(names), label_boxes=tuple(boxes))


def draw_file(graph_path: str | os.PathLike[str], target: str | os.PathLike[str],
              **options: Any) -> FigureInfo:
    """Read a saved graph (any format :func:`graph.readwrite.read` knows) and draw it."""
    from .html import _read_graph

    figure_format(target)  # an unknown format fails before reading anything
    G = _read_graph(Path(graph_path))
    return draw(G, target, **options)


def _corpus_name(G: nx.Graph) -> str | None:
    title = str(G.graph.get("title") or "")
    return title.split(" — ", 1)[1] if " — " in title else None


def render_to(graph_path: str | os.PathLike[str], target: str | os.PathLike[str], *,
              max_nodes: int | None = None, min_weight: int = 1,
              types: Iterable[str] | None = None) -> Any:
    """``actorgraph render``: the page for ``.html``/``.htm``, a figure for ``.svg``,
    ``.png``, ``.pdf`` (``max_nodes`` None: 500 for the page, 150 for a figure)."""
    suffix = Path(target).suffix.lower()
    if suffix in (".html", ".htm"):
        from .html import render_file

        return render_file(graph_path, target, max_nodes=max_nodes or 500,
                           min_weight=min_weight, types=types)
    if suffix not in FIGURE_FORMATS:
        raise ActorGraphError(f"unknown format for {target}: use .html, "
                              + ", ".join(FIGURE_FORMATS))
    return draw_file(graph_path, target, max_nodes=max_nodes or DEFAULT_MAX_NODES,
                     min_weight=min_weight, types=types)
