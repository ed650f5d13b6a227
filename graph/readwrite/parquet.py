"""Apache Parquet tables for data tools (pandas, DuckDB, Polars, Spark): typed columns.

A graph becomes up to five tables:

=================  ===========================================================================
table              one row per
=================  ===========================================================================
``nodes``          actor: ``id``, ``label``, ``type``, ``role``, ``affiliation``, ``aliases``
                   (list of strings), ``mentions``, ``articles`` (int64), ``first_seen``,
                   ``last_seen``, ``article_ids`` (list), ``article_mentions`` (list of
                   int64), ``months`` (JSON text), …
``edges``          link: ``source``, ``target``, ``weight``, ``sentences``, the interaction
                   counts (int64), ``tone`` (double), ``article_ids`` (list), ``evidence``
                   (list of structs: ``article``, ``title``, ``date``, ``text``, …), …
``interactions``   interaction (when the graph has any): ``article``, ``sentence``,
                   ``source``, ``target``, ``kind``, ``event``, ``directed`` (bool),
                   ``trigger``, ``text``
``mentions``       resolved mention of one of the graph's actors in one of its articles,
                   when the build's ``mentions.csv`` is known: ``article``, ``entity``,
                   ``label``, ``type``, ``text``, ``start``, ``end``, ``sentence`` (int64),
                   ``role``, ``affiliation``
``articles``       article of the graph's index: ``id``, ``title``, ``date``, …
=================  ===========================================================================

File names: ``x.parquet`` is written as ``x.nodes.parquet``, ``x.edges.parquet``, … side
by side (as ``x.csv`` gives ``x.nodes.csv`` and ``x.edges.csv``); a folder gets
``nodes.parquet``, ``edges.parquet``, … inside it. Dates stay ISO text (``2021``,
``2021-11`` or ``2021-11-05``: an article may be dated to the month only). The graph's own
attributes (title, date range) are kept in the nodes table's schema metadata, so
:func:`read` gives back the graph that was written.

Needs ``pyarrow`` (``pip install 'actorgraph[parquet]'``); without it every function
raises :class:`~graph.errors.ActorGraphError` saying so.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from ..atomic import atomic_path
from ..errors import ActorGraphError, GraphFormatError

__all__ = ["TABLES", "parquet_paths", "write", "write_folder", "read", "require_pyarrow"]

#: The tables, in the order they are written.
TABLES: tuple[str, ...] = ("nodes", "edges", "interactions", "mentions", "articles")
_META_KEY = b"actorgraph.graph"
_INT, _FLOAT, _TEXT, _BOOL = "int64", "float64", "string", "bool"
#: Known columns and their types (others are inferred; anything odd becomes JSON text).
_NODE_TYPES = {"id": _TEXT, "label": _TEXT, "type": _TEXT, "role": _TEXT,
               "affiliation": _TEXT, "aliases": "list<string>", "mentions": _INT,
               "articles": _INT, "first_seen": _TEXT, "last_seen": _TEXT, "wikidata": _TEXT,
               "community": _INT, "article_ids": "list<string>",
               "article_mentions": "list<int64>", "months": _TEXT}
_EDGE_TYPES = {"source": _TEXT, "target": _TEXT, "weight": _INT, "sentences": _INT,
               "first_seen": _TEXT, "last_seen": _TEXT, "article_ids": "list<string>",
               "verbal_cooperation": _INT, "material_cooperation": _INT,
               "verbal_conflict": _INT, "material_conflict": _INT, "cooperation": _INT,
               "conflict": _INT, "tone": _FLOAT, "months": _TEXT}
_INTERACTION_TYPES = {"article": _TEXT, "sentence": _INT, "source": _TEXT, "target": _TEXT,
                      "kind": _TEXT, "event": _TEXT, "directed": _BOOL, "trigger": _TEXT,
                      "text": _TEXT}
_MENTION_TYPES = {"article": _TEXT, "entity": _TEXT, "label": _TEXT, "type": _TEXT,
                  "text": _TEXT, "start": _INT, "end": _INT, "sentence": _INT,
                  "role": _TEXT, "affiliation": _TEXT}
_ARTICLE_TYPES = {"id": _TEXT, "title": _TEXT, "date": _TEXT, "inferred": _BOOL,
                  "source": _TEXT, "url": _TEXT}


def require_pyarrow() -> Any:
    """The ``pyarrow`` module, or a clear :class:`ActorGraphError` naming the extra."""
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        raise ActorGraphError(
            "Parquet needs pyarrow: pip install 'actorgraph[parquet]' "
            "(or: python3 -m pip install pyarrow)") from None
    return pyarrow


def parquet_paths(path: str | os.PathLike[str]) -> dict[str, Path]:
    """The file of every table for ``path``: ``x.parquet`` gives ``x.nodes.parquet`` …,
    an existing folder (or a path ending in a separator) ``folder/nodes.parquet`` ….

    >>> sorted((t, p.name) for t, p in parquet_paths("out/mali.parquet").items())[:2]
    [('articles', 'mali.articles.parquet'), ('edges', 'mali.edges.parquet')]
    >>> parquet_paths("out/mali.nodes.parquet")["edges"].name
    'mali.edges.parquet'
    >>> str(parquet_paths("tables/nodes.parquet")["edges"])
    'tables/edges.parquet'
    """
    text = os.fspath(path)
    p = Path(text)
    if p.is_dir() or text.endswith(("/", os.sep)):
        return {t: p / f"{t}.parquet" for t in TABLES}
    name = p.name
    stem = name[: -len(".parquet")] if name.lower().endswith(".parquet") else name
    if stem.lower() in TABLES:  # folder/nodes.parquet: the folder scheme
        return {t: p.with_name(f"{t}.parquet") for t in TABLES}
    for table in TABLES:
        if stem.lower().endswith("." + table):
            stem = stem[: -len(table) - 1]
            break
    return {t: p.with_name(f"{stem}.{t}.parquet") for t in TABLES}


# --------------------------------------------------------------------------- rows


def _node_rows(G: nx.Graph) -> list[dict[str, Any]]:
    return [{"id": str(n), **d} for n, d in G.nodes(data=True)]


def _edge_rows(G: nx.Graph) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    edges, interactions = [], []
    for u, v, d in G.edges(data=True):
        row = {"source": str(u), "target": str(v)}
        for key, value in d.items():
            if key == "interactions":
                interactions.extend(dict(rec) for rec in value or () if isinstance(rec, Mapping))
            else:
                row[key] = value
        edges.append(row)
    return edges, interactions


def _article_rows(G: nx.Graph) -> list[dict[str, Any]]:
    index = G.graph.get("article_index")
    if not isinstance(index, Mapping):
        return []
    return [{"id": str(k), **(v if isinstance(v, Mapping) else {})} for k, v in index.items()]


def _graph_meta(G: nx.Graph) -> bytes:
    attrs = {k: v for k, v in G.graph.items()
             if k != "article_index" and isinstance(v, (str, int, float, bool))}
    return json.dumps(attrs, ensure_ascii=False).encode("utf-8")


# --------------------------------------------------------------------------- columns


def _arrow_type(pa: Any, name: str) -> Any:
    return {"int64": pa.int64(), "float64": pa.float64(), "string": pa.string(),
            "bool": pa.bool_(), "list<string>": pa.list_(pa.string()),
            "list<int64>": pa.list_(pa.int64())}[name]


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (list, tuple, dict, set)):
        return json.dumps(sorted(value) if isinstance(value, set) else value,
                          ensure_ascii=False, separators=(",", ":"))
    return str(value)


def _coerce(value: Any, kind: str) -> Any:
    if value is None or value == "" and kind != _TEXT:
        return None
    if kind == _TEXT:
        return _text(value)
    if kind == _INT:
        return int(float(value))
    if kind == _FLOAT:
        return float(value)
    if kind == _BOOL:
        return value if isinstance(value, bool) else str(value).lower() in ("true", "1")
    if isinstance(value, str):  # a list kept as JSON text by an older reader
        value = json.loads(value) if value.strip().startswith("[") else [value]
    cast = int if kind == "list<int64>" else str
    return [cast(x) for x in value]


def _column(pa: Any, values: list[Any], kind: str | None) -> Any:
    """One typed column: the known type, else pyarrow's inference, else JSON text."""
    if kind is not None:
        try:
            return pa.array([_coerce(v, kind) for v in values], type=_arrow_type(pa, kind))
        except (TypeError, ValueError, json.JSONDecodeError):
            pass  # not what the schema expects: keep it as text below
    else:
        try:
            array = pa.array(values)
            if not pa.types.is_null(array.type) or not values:
                return array
        except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError, OverflowError):
            pass
    return pa.array([_text(v) for v in values], type=pa.string())


