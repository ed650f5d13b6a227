"""The dynamic GEXF export: valid against the project's RelaxNG grammar of the GEXF 1.3 subset
it writes (tests/data/gexf-1.3/actorgraph-gexf.rng), and against the official gephi/gexf
schema when ``ACTORGRAPH_GEXF_SCHEMA`` points at its ``gexf.rng``; read back by ``load()``
as the graph that was written."""

from __future__ import annotations

import copy
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from graph import load
from graph.errors import ActorGraphError
from graph.model import example
from pipelines.cli import app

GRAMMAR = Path(__file__).parent / "data" / "gexf-1.3" / "actorgraph-gexf.rng"
#: The official schema (the gephi/gexf repository's ``1.3/gexf.rng``), optional.
OFFICIAL_ENV = "ACTORGRAPH_GEXF_SCHEMA"
NS = {"g": "http://gexf.net/1.3"}
VIZ_NS = "http://gexf.net/1.3/viz"
XSI_SCHEMA_LOCATION = "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation"


@pytest.fixture(scope="module")
def grammar() -> etree.RelaxNG:
    """The project's own grammar: always there."""
    return etree.RelaxNG(etree.parse(str(GRAMMAR)))


@pytest.fixture(scope="module", params=["project", "official"])
def relaxng(request: pytest.FixtureRequest, grammar: etree.RelaxNG) -> etree.RelaxNG:
    """Each validating test runs against the project's grammar and, when
    ``ACTORGRAPH_GEXF_SCHEMA`` is set, against the official schema too."""
    if request.param == "project":
        return grammar
    value = os.environ.get(OFFICIAL_ENV)
    if not value:
        pytest.skip(f"{OFFICIAL_ENV} is not set: no validation against the official GEXF 1.3 "
                    "schema (point it at gephi/gexf's 1.3/gexf.rng)")
    path = Path(value)
    if not path.is_file():
        pytest.fail(f"{OFFICIAL_ENV}={value}: no such file")
    return etree.RelaxNG(etree.parse(str(path)))


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
                                                          request: pytest.FixtureRequest,
                                                          tmp_path: Path) -> None:
    """The official schema rejects xsi:schemaLocation, which the static writer sets; without it
    the static document is valid too. The project's grammar takes the static writer's output
    as it is, and without xsi:schemaLocation and ``mode`` on ``<attributes>`` as well."""
    path = example().write(tmp_path / "static.gexf")
    doc = etree.parse(str(path))
    root = doc.getroot()
    assert root.get(XSI_SCHEMA_LOCATION)  # the static writer sets it
    if request.node.callspec.params["relaxng"] == "official":
        assert not relaxng.validate(doc)
    else:
        assert relaxng.validate(doc), relaxng.error_log
    del root.attrib[XSI_SCHEMA_LOCATION]
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


# ------------------------------------------------------------- the grammar says no


def _unknown_element(root: etree._Element) -> None:
    node = root.find("g:graph/g:nodes/g:node", NS)
    etree.SubElement(node, "{http://gexf.net/1.3}shape", value="disc")


def _foreign_element(root: etree._Element) -> None:
    etree.SubElement(root.find("g:graph", NS), "{urn:example:other}note").text = "hello"


def _viz_in_gexf_namespace(root: etree._Element) -> None:
    color = next(root.iter(f"{{{VIZ_NS}}}color"))
    color.tag = "{http://gexf.net/1.3}color"


def _spell_bad_date(root: etree._Element) -> None:
    next(root.iter("{http://gexf.net/1.3}spell")).set("start", "2021-13-01")


def _spell_not_a_date(root: etree._Element) -> None:
    next(root.iter("{http://gexf.net/1.3}spell")).set("end", "01/03/2021")


def _attvalue_bad_date(root: etree._Element) -> None:
    av = next(a for a in root.iter("{http://gexf.net/1.3}attvalue") if a.get("start"))
    av.set("end", "2021-02-30")


def _spell_without_bounds(root: etree._Element) -> None:
    spell = next(root.iter("{http://gexf.net/1.3}spell"))
    del spell.attrib["start"], spell.attrib["end"]


def _spells_in_attvalues(root: etree._Element) -> None:
    spells = next(root.iter("{http://gexf.net/1.3}spells"))
    spells.getparent().find("g:attvalues", NS).append(copy.deepcopy(spells))


def _weight_not_a_number(root: etree._Element) -> None:
    root.find("g:graph/g:edges/g:edge", NS).set("weight", "heavy")


def _bad_defaultedgetype(root: etree._Element) -> None:
    root.find("g:graph", NS).set("defaultedgetype", "sideways")


def _bad_mode(root: etree._Element) -> None:
    root.find("g:graph", NS).set("mode", "slideshow")


def _other_timeformat(root: etree._Element) -> None:
    root.find("g:graph", NS).set("timeformat", "integer")


def _bad_colour(root: etree._Element) -> None:
    next(root.iter(f"{{{VIZ_NS}}}color")).set("r", "256")


def _wrong_version(root: etree._Element) -> None:
    root.set("version", "1.2")


def _unknown_attribute(root: etree._Element) -> None:
    root.find("g:graph/g:nodes/g:node", NS).set("colour", "red")


def _edges_before_nodes(root: etree._Element) -> None:
    graph_el = root.find("g:graph", NS)
    graph_el.append(graph_el.find("g:nodes", NS))


@pytest.mark.parametrize("spoil", [
    _unknown_element, _foreign_element, _viz_in_gexf_namespace, _spell_bad_date,
    _spell_not_a_date, _attvalue_bad_date, _spell_without_bounds, _spells_in_attvalues,
    _weight_not_a_number, _bad_defaultedgetype, _bad_mode, _other_timeformat, _bad_colour,
    _wrong_version, _unknown_attribute, _edges_before_nodes,
], ids=lambda f: f.__name__.strip("_"))
def test_grammar_rejects_what_gexf_13_does_not_allow(
        grammar: etree.RelaxNG, spoil: Callable[[etree._Element], None],
        tmp_path: Path) -> None:
    """The project's grammar is not a rubber stamp: each change makes a valid dynamic file
    invalid."""
    doc = etree.parse(str(example().write(tmp_path / "dyn.gexf", dynamic=True)))
    assert grammar.validate(doc), grammar.error_log
    spoil(doc.getroot())
    assert not grammar.validate(doc)


def test_grammar_rejects_time_in_a_static_graph(grammar: etree.RelaxNG, tmp_path: Path) -> None:
    """Spells and time-stamped values belong to ``mode="dynamic"`` graphs only."""
    doc = etree.parse(str(example().write(tmp_path / "dyn.gexf", dynamic=True)))
    doc.getroot().find("g:graph", NS).set("mode", "static")
    assert not grammar.validate(doc)
    graph_el = doc.getroot().find("g:graph", NS)
    for name in ("timeformat", "timerepresentation"):
        del graph_el.attrib[name]
    assert not grammar.validate(doc)  # the spells are still there
    for spells in list(doc.getroot().iter("{http://gexf.net/1.3}spells")):
        spells.getparent().remove(spells)
    assert not grammar.validate(doc)  # and the time-stamped attvalues
    for av in list(doc.getroot().iter("{http://gexf.net/1.3}attvalue")):
        if av.get("start"):
            av.getparent().remove(av)
    assert grammar.validate(doc), grammar.error_log
