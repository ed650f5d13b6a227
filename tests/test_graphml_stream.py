"""The streaming GraphML writer produces what networkx (and igraph) read back exactly."""

from __future__ import annotations

import io

import networkx as nx

from graph.readwrite.graphml_stream import write_graphml
from graph.schema import flatten


def _graph() -> nx.Graph:
    g = nx.Graph(title='Essai <b>"gras"</b> & co', articles=3, article_index={"a": {"t": 1}})
    g.add_node("person:x", label="X <script>alert(1)</script>", type="person", mentions=3,
               aliases=["X", "Ex\nLigne"], score=1.5, flag=True, role=None)
    g.add_node("state:Y", label="Y", type="state", mentions=2**40, aliases=[])
    g.add_edge("person:x", "state:Y", weight=2, sentences=1,
               evidence=[{"article": "a", "text": "« Cité » \x01 avec ' et \""}])
    return g


def test_round_trip_matches_flatten():
    g = _graph()
    buf = io.StringIO()
    write_graphml(g, buf)
    back = nx.parse_graphml(buf.getvalue())
    flat = flatten(g)
    for node, data in flat.nodes(data=True):
        assert back.nodes[node] == {**data, "label": data.get("label", node)}
    for u, v, data in flat.edges(data=True):
        expected = dict(data)
        expected["evidence"] = expected["evidence"].replace("\x01", "")
        assert back.edges[u, v] == expected
    for key, value in flat.graph.items():
        assert back.graph[key] == value


def test_extra_and_dropped_node_attributes():
    g = _graph()
    buf = io.StringIO()
    write_graphml(g, buf, node_extra={"state:Y": {"x": 1.0, "r": 31}},
                  node_drop=frozenset({"score"}))
    back = nx.parse_graphml(buf.getvalue())
    assert back.nodes["state:Y"]["x"] == 1.0 and back.nodes["state:Y"]["r"] == 31
    assert "score" not in back.nodes["person:x"]


def test_igraph_reads_it(tmp_path):
    import igraph

    path = tmp_path / "g.graphml"
    with path.open("w", encoding="utf-8") as fh:
        write_graphml(_graph(), fh)
    ig = igraph.Graph.Read_GraphML(str(path))
    assert ig.vcount() == 2 and ig.ecount() == 1
    assert sorted(ig.vs["type"]) == ["person", "state"]
