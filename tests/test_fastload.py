"""The GraphML sidecar: same graph as the XML parse, ignored when stale or damaged, safe."""

from __future__ import annotations

import os
import pickle
import zlib
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_readwrite import nasty_graph

from graph import ActorGraph, load, readwrite
from graph.model import example
from graph.readwrite import graphml, sidecar


def _same(a: nx.Graph, b: nx.Graph) -> None:
    """Equal graphs, down to the order of nodes, edges and attribute keys."""
    assert a.graph == b.graph
    assert list(a.graph) == list(b.graph)
    assert [(n, list(d.items())) for n, d in a.nodes(data=True)] == \
        [(n, list(d.items())) for n, d in b.nodes(data=True)]
    assert [(u, v, list(d.items())) for u, v, d in a.edges(data=True)] == \
        [(u, v, list(d.items())) for u, v, d in b.edges(data=True)]
    assert {n: list(nbrs) for n, nbrs in a.adj.items()} == \
        {n: list(nbrs) for n, nbrs in b.adj.items()}


def _no_xml(monkeypatch) -> None:
    """Make any GraphML parse fail, to prove the sidecar was used."""
    def refuse(path):
        raise AssertionError(f"GraphML parsed: {path}")

    monkeypatch.setattr(graphml, "read", refuse)


def _mixed_graph() -> nx.Graph:
    g = nasty_graph()
    nodes = list(g)
    g.nodes[nodes[0]]["community"] = 3
    g.nodes[nodes[1]]["community"] = ""
    g.nodes[nodes[0]]["flag"] = True
    g.nodes[nodes[1]]["score"] = 0.25
    g.nodes[nodes[2]]["score"] = 2
    g.nodes[nodes[2]]["tags"] = ("a", "b")
    u, v = next(iter(g.edges))
    g.edges[u, v]["evidence"] = []
    g.graph["empty"] = ""
    g.add_node("alone", label="Seul", type="group", mentions=1)
    return g


@pytest.fixture(params=["example", "nasty", "mixed"])
def graph(request) -> nx.Graph:
    return {"example": lambda: example().nx, "nasty": nasty_graph,
            "mixed": _mixed_graph}[request.param]()


def test_sidecar_is_written_and_read_back_as_the_xml_parse(graph: nx.Graph, tmp_path: Path,
                                                          monkeypatch) -> None:
    path = readwrite.write(graph, tmp_path / "g.graphml")
    assert sidecar.sidecar_path(path) == tmp_path / "g.graphml.agcache"
    assert sidecar.sidecar_path(path).is_file()
    parsed = graphml.read(path)
    _no_xml(monkeypatch)
    fast = readwrite.read(path)
    _same(fast, parsed)
    g = load(path)
    _same(g.nx, parsed)


def test_load_of_an_output_folder_uses_the_sidecar(tmp_path: Path, monkeypatch) -> None:
    readwrite.write(nasty_graph(), tmp_path / "graph.graphml")
    parsed = graphml.read(tmp_path / "graph.graphml")
    _no_xml(monkeypatch)
    g = load(tmp_path)
    assert g.source == tmp_path / "graph.graphml"
    _same(g.nx, parsed)


def test_edge_lists_are_decoded_lazily_and_completely(tmp_path: Path, monkeypatch) -> None:
    ref = example()
    ref.write(tmp_path / "graph.graphml")
    _no_xml(monkeypatch)
    g = load(tmp_path)
    assert g._deferred is not None
    assert g.actor("Lavrov") == ref.actor("Lavrov")
    assert g.neighbors("Mali") == ref.neighbors("Mali")
    assert g.top(3) == ref.top(3) and repr(g) == repr(ref)
    assert g.relation("Russie", "Mali") == ref.relation("Russie", "Mali")
    assert g.path("Niger", "CEDEAO") == ref.path("Niger", "CEDEAO")
    assert g._deferred is not None  # none of these needed every edge's evidence
    evidence = g.nx.edges["russie", "mali"]["evidence"]
    assert g._deferred is None
    assert isinstance(evidence, list) and evidence == ref.nx.edges["russie", "mali"]["evidence"]
    assert all(isinstance(d["evidence"], list) for _, _, d in g.nx.edges(data=True))
    assert repr(load(tmp_path).between("2021", "2021-12")) == repr(ref.between("2021",
                                                                               "2021-12"))


