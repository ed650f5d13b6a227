"""Gephi spreadsheets: a nodes table and an edges table (Data Laboratory > Import
spreadsheet), also easy to open with pandas or a spreadsheet program.

``x.csv`` is written as two files beside each other, ``x.nodes.csv`` and ``x.edges.csv``
(``nodes.csv`` alone gives ``nodes.csv`` and ``edges.csv``). Nodes have the columns
``Id,Label,type,…`` and edges ``Source,Target,Type,Weight,…`` (``Type`` is
``Undirected``); list attributes are JSON strings. Graph attributes (the article index) are
not stored, so a graph read back from CSV has no dates for :meth:`ActorGraph.between`.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import Any

import networkx as nx

from ..atomic import atomic_open
from ..schema import flatten, unflatten
from .csvsafe import guard, unguard

#: Preferred column order (others follow alphabetically).
NODE_COLUMNS = ("type", "role", "affiliation", "mentions", "articles", "first_seen",
                "last_seen", "community", "wikidata", "aliases", "article_ids")
EDGE_COLUMNS = ("sentences", "first_seen", "last_seen", "evidence", "article_ids")
#: Columns always read back as text (never guessed as numbers).
TEXT_COLUMNS = frozenset({
    "Id", "Label", "Source", "Target", "Type", "label", "type", "role", "affiliation",
    "wikidata", "first_seen", "last_seen", "aliases", "article_ids", "evidence",
})


def csv_paths(path: str | os.PathLike[str]) -> tuple[Path, Path]:
    """The nodes and edges files for ``path`` (``x.csv``, ``x.nodes.csv`` or ``x.edges.csv``).

    >>> [p.name for p in csv_paths("out/mali.csv")]
    ['mali.nodes.csv', 'mali.edges.csv']
    >>> [p.name for p in csv_paths("out/nodes.csv")]
    ['nodes.csv', 'edges.csv']
    """
    path = Path(path)
    name = path.name
    low = name.lower()
    if low in ("nodes.csv", "edges.csv"):
        return path.with_name("nodes.csv"), path.with_name("edges.csv")
    for part in (".nodes.csv", ".edges.csv"):
        if low.endswith(part):
            stem = name[: -len(part)]
            break
    else:
        stem = name[: -len(".csv")] if low.endswith(".csv") else name
    return path.with_name(f"{stem}.nodes.csv"), path.with_name(f"{stem}.edges.csv")


def _columns(rows: list[dict[str, Any]], fixed: tuple[str, ...],
             preferred: tuple[str, ...]) -> list[str]:
    seen: set[str] = set()
    for row in rows:
        seen.update(row)
    rest = [c for c in preferred if c in seen]
    rest += sorted(seen - set(fixed) - set(rest))
    return list(fixed) + rest


def _write_rows(path: Path, columns: list[str], rows: list[dict[str, Any]],
                raw: bool = False) -> None:
    with atomic_open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows if raw else
                         ({k: guard(v) for k, v in row.items()} for row in rows))


def write(graph: nx.Graph, path: str | os.PathLike[str], *, raw: bool = False) -> Path:
    """Write the nodes and edges tables (each atomically); return the nodes file.

    Text cells that a spreadsheet could take for a formula get a leading ``'`` (see
    :mod:`graph.readwrite.csvsafe`; :func:`read` removes it) unless ``raw`` is true.
    """
    nodes_path, edges_path = csv_paths(path)
    flat = flatten(graph)
    node_rows = []
    for node, data in flat.nodes(data=True):
        row = {k: v for k, v in data.items() if k != "label"}
        row.update({"Id": node, "Label": data.get("label", node)})
        node_rows.append(row)
    edge_rows = []
    for u, v, data in flat.edges(data=True):
        row = {k: v for k, v in data.items() if k != "weight"}
        row.update({"Source": u, "Target": v, "Type": "Undirected",
                    "Weight": data.get("weight", 1)})
        edge_rows.append(row)
    _write_rows(edges_path, _columns(edge_rows, ("Source", "Target", "Type", "Weight"),
                                     EDGE_COLUMNS), edge_rows, raw)
    _write_rows(nodes_path, _columns(node_rows, ("Id", "Label"), NODE_COLUMNS), node_rows,
                raw)
    return nodes_path


def _number(text: str) -> int | float | None:
    try:
        return int(text)
    except ValueError:
        pass
    try:
        return float(text)
    except ValueError:
        return None


def _typed(rows: list[dict[str, str]]) -> list[dict[str, Any]]:
    """Drop empty cells; columns whose every value is a number become numbers."""
    numeric: dict[str, bool] = {}
    for row in rows:
        for key, value in row.items():
            if value == "" or key in TEXT_COLUMNS or numeric.get(key) is False:
                continue
            numeric[key] = _number(value) is not None
    out = []
    for row in rows:
        clean: dict[str, Any] = {}
        for key, value in row.items():
            if value == "" or key is None:
                continue
            clean[key] = _number(value) if numeric.get(key) else value
        out.append(clean)
    return out


def _read_rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return [{k: unguard(v) if isinstance(v, str) else v for k, v in row.items()}
                for row in csv.DictReader(fh)]


def read(path: str | os.PathLike[str]) -> nx.Graph:
    """Read ``x.nodes.csv`` and (if present) ``x.edges.csv`` back into a graph."""
    nodes_path, edges_path = csv_paths(path)
    flat = nx.Graph()
    for row in _typed(_read_rows(nodes_path)):
        node = str(row.pop("Id"))
        label = row.pop("Label", None)
        flat.add_node(node, label=str(label) if label is not None else node, **row)
    if edges_path.is_file():
        for row in _typed(_read_rows(edges_path)):
            u, v = str(row.pop("Source")), str(row.pop("Target"))
            row.pop("Type", None)
            weight = row.pop("Weight", 1)
            flat.add_edge(u, v, weight=weight, **row)
    return unflatten(flat)
