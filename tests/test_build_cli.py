"""End to end through the CLI on the bundled sample corpus."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

from typer.testing import CliRunner

from graph import load
from pipelines.cli import app


def test_build_writes_the_files(sample_build):
    out, result = sample_build
    for name in ("graph.html", "graph.graphml", "mentions.csv", "report.json"):
        assert (out / name).stat().st_size > 0, name
    assert "Read 5 article(s)" in result.output
    assert "Actors:" in result.output and "edges" in result.output


def test_mentions_csv_columns_and_offsets(sample_build):
    from pipelines.readers.corpus import Corpus

    out, _ = sample_build
    texts = {a.id: a.text for a in Corpus()}
    with (out / "mentions.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows
    assert {"article", "entity", "label", "type", "text", "start", "end", "sentence"} <= set(
        rows[0])
    for row in rows:
        assert texts[row["article"]][int(row["start"]):int(row["end"])] == row["text"]
        assert row["type"] in {"state", "official", "person", "group", "place", "media"}


def test_graph_nodes_and_edges(sample_build):
    out, _ = sample_build
    g = load(out / "graph.graphml")
    types = {d["type"] for _, d in g.nx.nodes(data=True)}
    assert types <= {"state", "official", "person", "group"}
    assert {"state", "official", "group"} <= types
    russia = g.actor("russie")
    assert russia.type == "state" and "Moscou" in russia.aliases
    rel = g.relation("Russie", "Mali")
    assert rel.weight >= 3 and rel.evidence
    officials = [d for _, d in g.nx.nodes(data=True) if d["type"] == "official"]
    assert any(d.get("role") and d.get("affiliation") for d in officials)


def test_sentence_window(tmp_path):
    result = CliRunner().invoke(app, ["build", "--out", str(tmp_path), "--window", "sentence",
                                      "--no-progress"])
    assert result.exit_code == 0, result.output
    g = load(tmp_path / "graph.graphml")
    assert g.nx.graph["window"] == "sentence"
    for _, _, d in g.nx.edges(data=True):
        assert d["sentences"] >= 1


def test_score_on_the_sample(sample_build, shared_dir):
    out, _ = sample_build
    proc = subprocess.run(
        [sys.executable, str(shared_dir / "eval" / "score.py"),
         str(shared_dir / "eval" / "seeds_gold.json"), str(out / "mentions.csv"), "--json"],
        capture_output=True, text=True, check=True,
    )
    res = json.loads(proc.stdout)
    assert res["f1"] >= 0.95, res
    assert res["typed_f1"] >= 0.92, res
    assert not res["corpus_splits"], res["corpus_splits"]


def test_missing_corpus_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(app, ["build", str(tmp_path / "nope"), "--out",
                                      str(tmp_path / "o")])
    assert result.exit_code == 1
    assert "Error:" in result.output


def test_help_has_examples():
    for cmd in ("build", "render", "export", "show", "duplicates"):
        result = CliRunner().invoke(app, [cmd, "--help"])
        assert result.exit_code == 0
        assert "Example" in result.output