def test_stale_sidecar_is_ignored_then_refreshed(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "graph.graphml"
    readwrite.write(nasty_graph(), path)
    old = sidecar.sidecar_path(path).read_bytes()
    g2 = example().nx
    readwrite.write(g2, path)
    sidecar.sidecar_path(path).write_bytes(old)  # the sidecar of the previous graph
    _same(readwrite.read(path), graphml.read(path))
    # a hand edit of the GraphML, keeping its size (and, here, even its mtime)
    st = path.stat()
    text = path.read_text(encoding="utf-8")
    assert ">Wagner<" in text
    path.write_text(text.replace(">Wagner<", ">Wagnar<"), encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1))
    assert path.stat().st_size == st.st_size
    back = load(path)
    assert back.nx.nodes["wagner"]["label"] == "Wagnar"
    # the parse rewrote the sidecar: the next load uses it
    _no_xml(monkeypatch)
    assert load(path).nx.nodes["wagner"]["label"] == "Wagnar"


def test_same_size_and_mtime_but_other_ends_is_stale(tmp_path: Path) -> None:
    path = tmp_path / "graph.graphml"
    readwrite.write(example().nx, path)
    st = path.stat()
    data = bytearray(path.read_bytes())
    end = data.rindex(b"</graphml>")
    data[end - 2:end] = b"\n\n" if data[end - 2:end] != b"\n\n" else b"  "
    path.write_bytes(bytes(data))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert sidecar.load(path) is None


