"""Parquet tables: typed columns, read back by pandas and DuckDB, and loaded as the graph."""

from __future__ import annotations

import sys

import pytest
from typer.testing import CliRunner

from graph import load
from graph.errors import ActorGraphError
from graph.model import example
from graph.readwrite.parquet import parquet_paths
from pipelines.cli import app

pa = pytest.importorskip("pyarrow")
pd = pytest.importorskip("pandas")
duckdb = pytest.importorskip("duckdb")


def _mentions_csv(path):
    path.write_text(
        "article,entity,label,type,text,start,end,sentence,role,affiliation\n"
        "a1,lavrov,Sergueï Lavrov,official,Sergueï Lavrov,15,29,0,ministre,Russie\n"
        "a1,mali,Mali,state,malien,60,66,0,,\n"
        "a3,niger,Niger,state,Niger,3,8,2,,\n"
        "a9,ailleurs,Ailleurs,place,Ailleurs,0,8,0,,\n",
        encoding="utf-8")
    return path


def test_folder_tables_are_typed_and_read_by_pandas(tmp_path):
    g = example()
    folder = g.to_parquet(tmp_path / "tables", mentions=_mentions_csv(tmp_path / "m.csv"))
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["articles.parquet", "edges.parquet", "interactions.parquet",
                     "mentions.parquet", "nodes.parquet"]
    nodes = pd.read_parquet(folder / "nodes.parquet").set_index("id")
    assert len(nodes) == len(g)
    assert str(nodes["mentions"].dtype) == "int64"
    assert nodes.loc["mali", "mentions"] == g.actor("Mali").mentions
    assert list(nodes.loc["russie", "aliases"]) == list(g.actor("Russie").aliases)
    edges = pd.read_parquet(folder / "edges.parquet")
    assert len(edges) == g.nx.number_of_edges()
    assert str(edges["weight"].dtype) == "int64" and str(edges["tone"].dtype) == "float64"
    row = edges[(edges.source == "russie") & (edges.target == "mali")
                | (edges.source == "mali") & (edges.target == "russie")].iloc[0]
    assert row["weight"] == g.relation("Russie", "Mali").weight
    assert row["evidence"][0]["text"] == g.relation("Russie", "Mali").evidence[0]["text"]
    inter = pd.read_parquet(folder / "interactions.parquet")
    assert len(inter) == 6 and str(inter["directed"].dtype) == "bool"
    assert set(inter["kind"]) <= {"verbal_cooperation", "material_cooperation",
                                  "verbal_conflict", "material_conflict"}
    mentions = pd.read_parquet(folder / "mentions.parquet")
    # the actors' mentions in their own articles only (not the place, not article a9)
    assert sorted(mentions["entity"]) == ["lavrov", "mali", "niger"]
    assert str(mentions["start"].dtype) == "int64"
    articles = pd.read_parquet(folder / "articles.parquet").set_index("id")
    assert articles.loc["a2", "date"] == "2021-09-15"


def test_duckdb_joins_the_tables(tmp_path):
    g = example()
    folder = g.to_parquet(tmp_path / "t")
    con = duckdb.connect()
    rows = con.execute(
        f"SELECT a.label, b.label, e.weight FROM '{folder}/edges.parquet' e "
        f"JOIN '{folder}/nodes.parquet' a ON e.source = a.id "
        f"JOIN '{folder}/nodes.parquet' b ON e.target = b.id "
        "WHERE a.type = 'state' AND b.type = 'state' ORDER BY e.weight DESC, 1, 2").fetchall()
    expected = sorted(
        ((g.nx.nodes[u]["label"], g.nx.nodes[v]["label"], d["weight"])
         for u, v, d in g.nx.edges(data=True)
         if g.nx.nodes[u]["type"] == g.nx.nodes[v]["type"] == "state"),
        key=lambda r: (-r[2], r[0], r[1]))
    assert rows == expected
    types = dict(con.execute(
        f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM "
        f"'{folder}/nodes.parquet')").fetchall())
    assert types["mentions"] == "BIGINT" and types["aliases"] == "VARCHAR[]"
    conflict = con.execute(
        f"SELECT count(*) FROM '{folder}/interactions.parquet' "
        "WHERE kind LIKE '%conflict'").fetchone()[0]
    assert conflict == sum(d["conflict"] for _, _, d in g.nx.edges(data=True))


def test_file_scheme_round_trips_as_a_graph(tmp_path):
    g = example()
    written = g.write(tmp_path / "mali.parquet")
    assert written == tmp_path / "mali.nodes.parquet"
    assert (tmp_path / "mali.edges.parquet").is_file()
    back = load(tmp_path / "mali.parquet")
    assert repr(back) == repr(g)
    for node, data in g.nx.nodes(data=True):
        assert back.nx.nodes[node] == data
    for u, v, data in g.nx.edges(data=True):
        assert back.nx.edges[u, v] == data
    assert back.between("2022").relation("France", "Mali").weight == 1
    assert parquet_paths(tmp_path)["nodes"] == tmp_path / "nodes.parquet"


def test_missing_pyarrow_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ActorGraphError, match=r"pip install 'actorgraph\[parquet\]'"):
        example().to_parquet(tmp_path / "t")
    assert not (tmp_path / "t").exists()


def test_cli_export_parquet_with_the_builds_mentions(sample_build, tmp_path):
    out, _ = sample_build
    target = tmp_path / "etats.parquet"
    result = CliRunner().invoke(app, ["export", str(out), "--to", str(target),
                                      "--type", "state"])
    assert result.exit_code == 0, result.output
    nodes = pd.read_parquet(tmp_path / "etats.nodes.parquet")
    assert set(nodes["type"]) == {"state"}
    mentions = pd.read_parquet(tmp_path / "etats.mentions.parquet")
    assert len(mentions) and set(mentions["entity"]) <= set(nodes["id"])
    total = duckdb.connect().execute(
        f"SELECT sum(mentions) FROM '{tmp_path}/etats.nodes.parquet'")
    assert total.fetchone()[0] == len(mentions)


def test_cli_export_parquet_without_pyarrow(sample_build, tmp_path, monkeypatch):
    out, _ = sample_build
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    result = CliRunner().invoke(app, ["export", str(out), "--to", str(tmp_path / "x.parquet")])
    assert result.exit_code == 1
    assert "Error: Parquet needs pyarrow" in result.output


def test_readme_tables_session(sample_build, tmp_path, monkeypatch):
    """The README's Parquet and DuckDB session is real: run it on the sample build."""
    import doctest
    import re
    from pathlib import Path

    out, _ = sample_build
    (tmp_path / "output").symlink_to(out, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    readme = Path(__file__).resolve().parents[1] / "README.md"
    text = readme.read_text(encoding="utf-8")
    section = text[text.index("**Tables for data tools.**"):]
    block = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    test = doctest.DocTestParser().get_doctest(block, {}, "README", str(readme), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0 and result.attempted >= 6
    assert (tmp_path / "tables" / "mentions.parquet").is_file()


def test_folder_loads_back_and_an_empty_graph_works(tmp_path):
    import networkx as nx

    from graph.model import ActorGraph

    folder = example().to_parquet(tmp_path / "tables")
    assert repr(load(folder)) == repr(example())
    assert repr(load(folder / "nodes.parquet")) == repr(example())
    empty = ActorGraph(nx.Graph()).to_parquet(tmp_path / "empty")
    assert sorted(p.name for p in empty.iterdir()) == ["edges.parquet", "nodes.parquet"]
    assert len(load(empty)) == 0
    assert list(pd.read_parquet(empty / "nodes.parquet").columns)[:3] == ["id", "label", "type"]
