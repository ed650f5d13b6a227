"""Fast tests of the HTML view (no browser): the file, its data, its safety, its options."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import numpy as np
import pytest
from conftest_browser import PAYLOADS, payload_graph, random_graph, small_graph

from graph.errors import ActorGraphError, GraphFormatError
from graph.html import (
    RenderInfo,
    layout_positions,
    page_data,
    render_file,
    render_html,
    safe_json,
    select_subgraph,
)
from graph.schema import TYPE_LABELS, flatten


class _Scripts(HTMLParser):
    """Collect every element and each <script>'s attributes and text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._in: dict[str, str | None] | None = None
        self._buf: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in, self._buf = dict(attrs), []

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in is not None:
            self.scripts.append((self._in, "".join(self._buf)))
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in is not None:
            self._buf.append(data)


def _parse(text: str) -> _Scripts:
    parser = _Scripts()
    parser.feed(text)
    parser.close()
    return parser


def _data(text: str) -> dict:
    parsed = _parse(text)
    blocks = [body for attrs, body in parsed.scripts if attrs.get("id") == "data"]
    assert len(blocks) == 1
    return json.loads(blocks[0])


@pytest.fixture()
def small_page(tmp_path: Path) -> tuple[Path, RenderInfo]:
    target = tmp_path / "graph.html"
    return target, render_html(small_graph(), target)


def test_render_writes_one_self_contained_file(small_page: tuple[Path, RenderInfo]) -> None:
    target, info = small_page
    text = target.read_text(encoding="utf-8")
    assert info.path == target
    assert (info.nodes_shown, info.nodes_total) == (6, 6)
    assert info.edges_shown == info.edges_total > 0
    parsed = _parse(text)
    # Three scripts: the data, vis-network, ours; none loads anything.
    assert len(parsed.scripts) == 3
    assert all("src" not in attrs for attrs, _ in parsed.scripts)
    assert not [t for t, a in parsed.tags if t == "link" and a.get("rel") != "icon"]
    assert not [t for t, a in parsed.tags if t in ("iframe", "img", "object", "embed")]
    lowered = text.lower()
    for needle in ("cdn.", "cdnjs", "bootstrap", "googleapis", "unpkg.com", "jsdelivr",
                   "@import", "sourcemappingurl"):
        assert needle not in lowered, needle
    # Outside vis-network's own script (whose licence comment names its web site),
    # the page mentions no URL at all.
    vis_body = max((body for _, body in parsed.scripts), key=len)
    assert not re.search(r"(?:https?|ftp|wss?):", text.replace(vis_body, ""))
    # No URL in any src/href attribute or CSS url() other than data:.
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?!data:|#)[a-z]+:""", lowered)
    styles = "".join(re.findall(r"<style>(.*?)</style>", lowered, flags=re.S))
    assert "url(" in styles  # vis-network's icons, all data: URLs
    assert not re.search(r"url\(\s*(?!['\"]?data:)", styles)
    assert "vis-network" in text and "new vis.Network" in text


