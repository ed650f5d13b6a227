"""Read and write graphs; the format comes from the file's extension.

=============  ============================================================================
Extension      Format
=============  ============================================================================
``.graphml``   GraphML with Gephi's colour, size and position attributes (the default)
``.gexf``      GEXF 1.3 with ``viz`` colour, size and position
``.json``      networkx node-link JSON (``"nodes"`` / ``"edges"``), lists as JSON lists
``.csv``       Gephi spreadsheets: ``x.csv`` writes ``x.nodes.csv`` and ``x.edges.csv``
``.parquet``   typed tables (needs pyarrow): ``x.nodes.parquet``, ``x.edges.parquet``, …
=============  ============================================================================

Every write is atomic: a reader never sees a half-written file. A GraphML file also gets a
fast-load sidecar, ``x.graphml.agcache`` (see :mod:`graph.readwrite.sidecar`), which
:func:`read` uses while it matches the GraphML file.
"""

from __future__ import annotations

import gc
import os
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from ..errors import GraphFormatError
from .validate import check

if TYPE_CHECKING:  # pragma: no cover
    from .sidecar import DeferredLists

#: Extension → format name.
FORMATS: dict[str, str] = {
    ".graphml": "graphml",
    ".xml": "graphml",
    ".gexf": "gexf",
    ".json": "json",
    ".csv": "csv",
    ".parquet": "parquet",
}

#: The file :func:`read` looks for inside a build's output folder.
DEFAULT_NAME = "graph.graphml"
#: A build's staging folder inside its output folder, and the marker that says the
#: generation in it is complete (see :mod:`pipelines.build.generation`).
STAGE = ".next"
STAGE_COMPLETE = "COMPLETE"

__all__ = ["FORMATS", "DEFAULT_NAME", "format_of", "read", "read_deferred", "resolve", "write"]


def format_of(path: str | os.PathLike[str]) -> str:
    """The format name for ``path``'s extension, or :class:`GraphFormatError`."""
    suffix = Path(path).suffix.lower()
    try:
        return FORMATS[suffix]
    except KeyError:
        known = ", ".join(sorted({".graphml", ".gexf", ".json", ".csv", ".parquet"}))
        shown = f"'{suffix}'" if suffix else "no extension"
        raise GraphFormatError(
            f"Unknown graph format ({shown}) for {path}: use one of {known}"
        ) from None


def _module(fmt: str):
    if fmt == "graphml":
        from . import graphml as mod
    elif fmt == "gexf":
        from . import gexf as mod
    elif fmt == "json":
        from . import jsonfmt as mod
    elif fmt == "parquet":
        from . import parquet as mod
    else:
        from . import csv as mod
    return mod


def resolve(path: str | os.PathLike[str]) -> Path:
    """The graph file behind ``path``: itself, or ``graph.graphml`` inside a folder.

    Raises :class:`GraphFormatError` when nothing readable is there.
    """
    path = _newest_generation(Path(path))
    if path.is_dir():
        for name in (DEFAULT_NAME, "graph.gexf", "graph.json", "nodes.parquet"):
            if (path / name).is_file():
                return path / name
        raise GraphFormatError(f"No graph file in folder {path} (expected {DEFAULT_NAME})")
    fmt = format_of(path)
    if fmt == "csv":
        from .csv import csv_paths

        nodes, edges = csv_paths(path)
        if not nodes.is_file():
            raise GraphFormatError(f"Graph file not found: {nodes}")
        return path
    if fmt == "parquet":
        from .parquet import parquet_paths

        nodes = parquet_paths(path)["nodes"]
        if not nodes.is_file():
            raise GraphFormatError(f"Graph file not found: {nodes}")
        return path
    if not path.exists():
        raise GraphFormatError(f"Graph file not found: {path}")
    if not path.is_file():
        raise GraphFormatError(f"Not a graph file: {path}")
    return path


def _newest_generation(path: Path) -> Path:
    """``path``, or its copy in a complete generation that a build staged but had not
    finished moving into place when it stopped (so a reader never mixes two)."""
    folder = path if path.is_dir() else path.parent
    stage = folder / STAGE
    if not (stage / STAGE_COMPLETE).is_file():
        return path
    if path.is_dir():
        return stage if (stage / DEFAULT_NAME).is_file() else path
    return stage / path.name if (stage / path.name).is_file() else path


def write(graph: nx.Graph, path: str | os.PathLike[str]) -> Path:
    """Write ``graph`` to ``path`` in the format of its extension; return the path written.

    For ``.csv`` the return value is the nodes file (the edges file sits beside it).
    """
    return _module(format_of(path)).write(graph, path)


def read(path: str | os.PathLike[str]) -> nx.Graph:
    """Read a graph file (or a build's output folder) written by :func:`write`.

    A GraphML file is read from its sidecar when that still matches it (the same graph,
    many times faster). Raises :class:`GraphFormatError` for a missing, unknown or
    unreadable file.
    """
    return read_deferred(path, defer=False)[0]


def read_deferred(path: str | os.PathLike[str], *, defer: bool = True
                  ) -> tuple[nx.Graph, DeferredLists | None]:
    """Like :func:`read`, but from a GraphML sidecar the big lists (the edges' ``evidence``
    and ``article_ids``, the nodes' ``article_ids`` and ``article_mentions``, the graph's
    ``article_index``) may be left undecoded, as ``None``: the second item is then a
    :class:`~graph.readwrite.sidecar.DeferredLists` that must be materialized into the
    graph before it is handed to anyone (:class:`graph.ActorGraph` does this).
    """
    path = resolve(path)
    fmt = format_of(path)
    gc_was_enabled = gc.isenabled()
    gc.disable()  # a big graph is millions of new containers: no cycles to collect
    try:
        if fmt == "graphml":
            from . import sidecar

            fast = sidecar.load(path, defer=defer)
            if fast is not None:
                return fast
            return check(_read_graphml_and_refresh(path)), None
        return check(_module(fmt).read(path)), None
    except GraphFormatError as exc:
        raise GraphFormatError(f"Could not read {path} as {fmt}: {exc}") from exc
    except Exception as exc:  # any parser error becomes a user error
        raise GraphFormatError(f"Could not read {path} as {fmt}: {exc}") from exc
    finally:
        if gc_was_enabled:
            gc.enable()


def _read_graphml_and_refresh(path: Path) -> nx.Graph:
    """Parse a GraphML file; if it has a stale or damaged sidecar, write a fresh one."""
    from . import graphml, sidecar

    before = sidecar.stamp(path) if sidecar.sidecar_path(path).exists() else None
    graph = graphml.read(path)
    if before is not None:  # the file was not replaced while it was parsed
        try:
            unchanged = sidecar.stamp(path) == before
        except OSError:
            unchanged = False
        if unchanged:
            sidecar.write(path, graph, before)
    return graph