def _table(pa: Any, rows: list[dict[str, Any]], types: Mapping[str, str],
           metadata: dict[bytes, bytes] | None = None) -> Any:
    names = [k for k in types if k in ("id", "source", "target") or any(k in r for r in rows)]
    seen = set(names)
    for row in rows:
        for key in row:
            if key not in seen:
                seen.add(key)
                names.append(key)
    if not rows:
        names = list(types)
    arrays = [_column(pa, [r.get(k) for r in rows], types.get(k)) for k in names]
    return pa.Table.from_arrays(arrays, names=names, metadata=metadata)


def _mentions_table(pa: Any, G: nx.Graph, path: Path) -> Any:
    """The rows of a build's ``mentions.csv`` about the graph's actors in their articles."""
    import pyarrow.csv as pacsv

    types = {k: _arrow_type(pa, v) for k, v in _MENTION_TYPES.items()}
    try:
        table = pacsv.read_csv(path, convert_options=pacsv.ConvertOptions(
            column_types=types, strings_can_be_null=False))
    except (OSError, pa.ArrowInvalid) as exc:
        raise GraphFormatError(f"cannot read the mentions file {path}: {exc}") from exc
    pairs = {(str(n), str(a)) for n, d in G.nodes(data=True)
             for a in (d.get("article_ids") or ())}
    entities = table.column("entity").to_pylist()
    articles = table.column("article").to_pylist()
    if pairs:
        keep = [(e, a) in pairs for e, a in zip(entities, articles, strict=True)]
    else:  # a graph without article lists (CSV): its actors' mentions
        keep = [e in G for e in entities]
    return table.filter(pa.array(keep, type=pa.bool_()))