def test_csp_allows_exactly_the_two_inline_scripts(small_page: tuple[Path, RenderInfo]) -> None:
    text = small_page[0].read_text(encoding="utf-8")
    parsed = _parse(text)
    csp = [a["content"] for t, a in parsed.tags
           if t == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy"]
    assert len(csp) == 1
    policy = dict(
        (part.split()[0], part.split()[1:]) for part in csp[0].split(";") if part.strip()
    )
    assert policy["default-src"] == ["'none'"]
    assert policy["img-src"] == ["data:"]
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    executable = [body for attrs, body in parsed.scripts if "type" not in attrs]
    assert len(executable) == 2
    hashes = {
        "'sha256-" + base64.b64encode(hashlib.sha256(b.encode()).digest()).decode() + "'"
        for b in executable
    }
    assert set(policy["script-src"]) == hashes


def test_page_data_carries_the_graph(small_page: tuple[Path, RenderInfo]) -> None:
    data = _data(small_page[0].read_text(encoding="utf-8"))
    meta = data["meta"]
    assert meta["title"] == "Azurie et Brumeland"
    assert meta["articles"] == 3
    assert (meta["date_min"], meta["date_max"]) == ("2023-05-04", "2023-07-20")
    assert [t["id"] for t in meta["types"]] == ["state", "official", "person", "group"]
    assert [t["label"] for t in meta["types"]] == [TYPE_LABELS[t] for t in
                                                   ("state", "official", "person", "group")]
    by_id = {n["id"]: n for n in data["nodes"]}
    azurie = by_id["azurie"]
    assert azurie["l"] == "République d'Azurie" and azurie["t"] == "state"
    assert azurie["m"] == 4 and azurie["a"] == 3
    assert "azuréenne" in azurie["al"]
    assert by_id["marchetti"]["r"] == "ministre des Affaires étrangères"
    assert by_id["marchetti"]["f"] == "Azurie"
    # Nodes have precomputed, finite, distinct positions.
    xy = {(n["x"], n["y"]) for n in data["nodes"]}
    assert len(xy) == len(data["nodes"])
    # Edges name nodes by index; evidence points into the article table.
    ids = [n["id"] for n in data["nodes"]]
    pairs = {frozenset((ids[e["s"]], ids[e["t"]])): e for e in data["edges"]}
    edge = pairs[frozenset(("azurie", "brumeland"))]
    assert edge["w"] == 3
    texts = [text for _, text in edge["ev"]]
    assert "L'Azurie et le Brumeland ont signé un accord de pêche à Port-Lune." in texts
    art = data["articles"][edge["ev"][0][0]]
    assert art == ["art-1", "Accord de pêche entre Azurie et Brumeland", "2023-05-04"]


def test_payloads_are_escaped_in_the_json_block(tmp_path: Path) -> None:
    target = tmp_path / "evil.html"
    render_html(payload_graph(), target)
    text = target.read_text(encoding="utf-8")
    parsed = _parse(text)
    # Still exactly three scripts: no payload opened or closed one.
    assert len(parsed.scripts) == 3
    block = [body for attrs, body in parsed.scripts if attrs.get("id") == "data"][0]
    for ch in "<>&\u2028\u2029":
        assert ch not in block
    # The title is escaped in <title>, and never present raw anywhere.
    assert "<title>Essai &lt;script&gt;window.__pwned=1&lt;/script&gt;</title>" in text
    assert "window.__pwned=1</script>" not in text
    # The strings survive intact as data.
    data = json.loads(block)
    dumped = json.dumps(data, ensure_ascii=False)
    for payload in PAYLOADS:
        assert json.dumps(payload, ensure_ascii=False)[1:-1] in dumped, payload


def test_safe_json_escapes_separators_and_surrogates() -> None:
    value = {"a": "x\u2028y\u2029z</script><!--&", "b": "\ud800"}
    text = safe_json(value)
    assert not set(text) & set("<>&\u2028\u2029")
    assert "\\u2028" in text and "\\u003c/script\\u003e" in text and "\\ud800" in text
    assert json.loads(text) == value


def test_max_nodes_keeps_the_most_connected(tmp_path: Path) -> None:
    g = nx.star_graph(6)  # hub 0 and six leaves
    g.add_edge(1, 2)
    nx.relabel_nodes(g, {i: f"n{i}" for i in range(7)}, copy=False)
    for i, node in enumerate(g.nodes):
        g.nodes[node].update(label=f"Acteur {i}", type="state", mentions=1, articles=1)
    for u, v in g.edges:
        g.edges[u, v].update(weight=1, sentences=0, evidence=[])
    info = render_html(g, tmp_path / "g.html", max_nodes=3)
    assert (info.nodes_shown, info.nodes_total, info.left_out) == (3, 7, 4)
    data = _data((tmp_path / "g.html").read_text(encoding="utf-8"))
    assert {n["id"] for n in data["nodes"]} == {"n0", "n1", "n2"}
    assert data["meta"]["left_out"] == 4
    assert info.edges_shown == 3 and info.edges_total == 7
    assert str(info) == (f"Wrote {tmp_path / 'g.html'}: 3 of 7 actors, 3 edges "
                         "(4 less connected actors left out)")


def test_render_info_str_when_everything_is_shown(small_page: tuple[Path, RenderInfo]) -> None:
    target, info = small_page
    assert str(info) == f"Wrote {target}: 6 actors, {info.edges_shown} edges"


def test_types_and_min_weight(tmp_path: Path) -> None:
    g = small_graph()
    info = render_html(g, tmp_path / "t.html", types=["state", "Official "])
    data = _data((tmp_path / "t.html").read_text(encoding="utf-8"))
    assert {n["t"] for n in data["nodes"]} == {"state", "official"}
    assert info.nodes_shown == 4 and info.types == ("state", "official")
    assert "types: state, official" in str(info)
    info = render_html(g, tmp_path / "w.html", min_weight=2)
    data = _data((tmp_path / "w.html").read_text(encoding="utf-8"))
    assert data["edges"] and all(e["w"] >= 2 for e in data["edges"])
    assert info.edges_shown == sum(1 for *_, d in g.edges(data=True) if d["weight"] >= 2)
    assert data["meta"]["min_weight"] == 2
    with pytest.raises(ActorGraphError, match="unknown actor type 'country'"):
        render_html(g, tmp_path / "x.html", types=["country"])
    with pytest.raises(ActorGraphError):
        select_subgraph(g, max_nodes=0)
    assert not (tmp_path / "x.html").exists()


def test_render_file_reads_a_saved_graph(tmp_path: Path) -> None:
    source = tmp_path / "graph.graphml"
    nx.write_graphml(flatten(small_graph()), source)
    info = render_file(source, tmp_path / "out" / "view.html", max_nodes=4)
    assert info.nodes_shown == 4 and info.nodes_total == 6
    data = _data((tmp_path / "out" / "view.html").read_text(encoding="utf-8"))
    edge = data["edges"][0]
    assert isinstance(edge["w"], int) and edge["ev"]
    with pytest.raises(GraphFormatError):
        render_file(tmp_path / "missing.graphml", tmp_path / "m.html")


def test_render_is_atomic_and_readable(tmp_path: Path) -> None:
    target = tmp_path / "graph.html"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(ActorGraphError):
        render_html(small_graph(), target, types=["nope"])
    assert target.read_text(encoding="utf-8") == "old"
    render_html(small_graph(), target)
    assert target.stat().st_mode & 0o044  # group/others may read the page
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]


