"""A binary sidecar that makes a big GraphML file load in well under a second.

Parsing GraphML is slow: a graph of OrangeSum's scale (20,000 actors, 200,000 links, a
175 MB file) takes seconds of XML parsing and millions of small Python objects. So when
:func:`graph.readwrite.write` writes ``x.graphml`` it also writes ``x.graphml.agcache``
beside it: the very graph the GraphML parse would return, in a form that loads fast.

Layout (all integers little-endian)::

    header   magic, version, the GraphML file's size, mtime_ns and a digest of its
             first and last 64 KiB, the length and CRC-32 of the two sections below
    mac      32 bytes: keyed BLAKE2b of the header and both sections (see below)
    core     pickle (protocol 5) of plain builtins only — dicts, lists, tuples, str, int,
             float, bool, None, bytes: (version, graph attributes, node dict, adjacency
             dict with each edge's attribute dict, the offsets of the edge segments
             below, the byte lengths of the three parts of the lists)
    lists    three JSON texts, one after the other:
             - an array with one element per edge (in edge order): an object with the
               edge's ``evidence`` and ``article_ids`` lists, or ``null`` when the edge
               has neither (or they are kept in the core);
             - an array with one element per node (in node order): an object with the
               node's ``article_ids`` and ``article_mentions`` lists (when they hold only
               strings, or only integers), or ``null``;
             - an object with the graph attribute ``article_index`` (when it is plain
               JSON data: dicts with string keys, lists, str, int, bool, None), or
               ``null``.

Whatever is in the lists section has a placeholder ``None`` in the core, so each attribute
keeps its place in its dict.

The header is followed by a 32-byte MAC: a keyed BLAKE2b of the header and both sections
under a per-user secret key (:func:`user_key`, 32 random bytes in the user's cache folder,
``~/.cache/actorgraph/sidecar.key`` on Linux, readable by the user only). **The sidecar is
a local cache, not an interchange format**: only a sidecar written on this machine by this
user is ever unpickled. One that came from elsewhere (a tar archive, a colleague's folder,
a crafted file) fails the MAC and the GraphML is parsed instead; without a usable key no
sidecar is written or read.

The sidecar is used only when its MAC is right and the GraphML file still has the
recorded size, mtime and digest; anything else — a missing, stale, truncated, corrupt or
foreign sidecar, or one of another version — means "parse the GraphML" and never an
error. Even then its structure is checked before use, and the core is read by an
unpickler that refuses every global, so no class is ever imported and no code can run,
whatever the file contains.

The lists are most of the bytes and most of the objects, so they can be left as JSON until
needed (:class:`DeferredLists`): :func:`graph.load` decodes them when the networkx graph
or a method that needs them is first used, and :meth:`graph.ActorGraph.relation` decodes
one edge's only. :func:`graph.readwrite.read` always returns the complete graph.
"""

from __future__ import annotations

import gc
import hmac
import io
import os
import pickle
import secrets
import struct
import zlib
from array import array
from collections.abc import Callable, Iterator
from hashlib import blake2b
from itertools import accumulate
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

import networkx as nx

from ..atomic import atomic_open

try:  # orjson is a dependency; the stdlib is the fallback
    from orjson import dumps as _dumps
    from orjson import loads as _loads
except ImportError:  # pragma: no cover - depends on the environment
    import json as _json

    def _dumps(value: Any) -> bytes:
        return _json.dumps(value, ensure_ascii=False, separators=(",", ":"),
                           allow_nan=False).encode("utf-8")

    def _loads(text: bytes | memoryview) -> Any:
        return _json.loads(bytes(text))

__all__ = ["SUFFIX", "DeferredLists", "Stamp", "load", "remove", "sidecar_path", "stamp",
           "write", "write_split"]

#: The sidecar of ``x.graphml`` is ``x.graphml.agcache``.
SUFFIX = ".agcache"

