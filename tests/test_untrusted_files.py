"""Graph files from elsewhere are safe to load (issue 15, item 5): the fast-load sidecar
is a local cache authenticated with the user's key, and crafted JSON/GEXF files are
refused with a clear GraphFormatError."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
import textwrap
import zlib
from pathlib import Path

import networkx as nx
import pytest

from graph import load
from graph.errors import GraphFormatError
from graph.model import example
from graph.readwrite import graphml, read, sidecar
from graph.readwrite import write as write_graph

ROOT = Path(__file__).resolve().parents[1]


def _crafted(path: Path, core: bytes, blob: bytes = b"[]", *, mac: bool = False) -> None:
    """A sidecar as an attacker without the user's key can make it: the right header,
    stamp and CRCs, and no MAC (the layout before the MAC) or a wrong one."""
    when = sidecar.stamp(path)
    header = sidecar._HEADER.pack(sidecar._MAGIC, sidecar._VERSION, when.size, when.mtime_ns,
                                  when.digest, len(core), len(blob), zlib.crc32(core),
                                  zlib.crc32(blob))
    gap = b"\0" * sidecar._MAC_SIZE if mac else b""
    sidecar.sidecar_path(path).write_bytes(header + gap + core + blob)


def test_the_key_is_private_to_the_user(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    key = sidecar.user_key()
    assert key is not None and len(key) == 32
    path = sidecar.key_folder() / "sidecar.key"
    assert path.read_bytes() == key
    assert path.stat().st_mode & 0o077 == 0


def test_a_sidecar_from_another_user_is_ignored(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "theirs"))
    path = write_graph(example().nx, tmp_path / "graph.graphml")
    assert sidecar.load(path) is not None  # theirs: trusted by them
    # the GraphML changed in the middle, same size, same ends, same mtime (a tar round trip)
    st = path.stat()
    data = path.read_bytes()
    at = data.index(b"Lavrov")
    path.write_bytes(data[:at] + b"Lavrof" + data[at + 6:])
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    forged = sidecar.sidecar_path(path).read_bytes()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "mine"))
    sidecar.sidecar_path(path).write_bytes(forged)
    assert sidecar.load(path) is None  # not written with my key: never unpickled
    g = read(path)
    assert "Lavrof" in json.dumps(dict(g.nodes(data=True)), ensure_ascii=False)
    assert sidecar.load(path) is not None  # my own sidecar, written by that parse


def test_without_a_key_no_sidecar_is_written_or_read(tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    path = write_graph(example().nx, tmp_path / "graph.graphml")
    assert not sidecar.sidecar_path(path).exists()
    assert load(path).actor("Mali").id == "mali"


def test_a_crafted_nine_byte_core_loads_in_little_memory(tmp_path: Path) -> None:
    path = write_graph(example().nx, tmp_path / "graph.graphml")
    # PROTO 5, NONE, LONG_BINPUT 0x3fffffff, STOP: a memo of a billion slots (8 GB)
    core = b"\x80\x05N" + b"r" + (0x3FFFFFFF).to_bytes(4, "little") + b"."
    assert len(core) == 9
    _crafted(path, core)
    code = textwrap.dedent(f"""
        import resource
        from graph import load
        g = load({str(path)!r})
        assert g.actor("Mali").id == "mali"
        try:  # this program's own peak (ru_maxrss would count the forked test process)
            with open("/proc/self/status") as fh:
                print([int(l.split()[1]) // 1024 for l in fh if l.startswith("VmHWM:")][0])
        except OSError:
            print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
    """)
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert int(out.stdout.split()[-1]) < 300


def test_crafted_sidecars_never_unpickle(tmp_path: Path) -> None:
    path = write_graph(example().nx, tmp_path / "graph.graphml")
    shared = [[]] * 10
    for _ in range(5):
        shared = [shared] * 10
    for core in (pickle.dumps((sidecar._VERSION, {}, {}, {}, b"", (2, 4, 4)), protocol=5),
                 pickle.dumps(shared, protocol=5)):
        for mac in (False, True):
            _crafted(path, core, mac=mac)
            assert sidecar.load(path) is None
            assert load(path).actor("Lavrov").id == "lavrov"


def test_a_sidecar_with_the_key_but_wrong_edge_data_is_refused(tmp_path: Path) -> None:
    path = write_graph(example().nx, tmp_path / "graph.graphml")
    when = sidecar.stamp(path)
    core = pickle.dumps((sidecar._VERSION, {}, {"a": {}, "b": {}}, {"a": {"b": 5}, "b": {"a": 5}},
                         b"\x01" + b"\x00" * 7 + b"\x03" + b"\x00" * 7, (4, 4, 4)), protocol=5)
    blob = b"[nu]nullnull"
    header = sidecar._HEADER.pack(sidecar._MAGIC, sidecar._VERSION, when.size, when.mtime_ns,
                                  when.digest, len(core), len(blob), 0, 0)
    key = sidecar.user_key()
    assert key is not None
    sidecar.sidecar_path(path).write_bytes(header + sidecar._mac(key, header, core, blob)
                                           + core + blob)
    assert sidecar.load(path) is None


def _node_link(**edge: object) -> dict[str, object]:
    return {"directed": False, "multigraph": False, "graph": {},
            "nodes": [{"id": "a", "label": "A", "type": "state"},
                      {"id": "b", "label": "B", "type": "state"}],
            "edges": [{"source": "a", "target": "b", "weight": 1, **edge}]}


@pytest.mark.parametrize("edge", [{"evidence": 5}, {"evidence": ["x"]},
                                  {"article_ids": {"a": 1}}, {"first_seen": 2021},
                                  {"tone": "high"}])
def test_crafted_json_edges_are_a_format_error(tmp_path: Path, edge: dict) -> None:
    path = tmp_path / "g.json"
    path.write_text(json.dumps(_node_link(**edge)))
    with pytest.raises(GraphFormatError, match="edge 'a'–'b'"):
        load(path)


def test_crafted_json_graph_and_node_attributes_are_a_format_error(tmp_path: Path) -> None:
    path = tmp_path / "g.json"
    data = _node_link()
    data["graph"] = {"article_index": ["a1", "a2"]}
    path.write_text(json.dumps(data))
    with pytest.raises(GraphFormatError, match="article_index"):
        load(path)
    data = _node_link()
    data["nodes"][0]["aliases"] = "A"  # type: ignore[index]
    path.write_text(json.dumps(data))
    with pytest.raises(GraphFormatError, match="node 'a': 'aliases'"):
        load(path)
    data["nodes"][0]["aliases"] = ["A"]  # type: ignore[index]
    data["edges"][0]["weight"] = [1]  # type: ignore[index]
    path.write_text(json.dumps(data))
    with pytest.raises(GraphFormatError):
        load(path)


def test_crafted_gexf_is_a_format_error(tmp_path: Path) -> None:
    g = nx.Graph()
    g.add_node("a", label="A", type="state")
    g.add_node("b", label="B", type="state")
    g.add_edge("a", "b", weight=1, evidence=7)
    path = tmp_path / "g.gexf"
    write_graph(g, path)
    with pytest.raises(GraphFormatError, match="evidence"):
        load(path)


def test_graphs_of_the_project_still_load(tmp_path: Path) -> None:
    for ext in ("graphml", "gexf", "json", "csv"):
        path = write_graph(example().nx, tmp_path / f"g.{ext}")
        g = load(path)
        assert g.relation("France", "Wagner").weight == 1
        if ext != "csv":  # (the spreadsheets keep no article index)
            assert len(g.between("2021", "2021-12")) == 7
    assert graphml.read(tmp_path / "g.graphml").number_of_nodes() == len(example())
