"""The Dask engine: the same graph as the local engine, and clear errors."""

from __future__ import annotations

import sys

import networkx as nx
import pytest
from typer.testing import CliRunner

from pipelines.cli import app


def _graph(path) -> tuple[dict, dict]:
    g = nx.read_graphml(path)
    nodes = {n: d for n, d in g.nodes(data=True)}
    edges = {tuple(sorted((u, v))): d for u, v, d in g.edges(data=True)}
    return nodes, edges


@pytest.mark.slow
def test_dask_local_cluster_builds_the_same_graph(sample_build, tmp_path):
    pytest.importorskip("distributed")
    local_out, _ = sample_build
    out = tmp_path / "dask"
    result = CliRunner().invoke(app, ["build", "--out", str(out), "--no-progress",
                                      "--engine", "dask"])
    assert result.exit_code == 0, result.output
    assert "Read 5 article(s)" in result.output
    assert "0 re-analysed from cached spaCy output, 5 run through spaCy" in result.output
    for name in ("mentions.csv", "relations.csv"):
        assert (out / name).read_bytes() == (local_out / name).read_bytes(), name
    nodes, edges = _graph(out / "graph.graphml")
    local_nodes, local_edges = _graph(local_out / "graph.graphml")
    assert nodes == local_nodes
    assert edges == local_edges
    assert all(d["weight"] >= 1 for d in edges.values())


def test_dask_missing_is_a_clear_error(tmp_path, monkeypatch):
    import pipelines.engines.dask  # noqa: F401 - imported as usual, before dask "goes"

    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    result = CliRunner().invoke(app, ["build", "--out", str(tmp_path), "--no-progress",
                                      "--engine", "dask"])
    assert result.exit_code == 1
    assert "Error: Dask is not installed" in result.output
    assert "actorgraph[dask]" in result.output


def test_engine_options_are_checked(tmp_path):
    runner = CliRunner()
    bad = runner.invoke(app, ["build", "--out", str(tmp_path), "--engine", "spark"])
    assert bad.exit_code == 2 and "--engine must be 'local' or 'dask'" in bad.output
    alone = runner.invoke(app, ["build", "--out", str(tmp_path), "--scheduler",
                                "tcp://127.0.0.1:8786"])
    assert alone.exit_code == 2 and "--scheduler needs --engine dask" in alone.output


def test_unreachable_scheduler_is_a_clear_error(tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    import pipelines.engines.dask as dask_engine

    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT", 1)
    result = CliRunner().invoke(app, ["build", "--out", str(tmp_path), "--no-progress",
                                      "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1
    assert "Error: cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.output