def tables(G: nx.Graph, *, mentions: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """The pyarrow tables for ``G`` (``interactions``, ``mentions`` and ``articles`` only
    when there is something to put in them)."""
    pa = require_pyarrow()
    edges, interactions = _edge_rows(G)
    out = {
        "nodes": _table(pa, _node_rows(G), _NODE_TYPES, {_META_KEY: _graph_meta(G)}),
        "edges": _table(pa, edges, _EDGE_TYPES),
    }
    if interactions:
        out["interactions"] = _table(pa, interactions, _INTERACTION_TYPES)
    if mentions is not None and Path(mentions).is_file():
        out["mentions"] = _mentions_table(pa, G, Path(mentions))
    articles = _article_rows(G)
    if articles:
        out["articles"] = _table(pa, articles, _ARTICLE_TYPES)
    return out


def _write_tables(G: nx.Graph, paths: Mapping[str, Path],
                  mentions: str | os.PathLike[str] | None) -> Path:
    import pyarrow.parquet as pq

    made = tables(G, mentions=mentions)
    for name, table in made.items():
        with atomic_path(paths[name]) as tmp:
            pq.write_table(table, tmp, compression="zstd")
    for name in TABLES:  # no stale table of an earlier, bigger graph left beside them
        if name not in made:
            paths[name].unlink(missing_ok=True)
    return paths["nodes"]


def write(G: nx.Graph, path: str | os.PathLike[str], *,
          mentions: str | os.PathLike[str] | None = None) -> Path:
    """Write ``G`` as Parquet tables named after ``path`` (see :func:`parquet_paths`);
    ``mentions`` is a build's ``mentions.csv`` to include. Returns the nodes file."""
    require_pyarrow()
    return _write_tables(G, parquet_paths(path), mentions)


def write_folder(G: nx.Graph, folder: str | os.PathLike[str], *,
                 mentions: str | os.PathLike[str] | None = None) -> Path:
    """Write ``G`` as ``nodes.parquet``, ``edges.parquet``, … inside ``folder`` (made if
    needed). Returns the folder."""
    require_pyarrow()
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise ActorGraphError(f"{folder} is a file, not a folder")
    folder.mkdir(parents=True, exist_ok=True)
    _write_tables(G, {t: folder / f"{t}.parquet" for t in TABLES}, mentions)
    return folder


# --------------------------------------------------------------------------- read


def _clean(row: Mapping[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in row.items():
        if value is None:
            continue
        if isinstance(value, list):
            value = [{k: v for k, v in x.items() if v is not None} if isinstance(x, dict)
                     else x for x in value]
        out[key] = value
    return out


def _rows(path: Path) -> Iterable[dict[str, Any]]:
    import pyarrow.parquet as pq

    return (_clean(r) for r in pq.read_table(path).to_pylist())


def read(path: str | os.PathLike[str]) -> nx.Graph:
    """Read the tables :func:`write` made back into a graph (``mentions`` is not part of
    the graph and is not read)."""
    require_pyarrow()
    import pyarrow.parquet as pq

    paths = parquet_paths(path)
    if not paths["nodes"].is_file():
        raise GraphFormatError(f"Graph file not found: {paths['nodes']}")
    G = nx.Graph()
    meta = pq.read_schema(paths["nodes"]).metadata or {}
    if _META_KEY in meta:
        G.graph.update(json.loads(meta[_META_KEY].decode("utf-8")))
    for row in _rows(paths["nodes"]):
        G.add_node(row.pop("id"), **row)
    if paths["edges"].is_file():
        for row in _rows(paths["edges"]):
            G.add_edge(row.pop("source"), row.pop("target"), **row)
    if paths["interactions"].is_file():
        for rec in _rows(paths["interactions"]):
            if G.has_edge(rec.get("source"), rec.get("target")):
                G.edges[rec["source"], rec["target"]].setdefault("interactions", []).append(rec)
    if paths["articles"].is_file():
        G.graph["article_index"] = {r.pop("id"): r for r in _rows(paths["articles"])}
    return G
