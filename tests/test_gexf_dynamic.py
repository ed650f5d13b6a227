"""The dynamic GEXF export: valid against the GEXF 1.3 RelaxNG schema (tests/data/gexf-1.3)
and read back by ``load()`` as the graph that was written."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from graph import load
from graph.errors import ActorGraphError
from graph.model import example
from pipelines.cli import app

SCHEMA = Path(__file__).parent / "data" / "gexf-1.3" / "gexf.rng"
NS = {"g": "http://gexf.net/1.3"}


@pytest.fixture(scope="module")
def relaxng() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(SCHEMA)))


def _validate(relaxng: etree.RelaxNG, path: Path) -> None:
    doc = etree.parse(str(path))
    assert relaxng.validate(doc), relaxng.error_log


def test_dynamic_gexf_validates_and_reads_back(relaxng: etree.RelaxNG, tmp_path: Path) -> None:
    g = example()
    path = g.write(tmp_path / "mali.gexf", dynamic=True)
    _validate(relaxng, path)
    root = etree.parse(str(path)).getroot()
    graph_el = root.find("g:graph", NS)
    assert graph_el.get("mode") == "dynamic" and graph_el.get("timeformat") == "date"
    mali = root.find("g:graph/g:nodes/g:node[@id='mali']", NS)
    spells = [(s.get("start"), s.get("end")) for s in mali.find("g:spells", NS)]
    assert spells == [("2021-03-01", "2021-03-31"), ("2021-09-01", "2021-09-30"),
                      ("2022-02-01", "2022-02-28")]
    # the weight per month, as the dynamic attribute titled "weight"
    weight_id = root.find("g:graph/g:attributes/g:attribute[@title='weight']", NS).get("id")
    edge = next(e for e in root.iterfind("g:graph/g:edges/g:edge", NS)
                if {e.get("source"), e.get("target")} == {"mali", "russie"})
    values = [(v.get("value"), v.get("start")) for v in edge.iterfind("g:attvalues/g:attvalue",
                                                                       NS)
              if v.get("for") == weight_id]
    assert values == [("1", "2021-03-01"), ("1", "2021-09-01")]
    back = load(path)
    assert dict(back.nx.nodes(data=True)) == dict(g.nx.nodes(data=True))
    assert sorted(map(sorted, back.nx.edges())) == sorted(map(sorted, g.nx.edges()))
    for u, v, data in g.nx.edges(data=True):
        assert back.nx.edges[u, v] == data
    assert back.timeline("Mali") == g.timeline("Mali")


def test_static_gexf_needs_no_schema_location_to_validate(relaxng: etree.RelaxNG,
                                                          tmp_path: Path) -> None:
    """The schema rejects xsi:schemaLocation, which the static writer sets; without it the
    static document is valid too."""
    path = example().write(tmp_path / "static.gexf")
    doc = etree.parse(str(path))
    assert not relaxng.validate(doc)
    root = doc.getroot()
    del root.attrib["{http://www.w3.org/2001/XMLSchema-instance}schemaLocation"]
    for attrs in root.iterfind("g:graph/g:attributes", NS):
        attrs.attrib.pop("mode", None)
    assert relaxng.validate(doc), relaxng.error_log


def test_dynamic_needs_gexf(tmp_path: Path) -> None:
    with pytest.raises(ActorGraphError, match="gexf"):
        example().write(tmp_path / "g.graphml", dynamic=True)


def test_export_cli_dynamic(relaxng: etree.RelaxNG, tmp_path: Path) -> None:
    saved = example().write(tmp_path / "graph.graphml")
    target = tmp_path / "dyn.gexf"
    runner = CliRunner()
    result = runner.invoke(app, ["export", str(saved), "--to", str(target), "--dynamic",
                                 "--since", "2021"])
    assert result.exit_code == 0, result.output
    _validate(relaxng, target)
    assert len(load(target)) == 8
    bad = runner.invoke(app, ["export", str(saved), "--to", str(tmp_path / "x.json"),
                              "--dynamic"])
    assert bad.exit_code == 1 and "Error: --dynamic writes GEXF only" in bad.output
