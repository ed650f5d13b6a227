"""Every file format round-trips what the project writes; GraphML also reads in igraph."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph import readwrite
from graph.build import build_graph
from graph.errors import GraphFormatError
from graph.readwrite import _common
from graph.readwrite.csv import csv_paths
from graph.records import ArticleMentions, ArticleMeta, EntityInfo, Mention

FORMATS = ["graphml", "gexf", "json", "csv"]
NASTY = 'Le « chef » a dit : <script>alert("x & y")</script> — l\'accord n\'est pas signé'


def _doc(art: str, date: str | None, title: str,
         sentences: list[tuple[str, list[tuple[str, str, str, str]]]]) -> ArticleMentions:
    mentions, texts, offset = [], [], 0
    for index, (text, found) in enumerate(sentences):
        for surface, ent, label, kind in found:
            start = offset + text.index(surface)
            mentions.append(Mention(art, ent, label, kind, surface, start,
                                    start + len(surface), index))
        texts.append(text)
        offset += len(text) + 1
    return ArticleMentions(ArticleMeta(art, title, date), texts, mentions)


def nasty_graph() -> nx.Graph:
    """Unicode, quotes, HTML-ish strings, odd ids: what a real corpus throws at writers."""
    docs = [
        _doc("art-1", "2020-11-02", 'Titre "guillemets" & <b>gras</b>', [
            ("Le Kremlin et Bamako discutent ; Ouagadougou s'inquiète.",
             [("Kremlin", "Q 159/ru", "Russie", "state"), ("Bamako", "mali", "Mali", "state"),
              ("Ouagadougou", "burkina", "Burkina Faso", "state")]),
            (NASTY, [("chef", "chef-é", "Le « chef »", "official")]),
        ]),
        _doc("art-2", None, "Sans date — Сергей Лавров 🙂", [
            ("Сергей Лавров rencontre le chef à Bamako.",
             [("Сергей Лавров", "lavrov", "Сергей Лавров", "official"),
              ("chef", "chef-é", "Le « chef »", "official"), ("Bamako", "mali", "Mali", "state")]),
        ]),
        _doc("art-3", "2021-01-15", "L'Alliance des États du Sahel", [
            ("L'AES réunit le Mali et le Burkina Faso.",
             [("AES", "aes", "Alliance des États du Sahel", "group"),
              ("Mali", "mali", "Mali", "state"), ("Burkina Faso", "burkina", "Burkina Faso",
                                                  "state")]),
        ]),
    ]
    entities = {
        "chef-é": EntityInfo("chef-é", "Le « chef »", "official", role='dit "le chef"',
                             affiliation="<Mali> & Cie"),
        "lavrov": EntityInfo("lavrov", "Сергей Лавров", "official", wikidata="Q0000"),
    }
    return build_graph(docs, entities, title="Test <&> « nasty »")


def _assert_same(original: nx.Graph, loaded: nx.Graph, *, graph_attrs: bool = True) -> None:
    assert set(loaded.nodes) == set(original.nodes)
    for node, data in original.nodes(data=True):
        assert loaded.nodes[node] == data, node
    assert {frozenset(e) for e in loaded.edges} == {frozenset(e) for e in original.edges}
    for u, v, data in original.edges(data=True):
        assert loaded.edges[u, v] == data, (u, v)
    if graph_attrs:
        assert loaded.graph == original.graph


@pytest.fixture()
def graph() -> nx.Graph:
    return nasty_graph()


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip_is_lossless(graph: nx.Graph, tmp_path: Path, fmt: str) -> None:
    written = readwrite.write(graph, tmp_path / f"g.{fmt}")
    assert written.is_file()
    loaded = readwrite.read(tmp_path / f"g.{fmt}")
    _assert_same(graph, loaded, graph_attrs=fmt != "csv")  # CSV keeps no graph attributes
    lists = loaded.nodes["mali"]
    assert isinstance(lists["aliases"], list) and isinstance(lists["article_ids"], list)
    assert isinstance(loaded.edges["chef-é", "lavrov"]["evidence"], list)
    assert loaded.nodes["chef-é"]["role"] == 'dit "le chef"'
    assert isinstance(loaded.nodes["mali"]["mentions"], int)


@pytest.mark.parametrize("fmt", FORMATS)
def test_writes_are_atomic(graph: nx.Graph, tmp_path: Path, fmt: str, monkeypatch) -> None:
    target = tmp_path / f"g.{fmt}"
    readwrite.write(graph, target)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    # fail in the middle of writing: the previous files stay, no temporary file is left
    monkeypatch.setattr("graph.atomic.os.replace", boom)
    with pytest.raises(RuntimeError):
        readwrite.write(nasty_graph(), target)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_xml_invalid_characters_are_dropped(tmp_path: Path) -> None:
    g = nx.Graph()
    g.add_node("a", label="A\x01\x0bB", type="state", mentions=1)
    g.add_node("b", label="B", type="state", mentions=1)
    g.add_edge("a", "b", weight=1, evidence=[{"text": "x\x00y\ud800z"}])
    for fmt in ("graphml", "gexf"):
        readwrite.write(g, tmp_path / f"g.{fmt}")
        back = readwrite.read(tmp_path / f"g.{fmt}")
        assert back.nodes["a"]["label"] == "AB"
        assert back.edges["a", "b"]["evidence"][0]["text"].startswith("x")


# --------------------------------------------------------------------------- GraphML


def test_graphml_has_gephi_attributes(graph: nx.Graph, tmp_path: Path) -> None:
    path = readwrite.write(graph, tmp_path / "g.graphml")
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.parse(path).getroot()
    keys = {(k.get("for"), k.get("attr.name")): k.get("attr.type")
            for k in root.findall("g:key", ns)}
    for name in ("r", "g", "b"):
        assert keys[("node", name)] in ("int", "long")
    for name in ("size", "x", "y"):
        assert keys[("node", name)] in ("float", "double")
    assert keys[("node", "label")] == "string"
    assert keys[("edge", "weight")] in ("int", "long")
    assert all(v in {"int", "long", "float", "double", "string", "boolean"}
               for v in keys.values())
    ids = {n.get("id") for n in root.iter(f"{{{ns['g']}}}node")}
    assert ids == set(graph.nodes)  # node ids stay the entity ids


def test_graphml_reads_in_igraph(graph: nx.Graph, tmp_path: Path) -> None:
    igraph = pytest.importorskip("igraph")
    path = readwrite.write(graph, tmp_path / "g.graphml")
    ig = igraph.Graph.Read_GraphML(str(path))
    assert ig.vcount() == graph.number_of_nodes()
    assert ig.ecount() == graph.number_of_edges()
    by_id = {v["id"]: v for v in ig.vs}
    mali = by_id["mali"]
    assert mali["label"] == "Mali"
    assert int(mali["mentions"]) == graph.nodes["mali"]["mentions"]
    assert json.loads(mali["aliases"]) == graph.nodes["mali"]["aliases"]
    assert (int(mali["r"]), int(mali["g"]), int(mali["b"])) == (31, 119, 180)
    assert by_id["lavrov"]["label"] == "Сергей Лавров"
    assert by_id["chef-é"]["affiliation"] == "<Mali> & Cie"
    weights = {frozenset((ig.vs[e.source]["id"], ig.vs[e.target]["id"])): e["weight"]
               for e in ig.es}
    assert weights[frozenset(("mali", "burkina"))] == graph.edges["mali", "burkina"]["weight"]


def test_foreign_graphml_goes_through_networkx(tmp_path: Path) -> None:
    g = nx.DiGraph()
    g.add_edge(1, 2, weight=3.0)
    path = tmp_path / "foreign.graphml"
    nx.write_graphml(g, path)
    text = path.read_text().replace(  # a key with a default: not the project's own format
        'attr.type="double" />', 'attr.type="double"><default>1.0</default></key>')
    text = text.replace('attr.type="double"/>', 'attr.type="double"><default>1.0</default></key>')
    path.write_text(text)
    back = readwrite.read(path)
    assert set(back.nodes) == {"1", "2"} and back.edges["1", "2"]["weight"] == 3


# --------------------------------------------------------------------------- GEXF


def test_gexf_is_version_1_3_with_viz(graph: nx.Graph, tmp_path: Path) -> None:
    path = readwrite.write(graph, tmp_path / "g.gexf")
    gexf, viz = "http://gexf.net/1.3", "http://gexf.net/1.3/viz"
    root = ET.parse(path).getroot()
    assert root.tag == f"{{{gexf}}}gexf" and root.get("version") == "1.3"
    assert path.read_text(encoding="utf-8").startswith("<?xml")
    g_el = root.find(f"{{{gexf}}}graph")
    assert g_el is not None and g_el.get("defaultedgetype") == "undirected"
    classes = {a.get("class") for a in g_el.findall(f"{{{gexf}}}attributes")}
    assert classes == {"node", "edge"}
    nodes = g_el.findall(f"{{{gexf}}}nodes/{{{gexf}}}node")
    assert len(nodes) == graph.number_of_nodes()
    for node in nodes:
        assert node.get("label")
        colour = node.find(f"{{{viz}}}color")
        assert colour is not None and all(0 <= int(colour.get(c)) <= 255 for c in "rgb")
        assert float(node.find(f"{{{viz}}}size").get("value")) > 0
        pos = node.find(f"{{{viz}}}position")
        assert {"x", "y"} <= set(pos.keys())
        float(pos.get("x")), float(pos.get("y"))
    mali = next(n for n in nodes if n.get("id") == "mali")
    assert mali.find(f"{{{viz}}}color").get("b") == "180"
    edges = g_el.findall(f"{{{gexf}}}edges/{{{gexf}}}edge")
    assert len(edges) == graph.number_of_edges()
    assert len({e.get("id") for e in edges}) == len(edges)
    assert all(float(e.get("weight")) >= 1 for e in edges)


# --------------------------------------------------------------------------- JSON, CSV


def test_json_is_node_link_with_real_lists(graph: nx.Graph, tmp_path: Path) -> None:
    path = readwrite.write(graph, tmp_path / "g.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data) == {"directed", "multigraph", "graph", "nodes", "edges"}
    assert data["directed"] is False
    mali = next(n for n in data["nodes"] if n["id"] == "mali")
    assert isinstance(mali["aliases"], list)
    assert isinstance(data["graph"]["article_index"], dict)
    assert all(isinstance(e["evidence"], list) for e in data["edges"])
    # the same data is what networkx itself reads
    back = nx.node_link_graph(data, edges="edges")
    assert back.number_of_edges() == graph.number_of_edges()


def test_json_with_links_key_reads(graph: nx.Graph, tmp_path: Path) -> None:
    data = nx.node_link_data(graph, edges="links")
    path = tmp_path / "old.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    _assert_same(graph, readwrite.read(path))


def test_csv_is_gephi_spreadsheet_and_pandas_readable(graph: nx.Graph, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    nodes_path = readwrite.write(graph, tmp_path / "g.csv")
    assert nodes_path.name == "g.nodes.csv"
    edges_path = tmp_path / "g.edges.csv"
    nodes, edges = pd.read_csv(nodes_path), pd.read_csv(edges_path)
    assert list(nodes.columns[:3]) == ["Id", "Label", "type"]
    assert list(edges.columns[:4]) == ["Source", "Target", "Type", "Weight"]
    assert set(edges["Type"]) == {"Undirected"}
    assert len(nodes) == graph.number_of_nodes() and len(edges) == graph.number_of_edges()
    row = nodes.set_index("Id").loc["lavrov"]
    assert row["Label"] == "Сергей Лавров"
    assert json.loads(row["aliases"]) == graph.nodes["lavrov"]["aliases"]


def test_csv_paths() -> None:
    assert [p.name for p in csv_paths("a/x.edges.csv")] == ["x.nodes.csv", "x.edges.csv"]
    assert [p.name for p in csv_paths("a/edges.csv")] == ["nodes.csv", "edges.csv"]


# --------------------------------------------------------------------------- errors


def test_missing_and_unknown_files(tmp_path: Path) -> None:
    with pytest.raises(GraphFormatError, match="not found"):
        readwrite.read(tmp_path / "none.graphml")
    with pytest.raises(GraphFormatError, match="Unknown graph format"):
        readwrite.read(tmp_path / "graph.pdf")
    with pytest.raises(GraphFormatError, match="Unknown graph format"):
        readwrite.write(nx.Graph(), tmp_path / "graph")
    with pytest.raises(GraphFormatError, match="No graph file in folder"):
        readwrite.read(tmp_path)


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_corrupt_files_are_format_errors(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"bad.{fmt}"
    path.write_text("<graphml><node", encoding="utf-8")
    with pytest.raises(GraphFormatError, match=f"Could not read .*bad.{fmt}"):
        readwrite.read(path)


def test_folder_reads_graph_graphml(graph: nx.Graph, tmp_path: Path) -> None:
    readwrite.write(graph, tmp_path / "graph.graphml")
    _assert_same(graph, readwrite.read(tmp_path))


# --------------------------------------------------------------------------- layout


def test_layout_is_deterministic_and_scaled() -> None:
    g = nx.karate_club_graph()
    first, second = _common.layout(g), _common.layout(g)
    assert first == second
    assert all(-1000.001 <= c <= 1000.001 for p in first.values() for c in p)


def test_big_graph_layout_without_igraph(monkeypatch) -> None:
    monkeypatch.setattr(_common, "_igraph_layout", lambda graph, seed: None)
    g = nx.connected_caveman_graph(60, 10)  # 600 nodes, above SMALL_GRAPH
    g.add_nodes_from(["lonely-1", "lonely-2"])
    pos = _common.layout(g)
    assert set(pos) == set(g) and pos == _common.layout(g)
    assert len(set(pos.values())) == len(pos)


# --------------------------------------------------------------------------- properties

_xml_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Cn"), whitelist_characters="\n\t\r"),
    min_size=0, max_size=30)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(label=_xml_text, alias=_xml_text, text=_xml_text)
def test_any_text_round_trips(tmp_path: Path, label: str, alias: str, text: str) -> None:
    g = nx.Graph(title=text)
    g.add_node("a", label=label or "a", type="official", aliases=[alias, text], mentions=2)
    g.add_node("b", label="B", type="state", aliases=[], mentions=1)
    g.add_edge("a", "b", weight=1, sentences=1, evidence=[{"text": text, "title": alias}],
               article_ids=["x"])
    for fmt in ("graphml", "gexf", "json"):
        readwrite.write(g, tmp_path / f"p.{fmt}")
        _assert_same(g, readwrite.read(tmp_path / f"p.{fmt}"))
