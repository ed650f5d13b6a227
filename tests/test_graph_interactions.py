"""Interactions on the graph: counts, tone, evidence, colours, and every file format."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from graph import readwrite
from graph.interactions import InteractionRow, add_interactions, tone, tone_colour
from tests.test_readwrite import NASTY, _assert_same, nasty_graph

FORMATS = ["graphml", "gexf", "json", "csv"]


def graph_with_interactions() -> nx.Graph:
    g = nasty_graph()
    text = "Le Kremlin et Bamako discutent ; Ouagadougou s'inquiète."
    add_interactions(g, [
        InteractionRow("art-1", 0, "Q 159/ru", "mali", "verbal_cooperation", "CONSULT", False,
                    "discutent", text, 20, 29),
        InteractionRow("art-1", 0, "burkina", "Q 159/ru", "verbal_conflict", "ACCUSE", True,
                    "s'inquiète", text, 45, 55),
        InteractionRow("art-1", 1, "chef-é", "nobody", "material_conflict", "ASSAULT", True,
                    "x", NASTY, 0, 1),  # no such edge: left out
    ])
    return g


def test_counts_tone_and_evidence() -> None:
    g = graph_with_interactions()
    e = g.edges["Q 159/ru", "mali"]
    assert (e["verbal_cooperation"], e["cooperation"], e["conflict"], e["tone"]) == (1, 1, 0, 1.0)
    assert e["evidence"][0]["kind"] == "verbal_cooperation"
    assert e["evidence"][0]["trigger"] == "discutent"
    assert (e["r"], e["g"], e["b"]) == (0x2C, 0x7B, 0xB6)
    e = g.edges["Q 159/ru", "burkina"]
    assert e["verbal_conflict"] == 1 and e["tone"] == -1.0
    assert e["interactions"][0]["source"] == "burkina"  # the direction is kept
    quiet = g.edges["aes", "mali"]
    assert quiet["cooperation"] == quiet["conflict"] == 0 and quiet["tone"] == 0.0
    assert (quiet["r"], quiet["g"]) == (0xBD, 0xBD) and "interactions" not in quiet


def test_tone_scale() -> None:
    assert tone(2, 2) == 0.0 and tone(1, 3) == -0.5
    assert tone_colour(-1) == "#d7301f" and tone_colour(2) == "#2c7bb6"


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip(tmp_path: Path, fmt: str) -> None:
    g = graph_with_interactions()
    readwrite.write(g, tmp_path / f"g.{fmt}")
    loaded = readwrite.read(tmp_path / f"g.{fmt}")
    _assert_same(g, loaded, graph_attrs=fmt != "csv")
    e = loaded.edges["Q 159/ru", "burkina"]
    assert isinstance(e["verbal_conflict"], int) and isinstance(e["interactions"], list)


def test_gexf_edge_colour(tmp_path: Path) -> None:
    readwrite.write(graph_with_interactions(), tmp_path / "g.gexf")
    ns = {"g": "http://gexf.net/1.3", "viz": "http://gexf.net/1.3/viz"}
    colours = ET.parse(tmp_path / "g.gexf").getroot().findall(".//g:edge/viz:color", ns)
    assert {(c.get("r"), c.get("b")) for c in colours} == {("44", "182"), ("215", "31"),
                                                           ("189", "189")}


def test_readme_interactions_session(sample_build, tmp_path, monkeypatch) -> None:
    """The README's Python session on interactions is real output of the sample build."""
    import doctest
    import re

    out, _ = sample_build
    (tmp_path / "output").symlink_to(out, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    text = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Interactions"):text.index("## How actors are found")]
    block = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    test = doctest.DocTestParser().get_doctest(block, {}, "README", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
    rows = (out / "relations.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("article,sentence,source,target,kind,event,directed,trigger")


def test_page_data_carries_tone_and_kinds(tmp_path: Path) -> None:
    from graph.html import page_data, render_html

    g = graph_with_interactions()
    data, _ = page_data(g)
    assert [k["id"] for k in data["meta"]["kinds"]][0] == "verbal_cooperation"
    coloured = [e for e in data["edges"] if "c" in e]
    assert len(coloured) == 2 and all(len(e["k"]) == 4 for e in coloured)
    item = next(e for e in coloured if e["to"] == -1.0)["ix"][0]
    assert item[3] == "s'inquiète" and item[5][item[6]:].startswith("s'inquiète")
    page = render_html(g, tmp_path / "g.html").path.read_text(encoding="utf-8")
    assert 'id="kind-filter"' in page and "tone_colours" in page


def test_old_file_records_are_read_again(tmp_path: Path) -> None:
    """A cache whose per-file records predate interactions (another version) still
    builds: the articles come from the article cache or are re-analysed."""
    import pickle
    import sqlite3

    from pipelines.build.orchestrate import build_corpus

    out = tmp_path / "out"
    build_corpus(None, out)
    first = (out / "relations.csv").read_text(encoding="utf-8")
    db = sqlite3.connect(out / "cache.sqlite")
    rows = db.execute("SELECT key, fp, value FROM files").fetchall()
    assert rows
    for key, fp, value in rows:
        _, *rest = pickle.loads(value)
        db.execute("UPDATE files SET value=? WHERE key=? AND fp=?",
                   (pickle.dumps((1, *rest)), key, fp))
    db.commit()
    db.close()
    build_corpus(None, out)
    assert (out / "relations.csv").read_text(encoding="utf-8") == first
