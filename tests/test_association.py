"""Association strength and the backbone on small hand-made graphs with known answers."""

from __future__ import annotations

import math
from pathlib import Path

import networkx as nx
import numpy as np
import pytest

from graph.association import add_association, corpus_size, lift, npmi
from graph.backbone import alpha_for, backbone, disparity, disparity_pvalues
from graph.errors import ActorGraphError
from graph.model import ActorGraph, example, load


def test_npmi_known_values() -> None:
    assert npmi(20, 20, 20, 1000) == 1.0  # always together
    assert npmi(4, 20, 200, 1000) == pytest.approx(0.0)  # as chance predicts
    assert npmi(0, 20, 200, 1000) == -1.0  # never together
    # log(c N / (n_i n_j)) / -log(c / N), by hand:
    assert npmi(5, 10, 50, 1000) == pytest.approx(math.log(10) / math.log(200))
    assert lift(5, 10, 50, 1000) == pytest.approx(10.0)
    # Inconsistent counts are raised to consistent ones, never an error.
    assert -1.0 <= npmi(9, 2, 3, 5) <= 1.0


def _hub_graph() -> nx.Graph:
    """100 articles. 'hub' is in 80 of them; 'x' is in 10, 'y' in 5, always with x.
    x shares 8 articles with hub (chance alone: 8), 5 with y (chance: 0.5)."""
    g = nx.Graph(articles=100)
    for node, articles in (("hub", 80), ("x", 10), ("y", 5), ("z", 40)):
        g.add_node(node, label=node.capitalize(), type="state", mentions=articles,
                   articles=articles)
    g.add_edge("x", "hub", weight=8, sentences=0)
    g.add_edge("x", "y", weight=5, sentences=0)
    g.add_edge("hub", "y", weight=4, sentences=0)
    g.add_edge("hub", "z", weight=36, sentences=0)
    return g


def test_association_ranks_specific_neighbours_first() -> None:
    g = ActorGraph(_hub_graph())
    assert [n.actor.id for n in g.neighbors("x")] == ["hub", "y"]  # by shared articles
    ranked = g.neighbors("x", by="association")
    assert [n.actor.id for n in ranked] == ["y", "hub"]
    assert ranked[1].association == pytest.approx(0.0)  # 8 observed, 8 expected
    assert ranked[0].association == pytest.approx(math.log(10) / math.log(20), abs=1e-4)
    actor, weight, sentences = ranked[0]  # still a 3-tuple
    assert (actor.id, weight, sentences) == ("y", 5, 0)
    with pytest.raises(ActorGraphError):
        g.neighbors("x", by="mentions")  # type: ignore[arg-type]


def test_top_by_association() -> None:
    g = ActorGraph(_hub_graph())
    scores = {r.actor.id: r.score for r in g.top(10, by="association")}
    assoc = {frozenset((u, v)): d["association"] for u, v, d in g.nx.edges(data=True)}
    assert scores["y"] == pytest.approx(sum(max(a, 0) for k, a in assoc.items() if "y" in k))
    # x and y share one specific link (the others are as chance predicts): a tie, then
    # the more mentioned first; the hub, linked to everyone, comes after.
    assert [r.actor.id for r in g.top(3, by="association")] == ["x", "y", "hub"]


def test_add_association_and_corpus_size() -> None:
    g = _hub_graph()
    assert corpus_size(g) == 100
    add_association(g)
    assert g.edges["x", "y"]["association"] == round(npmi(5, 10, 5, 100), 4)
    del g.graph["articles"]
    g.graph["article_index"] = {f"a{i}": {} for i in range(7)}
    assert corpus_size(g) == 7


def test_between_recomputes_association() -> None:
    g = example()
    before = g.relation("Mali", "Russie")
    sub = g.between("2021", "2021-12")
    edge = sub.nx.edges["mali", "russie"]
    n = sub.nx.graph["articles"]
    want = npmi(edge["weight"], sub.nx.nodes["mali"]["articles"],
                sub.nx.nodes["russie"]["articles"], n)
    assert edge["association"] == pytest.approx(want, abs=1e-4)
    assert before.weight == edge["weight"]


