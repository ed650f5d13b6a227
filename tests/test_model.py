"""The query API: look-ups, neighbours, relations, paths, sub-graphs, rankings."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import networkx as nx
import pytest

from graph import ActorGraph, load
from graph.build import build_graph
from graph.errors import ActorGraphError, ActorNotFound, GraphFormatError
from graph.model import Actor, Neighbor, Relation, RelationNotFound, example
from graph.names import fold
from graph.records import ArticleMentions, ArticleMeta, Mention


@pytest.fixture()
def g() -> ActorGraph:
    return example()


def _sahel() -> ActorGraph:
    """Two separate clusters joined by one strong and one weak chain."""
    def doc(art: str, date: str, pairs: list[tuple[str, str]]) -> ArticleMentions:
        text = " ; ".join(f"{a} et {b}" for a, b in pairs)
        mentions = []
        for a, b in pairs:
            for name in (a, b):
                start = text.index(name)
                mentions.append(Mention(art, name.lower(), name, "state", name, start,
                                        start + len(name), 0))
        return ArticleMentions(ArticleMeta(art, art, date), [text], mentions)

    docs = [doc(f"s{i}", f"2022-0{i % 9 + 1}-01", [("Tchad", "Niger")]) for i in range(3)]
    docs += [doc(f"n{i}", "2022-05-05", [("Niger", "Benin")]) for i in range(3)]
    docs += [doc("w1", "2022-06-06", [("Tchad", "Togo")]), doc("w2", "2022-06-07",
                                                                [("Togo", "Benin")])]
    docs += [doc("x1", "2023-01-01", [("Gabon", "Congo")])]
    return ActorGraph(build_graph(docs))


# --------------------------------------------------------------------------- look-ups


@pytest.mark.parametrize("query", [
    "Sergueï Lavrov", "serguei lavrov", "SERGUEÏ LAVROV", "lavrov", "  Sergueï   Lavrov ",
    "Serguei-Lavrov",
])
def test_actor_by_label_or_id_any_case_and_accent(g: ActorGraph, query: str) -> None:
    assert g.actor(query).id == "lavrov"


@pytest.mark.parametrize("query,expected", [
    ("la Russie", "russie"), ("russe", "russie"), ("le Mali", "mali"),
    ("bamako", "mali"), ("l'Assimi Goïta", "goita"), ("colonel assimi goita", "goita"),
    ("Cedeao", "cedeao"), ("les Wagner", "wagner"),
])
def test_actor_by_alias_and_with_articles(g: ActorGraph, query: str, expected: str) -> None:
    assert g.actor(query).id == expected


def test_actor_record(g: ActorGraph) -> None:
    a = g.actor("Goïta")
    assert isinstance(a, Actor)
    assert (a.label, a.type, a.role, a.affiliation) == (
        "Assimi Goïta", "official", "président de la transition", "Mali")
    assert a.mentions == 1 and a.articles == 1 and a.first_seen == a.last_seen == "2021-09-15"
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.label = "x"  # type: ignore[misc]
    assert "Assimi Goïta" in repr(a) and "official" in repr(a)
    assert str(a) == "Assimi Goïta"
    assert g.actor(a) == a and g["goita"] == a


def test_unknown_actor_suggests_close_names(g: ActorGraph) -> None:
    with pytest.raises(ActorNotFound) as err:
        g.actor("Sergei Lavroff")
    assert "Sergei Lavroff" in str(err.value) and "Sergueï Lavrov" in str(err.value)
    assert isinstance(err.value, KeyError) and isinstance(err.value, ActorGraphError)
    with pytest.raises(ActorNotFound) as err:
        g.actor("zzzz qqqq")
    assert "Did you mean" not in str(err.value)


def test_index_is_built_once_and_refreshed_when_nodes_change(g: ActorGraph) -> None:
    g.actor("Mali")
    index = g._index
    g.actor("France")
    assert g._index is index
    g.nx.add_node("tchad", label="Tchad", type="state", aliases=["N'Djamena"], mentions=1)
    assert g.actor("n djamena").id == "tchad"


def test_fold() -> None:
    assert fold("L’Élysée") == fold("l'elysee") == "elysee"
    assert fold("Les Républicains") == "republicains"
    assert fold("Le") == "le"  # a bare article is kept
    assert fold("Œuvre") == "oeuvre"


# --------------------------------------------------------------------------- relations


def test_neighbors_sorted_and_filtered(g: ActorGraph) -> None:
    ns = g.neighbors("Mali")
    assert all(isinstance(n, Neighbor) for n in ns)
    assert [n.weight for n in ns] == sorted((n.weight for n in ns), reverse=True)
    assert {n.actor.id for n in ns} == set(g.nx["mali"])
    assert {n.actor.type for n in g.neighbors("Mali", type="official")} == {"official"}
    assert {n.actor.type for n in g.neighbors("Mali", type=["official", "group"])} == {
        "official", "group"}
    assert [n.actor.id for n in g.neighbors("Mali", min_weight=2)] == ["france", "russie",
                                                                       "lavrov"][:len(
        g.neighbors("Mali", min_weight=2))]
    assert all(n.weight >= 2 for n in g.neighbors("Mali", min_weight=2))
    actor, weight, sentences = ns[0]
    assert actor.id in g.nx["mali"] and weight >= 1 and sentences >= 0
    with pytest.raises(ActorGraphError, match="Unknown actor type"):
        g.neighbors("Mali", type="planet")


def test_relation_with_evidence(g: ActorGraph) -> None:
    r = g.relation("Russie", "Mali")
    assert isinstance(r, Relation)
    assert (r.a.id, r.b.id, r.weight, r.sentences) == ("russie", "mali", 2, 2)
    assert r.first_seen == "2021-03-10" and r.last_seen == "2021-09-15"
    assert {e["article"] for e in r.evidence} == {"a1", "a2"}
    assert set(r.evidence[0]) == {"article", "title", "date", "text"}
    assert "Russie" in r.evidence[1]["text"]
    assert g.relation("Mali", "Russie").weight == r.weight
    assert "Le Mali a répondu" in str(r)


def test_relation_errors(g: ActorGraph) -> None:
    with pytest.raises(RelationNotFound, match="never appear together"):
        g.relation("Wagner", "CEDEAO")
    with pytest.raises(ActorNotFound):
        g.relation("Wagner", "Atlantide")


def test_path_prefers_strong_links() -> None:
    s = _sahel()
    hops = s.path("Tchad", "Benin")
    assert [(h.a.id, h.b.id) for h in hops] == [("tchad", "niger"), ("niger", "benin")]
    assert all(h.evidence for h in hops)
    assert s.path("Tchad", "Tchad") == []
    with pytest.raises(RelationNotFound, match="not connected"):
        s.path("Tchad", "Gabon")


# --------------------------------------------------------------------------- rankings


def test_top(g: ActorGraph) -> None:
    top = g.top(3)
    assert len(top) == 3 and top[0].actor.id == "mali" and top[0].score == 5
    assert [r.score for r in g.top(10)] == sorted((r.score for r in g.top(10)), reverse=True)
    assert g.top(1, by="degree")[0].actor.id == "mali"
    assert all(r.actor.type == "group" for r in g.top(5, type="group"))
    between = g.top(8, by="betweenness")
    assert between[0].actor.id == "mali" and all(0 <= r.score <= 1 for r in between)
    assert g.top(0) == []
    with pytest.raises(ActorGraphError, match="Unknown ranking"):
        g.top(3, by="fame")  # type: ignore[arg-type]


def test_communities_are_stable_and_stored() -> None:
    s = _sahel()
    parts = s.communities()
    assert parts == _sahel().communities()
    assert sorted(sorted(p) for p in parts if "Gabon" in p) == [["Congo", "Gabon"]]
    assert {s.nx.nodes[n]["community"] for n in s.nx} == set(range(len(parts)))
    assert s.actor("Gabon").community == s.actor("Congo").community
    assert ActorGraph().communities() == []


# --------------------------------------------------------------------------- sub-graphs


def test_ego(g: ActorGraph) -> None:
    e = g.ego("Niger")
    assert set(e.nx) == {"niger", "france", "mali", "lavrov"}
    assert e.nx.graph["articles"] == 3
    assert set(g.ego("Niger", radius=2).nx) == set(g.nx)
    assert g.nx.number_of_nodes() == 8  # the original is untouched


def test_filter(g: ActorGraph) -> None:
    states = g.filter(types="state")
    assert {d["type"] for _, d in states.nx.nodes(data=True)} == {"state"}
    strong = g.filter(min_weight=2)
    assert all(d["weight"] >= 2 for *_, d in strong.nx.edges(data=True))
    assert all(strong.nx.degree(n) > 0 for n in strong.nx)
    assert len(g.filter(types=["states", "officials"])) == 6  # plurals accepted


def test_between_recomputes_weights_and_dates(g: ActorGraph) -> None:
    early = g.between("2021-01-01", "2021-12-31")
    assert "a3" not in early.nx.graph["article_index"]
    assert early.nx.graph["date_max"] == "2021-09-15"
    assert "niger" not in early.nx
    mali = early.nx.nodes["mali"]
    assert mali["article_ids"] == ["a1", "a2"] and mali["articles"] == 2
    assert mali["last_seen"] == "2021-09-15"
    r = early.relation("Mali", "France")
    assert r.weight == 1 and r.last_seen == "2021-03-10"
    assert all(e["article"] != "a3" for e in r.evidence)
    assert g.relation("Mali", "France").weight == 2  # the original is untouched
    assert len(g.between(since="2022")) == 4
    assert len(g.between(until="2021-03")) == 5
    import datetime

    assert len(g.between(datetime.date(2022, 1, 1))) == 4
    with pytest.raises(ActorGraphError, match="Invalid since date"):
        g.between("mars 2021")


def test_between_uses_per_article_mentions_when_present(g: ActorGraph) -> None:
    g.nx.nodes["mali"]["article_mentions"] = [2, 2, 1]
    assert g.between("2022").actor("Mali").mentions == 1


def test_between_needs_dates() -> None:
    bare = nx.Graph()
    bare.add_node("a", label="A", type="state")
    with pytest.raises(ActorGraphError, match="no article dates"):
        ActorGraph(bare).between("2020")


# --------------------------------------------------------------------------- output


def test_to_pandas(g: ActorGraph) -> None:
    pytest.importorskip("pandas")
    nodes, edges = g.to_pandas()
    assert len(nodes) == 8 and len(edges) == 18
    assert nodes.loc["lavrov", "label"] == "Sergueï Lavrov"
    assert isinstance(nodes.loc["mali", "aliases"], list)
    assert {"source", "target", "weight", "evidence"} <= set(edges.columns)
    empty_nodes, empty_edges = ActorGraph().to_pandas()
    assert empty_nodes.empty and empty_edges.empty


def test_repr(g: ActorGraph) -> None:
    text = repr(g)
    assert text.startswith("<ActorGraph: 8 actors (4 states, 2 officials, 2 groups), 18 edges")
    assert "3 articles 2021-03..2022-02" in text
    assert repr(ActorGraph()) == "<ActorGraph: 0 actors, 0 edges, 0 articles>"


@pytest.mark.parametrize("ext", ["graphml", "gexf", "json"])
def test_write_and_load(g: ActorGraph, tmp_path: Path, ext: str) -> None:
    path = g.write(tmp_path / f"g.{ext}")
    back = load(path)
    assert repr(back) == repr(g)
    assert back.actor("russe") == g.actor("russe")
    assert back.relation("Russie", "Mali") == g.relation("Russie", "Mali")
    assert back.source == path


def test_load_folder_and_errors(g: ActorGraph, tmp_path: Path) -> None:
    g.write(tmp_path / "graph.graphml")
    assert len(load(tmp_path)) == 8
    with pytest.raises(GraphFormatError, match="not found"):
        load(tmp_path / "missing.graphml")
    with pytest.raises(GraphFormatError, match="Unknown graph format"):
        load(tmp_path / "graph.html")


def test_graph_package_does_not_import_spacy() -> None:
    import subprocess
    import sys

    code = ("import sys, graph; from graph import load; from graph.model import example; "
            "import graph.show, graph.export, graph.readwrite.gexf, graph.readwrite.csv, "
            "graph.readwrite.jsonfmt; example(); "
            "assert 'spacy' not in sys.modules, 'spacy imported'")
    subprocess.run([sys.executable, "-c", code], check=True)


def _answers(g: ActorGraph) -> list:
    """What every query method returns, for comparing two graphs."""
    def sub(x: ActorGraph) -> tuple:
        return (repr(x), [(n, list(d.items())) for n, d in x.nx.nodes(data=True)],
                [(u, v, list(d.items())) for u, v, d in x.nx.edges(data=True)],
                list(x.nx.graph.items()))

    nodes, edges = g.to_pandas()
    return [repr(g), len(g), g.actors(), g.actor("Lavrov"), g.neighbors("Mali"),
            g.neighbors("Mali", type="official", min_weight=2), g.relation("Mali", "Russie"),
            g.path("Niger", "CEDEAO"), g.top(5), g.top(3, by="degree"),
            g.top(3, by="articles"), g.top(3, by="betweenness"), sub(g.ego("Wagner")),
            sub(g.filter(types="state")), sub(g.between("2021", "2021-12")),
            g.communities(), nodes.to_dict(), edges.to_dict(), sub(g)]


@pytest.mark.parametrize("first", ["lookups", "nx"])
def test_a_loaded_graph_answers_like_the_graph_in_memory(tmp_path: Path, first: str) -> None:
    ref = example()
    path = ref.write(tmp_path / "graph.graphml")
    back = load(path)  # from the sidecar: lists decoded on first need
    if first == "nx":
        back.nx  # noqa: B018 - decodes everything first
    assert _answers(back) == _answers(example())