_MAGIC = b"actorgraph-sidecar\n\x00"
_VERSION = 3  # 2: node lists and the article index may be deferred too; 3: a MAC
_HEADER = struct.Struct("<20sIQq16sQQII")
_MAC_SIZE = 32
_KEY_NAME = "sidecar.key"
_EDGE = 64 * 1024  # bytes hashed at each end of the GraphML file
#: Edge attributes whose lists may stay JSON until needed.
DEFERRED: tuple[str, ...] = ("evidence", "article_ids")
#: Node attributes whose lists (of strings only, or of integers only) may stay JSON.
NODE_DEFERRED: tuple[str, ...] = ("article_ids", "article_mentions")
#: Graph attributes (plain JSON data) that may stay JSON until needed.
GRAPH_DEFERRED: tuple[str, ...] = ("article_index",)


class Stamp(NamedTuple):
    """What identifies one version of a GraphML file: size, mtime and a digest of its ends."""

    size: int
    mtime_ns: int
    digest: bytes


def sidecar_path(graphml: str | os.PathLike[str]) -> Path:
    """The sidecar file of a GraphML file: ``x.graphml`` → ``x.graphml.agcache``."""
    graphml = Path(graphml)
    return graphml.with_name(graphml.name + SUFFIX)


def stamp(path: str | os.PathLike[str]) -> Stamp:
    """Size, mtime (ns) and a BLAKE2 digest of the first and last 64 KiB of ``path``."""
    with open(path, "rb") as fh:
        st = os.fstat(fh.fileno())
        digest = blake2b(digest_size=16)
        digest.update(st.st_size.to_bytes(8, "little"))
        digest.update(fh.read(_EDGE))
        if st.st_size > 2 * _EDGE:
            fh.seek(st.st_size - _EDGE)
        digest.update(fh.read(_EDGE))
    return Stamp(st.st_size, st.st_mtime_ns, digest.digest())


# --------------------------------------------------------------------------- the key


_KEYS: dict[str, bytes | None] = {}


def key_folder() -> Path:
    """The folder holding the user's sidecar key (``platformdirs``' user cache folder of
    actorgraph; on Linux ``$XDG_CACHE_HOME/actorgraph``, by default
    ``~/.cache/actorgraph``)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("actorgraph"))


def user_key() -> bytes | None:
    """This user's secret sidecar key, made on first use; None when it cannot be read
    or made (then sidecars are neither written nor trusted)."""
    folder = str(key_folder())
    if folder not in _KEYS:
        _KEYS[folder] = _read_or_make_key(Path(folder) / _KEY_NAME)
    return _KEYS[folder]


def _read_or_make_key(path: Path) -> bytes | None:
    try:
        return _read_key(path)
    except FileNotFoundError:
        pass
    except OSError:
        return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = path.with_name(f".{_KEY_NAME}.{os.getpid()}.{secrets.token_hex(4)}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, secrets.token_bytes(32))
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(tmp, path)  # never replaces a key another process made meanwhile
        except FileExistsError:
            pass
        finally:
            tmp.unlink(missing_ok=True)
        return _read_key(path)
    except OSError:
        return None


def _read_key(path: Path) -> bytes | None:
    """The key at ``path`` if it is 32 bytes, owned by this user and private to them."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        st = os.fstat(fd)
        if hasattr(os, "getuid") and (st.st_uid != os.getuid() or st.st_mode & 0o077):
            return None
        data = os.read(fd, 33)
    finally:
        os.close(fd)
    return data if len(data) == 32 else None


def _mac(key: bytes, header: bytes, core: bytes | memoryview,
         *blob: bytes | memoryview | SpilledSegments) -> bytes:
    """The MAC of the header, the core and the lists (given whole or in pieces)."""
    mac = blake2b(key=key, digest_size=_MAC_SIZE, person=b"ag-sidecar")
    mac.update(header)
    mac.update(core)
    for piece in blob:
        if isinstance(piece, SpilledSegments):
            for block in piece.blocks():
                mac.update(block)
        else:
            mac.update(piece)
    return mac.digest()


# --------------------------------------------------------------------------- deferred