@pytest.mark.parametrize("damage", ["truncate", "flip", "empty", "garbage", "header", "dir"])
def test_damaged_sidecar_falls_back_to_the_xml(tmp_path: Path, damage: str) -> None:
    path = readwrite.write(nasty_graph(), tmp_path / "graph.graphml")
    side = sidecar.sidecar_path(path)
    raw = bytearray(side.read_bytes())
    if damage == "truncate":
        side.write_bytes(bytes(raw[: len(raw) // 2]))
    elif damage == "flip":
        raw[len(raw) // 2] ^= 0x55
        side.write_bytes(bytes(raw))
    elif damage == "empty":
        side.write_bytes(b"")
    elif damage == "garbage":
        side.write_bytes(os.urandom(5000))
    elif damage == "header":
        raw[0:4] = b"XXXX"
        side.write_bytes(bytes(raw))
    else:
        side.unlink()
        side.mkdir()
    assert sidecar.load(path) is None
    _same(readwrite.read(path), graphml.read(path))
    assert load(tmp_path).actor("Lavrov").id == "lavrov"


def _forge(path: Path, core: bytes, blob: bytes = b"[]") -> None:
    """A sidecar with a valid header, stamp, checksums and MAC (this user's key, as if
    the attacker had it) around any ``core``: what the structure checks must refuse."""
    when = sidecar.stamp(path)
    header = sidecar._HEADER.pack(sidecar._MAGIC, sidecar._VERSION, when.size, when.mtime_ns,
                                  when.digest, len(core), len(blob), zlib.crc32(core),
                                  zlib.crc32(blob))
    key = sidecar.user_key()
    assert key is not None
    mac = sidecar._mac(key, header, core, blob)
    sidecar.sidecar_path(path).write_bytes(header + mac + core + blob)


class _Evil:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_malicious_pickle_is_refused_and_never_runs(tmp_path: Path) -> None:
    path = readwrite.write(example().nx, tmp_path / "graph.graphml")
    marker = tmp_path / "pwned"
    for core in (pickle.dumps(_Evil(marker), protocol=5),
                 pickle.dumps((1, {}, {}, {}, _Evil(marker)), protocol=2),
                 pickle.dumps((1, nx.Graph(), {}, {}, b""), protocol=5),
                 pickle.dumps(print, protocol=5)):
        _forge(path, core)
        assert sidecar.load(path) is None
        g = load(path)
        assert not marker.exists()
        assert g.actor("Lavrov").id == "lavrov"
    assert not marker.exists()


def test_forged_plain_data_of_the_wrong_shape_is_refused(tmp_path: Path) -> None:
    path = readwrite.write(example().nx, tmp_path / "graph.graphml")
    for core in (pickle.dumps([1, 2, 3]), pickle.dumps((1, {}, {"a": {}}, {}, b"")),
                 pickle.dumps((1, {}, {"a": {}}, {"a": {}}, b"\x00" * 8)),
                 pickle.dumps((1, {}, {"a": []}, {"a": {}}, b"\x01" + b"\x00" * 7))):
        _forge(path, core)
        assert sidecar.load(path) is None
        assert load(path).actor("Mali").id == "mali"


def test_a_failed_sidecar_write_leaves_the_graphml(tmp_path: Path, monkeypatch) -> None:
    path = readwrite.write(example().nx, tmp_path / "graph.graphml")
    assert sidecar.sidecar_path(path).is_file()

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(sidecar, "atomic_open", boom)
    readwrite.write(nasty_graph(), path)  # no error: the sidecar is only an accelerator
    assert not sidecar.sidecar_path(path).exists()
    _same(readwrite.read(path), graphml.read(path))


def test_write_without_sidecar_removes_an_old_one(tmp_path: Path) -> None:
    path = readwrite.write(example().nx, tmp_path / "graph.graphml")
    graphml.write(example().nx, path, sidecar=False)
    assert not sidecar.sidecar_path(path).exists()


def test_other_formats_get_no_sidecar(tmp_path: Path) -> None:
    for ext in ("gexf", "json", "csv"):
        readwrite.write(example().nx, tmp_path / f"g.{ext}")
    assert not list(tmp_path.glob("*.agcache"))


def test_actor_graph_from_memory_is_unchanged() -> None:
    g = ActorGraph(example().nx)
    assert g._deferred is None and g.nx is g._lean


_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Cn"),
                                       whitelist_characters="\n\t\r"), max_size=30)


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(label=_text, alias=_text, text=_text, number=st.integers(-(2**40), 2**40),
       real=st.floats(allow_nan=False))
def test_any_values_read_the_same_from_sidecar_and_xml(tmp_path: Path, label: str, alias: str,
                                                       text: str, number: int,
                                                       real: float) -> None:
    g = nx.Graph(title=text, count=number)
    g.add_node("a", label=label or "a", type="official", aliases=[alias, text],
               mentions=number, score=real)
    g.add_node("b", label="B", type="state", aliases=[], mentions=1, score=number)
    g.add_edge("a", "b", weight=1, sentences=1, evidence=[{"text": text, "title": alias}],
               article_ids=["x"], note=text)
    path = readwrite.write(g, tmp_path / "p.graphml")
    assert sidecar.sidecar_path(path).is_file()
    got = sidecar.load(path)
    assert got is not None
    _same(got[0], graphml.read(path))


def test_one_edge_decodes_like_the_whole_graph(tmp_path: Path) -> None:
    g = _mixed_graph()
    g.add_edge("mali", "mali", weight=1, evidence=[{"text": "boucle"}], article_ids=["z"])
    g.add_edge("aes", "lavrov", weight=2, evidence=[], article_ids=["y", "x"])
    path = readwrite.write(g, tmp_path / "g.graphml")
    got = sidecar.load(path, defer=True)
    assert got is not None and got[1] is not None
    lean, deferred = got
    full = graphml.read(path)
    for u, v, data in full.edges(data=True):
        for a, b in ((u, v), (v, u)):
            assert list(deferred.edge(lean, a, b).items()) == list(data.items()), (a, b)
    deferred.materialize(lean)
    _same(lean, full)


# --------------------------------------------------------------------------- fast write
# graphml.write renders the XML and the sidecar in one pass; anything unusual goes to the
# general path (_write_general). Both must write the very same bytes.


def _write_both(g: nx.Graph, tmp_path: Path, *, check_read: bool = True
                ) -> tuple[Path, bool]:
    """Write ``g`` with :func:`graphml.write` and with the general path; assert the same
    GraphML and sidecar bytes and a sidecar equal to the XML parse. Returns the path and
    whether the one-pass writer handled ``g``."""
    fast, general = tmp_path / "fast.graphml", tmp_path / "general.graphml"
    extra = graphml.viz_attributes(g)
    used = graphml._render(g, lambda: extra) is not None
    graphml.write(g, fast)
    graphml._write_general(g, general, extra, True)
    assert fast.read_bytes() == general.read_bytes()
    a, b = sidecar.sidecar_path(fast), sidecar.sidecar_path(general)
    assert a.is_file() == b.is_file()
    if a.is_file():  # the header's first 56 bytes stamp the file (mtime), and the MAC
        # after the header covers them: the rest is equal
        end = sidecar._HEADER.size
        assert a.read_bytes()[56:end] == b.read_bytes()[56:end]
        assert a.read_bytes()[end + sidecar._MAC_SIZE:] == b.read_bytes()[end + sidecar._MAC_SIZE:]
        got = sidecar.load(fast)
        assert got is not None
        if check_read:
            _same(got[0], graphml.read(fast))
    return fast, used


def _plain_graph() -> nx.Graph:
    g = nx.Graph(title="t", article_index={"a1": {"title": "T", "date": "2020-01-01"}})
    for i in range(6):
        g.add_node(f"n{i}", label=f"N{i}", type="state", aliases=[f"n{i}"], mentions=i + 1,
                   article_ids=["a1"], article_mentions=[1])
    for i, (u, v) in enumerate([("n0", "n1"), ("n2", "n1"), ("n0", "n3"), ("n3", "n2"),
                                ("n4", "n0")]):
        g.add_edge(u, v, weight=i + 1, sentences=1, evidence=[{"text": f"s{i} & <b>"}],
                   article_ids=["a1", f"a{i}"], first_seen="2020-01-01", last_seen="2020-02-0")
    return g


def _variant(change) -> nx.Graph:
    g = _plain_graph()
    change(g)
    return g


def _set_edge(u: str, v: str, **attrs):
    return lambda g: g.edges[u, v].update(attrs)


FAST_CASES = {
    "plain": _plain_graph,
    "example": lambda: example().nx,
    "nasty": nasty_graph,
    "mixed": _mixed_graph,
    "empty": nx.Graph,
    "isolated nodes only": lambda: _variant(lambda g: g.remove_edges_from(list(g.edges))),
    "self-loops": lambda: _variant(lambda g: g.add_edges_from(
        [("n2", "n2", {"weight": 1, "sentences": 1, "evidence": [], "article_ids": []}),
         ("n5", "n5", {"weight": 3, "sentences": 2, "evidence": [], "article_ids": ["x"]})])),
    "bool edge attribute": lambda: _variant(lambda g: [
        d.update(flag=i % 2 == 0) for i, (_, _, d) in enumerate(g.edges(data=True))]),
    "float edge attribute": lambda: _variant(lambda g: [
        d.update(score=i / 3) for i, (_, _, d) in enumerate(g.edges(data=True))]),
    "int and long in one attribute": lambda: _variant(lambda g: [
        d.update(big=i * 2**40) for i, (_, _, d) in enumerate(g.edges(data=True))]),
    "xml-unsafe characters in values": lambda: _variant(lambda g: (
        g.nodes["n1"].update(label="a\x00b\x1f", aliases=["x\x07y", "\ufffe"]),
        _set_edge("n0", "n1", first_seen="2020\x0b-01", evidence=[{"text": "a\uffffb\x01"}])(g))),
    "xml-special characters in ids": lambda: nx.relabel_nodes(
        _plain_graph(), {"n0": 'a"<&>\'\n\t\r b', "n1": "{x}"}),
    "an edge without some attributes": lambda: _variant(lambda g: (
        g.edges["n0", "n1"].pop("evidence"), g.edges["n2", "n1"].update(note=None))),
    "edges of two signatures": lambda: _variant(lambda g: [
        d.update(extra=i) for i, (_, _, d) in enumerate(g.edges(data=True)) if i % 2]),
    "a signature with a list not deferred": lambda: _variant(lambda g: [
        d.update(interactions=[{"kind": "x", "i": i}], tone=0.5)
        for i, (_, _, d) in enumerate(g.edges(data=True)) if i in (1, 3)]),
    "a signature with a None value": lambda: _variant(lambda g: [
        d.update(note=None, extra=1) for i, (_, _, d) in enumerate(g.edges(data=True))
        if i in (0, 2)]),
    "a signature with a long int": lambda: _variant(lambda g: [
        d.update(big=2**40 if i == 3 else i) for i, (_, _, d) in enumerate(g.edges(data=True))
        if i > 1]),
    "columns of one value, and zeros of both signs": lambda: _variant(lambda g: [
        d.update(zero=0.0, signed=-0.0 if i == 2 else 0.0, one=1, text="{x}")
        for i, (_, _, d) in enumerate(g.edges(data=True))]),
    "attributes in another order": lambda: _variant(lambda g: g.add_edge(
        "n5", "n4", article_ids=["z"], last_seen="x", weight=2, evidence=[], sentences=1,
        first_seen="w")),
    "non-JSON list value (orjson refuses)": lambda: _variant(_set_edge(
        "n0", "n1", evidence=[{"n": 2**70}], article_ids=[{1: "int key"}])),
    "lists already JSON strings": lambda: _variant(_set_edge(
        "n0", "n1", evidence='[{"text": "pre-encoded"}]', article_ids="not json")),
    "a set and a tuple": lambda: _variant(_set_edge("n0", "n1", evidence=("a", "b"),
                                                   article_ids={"b", "a"})),
    "float weights": lambda: _variant(lambda g: [
        d.update(weight=i + 0.5) for i, (_, _, d) in enumerate(g.edges(data=True))]),
    "other list attribute": lambda: _variant(_set_edge("n0", "n1", tags=["x", "y"])),
    "int node ids": lambda: nx.convert_node_labels_to_integers(_plain_graph()),
    # the article index is kept as the graph's own object when it reads back equal
    "article index with odd values": lambda: _variant(lambda g: g.graph.update(article_index={
        "a1": {"title": "T\x01 & <i>", "date": "", "inferred": True, "n": 2**62, "x": None},
        "a2": {"title": "s\ud800", "date": "2020-01-01"}, "a3": {"t": "\ufffe"}})),
    "node lists with odd values": lambda: _variant(lambda g: g.nodes["n1"].update(
        article_ids=["a\x01", "b&<", ""], article_mentions=[1, 2**40, -3],
        aliases=["a\x02", 3])),
    "article index with a big int": lambda: _variant(lambda g: g.graph.update(
        article_index={"a1": {"title": "T", "n": 2**70}})),
    "article index with a float": lambda: _variant(lambda g: g.graph.update(
        article_index={"a1": {"title": "T", "score": 0.5}, "a2": {"nan": float("nan")}})),
    "article index with an int key": lambda: _variant(lambda g: g.graph.update(
        article_index={"a1": {1: "T"}})),
}

FALLBACK_CASES = {
    "int and float in one attribute": lambda: _variant(lambda g: [
        d.update(score=1 if i else 0.5) for i, (_, _, d) in enumerate(g.edges(data=True))]),
    "bool and str in one attribute": lambda: _variant(lambda g: [
        d.update(flag=True if i else "yes") for i, (_, _, d) in enumerate(g.edges(data=True))]),
    "non-JSON value": lambda: _variant(_set_edge("n0", "n1", obj=object())),
    "xml-unsafe characters in ids": lambda: nx.relabel_nodes(_plain_graph(), {"n0": "a\x01b"}),
    "two nodes with one id": lambda: _variant(lambda g: g.add_edge(1, "1")),
    "a subclass of nx.Graph": lambda: type("G", (nx.Graph,), {})(_plain_graph()),
    "one float weight among ints": lambda: _variant(_set_edge("n0", "n1", weight=2.5)),
    "an empty attribute name": lambda: _variant(_set_edge("n0", "n1", **{"": 1})),
}


@pytest.mark.parametrize("case", FAST_CASES)
def test_one_pass_writer_writes_what_the_general_path_writes(case: str,
                                                             tmp_path: Path) -> None:
    path, used = _write_both(FAST_CASES[case](), tmp_path)
    assert used, "the one-pass writer should handle this graph"
    assert sidecar.sidecar_path(path).is_file()


@pytest.mark.parametrize("case", FALLBACK_CASES)
def test_unusual_graphs_take_the_general_path(case: str, tmp_path: Path) -> None:
    g = FALLBACK_CASES[case]()
    try:  # (an empty name reads back as its key id from the XML: a known limitation)
        _, used = _write_both(g, tmp_path, check_read=case != "an empty attribute name")
    except Exception as exc:  # the general path may refuse it: then so does write()
        with pytest.raises(type(exc)):
            graphml._write_general(g, tmp_path / "again.graphml",
                                   graphml.viz_attributes(g), True)
        return
    assert not used, "the one-pass writer should leave this graph to the general path"


@pytest.mark.parametrize("case", ["edges of two signatures",
                                  "a signature with a list not deferred",
                                  "a signature with a long int"])
def test_edges_of_a_few_signatures_skip_the_row_writer(case: str, tmp_path: Path,
                                                       monkeypatch) -> None:
    def refused(*args):
        raise AssertionError("the edges of a few signatures are rendered group by group")

    monkeypatch.setattr(graphml, "_edge_rows", refused)
    _, used = _write_both(FAST_CASES[case](), tmp_path)
    assert used


def test_uniform_edges_use_the_column_writer(tmp_path: Path, monkeypatch) -> None:
    calls = []
    columns = graphml._edge_columns
    monkeypatch.setattr(graphml, "_edge_columns",
                        lambda *args: calls.append(columns(*args)) or calls[-1])
    _write_both(_plain_graph(), tmp_path)
    assert calls and calls[0] is not None


# --------------------------------------------------------------------------- version 2
# The nodes' article_ids / article_mentions and the graph's article_index stay JSON too.


def test_node_lists_and_article_index_are_deferred_then_complete(tmp_path: Path,
                                                                monkeypatch) -> None:
    ref = example()
    path = ref.write(tmp_path / "graph.graphml")
    parsed = graphml.read(path)
    _no_xml(monkeypatch)
    got = sidecar.load(path, defer=True)
    assert got is not None and got[1] is not None
    lean, deferred = got
    assert lean.graph["article_index"] is None  # placeholders keep the keys' places
    assert list(lean.graph) == list(parsed.graph)
    for node, data in lean.nodes(data=True):
        assert data["article_ids"] is None and data["article_mentions"] is None
        assert list(data) == list(parsed.nodes[node])
        assert data["aliases"] == parsed.nodes[node]["aliases"]  # needed by Actor: kept
    deferred.materialize(lean)
    _same(lean, parsed)
    g = load(path)  # what never reads them does not decode them
    assert repr(g) == repr(ref) and g.top(3, by="articles") == ref.top(3, by="articles")
    assert g.actors() == ref.actors() and g.communities() == ref.communities()
    assert g._deferred is not None
    assert g.nx.graph["article_index"] == ref.nx.graph["article_index"]
    assert g._deferred is None


def test_repr_without_an_articles_count_reads_the_deferred_index(tmp_path: Path) -> None:
    ref = example().nx
    del ref.graph["articles"]
    path = readwrite.write(ref, tmp_path / "graph.graphml")
    g = load(path)
    assert g._deferred is not None
    assert repr(g) == repr(ActorGraph(graphml.read(path))) and " 3 articles " in repr(g)


def test_unusual_node_lists_and_index_stay_in_the_core(tmp_path: Path) -> None:
    g = _plain_graph()
    g.nodes["n0"]["article_ids"] = ["a1", 2]  # mixed: kept in the core
    g.nodes["n1"]["article_mentions"] = [2**70]  # not a JSON integer: kept
    g.nodes["n2"]["article_mentions"] = [1.5]  # a float: kept
    g.nodes["n3"]["article_ids"] = []
    g.nodes["n4"]["article_ids"] = "a1"  # not a list: kept
    g.graph["article_index"]["a2"] = {"title": "x", "score": 0.5}  # a float: kept
    path = readwrite.write(g, tmp_path / "g.graphml")
    got = sidecar.load(path, defer=True)
    assert got is not None
    lean, deferred = got
    assert lean.graph["article_index"] == graphml.read(path).graph["article_index"]
    assert lean.nodes["n3"]["article_ids"] is None and lean.nodes["n5"]["article_ids"] is None
    deferred.materialize(lean)
    _same(lean, graphml.read(path))


def test_a_version_1_sidecar_is_ignored_then_replaced(tmp_path: Path) -> None:
    path = readwrite.write(example().nx, tmp_path / "graph.graphml")
    side = sidecar.sidecar_path(path)
    raw = bytearray(side.read_bytes())
    version = sidecar._HEADER.unpack_from(raw)[1]
    assert version == sidecar._VERSION >= 2
    raw[20:24] = (1).to_bytes(4, "little")  # the version field, after the 20-byte magic
    side.write_bytes(bytes(raw))
    assert sidecar.load(path) is None
    _same(readwrite.read(path), graphml.read(path))  # parses the XML, writes a new one
    assert sidecar.load(path) is not None
    # a version-1 core (five items) under a current header is refused as well
    _forge(path, pickle.dumps((1, {}, {}, {}, b"\x01" + b"\x00" * 7), protocol=5))
    assert sidecar.load(path) is None
    _forge(path, pickle.dumps((2, {}, {}, {}, b"\x01" + b"\x00" * 7, (1, 0, 0)), protocol=5))
    assert sidecar.load(path) is None  # parts that do not add up to the lists


def test_viz_is_asked_for_once_after_the_edges(tmp_path: Path, monkeypatch) -> None:
    """Gephi's attributes can come late (the build lays the graph out in another process
    while the rows are rendered): same bytes as asking first."""
    g = _plain_graph()
    events: list[str] = []
    render_edges = graphml._render_edges

    def edges(*args):
        events.append("edges")
        return render_edges(*args)

    def viz():
        events.append("viz")
        return graphml.viz_attributes(g)

    monkeypatch.setattr(graphml, "_render_edges", edges)
    late = graphml.write(g, tmp_path / "late.graphml", viz=viz)
    assert events == ["edges", "viz"]
    plain = graphml.write(g, tmp_path / "plain.graphml")
    assert late.read_bytes() == plain.read_bytes()


@pytest.mark.parametrize("change", ["int x", "missing node", "extra key", "other order"])
def test_other_viz_values_take_the_general_path(change: str, tmp_path: Path) -> None:
    g = _plain_graph()
    extra = graphml.viz_attributes(g)
    if change == "int x":
        extra["n1"]["x"] = 3
    elif change == "missing node":
        del extra["n2"]
    elif change == "extra key":
        extra["n0"]["z"] = 1.0
    else:
        extra["n3"] = dict(reversed(list(extra["n3"].items())))
    assert graphml._render(g, lambda: extra) is None
    path = graphml.write(g, tmp_path / "odd.graphml", viz=lambda: extra)
    general = tmp_path / "general.graphml"
    graphml._write_general(g, general, extra, True)
    assert path.read_bytes() == general.read_bytes()


def test_the_sidecar_keeps_the_graphs_own_article_index_when_it_reads_back_equal() -> None:
    g = _plain_graph()
    head = graphml._node_rows(g)
    assert head is not None
    assert head.attrs["article_index"] is g.graph["article_index"]
    g.graph["article_index"]["a2"] = {"title": "s\ud800"}  # stripped from the XML
    head = graphml._node_rows(g)
    assert head is not None
    assert head.attrs["article_index"] is not g.graph["article_index"]
    assert head.attrs["article_index"]["a2"] == {"title": "s"}
