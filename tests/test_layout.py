"""One layout (graph/layout.py) for the page and the GraphML: the same actors at the
same places in both."""

from __future__ import annotations

import json
import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from graph.html import page_positions, render_html, select_subgraph
from graph.layout import layout
from graph.readwrite.graphml import write as write_graphml

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


def graphml_xy(path: Path) -> dict[str, tuple[float, float]]:
    """The x/y the GraphML file stores per node (what Gephi shows)."""
    root = ET.parse(path).getroot()
    keys = {k.get("attr.name"): k.get("id") for k in root.iter(f"{GRAPHML}key")
            if k.get("for") == "node"}
    out = {}
    for node in root.iter(f"{GRAPHML}node"):
        values = {d.get("key"): d.text for d in node.findall(f"{GRAPHML}data")}
        out[node.get("id")] = (float(values[keys["x"]]), float(values[keys["y"]]))
    return out


def page_xy(path: Path) -> dict[str, tuple[float, float]]:
    """The x/y the page draws each node at."""
    text = path.read_text(encoding="utf-8")
    block = re.search(r'<script type="application/json" id="data">(.*?)</script>', text,
                      re.S)
    assert block is not None
    data = json.loads(block.group(1))
    return {n["id"]: (n["x"], n["y"]) for n in data["nodes"]}


def assert_agree(graphml: dict, page: dict) -> None:
    assert page and set(page) <= set(graphml)
    for node, (x, y) in page.items():  # the page rounds to 0.1 px, the GraphML to 0.001
        gx, gy = graphml[node]
        assert abs(gx - x) <= 0.051 and abs(gy - y) <= 0.051, (node, (gx, gy), (x, y))


def test_the_build_writes_the_same_positions_in_both(sample_build):
    out, _ = sample_build
    graphml, page = graphml_xy(out / "graph.graphml"), page_xy(out / "graph.html")
    assert set(page) == set(graphml)  # the sample is small: the page shows every actor
    assert_agree(graphml, page)


@pytest.mark.slow
def test_a_page_showing_part_of_the_graph_agrees_too(tmp_path):
    from pipelines.build.orchestrate import build_corpus

    out = tmp_path / "out"
    build_corpus(None, out, max_nodes=4, n_process=1)
    graphml, page = graphml_xy(out / "graph.graphml"), page_xy(out / "graph.html")
    assert len(page) == 4 < len(graphml)
    assert_agree(graphml, page)


def weighted_graph(n_cliques: int = 30, size: int = 8) -> nx.Graph:
    """Invented actors: cliques in a ring, with mentions and weights."""
    g = nx.connected_caveman_graph(n_cliques, size)
    g = nx.relabel_nodes(g, {i: f"actor-{i:03d}" for i in g})
    for i, node in enumerate(sorted(g)):
        g.nodes[node].update(label=f"Acteur {i}", type="person", mentions=1 + (i * 7) % 23)
    for j, (u, v) in enumerate(sorted(g.edges())):
        g.edges[u, v]["weight"] = 1 + (j * 5) % 9
    g.add_node("alone", label="Seul", type="group", mentions=3)  # another component
    return g


def test_export_and_render_of_a_saved_graph_agree_too(tmp_path):
    """Without a build, the GraphML writer lays out the page of the graph itself."""
    g = weighted_graph()
    write_graphml(g, tmp_path / "g.graphml")
    render_html(g, tmp_path / "g.html")
    graphml, page = graphml_xy(tmp_path / "g.graphml"), page_xy(tmp_path / "g.html")
    assert set(page) == set(graphml) == set(g)
    assert_agree(graphml, page)


def test_the_rest_goes_around_the_page():
    g = weighted_graph()
    shown = select_subgraph(g, max_nodes=50)
    placed = page_positions(g, max_nodes=50, selection=shown)
    assert set(placed) == set(shown[0])
    pos = layout(g, placed)
    assert set(pos) == set(g) and pos == layout(g, placed)
    assert {n: pos[n] for n in placed} == placed  # kept where the page draws them
    assert all(math.isfinite(c) for p in pos.values() for c in p)
    assert len(set(pos.values())) == len(pos)
    assert pos["alone"] not in placed.values()  # another component: outside


def test_the_weights_are_a_parameter():
    g = weighted_graph()
    for i, (u, v) in enumerate(sorted(g.edges())):
        g.edges[u, v]["other"] = 1 + (i * 3) % 7
    placed = page_positions(g, max_nodes=20)
    by_weight, by_other = layout(g, placed), layout(g, placed, weight="other")
    assert {n: by_weight[n] for n in placed} == {n: by_other[n] for n in placed}
    assert by_weight != by_other


def test_nothing_placed_starts_from_the_most_connected():
    g = weighted_graph(5, 4)
    pos = layout(g, {})
    assert set(pos) == set(g) and pos == layout(g, {})


def test_empty_and_single():
    assert layout(nx.Graph()) == {}
    one = nx.Graph()
    one.add_node("a", mentions=2)
    assert layout(one) == {"a": (0.0, 0.0)}