class DeferredLists:
    """The lists of a graph still as JSON: each edge's ``evidence`` and ``article_ids``,
    each node's ``article_ids`` and ``article_mentions``, the graph's ``article_index``.

    The dicts they belong to carry a placeholder ``None`` (so each attribute keeps its
    place); :meth:`materialize` puts the values in.
    """

    __slots__ = ("_blob", "_starts", "_index", "_nodes", "_attrs")

    def __init__(self, blob: bytes | memoryview, starts: array,
                 nodes: bytes | memoryview = b"null", attrs: bytes | memoryview = b"null"
                 ) -> None:
        self._blob = blob  # the edges' JSON array
        self._starts = starts  # segment i is blob[starts[i]:starts[i + 1] - 1]
        self._index: dict[str, tuple[int, int]] | None = None
        self._nodes = nodes  # JSON: an array with one element per node, or null
        self._attrs = attrs  # JSON: an object of graph attributes, or null

    def __len__(self) -> int:
        return len(self._starts) - 1

    def materialize(self, graph: nx.Graph) -> None:
        """Decode every deferred value into ``graph``'s dicts (in place)."""
        enabled = gc.isenabled()
        gc.disable()  # hundreds of thousands of new lists: no cycles among them to collect
        try:
            values = _loads(self._blob)
            for (_, _, data), value in zip(graph.edges(data=True), values, strict=True):
                if value is not None:
                    data.update(value)
            values = _loads(self._nodes)
            if values is not None:
                for data, value in zip(graph._node.values(), values, strict=True):
                    if value is not None:
                        data.update(value)
            value = _loads(self._attrs)
            if value is not None:
                graph.graph.update(value)
        finally:
            if enabled:
                gc.enable()

    def edge(self, graph: nx.Graph, u: str, v: str) -> dict[str, Any]:
        """Edge ``(u, v)``'s attributes with its deferred lists decoded (a new dict)."""
        adj = graph.adj
        data = dict(adj[u][v])
        if self._index is None:
            self._index = self._positions(graph)
        (pu, bu), (pv, bv) = self._index[u], self._index[v]
        if pv < pu:
            u, v, pu, bu, pv = v, u, pv, bv, pu
        # networkx lists edge (u, v) under the earlier node u, among u's neighbours not
        # listed before u (v itself included), in the order of u's adjacency dict
        index = self._index
        i = bu
        for other in adj[u]:
            if other == v:
                break
            if index[other][0] >= pu:
                i += 1
        value = _loads(self._blob[self._starts[i]:self._starts[i + 1] - 1])
        if value is not None:
            data.update(value)
        return data

    @staticmethod
    def _positions(graph: nx.Graph) -> dict[str, tuple[int, int]]:
        """Node → (its rank, the position in ``graph.edges()`` of its first edge)."""
        out: dict[str, tuple[int, int]] = {}
        count = 0
        for rank, (node, nbrs) in enumerate(graph.adj.items()):
            out[node] = (rank, count)
            count += len(nbrs) - sum(1 for other in nbrs if other in out and other != node)
        return out


# --------------------------------------------------------------------------- write


_CONTAINERS = frozenset({str, list, dict})  # what _sharing copies or shares (all else: as is)


def _sharing(pool: dict[str, str]) -> Callable[[Any], Any]:
    """A deep copy of plain data in which equal strings are one object.

    Pickle then writes each distinct string once (the rest are memo references) and the
    loader makes one object per distinct string: on a big graph, article ids, dates and
    titles repeat hundreds of thousands of times, so this halves the loading time.
    """
    same = pool.setdefault

    def share(value: Any) -> Any:
        kind = type(value)
        if kind is str:
            return same(value, value)
        if kind is list:
            kinds = set(map(type, value))  # a list of strings, or of numbers: at C speed
            if kinds == {str}:
                return list(map(same, value, value))
            if not kinds & _CONTAINERS:
                return value.copy()
            return [share(x) for x in value]
        if kind is dict:
            return {share(k): share(x) for k, x in value.items()}
        return value

    return share


def _lean(data: dict[str, Any], same: Callable[[str, str], str],
          share: Callable[[Any], Any]) -> tuple[dict[str, Any], bytes]:
    """One edge's attributes as the core keeps them (strings shared, the deferred lists
    replaced by ``None``) and its segment of the lists' JSON (``b"null"`` for none)."""
    lists = {k: data[k] for k in DEFERRED if type(data.get(k)) is list}
    segment = b"null"
    if lists:
        try:
            segment = _dumps(lists)
        except (TypeError, ValueError):  # not JSON (a big int, an object): keep them
            lists = {}
    copy = {}
    for k, x in data.items():
        if k in lists:
            x = None
        elif type(x) is str:
            x = same(x, x)
        elif type(x) in (list, dict):
            x = share(x)
        copy[same(k, k)] = x
    return copy, segment