def test_empty_graph_renders(tmp_path: Path) -> None:
    info = render_html(nx.Graph(), tmp_path / "empty.html")
    assert (info.nodes_shown, info.edges_shown) == (0, 0)
    data = _data((tmp_path / "empty.html").read_text(encoding="utf-8"))
    assert data["nodes"] == [] and data["meta"]["title"] == "actorgraph"


def test_layout_is_deterministic_and_spread() -> None:
    g = nx.gnm_random_graph(300, 900, seed=3)
    e = np.array(list(g.edges()))
    a = layout_positions(300, e[:, 0], e[:, 1], np.ones(len(e)))
    b = layout_positions(300, e[:, 0], e[:, 1], np.ones(len(e)))
    assert np.array_equal(a, b)
    assert np.isfinite(a).all() and np.abs(a).max() == pytest.approx(1.0)
    # No two nodes on top of each other.
    d = np.sqrt(((a[:, None, :] - a[None, :, :]) ** 2).sum(-1)) + np.eye(300)
    assert d.min() > 1e-4


def test_big_graph_data_is_compact_and_fast(tmp_path: Path) -> None:
    import time

    g = random_graph(2000, 10000)
    start = time.perf_counter()
    data, info = page_data(g, max_nodes=2000)
    elapsed = time.perf_counter() - start
    assert info.nodes_shown == 2000 and info.edges_shown == 10000
    assert elapsed < 15, elapsed
    _, info = page_data(g)
    assert info.nodes_shown == 500 and info.left_out == 1500


def test_cli_render(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from pipelines.cli import app

    source = tmp_path / "graph.graphml"
    nx.write_graphml(flatten(small_graph()), source)
    runner = CliRunner()
    result = runner.invoke(app, ["render", str(source), "--max-nodes", "3",
                                 "--type", "state,official"])
    assert result.exit_code == 0, result.output
    target = tmp_path / "graph.html"
    assert result.output.strip() == (f"Wrote {target}: 3 of 6 actors, 3 edges "
                                     "(1 less connected actor left out; types: state, official)")
    assert {n["t"] for n in _data(target.read_text(encoding="utf-8"))["nodes"]} <= {
        "state", "official"}
    result = runner.invoke(app, ["render", str(source), "--type", "country"])
    assert result.exit_code == 1 and "unknown actor type 'country'" in result.output


def test_dots_do_not_overlap() -> None:
    from graph.html import node_radii, separate

    rng = np.random.default_rng(5)
    pos = rng.random((60, 2)) * 300  # crowded on purpose
    pos[1] = pos[0]  # two identical points
    radii = node_radii(rng.integers(1, 100, 60).astype(float))
    out = separate(pos, radii, margin=10, iterations=400)
    d = np.sqrt(((out[:, None] - out[None]) ** 2).sum(-1)) + np.eye(60) * 1e9
    assert (d - (radii[:, None] + radii[None] + 10)).min() > -1.0
