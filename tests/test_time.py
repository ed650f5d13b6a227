"""Time: dates inferred from the text, months on nodes and edges in every format,
timelines, period comparison (diff), snapshots, and the ``diff`` / ``build --since`` CLI."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from conftest_browser import state_sentence_docs
from typer.testing import CliRunner

from graph import load
from graph.build import build_graph
from graph.errors import ActorGraphError
from graph.model import ActorGraph, RelationNotFound, example
from graph.records import EntityInfo
from graph.timeline import UNDATED, GraphDiff, date_filter, period_bounds, stamp
from pipelines.cli import app
from pipelines.readers.corpus import Corpus
from pipelines.readers.dates import infer_text_date

runner = CliRunner()
TODAY = date(2024, 1, 1)

# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize("text, expected", [
    ("Le Parlement a adopté, mardi 12 février 2019, la réforme.", "2019-02-12"),
    ("Paris. Ce 1er octobre 2020, le ministre a démissionné.", "2020-10-01"),
    ("Ce jeudi 4 juin 2020, les négociations ont repris.", "2020-06-04"),
    # the latest day named: an article is written after what it reports
    ("Annoncé vendredi 11 décembre 2020, le plan a été voté lundi 14 décembre 2020.",
     "2020-12-14"),
    # a bare date beside it does not count
    ("Élu le 6 mai 2012, il a parlé samedi 3 avril 2021 à Lyon.", "2021-04-03"),
])
def test_infer_text_date(text: str, expected: str) -> None:
    assert infer_text_date(text, today=TODAY) == expected


@pytest.mark.parametrize("text", [
    "",
    "Le sommet de 2019 a eu lieu à Paris.",              # a bare year
    "Le 3 mars 2019, le ministre a parlé.",              # a bare full date: often a citation
    "La crise, ouverte en avril 2018, a duré deux ans.",  # a month and year
    "Le scrutin aura lieu dimanche 2 mars 2031.",        # after today: an announced event
    "Le conseil s'est réuni lundi 2 mars 2021.",         # 2 March 2021 was a Tuesday
    "Le 12/03/2021, le conseil a voté.",                 # numeric dates are not trusted here
    "Premier paragraphe.\nDeuxième.\nTroisième.\nCe 3 mars 2021, un vote.",  # too far
])
def test_infer_text_date_refuses(text: str) -> None:
    assert infer_text_date(text, today=TODAY) is None


def test_corpus_marks_inferred_dates(tmp_path: Path) -> None:
    rows = [
        {"id": "a", "title": "Daté", "date": "2020-05-04", "text": "Le 3 mars 2019, rien."},
        {"id": "b", "title": "Déduit",
         "text": "Dimanche 3 mars 2019, le ministre a parlé devant les députés réunis en "
                 "séance publique pour défendre un projet de loi contesté."},
        {"id": "c", "title": "Sans date", "text": "Le ministre a parlé hier soir."},
    ]
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows),
                    encoding="utf-8")
    arts = {a.id: a for a in Corpus(path)}
    assert (arts["a"].date, arts["a"].date_inferred) == ("2020-05-04", False)
    assert (arts["b"].date, arts["b"].date_inferred) == ("2019-03-03", True)
    assert (arts["c"].date, arts["c"].date_inferred) == (None, False)


# --------------------------------------------------------------------------- hand-made graph


def _graph(articles: list[tuple[str, str | None, list[str]]]) -> ActorGraph:
    """A graph from (article id, date, actor ids named in one sentence) rows."""
    entities = {e: EntityInfo(e, e.capitalize(), "state")
                for _, _, names in articles for e in names}
    docs = state_sentence_docs(articles, inferred=frozenset({"x"}))
    return ActorGraph(stamp(build_graph(docs, entities)))


@pytest.fixture()
def handmade() -> ActorGraph:
    return _graph([
        ("a1", "2019-01-10", ["alpha", "beta"]),
        ("a2", "2019-02-10", ["alpha", "beta", "gamma"]),
        ("a3", "2020-03-01", ["alpha", "beta"]),
        ("a4", "2020-04-01", ["alpha", "beta", "delta"]),
        ("a5", "2020-05-01", ["alpha", "beta"]),
        ("a6", "2020-06-01", ["alpha", "gamma"]),
        ("x", None, ["alpha", "delta"]),
    ])


def test_months_attributes(handmade: ActorGraph) -> None:
    g = handmade.nx
    assert json.loads(g.nodes["alpha"]["months"]) == {
        "2019-01": [1, 1], "2019-02": [1, 1], "2020-03": [1, 1], "2020-04": [1, 1],
        "2020-05": [1, 1], "2020-06": [1, 1], UNDATED: [1, 1]}
    assert json.loads(g.edges["alpha", "beta"]["months"]) == {
        "2019-01": 1, "2019-02": 1, "2020-03": 1, "2020-04": 1, "2020-05": 1}
    assert g.graph["article_index"]["x"]["inferred"] is True


def test_timeline_rows(handmade: ActorGraph) -> None:
    rows = handmade.timeline("alpha", freq="Y")
    assert [(r.period, r.articles, r.mentions) for r in rows] == [
        ("2019", 2, 2), ("2020", 4, 4), (UNDATED, 1, 1)]
    assert sum(r.articles for r in rows) == handmade.actor("alpha").articles
    months = handmade.timeline("alpha")
    assert [r.period for r in months][:3] == ["2019-01", "2019-02", "2019-03"]
    assert len(months) == 18 + 1  # 2019-01..2020-06 and undated
    link = handmade.timeline("alpha", "beta", freq="Q")
    assert [(r.period, r.articles, r.mentions) for r in link] == [
        ("2019-Q1", 2, None), ("2019-Q2", 0, None), ("2019-Q3", 0, None),
        ("2019-Q4", 0, None), ("2020-Q1", 1, None), ("2020-Q2", 2, None)]
    frame = link.to_pandas()
    assert list(frame.columns) == ["articles"] and frame["articles"].sum() == 5


def test_timeline_errors(handmade: ActorGraph) -> None:
    with pytest.raises(RelationNotFound):
        handmade.timeline("gamma", "delta")
    with pytest.raises(ActorGraphError, match="frequency"):
        handmade.timeline("alpha", freq="W")


def test_diff_on_a_handmade_graph(handmade: ActorGraph) -> None:
    d = handmade.diff("2019", "2020")
    assert isinstance(d, GraphDiff)
    assert [c.actor.id for c in d.actors_appeared] == ["delta"]
    assert d.actors_disappeared == []
    assert {(c.a.id, c.b.id) for c in d.links_appeared} == {
        ("alpha", "delta"), ("beta", "delta")}
    assert {(c.a.id, c.b.id) for c in d.links_disappeared} == {("beta", "gamma")}
    strengthened = [(c.a.id, c.b.id, c.before, c.after) for c in d.links_strengthened]
    assert strengthened == [("alpha", "beta", 2, 3)]
    assert [(c.a.id, c.b.id, c.before, c.after) for c in d.links_weakened] == []
    assert "links strengthened: 1 (Alpha — Beta 2→3)" in repr(d)
    back = handmade.diff(("2020-01", None), ("2019-01", "2019-12"))
    assert [(c.a.id, c.b.id) for c in back.links_weakened] == [("alpha", "beta")]
    assert [c.actor.id for c in back.actors_disappeared] == ["delta"]


def test_diff_agrees_with_between(handmade: ActorGraph) -> None:
    d = handmade.diff("2019-02", "2020-04..2020-06")
    before, after = handmade.between("2019-02", "2019-02"), handmade.between("2020-04",
                                                                             "2020-06")
    appeared = {a.id for a in after.actors()} - {a.id for a in before.actors()}
    assert {c.actor.id for c in d.actors_appeared} == appeared


def test_period_parsing() -> None:
    assert period_bounds("2020-02") == ("2020-02", "2020-02")
    assert period_bounds("2019..2020-06") == ("2019-01", "2020-06")
    for bad in ("20", "2020-13-01x", ("2021", "2020"), ("2020",)):
        with pytest.raises(ActorGraphError):
            period_bounds(bad)  # type: ignore[arg-type]
    assert date_filter(None, None) is None
    with pytest.raises(ActorGraphError, match="empty"):
        date_filter("2021", "2020")


def test_snapshots(handmade: ActorGraph) -> None:
    snaps = handmade.snapshots()
    assert list(snaps) == ["2019", "2020"]
    assert {a.id for a in snaps["2019"].actors()} == {"alpha", "beta", "gamma"}
    assert snaps["2020"].actor("alpha").articles == 4
    assert json.loads(snaps["2020"].nx.nodes["alpha"]["months"]) == {
        "2020-03": [1, 1], "2020-04": [1, 1], "2020-05": [1, 1], "2020-06": [1, 1]}
    assert list(handmade.snapshots("Q")) == ["2019-Q1", "2020-Q1", "2020-Q2"]


# --------------------------------------------------------------------------- formats


@pytest.mark.parametrize("name", ["g.graphml", "g.gexf", "g.json", "g.csv"])
def test_timelines_round_trip(handmade: ActorGraph, tmp_path: Path, name: str) -> None:
    path = handmade.write(tmp_path / name)
    back = load(tmp_path / name if name.endswith(".csv") else path)
    for node in handmade.nx:
        assert back.nx.nodes[node]["months"] == handmade.nx.nodes[node]["months"]
        assert back.timeline(node) == handmade.timeline(node)
    for u, v in handmade.nx.edges():
        assert back.nx.edges[u, v]["months"] == handmade.nx.edges[u, v]["months"]
    assert repr(back.diff("2019", "2020")) == repr(handmade.diff("2019", "2020"))


def test_timelines_from_the_sidecar(handmade: ActorGraph, tmp_path: Path) -> None:
    path = handmade.write(tmp_path / "g.graphml")
    assert path.with_name("g.graphml.agcache").is_file()
    back = load(path)  # from the sidecar, lists deferred
    assert back._deferred is not None
    assert back.timeline("alpha", "beta") == handmade.timeline("alpha", "beta")
    assert back._deferred is not None  # months never needed the deferred lists


def test_timeline_without_months_is_recomputed(handmade: ActorGraph) -> None:
    g = handmade.nx.copy()
    for _, d in g.nodes(data=True):
        d.pop("months")
    for _, _, d in g.edges(data=True):
        d.pop("months")
    bare = ActorGraph(g)
    assert bare.timeline("alpha") == handmade.timeline("alpha")
    assert repr(bare.diff("2019", "2020")) == repr(handmade.diff("2019", "2020"))


# --------------------------------------------------------------------------- CLI


def test_diff_cli(tmp_path: Path) -> None:
    saved = example().write(tmp_path / "graph.graphml")
    result = runner.invoke(app, ["diff", str(saved), "--before", "2021", "--after", "2022"])
    assert result.exit_code == 0, result.output
    assert "2021 → 2022: 1 actors appeared, 4 disappeared" in result.output
    assert "Links disappeared" in result.output and "Niger" in result.output
    bad = runner.invoke(app, ["diff", str(saved), "--before", "hier", "--after", "2022"])
    assert bad.exit_code == 1 and "Error: Invalid period date 'hier'" in bad.output
    missing = runner.invoke(app, ["diff", str(tmp_path / "no.graphml"), "--before", "2021",
                                  "--after", "2022"])
    assert missing.exit_code == 1 and "Error:" in missing.output


def test_build_cli_date_range_errors(tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", str(tmp_path), "--out", str(tmp_path / "o"),
                                 "--since", "mars", "--no-progress"])
    assert result.exit_code == 1
    assert "Error: Invalid since date 'mars'" in result.output


@pytest.mark.slow
def test_build_cli_date_range(tmp_path: Path) -> None:
    rows = [
        {"id": "un", "date": "2019-05-02", "title": "Un",
         "text": "La France et l'Allemagne ont signé un accord à Paris."},
        {"id": "deux", "date": "2020-06-03", "title": "Deux",
         "text": "L'Italie et l'Espagne ont signé un accord à Rome."},
        {"id": "trois", "title": "Trois",
         "text": "Ce samedi 4 juillet 2020, la Belgique et les Pays-Bas ont conclu un traité "
                 "sur la gestion commune de leurs ports et de leurs voies navigables."},
        {"id": "quatre", "title": "Quatre",
         "text": "La Suisse et l'Autriche ont conclu un traité."},
    ]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows),
                      encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(corpus), "--out", str(out), "--no-progress",
                                 "--since", "2020", "--until", "2020-12"])
    assert result.exit_code == 0, result.output
    assert "Read 2 article(s)" in result.output
    assert "Dates: 0 undated article(s), 1 dated from their first lines; 2 left out of the " \
           "date range." in result.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["dates"] == {"undated": 0, "inferred": 1, "out_of_range": 2}
    g = load(out)
    assert set(g.nx.graph["article_index"]) == {"deux", "trois"}
    assert g.nx.graph["article_index"]["trois"]["inferred"] is True
    # again without a range: the file's cached record keeps the inferred flag
    result = runner.invoke(app, ["build", str(corpus), "--out", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "Cache: 4 article(s) reused" in result.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["dates"] == {"undated": 1, "inferred": 1}
    assert load(out).nx.graph["article_index"]["trois"]["inferred"] is True


def _months_one_by_one(g) -> tuple[list[str], list[str]]:
    """``months`` of every node and edge by the definition: each article's month, counted
    (and the node's mentions summed) one article at a time."""
    from collections import Counter

    from graph.timeline import _dumps, _month

    index = g.graph["article_index"]

    def month(art: str) -> str:
        return _month((index.get(art) or {}).get("date"))

    nodes = []
    for _, d in g.nodes(data=True):
        ids = d.get("article_ids") or ()
        per = d.get("article_mentions")
        per = per if isinstance(per, list) and len(per) == len(ids) else [1] * len(ids)
        counts: dict[str, list[int]] = {}
        for art, n in zip(ids, per, strict=True):
            row = counts.setdefault(month(art), [0, 0])
            row[0] += 1
            row[1] += int(n)
        nodes.append(_dumps(counts))
    edges = [_dumps(Counter(month(a) for a in d.get("article_ids") or ()))
             for _, _, d in g.edges(data=True)]
    return nodes, edges


@pytest.mark.parametrize("per_kind", ["ints", "floats", "missing"])
def test_stamp_counts_as_one_article_at_a_time(per_kind: str) -> None:
    import networkx as nx

    index = {f"a{i}": {"title": "", "date": f"20{10 + i % 3}-0{1 + i % 4}-02" if i % 5
                       else ""} for i in range(40)}
    g = nx.Graph(article_index=index)
    keys = list(index)  # the index's own strings, as a built graph shares them
    for n in range(6):
        ids = keys[n::3] + [f"a{n}x"] + ["".join(["a", str(n)])]  # unknown; equal, not same
        per = {"ints": list(range(1, len(ids) + 1)), "floats": [1.5] * len(ids),
               "missing": None}[per_kind]
        g.add_node(f"n{n}", article_ids=ids, article_mentions=per)
    g.add_node("empty", article_ids=[], article_mentions=[])
    g.add_edge("n0", "n1", article_ids=keys[:7])
    g.add_edge("n1", "n2", article_ids=tuple(keys[3:5]))
    g.add_edge("n2", "n3", article_ids=["a1", "nowhere"])
    g.add_edge("n3", "n3", article_ids=[])
    g.add_edge("n4", "n5", article_ids=["a2", keys[2], "a7"])
    expected = _months_one_by_one(g)
    stamp(g)
    assert ([d["months"] for _, d in g.nodes(data=True)],
            [d["months"] for _, _, d in g.edges(data=True)]) == expected