def _flat(value: list[Any]) -> bool:
    """A list of strings only or of integers only (what JSON gives back as it was)."""
    kinds = set(map(type, value))
    return kinds <= {str} or kinds <= {int}


def _plain(value: Any) -> bool:
    """Plain JSON data that decodes to an equal value: dicts with string keys, lists, str,
    int, bool and None (no float: NaN would not survive)."""
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:
        return True
    if kind is list:
        return all(map(_plain, value))
    if kind is dict:
        return all(type(k) is str for k in value) and all(map(_plain, value.values()))
    return False


def _lean_nodes(nodes: dict[str, dict[str, Any]]) -> tuple[dict[str, dict[str, Any]], bytes]:
    """The node dict as the core keeps it (the deferred lists replaced by ``None``, in new
    dicts) and the nodes' JSON array."""
    lean: dict[str, dict[str, Any]] = {}
    segments: list[bytes] = []
    for node, data in nodes.items():
        lists = {k: data[k] for k in NODE_DEFERRED
                 if type(data.get(k)) is list and _flat(data[k])}
        segment = b"null"
        if lists:
            try:
                segment = _dumps(lists)
            except (TypeError, ValueError):  # a big int, a lone surrogate: keep them
                lists = {}
        if lists:
            data = {k: None if k in lists else x for k, x in data.items()}
        lean[node] = data
        segments.append(segment)
    return lean, b"[" + b",".join(segments) + b"]"


