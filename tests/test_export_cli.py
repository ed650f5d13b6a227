"""``actorgraph export`` and ``actorgraph show`` through typer's CliRunner (no spaCy)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph import load
from graph.model import example
from pipelines.cli import app

runner = CliRunner()


@pytest.fixture()
def saved(tmp_path: Path) -> Path:
    return example().write(tmp_path / "graph.graphml")


@pytest.mark.parametrize("ext", ["graphml", "gexf", "json", "csv"])
def test_export_each_format(saved: Path, tmp_path: Path, ext: str) -> None:
    target = tmp_path / "out" / f"mali.{ext}"
    result = runner.invoke(app, ["export", str(saved), "--to", str(target)])
    assert result.exit_code == 0, result.output
    written = Path(result.output.strip().splitlines()[-1])
    assert written.is_file()
    if ext == "csv":
        assert written.name == "mali.nodes.csv" and (tmp_path / "out/mali.edges.csv").is_file()
    back = load(target)
    assert len(back) == 8 and back.nx.number_of_edges() == 18
    assert back.actor("Lavrov").role == "ministre des Affaires étrangères"


def test_export_filters(saved: Path, tmp_path: Path) -> None:
    target = tmp_path / "etats.json"
    result = runner.invoke(app, ["export", str(saved), "--to", str(target),
                                 "--type", "state,group", "--min-weight", "2"])
    assert result.exit_code == 0, result.output
    data = json.loads(target.read_text(encoding="utf-8"))
    assert {n["type"] for n in data["nodes"]} <= {"state", "group"}
    assert data["edges"] and all(e["weight"] >= 2 for e in data["edges"])

    target = tmp_path / "2021.gexf"
    result = runner.invoke(app, ["export", str(saved), "--to", str(target),
                                 "--since", "2021-01-01", "--until", "2021-12-31",
                                 "--type", "state", "--type", "official"])
    assert result.exit_code == 0, result.output
    g = load(target)
    assert "niger" not in g.nx and g.nx.graph["date_max"] == "2021-09-15"
    assert {d["type"] for _, d in g.nx.nodes(data=True)} == {"state", "official"}


@pytest.mark.parametrize("args,message", [
    (["--to", "x.pdf"], "Unknown graph format"),
    (["--to", "x.json", "--since", "hier"], "Invalid since date"),
    (["--to", "x.json", "--type", "planet"], "Unknown actor type"),
])
def test_export_errors(saved: Path, tmp_path: Path, args: list[str], message: str) -> None:
    args = [a if not a.startswith("x.") else str(tmp_path / a) for a in args]
    result = runner.invoke(app, ["export", str(saved), *args])
    assert result.exit_code == 1
    assert f"Error: {message}" in result.output


def test_export_missing_graph(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", str(tmp_path / "nope.graphml"),
                                 "--to", str(tmp_path / "x.json")])
    assert result.exit_code == 1 and "Error: Graph file not found" in result.output
    assert not (tmp_path / "x.json").exists()


def test_show_overview(saved: Path) -> None:
    result = runner.invoke(app, ["show", str(saved), "--top", "3"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "8 actors" in out and "Mali" in out
    for column in ("Actor", "Type", "Mentions", "Articles", "Degree"):
        assert column in out
    assert "Wagner" not in out  # only the top 3


def test_show_actor_card(saved: Path) -> None:
    result = runner.invoke(app, ["show", str(saved), "serguei lavrov"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Sergueï Lavrov" in out and "ministre des Affaires" in out and "Russie" in out
    assert "Mali" in out and "homologue" in out  # a neighbour with its evidence sentence


def test_show_folder(saved: Path) -> None:
    result = runner.invoke(app, ["show", str(saved.parent), "CEDEAO"])
    assert result.exit_code == 0, result.output
    assert "Assimi Goïta" in result.output


def test_show_unknown_actor(saved: Path) -> None:
    result = runner.invoke(app, ["show", str(saved), "Lavroff"])
    assert result.exit_code == 1
    assert "Error: No actor named 'Lavroff'" in result.output
    assert "Did you mean: Sergueï Lavrov?" in result.output
    assert "Traceback" not in result.output


def test_show_missing_graph(tmp_path: Path) -> None:
    result = runner.invoke(app, ["show", str(tmp_path / "missing.graphml")])
    assert result.exit_code == 1
    assert "Error: Graph file not found" in result.output


def test_show_corrupt_graph(tmp_path: Path) -> None:
    bad = tmp_path / "bad.graphml"
    bad.write_text("not xml at all", encoding="utf-8")
    result = runner.invoke(app, ["show", str(bad)])
    assert result.exit_code == 1 and "Error: Could not read" in result.output
