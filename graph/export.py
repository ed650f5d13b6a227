"""``actorgraph export``: read a saved graph, narrow it, write it in another format."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from .errors import ActorGraphError, GraphWriteError
from .model import ActorGraph


def export_file(
    src: str | os.PathLike[str],
    dst: str | os.PathLike[str],
    *,
    types: Sequence[str] | None = None,
    min_weight: int = 1,
    since: str | None = None,
    until: str | None = None,
    dynamic: bool = False,
    raw_csv: bool = False,
) -> Path:
    """Load ``src``, keep the articles from ``since`` to ``until``, the actors of ``types``
    and the links of at least ``min_weight``, and write ``dst`` in the format of its
    extension (``.graphml``, ``.gexf``, ``.json``, ``.csv``). Returns the path written
    (for CSV, the nodes file; the edges file sits beside it). ``dynamic`` writes a
    dynamic GEXF (``.gexf`` only) for Gephi's Timeline. CSV cells that a spreadsheet could
    take for a formula get a leading ``'`` (:mod:`graph.readwrite.csvsafe`) unless
    ``raw_csv`` is true.

    Errors (missing source, unknown format, bad date or type) are
    :class:`graph.errors.ActorGraphError`.

    >>> import tempfile, pathlib
    >>> from graph.model import example
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     src = example().write(pathlib.Path(tmp) / "g.graphml")
    ...     out = export_file(src, pathlib.Path(tmp) / "etats.json", types=["state"])
    ...     out.name, len(ActorGraph.load(out))
    ('etats.json', 4)
    """
    from . import readwrite

    fmt = readwrite.format_of(dst)  # fail on an unknown target before reading anything
    if dynamic and fmt != "gexf":
        raise ActorGraphError(f"--dynamic writes GEXF only: use a .gexf target, not {dst}")
    graph = ActorGraph.load(src)
    if since or until:
        graph = graph.between(since, until)
    if types or min_weight > 1:
        graph = graph.filter(types=types, min_weight=min_weight)
    try:
        if fmt == "csv" and raw_csv:
            from .readwrite import csv as csv_format

            return csv_format.write(graph.nx, dst, raw=True)
        return graph.write(dst, dynamic=dynamic)
    except OSError as exc:  # a read-only folder, a full disk…: one line, not a traceback
        raise GraphWriteError.of(dst, exc) from exc