def _lean_attrs(attrs: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
    """The graph attributes as the core keeps them and the deferred ones' JSON object."""
    deferred = {k: attrs[k] for k in GRAPH_DEFERRED
                if type(attrs.get(k)) in (dict, list) and _plain(attrs[k])}
    if deferred:
        try:
            return {k: None if k in deferred else x for k, x in attrs.items()}, \
                _dumps(deferred)
        except (TypeError, ValueError):  # a big int, a lone surrogate: keep them
            pass
    return attrs, b"null"


class SpilledSegments:
    """The edges' JSON segments (the first part of the lists section) written to a file
    as they come, instead of held in memory: ``[`` segment ``,`` segment … ``]``, with
    the offsets, the size and the CRC-32 the header and the core need.

    A big graph's segments (every edge's ``article_ids`` and ``evidence``) are most of
    the sidecar; :func:`graph.readwrite.graphml.write` renders them a chunk at a time.
    """

    def __init__(self, file: BinaryIO) -> None:
        self.file = file
        self.starts = array("Q", [1])
        self.size = 0
        self.crc = 0
        self._closed = False

    def add(self, segments: list[bytes]) -> None:
        """Append ``segments`` (in edge order)."""
        if not segments:
            return
        starts = self.starts
        lead = b"[" if len(starts) == 1 else b","
        starts.extend(accumulate((len(segment) + 1 for segment in segments[1:]),
                                 initial=starts[-1] + len(segments[0]) + 1))
        data = lead + b",".join(segments)
        self._write(data)

    def close(self) -> None:
        """End the array (once)."""
        if not self._closed:
            self._write(b"]" if len(self.starts) > 1 else b"[]")
            self._closed = True

    def _write(self, data: bytes) -> None:
        self.file.write(data)
        self.size += len(data)
        self.crc = zlib.crc32(data, self.crc)

    def blocks(self) -> Iterator[bytes]:
        """The segments' bytes, a few megabytes at a time."""
        self.file.flush()
        self.file.seek(0)
        while block := self.file.read(1 << 22):
            yield block

    def copy_to(self, out: BinaryIO) -> None:
        """Copy the segments' bytes to ``out``."""
        for block in self.blocks():
            out.write(block)


def _pack(attrs: dict[str, Any], nodes: dict[str, dict[str, Any]],
          adj: dict[str, dict[str, dict[str, Any]]],
          segments: list[bytes] | SpilledSegments
          ) -> tuple[bytes, list[bytes | SpilledSegments]]:
    """The core pickle and the lists' JSON (in pieces) from the parts :func:`_split`
    makes."""
    edges: bytes | SpilledSegments
    if isinstance(segments, SpilledSegments):
        segments.close()
        starts, edges, edges_size = segments.starts, segments, segments.size
        if len(starts) == 1:  # no edge: the offsets of an empty list, as below
            starts = array("Q", [1])
    else:
        starts = array("Q", accumulate((len(segment) + 1 for segment in segments),
                                       initial=1))
        edges = b"[" + b",".join(segments) + b"]"
        edges_size = len(edges)
    nodes, node_lists = _lean_nodes(nodes)
    attrs, attr_lists = _lean_attrs(attrs)
    parts = (edges_size, len(node_lists), len(attr_lists))
    core = pickle.dumps((_VERSION, attrs, nodes, adj, starts.tobytes(), parts), protocol=5)
    return core, [edges, node_lists, attr_lists]


def _split(graph: nx.Graph) -> tuple[bytes, list[bytes | SpilledSegments]]:
    """The core pickle and the lists' JSON of ``graph`` (which is left untouched)."""
    pool: dict[str, str] = {}
    share, same = _sharing(pool), pool.setdefault
    lean: dict[int, dict[str, Any]] = {}
    segments: list[bytes] = []
    for _, _, data in graph.edges(data=True):
        lean[id(data)], segment = _lean(data, same, share)
        segments.append(segment)
    adj = {share(u): {share(v): lean[id(d)] for v, d in nbrs.items()}
           for u, nbrs in graph.adj.items()}
    nodes = {share(n): share(d) for n, d in graph.nodes(data=True)}
    return _pack(share(graph.graph), nodes, adj, segments)


def write(graphml: str | os.PathLike[str], graph: nx.Graph | Callable[[], nx.Graph],
          when: Stamp) -> bool:
    """Write the sidecar of ``graphml`` (atomically): ``graph`` is what reading the file
    returns (or a function making it), ``when`` the file's :func:`stamp`.

    Never raises: on any failure the sidecar is removed (a stale one would be ignored
    anyway) and ``False`` returned.
    """
    def parts() -> tuple[bytes, bytes]:
        return _split(graph() if callable(graph) else graph)

    return _write_parts(graphml, parts, when)


def write_split(graphml: str | os.PathLike[str], attrs: dict[str, Any],
                nodes: dict[str, dict[str, Any]], adj: dict[str, dict[str, dict[str, Any]]],
                segments: list[bytes] | SpilledSegments, when: Stamp) -> bool:
    """Like :func:`write`, from the graph already split as :func:`_split` splits it: the
    graph's attributes, the node dict, the adjacency dict with each edge's lean attribute
    dict (deferred lists replaced by ``None``, see :func:`_lean`), and the edges' JSON
    segments in the order of ``edges()`` (a list, or written to a file as they came).
    Never raises."""
    return _write_parts(graphml, lambda: _pack(attrs, nodes, adj, segments), when)


def _write_parts(graphml: str | os.PathLike[str],
                 parts: Callable[[], tuple[bytes, list[bytes | SpilledSegments]]],
                 when: Stamp) -> bool:
    target = sidecar_path(graphml)
    key = user_key()
    if key is None:  # nothing to authenticate it with: no sidecar
        remove(graphml)
        return False
    enabled = gc.isenabled()
    gc.disable()  # millions of short-lived containers, no cycles
    try:
        core, pieces = parts()
        size, crc = 0, 0
        for i, piece in enumerate(pieces):
            if isinstance(piece, SpilledSegments):  # its CRC runs from 0: first only
                if i:
                    raise ValueError("spilled segments must come first")
                size, crc = piece.size, piece.crc
            else:
                size += len(piece)
                crc = zlib.crc32(piece, crc)
        header = _HEADER.pack(_MAGIC, _VERSION, when.size, when.mtime_ns, when.digest,
                              len(core), size, zlib.crc32(core), crc)
        with atomic_open(target, "wb") as fh:
            fh.write(header)
            fh.write(_mac(key, header, core, *pieces))
            fh.write(core)
            for piece in pieces:
                if isinstance(piece, SpilledSegments):
                    piece.copy_to(fh)
                else:
                    fh.write(piece)
        return True
    except Exception:
        remove(graphml)
        return False
    finally:
        if enabled:
            gc.enable()


def remove(graphml: str | os.PathLike[str]) -> None:
    """Delete the sidecar of ``graphml`` if there is one (best effort)."""
    try:
        sidecar_path(graphml).unlink(missing_ok=True)
    except OSError:
        pass


# --------------------------------------------------------------------------- read


class _BuiltinsOnly(pickle.Unpickler):
    """An unpickler for plain data: every global (class, function) is refused."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"sidecar refers to {module}.{name}: refused")

    def persistent_load(self, pid: Any) -> Any:
        raise pickle.UnpicklingError("sidecar uses persistent ids: refused")


def _parse(fh: BinaryIO, when: Stamp) -> tuple[nx.Graph, DeferredLists] | None:
    key = user_key()
    head = fh.read(_HEADER.size)
    if key is None or len(head) != _HEADER.size:
        return None
    magic, version, size, mtime_ns, digest, n_core, n_blob, _, _ = _HEADER.unpack(head)
    if (magic != _MAGIC or version != _VERSION or (size, mtime_ns, digest) != when
            or os.fstat(fh.fileno()).st_size != _HEADER.size + _MAC_SIZE + n_core + n_blob):
        return None
    mac = fh.read(_MAC_SIZE)
    core = fh.read(n_core)
    blob = fh.read(n_blob)  # two reads: the core is freed once unpickled
    if len(core) != n_core or len(blob) != n_blob or fh.read(1):
        return None
    if not hmac.compare_digest(mac, _mac(key, head, core, blob)):
        return None  # written elsewhere, or altered: never unpickled
    payload = _BuiltinsOnly(io.BytesIO(core)).load()
    del core
    if type(payload) is not tuple or len(payload) != 6 or payload[0] != _VERSION:
        return None
    _, attrs, nodes, adj, starts_raw, parts = payload
    if not (type(attrs) is dict and type(nodes) is dict and type(adj) is dict
            and type(starts_raw) is bytes and nodes.keys() == adj.keys()
            and set(map(type, nodes.values())) <= {dict}
            and set(map(type, adj.values())) <= {dict}
            and all(set(map(type, nbrs.values())) <= {dict} for nbrs in adj.values())
            and all(nbrs.keys() <= adj.keys() for nbrs in adj.values())
            and type(parts) is tuple and len(parts) == 3
            and set(map(type, parts)) == {int} and min(parts) >= 0
            and sum(parts) == n_blob):
        return None
    starts = array("Q")
    starts.frombytes(starts_raw)
    # the number of edges: each is in two neighbour dicts, a self-loop in one
    ends = sum(map(len, adj.values())) + sum(map(dict.__contains__, adj.values(), adj))
    n_edges = parts[0]
    end = n_edges if len(starts) > 1 else 1  # an empty array "[]" has no segment
    if ends % 2 or len(starts) != ends // 2 + 1 or starts[-1] != end:
        return None
    g = nx.Graph()
    g.graph = attrs
    g._node = nodes  # the dicts networkx itself keeps: node → attrs, node → nbr → attrs
    g._adj = adj
    lists = memoryview(blob)
    n_nodes = n_edges + parts[1]
    return g, DeferredLists(lists[:n_edges], starts, lists[n_edges:n_nodes],
                            lists[n_nodes:])


def load(graphml: str | os.PathLike[str], *, defer: bool = False
         ) -> tuple[nx.Graph, DeferredLists | None] | None:
    """The graph stored in ``graphml``'s sidecar, or ``None`` when there is no usable one
    (missing, stale, truncated, corrupt, another version). Never raises.

    With ``defer=True`` the lists (see :class:`DeferredLists`) may stay JSON: the second
    item is then a :class:`DeferredLists` to materialize before the graph is
    handed to anyone.
    """
    path = sidecar_path(graphml)
    try:
        when = stamp(graphml)
        with open(path, "rb") as fh:
            parsed = _parse(fh, when)
        if parsed is None:
            return None
        g, deferred = parsed
        if not defer or len(deferred) == 0:  # (no edges: little to defer)
            deferred.materialize(g)
            return g, None
        return g, deferred
    except Exception:  # any damage at all: the caller parses the GraphML instead
        return None
