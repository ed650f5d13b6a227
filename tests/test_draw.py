"""Static figures: the SVG parses and holds one dot per actor drawn, the PNG is not blank,
labels never overlap, hostile names stay text, matplotlib missing is a clear error."""

from __future__ import annotations

import sys
from itertools import combinations
from pathlib import Path

import pytest
from conftest_browser import SCRIPT_TAG, payload_graph, random_graph
from lxml import etree
from typer.testing import CliRunner

from graph.draw import draw
from graph.errors import ActorGraphError
from graph.interactions import TONE_COLOURS
from graph.model import ActorGraph, example
from pipelines.cli import app

pytest.importorskip("matplotlib")

SVG = "{http://www.w3.org/2000/svg}"


def _svg(path: Path) -> etree._Element:
    return etree.parse(str(path), etree.XMLParser(resolve_entities=False)).getroot()


def _dots(root: etree._Element) -> list[etree._Element]:
    """The shapes in the group of actor dots: matplotlib writes each dot as a ``<use>`` of
    a shared path, or as its own ``<path>`` when that is shorter."""
    group = root.find(f".//{SVG}g[@id='actors']")
    assert group is not None, "no group of actor dots"
    uses = group.findall(f".//{SVG}use")
    paths = [p for p in group.iter(f"{SVG}path")
             if not any(a.tag == f"{SVG}defs" for a in p.iterancestors())]
    return uses + paths


def test_svg_holds_one_dot_per_actor_drawn(tmp_path: Path) -> None:
    g = example()
    info = g.draw(tmp_path / "mali.svg")
    root = _svg(info.path)
    assert len(_dots(root)) == info.nodes_shown == 8
    texts = "".join(root.itertext())
    assert "Mali (exemple)" in texts  # the title
    assert "Source:" in texts and "3 articles" in texts  # the source line
    assert "State" in texts and "Official" in texts  # the legend
    for label in info.labels:
        assert label in texts
    # links coloured by tone: the example has conflict and cooperation
    style = etree.tostring(root, encoding="unicode").lower()
    assert TONE_COLOURS[0] in style and TONE_COLOURS[2] in style


def test_max_nodes_types_and_labels_without_overlap(tmp_path: Path) -> None:
    G = random_graph(120, 400, seed=3)
    info = draw(G, tmp_path / "big.svg", max_nodes=60, labels=40, types=["state", "group"])
    assert info.nodes_shown == 60 and info.nodes_total == 120
    assert len(_dots(_svg(info.path))) == 60
    assert 5 <= len(info.labels) <= 40
    for (a0, a1, a2, a3), (b0, b1, b2, b3) in combinations(info.label_boxes, 2):
        assert a2 <= b0 or b2 <= a0 or a3 <= b1 or b3 <= a1, "two labels overlap"
    shown = {G.nodes[n]["label"]: G.nodes[n]["type"] for n in G}
    assert all(shown[label] in ("state", "group") for label in info.labels)


def test_png_is_not_blank_and_pdf_is_a_pdf(tmp_path: Path) -> None:
    import matplotlib.image as mpimg
    import numpy as np

    info = example().draw(tmp_path / "mali.png", dpi=80)
    pixels = mpimg.imread(info.path)[..., :3]
    assert pixels.shape[0] > 300 and pixels.shape[1] > 600
    ink = (pixels.sum(axis=2) < 2.7).mean()  # not white
    assert 0.01 < ink < 0.6
    state_blue = np.array([0x1F, 0x77, 0xB4]) / 255
    assert (np.abs(pixels - state_blue).sum(axis=2) < 0.05).sum() > 50
    pdf = example().draw(tmp_path / "mali.pdf").path
    assert pdf.read_bytes().startswith(b"%PDF")


def test_hostile_names_are_only_text(tmp_path: Path) -> None:
    g = ActorGraph(payload_graph())
    g.nx.nodes["azurie"]["label"] = "Azurie $x^2$ \\frac"  # no mathtext either
    info = g.draw(tmp_path / "evil.svg", labels=10)
    root = _svg(info.path)  # still well-formed XML
    assert root.find(f".//{SVG}script") is None
    assert not root.findall(".//{http://www.w3.org/2000/svg}foreignObject")
    texts = "".join(root.itertext())
    assert SCRIPT_TAG in texts or f"Groupe {SCRIPT_TAG}" in texts
    assert "Azurie $x^2$ \\frac" in texts


def test_unknown_format_and_missing_matplotlib(tmp_path: Path, monkeypatch) -> None:
    with pytest.raises(ActorGraphError, match="unknown figure format"):
        example().draw(tmp_path / "x.gif")
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(ActorGraphError, match=r"pip install 'actorgraph\[figures\]'"):
        example().draw(tmp_path / "x.svg")
    assert not (tmp_path / "x.svg").exists()


def test_cli_render_figure(tmp_path: Path) -> None:
    source = example().write(tmp_path / "g.graphml")
    runner = CliRunner()
    result = runner.invoke(app, ["render", str(source), "--out", str(tmp_path / "f.svg"),
                                 "--max-nodes", "5"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Wrote {tmp_path / 'f.svg'}: 5 of 8 actors")
    assert len(_dots(_svg(tmp_path / "f.svg"))) == 5
    result = runner.invoke(app, ["render", str(source), "--out", str(tmp_path / "f.bmp")])
    assert result.exit_code == 1 and "Error: unknown format" in result.output
    result = runner.invoke(app, ["render", str(source), "--out", str(tmp_path / "p.png"),
                                 "--quiet"])
    assert result.exit_code == 0 and result.output == ""
    assert (tmp_path / "p.png").stat().st_size > 1000