@pytest.mark.parametrize("suffix", [".graphml", ".json", ".gexf", ".csv"])
def test_exports_carry_association(tmp_path: Path, suffix: str) -> None:
    g = example()
    path = g.write(tmp_path / f"g{suffix}")
    back = load(path)
    for u, v, d in g.nx.edges(data=True):
        assert float(back.nx.edges[u, v]["association"]) == pytest.approx(d["association"])
    nodes, edges = g.to_pandas()
    assert "association" in edges.columns


def test_parquet_carries_association(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    g = example()
    back = load(g.write(tmp_path / "g.parquet"))
    for u, v, d in g.nx.edges(data=True):
        assert float(back.nx.edges[u, v]["association"]) == pytest.approx(d["association"])


def test_old_graphs_get_association_on_demand() -> None:
    raw = _hub_graph()  # no association attribute at all
    g = ActorGraph(raw)
    assert "association" not in raw.edges["x", "y"]
    g.neighbors("x", by="association")
    assert "association" in raw.edges["x", "y"]


# ----------------------------------------------------------------------------- backbone


def _star() -> nx.Graph:
    g = nx.Graph()
    g.add_edge("hub", "a", weight=20)
    for leaf in "bcdefgh":
        g.add_edge("hub", leaf, weight=1)
    g.add_edge("a", "b", weight=1)
    return g


def test_disparity_pvalues_by_hand() -> None:
    p = disparity(_star(), by="weight")
    # hub: k = 8 links, strength 27; a: k = 2, strength 21; b: k = 2, strength 2.
    assert p["hub", "a"] == pytest.approx(min((1 - 20 / 27) ** 7, (1 - 20 / 21) ** 1))
    assert p["hub", "c"] == pytest.approx((1 - 1 / 27) ** 7)  # the leaf's end says nothing
    assert p["a", "b"] == pytest.approx(min((1 - 1 / 21) ** 1, (1 - 1 / 2) ** 1))
    kept = backbone(_star(), alpha=0.05, by="weight")
    assert sorted(map(sorted, kept.edges())) == [["a", "hub"]]
    assert set(kept) == {"hub", "a"}
    assert set(backbone(_star(), alpha=0.05, by="weight", keep_isolates=True)) == set(_star())


def test_equal_weights_have_no_backbone() -> None:
    ring = nx.cycle_graph(6)
    nx.set_edge_attributes(ring, 3, "weight")
    assert backbone(ring, alpha=0.5, by="weight").number_of_edges() == 0
    p = disparity_pvalues(3, np.array([0, 1]), np.array([1, 2]), np.array([0.0, 0.0]))
    assert list(p) == [1.0, 1.0]  # no strength: nothing significant


def test_backbone_on_association_drops_the_hub() -> None:
    """By raw counts x's significant link is the common hub; by association it is y."""
    raw = ActorGraph(_hub_graph())
    assert raw.backbone(0.5).nx.has_edge("x", "hub")
    specific = raw.backbone(0.5, by="association").nx
    assert specific.has_edge("x", "y") and not specific.has_edge("x", "hub")
    with pytest.raises(ActorGraphError):
        raw.backbone(0)


def test_alpha_for_picks_the_loosest_level_within_the_budget() -> None:
    p = np.array([0.04, 0.009, 0.0009, 0.00009])
    assert alpha_for(p, 2, per_node=2, ladder=(0.05, 0.01, 0.001)) == 0.05
    assert alpha_for(p, 1, per_node=2, ladder=(0.05, 0.01, 0.001)) == 0.001
    assert alpha_for(p, 1, per_node=1, ladder=(0.05, 0.01, 0.001)) == 0.001


def test_cli_show_by_association(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from pipelines.cli import app

    saved = example().write(tmp_path / "g.graphml")
    runner = CliRunner()
    result = runner.invoke(app, ["show", str(saved), "Russie", "--by", "association"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Most associated" in out and "Assoc." in out and "0.37" in out
    assert out.index("Assimi Goïta") < out.index("Sergueï Lavrov")  # specific ties first
    result = runner.invoke(app, ["show", str(saved), "Russie", "--by", "fame"])
    assert result.exit_code == 1 and "Error: Unknown ranking 'fame'" in result.output
