"""The HTML view in a real headless Chromium (Debian's), opened from disk, offline.

Every request that is not the file itself is aborted and recorded; each test checks that
none was made and that the page logged no error.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest_browser import (
    CLOSE_SCRIPT,
    IMG_TAG,
    JS_LINK,
    JS_URL,
    PAYLOADS,
    QUOTES,
    SCRIPT_TAG,
    SVG_TAG,
    PageLog,
    browser_session,
    chromium_available,
    open_page,
    payload_graph,
    random_graph,
    small_graph,
)

from graph.html import render_html
from graph.schema import TYPE_LABELS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not chromium_available(),
                       reason="needs /usr/bin/chromium and the playwright package"),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from browser_session()


@pytest.fixture(scope="module")
def small_html(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    path = tmp_path_factory.mktemp("html") / "graph.html"
    return path, render_html(small_graph(), path)


@pytest.fixture()
def small_page(browser: Any, small_html: tuple[Path, Any]) -> Iterator[tuple[Any, PageLog]]:
    page, log = open_page(browser, small_html[0])
    yield page, log
    page.context.close()


def node_index(page: Any, node_id: str) -> int:
    return page.evaluate(
        "id => actorgraph.data.nodes.findIndex(n => n.id === id)", node_id)


def visible(page: Any) -> dict[str, list[int]]:
    """The nodes and edges the network draws (not hidden, ends not hidden)."""
    return page.evaluate("""() => ({
        nodes: actorgraph.network.body.nodeIndices.map(Number),
        edges: actorgraph.network.body.edgeIndices.map(Number),
    })""")


def dom_point(page: Any, *, node: int | None = None, edge: int | None = None) -> tuple[float,
                                                                                       float]:
    """Page coordinates of a node's centre or an edge's midpoint."""
    x, y = page.evaluate("""([node, edge]) => {
        const net = actorgraph.network;
        let p;
        if (node !== null) {
            p = net.getPositions([node])[node];
        } else {
            const e = actorgraph.edges.get(edge);
            const pos = net.getPositions([e.from, e.to]);
            p = {x: (pos[e.from].x + pos[e.to].x) / 2, y: (pos[e.from].y + pos[e.to].y) / 2};
        }
        const d = net.canvasToDOM(p);
        const box = document.getElementById('network').getBoundingClientRect();
        return [box.left + d.x, box.top + d.y];
    }""", [node, edge])
    return x, y


def test_loads_offline_with_every_node_and_edge(
    small_page: tuple[Any, PageLog], small_html: tuple[Path, Any]
) -> None:
    page, log = small_page
    info = small_html[1]
    counts = page.evaluate("[actorgraph.nodes.length, actorgraph.edges.length,"
                           " Object.keys(actorgraph.network.body.nodes).length]")
    assert counts == [info.nodes_shown, info.edges_shown, info.nodes_shown]
    assert page.evaluate("typeof window.actorgraphReady") == "number"
    assert page.locator("#loading").is_hidden()
    assert page.inner_text("#title") == "Azurie et Brumeland"
    summary = page.inner_text("#summary")
    assert "3 articles" in summary and "6 actors" in summary
    assert "2023-05-04" in summary and "2023-07-20" in summary
    assert page.locator("#notice").is_hidden()
    legend = page.inner_text("#legend")
    for t in ("state", "official", "person", "group"):
        assert TYPE_LABELS[t] in legend
    # Physics is off: the precomputed layout is drawn as is.
    assert page.evaluate("actorgraph.network.physics.physicsEnabled") is False
    log.assert_clean()


def test_search_by_alias_focuses_and_opens_the_panel(small_page: tuple[Any, PageLog]) -> None:
    page, log = small_page
    azurie = node_index(page, "azurie")
    # An alias, in another case and without its accent.
    page.fill("#search", "AZUREENNE")
    page.press("#search", "Enter")
    assert page.evaluate("actorgraph.network.getSelectedNodes()") == [azurie]
    panel = page.locator("#panel")
    assert panel.is_visible()
    assert page.inner_text("#panel h2") == "République d'Azurie"
    assert "State" in page.inner_text("#panel")
    assert "azuréenne" in page.inner_text("#panel .aliases")
    # The view moved onto the actor.
    page.wait_for_timeout(700)
    centre = page.evaluate("""id => {
        const p = actorgraph.network.getPositions([id])[id];
        const v = actorgraph.network.getViewPosition();
        return Math.hypot(p.x - v.x, p.y - v.y);
    }""", azurie)
    assert centre < 5
    # Accent-insensitive on the name too, and picking a suggestion finds it at once.
    page.fill("#search", "")
    page.type("#search", "elodie marchetti")
    marchetti = node_index(page, "marchetti")
    assert page.evaluate("actorgraph.network.getSelectedNodes()") == [marchetti]
    assert page.inner_text("#panel h2") == "Élodie Marchetti"
    panel_text = page.inner_text("#panel")
    assert "ministre des Affaires étrangères" in panel_text and "Azurie" in panel_text
    # Suggestions list every name and alias.
    options = page.evaluate("[...document.querySelectorAll('#actor-names option')]"
                            ".map(o => o.value)")
    assert {"République d'Azurie", "azuréenne", "Marchetti", "Brumeland"} <= set(options)
    page.fill("#search", "Atlantide")
    page.press("#search", "Enter")
    assert "No actor matches" in page.inner_text("#search-status")
    log.assert_clean()


def test_strongest_neighbours_are_clickable(small_page: tuple[Any, PageLog]) -> None:
    page, log = small_page
    page.evaluate("i => actorgraph.showNode(i, false)", node_index(page, "brumeland"))
    items = page.locator("#panel .neighbours li")
    assert items.count() == 5
    first = items.nth(0).inner_text()
    assert "République d'Azurie" in first and "3 articles" in first
    items.nth(0).locator("button[data-node]").click()
    assert page.inner_text("#panel h2") == "République d'Azurie"
    page.locator("#panel .neighbours li").nth(0).locator("button[data-edge]").click()
    assert page.inner_text("#panel h2") == "République d'Azurie — Brumeland"
    log.assert_clean()


def test_type_filter_hides_the_other_types(small_page: tuple[Any, PageLog]) -> None:
    page, log = small_page
    types = page.evaluate("actorgraph.data.nodes.map(n => n.t)")
    ends = page.evaluate("actorgraph.data.edges.map(e => [e.s, e.t])")
    page.locator("#legend label", has_text=TYPE_LABELS["state"]).locator("input").uncheck()
    shown = visible(page)
    assert sorted(shown["nodes"]) == [i for i, t in enumerate(types) if t != "state"]
    assert sorted(shown["edges"]) == [j for j, (s, t) in enumerate(ends)
                                      if types[s] != "state" and types[t] != "state"]
    assert "Showing 4 actors" in page.inner_text("#visible-count")
    assert len(page.evaluate("actorgraph.nodes.get({filter: n => !n.hidden})")) == 4
    # Searching a hidden actor brings its type back.
    page.fill("#search", "brumeland")
    page.press("#search", "Enter")
    assert page.locator("#legend label", has_text="State").locator("input").is_checked()
    assert len(visible(page)["nodes"]) == len(types)
    log.assert_clean()


def test_min_weight_slider_hides_light_edges(small_page: tuple[Any, PageLog]) -> None:
    page, log = small_page
    weights = page.evaluate("actorgraph.data.edges.map(e => e.w)")
    assert min(weights) == 1 and max(weights) == 3
    assert page.get_attribute("#min-weight", "max") == "3"
    slider = page.locator("#min-weight")
    slider.focus()
    page.keyboard.press("ArrowRight")  # 1 -> 2, like a user would
    assert page.input_value("#min-weight") == "2"
    assert sorted(visible(page)["edges"]) == [j for j, w in enumerate(weights) if w >= 2]
    assert "2 articles" in page.inner_text("#min-weight-value")
    heavy = sum(1 for w in weights if w >= 2)
    assert f"Showing 6 actors, {heavy} links" in page.inner_text("#visible-count")
    page.keyboard.press("ArrowLeft")
    assert len(visible(page)["edges"]) == len(weights)
    log.assert_clean()


def test_clicking_a_node_and_an_edge_with_the_mouse(small_page: tuple[Any, PageLog]) -> None:
    page, log = small_page
    kessler = node_index(page, "kessler")
    page.mouse.click(*dom_point(page, node=kessler))
    assert page.inner_text("#panel h2") == "Otto Kessler"
    assert "ministre de la Défense" in page.inner_text("#panel")
    # The Azurie-Brumeland edge: find a point on it that hits nothing else.
    ids = page.evaluate("actorgraph.data.nodes.map(n => n.id)")
    ends = page.evaluate("actorgraph.data.edges.map(e => [e.s, e.t])")
    j = next(j for j, (s, t) in enumerate(ends)
             if {ids[s], ids[t]} == {"azurie", "brumeland"})
    x, y = dom_point(page, edge=j)
    hit = page.evaluate("""([x, y]) => {
        const box = document.getElementById('network').getBoundingClientRect();
        const p = {x: x - box.left, y: y - box.top};
        return [actorgraph.network.getNodeAt(p), actorgraph.network.getEdgeAt(p)];
    }""", [x, y])
    assert hit == [None, j]
    page.mouse.click(x, y)
    panel = page.inner_text("#panel")
    assert page.inner_text("#panel h2") == "République d'Azurie — Brumeland"
    assert "L'Azurie et le Brumeland ont signé un accord de pêche à Port-Lune." in panel
    assert "Accord de pêche entre Azurie et Brumeland · 2023-05-04" in panel
    # Hovering shows a plain-text tooltip.
    page.mouse.move(*dom_point(page, node=kessler))
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible")
    assert tooltip.inner_text().startswith("Otto Kessler")
    assert "Aliases: " in tooltip.inner_text()
    # An edge's tooltip quotes its evidence.
    page.mouse.move(0, 0)
    page.mouse.move(x, y)
    page.wait_for_function("""() => {
        const t = document.querySelector('div.vis-tooltip');
        return t && t.innerText.includes('Port-Lune');
    }""")
    page.keyboard.press("Escape")
    assert page.locator("#panel").is_hidden()
    log.assert_clean()


def test_payloads_stay_text(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "evil.html"
    info = render_html(payload_graph(), path)
    page, log = open_page(browser, path)
    try:
        assert page.evaluate("actorgraph.nodes.length") == info.nodes_shown == 4
        assert page.inner_text("#title") == f"Essai {SCRIPT_TAG}"
        assert page.title() == f"Essai {SCRIPT_TAG}"
        seen: set[str] = set()
        n_nodes = info.nodes_shown
        for i in range(n_nodes):
            x, y = dom_point(page, node=i)
            page.mouse.move(x, y)
            page.locator("div.vis-tooltip").wait_for(state="visible")
            label = page.evaluate("i => actorgraph.data.nodes[i].l", i)
            assert page.inner_text("div.vis-tooltip").startswith(label)
            page.mouse.click(x, y)
            if page.evaluate("actorgraph.network.getSelectedNodes()") != [i]:
                page.evaluate("i => actorgraph.showNode(i, false)", i)  # overlapped: use API
            assert page.inner_text("#panel h2") == label
            seen.add(page.inner_text("#panel"))
        for j in range(info.edges_shown):
            page.evaluate("j => actorgraph.showEdge(j)", j)
            seen.add(page.inner_text("#panel"))
            x, y = dom_point(page, edge=j)
            page.mouse.move(x, y)
            page.mouse.click(x, y)
            seen.add(page.inner_text("#panel"))
            page.evaluate("""j => actorgraph.network.setSelection(
                {nodes: [], edges: [j]}, {unselectAll: true})""", j)
        text = "\n".join(seen)
        for payload in PAYLOADS:
            assert payload in text, payload
        # Names, roles, aliases and evidence all reached the panel verbatim.
        assert f"Groupe {SCRIPT_TAG}" in text and CLOSE_SCRIPT in text
        assert f"ministre {IMG_TAG} \"des\" 'cultes'" in text and JS_URL in text
        assert f"Titre {SCRIPT_TAG} {IMG_TAG} · 2024-01-15" in text
        assert f"{QUOTES} : {JS_URL} {SVG_TAG}" in text and JS_LINK in text
        page.wait_for_timeout(300)  # give any injected handler a chance to fire
        assert page.evaluate("typeof window.__pwned") == "undefined"
        dom = page.evaluate("""() => ({
            scripts: document.querySelectorAll('script').length,
            imgs: document.querySelectorAll('img, svg, iframe, object, embed').length,
            links: document.querySelectorAll('a').length,
        })""")
        assert dom == {"scripts": 3, "imgs": 0, "links": 0}
        log.assert_clean()
    finally:
        page.context.close()


def test_left_out_actors_are_announced(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "big.html"
    info = render_html(random_graph(650, 1800), path, max_nodes=500)
    assert info.left_out == 150
    page, log = open_page(browser, path)
    try:
        assert page.evaluate("actorgraph.nodes.length") == 500
        notice = page.inner_text("#notice")
        assert "500 most connected of 650 actors" in notice
        assert "150 less connected actors left out" in notice
        log.assert_clean()
    finally:
        page.context.close()


def test_big_graph_is_interactive_within_seconds(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    render_html(random_graph(2000, 10000), path, max_nodes=2000)
    page, log = open_page(browser, path)
    try:
        ready_ms = page.evaluate("window.actorgraphReady")
        assert ready_ms < 10_000, ready_ms  # benchmarks/html_tti.py holds the 5 s target
        assert page.evaluate("actorgraph.edges.length") == 10000
        alias = page.evaluate("actorgraph.data.nodes[1234].al[1]")  # a bare name
        page.fill("#search", alias.lower())
        page.press("#search", "Enter")
        assert page.locator("#panel").is_visible()
        assert alias in page.inner_text("#panel h2")
        log.assert_clean()
    finally:
        page.context.close()


# --------------------------------------------------------------------------- end to end

EVIL_ARTICLES = {
    "a1.txt": (
        f"Titre {SCRIPT_TAG} : le Niger et le Tchad\n"
        "Publié le 3 mars 2023\n\n"
        f"Le Niger et le Tchad ont signé un accord {IMG_TAG} à Niamey.\n\n"
        f"Selon le ministre, « le Tchad {CLOSE_SCRIPT} restera un partenaire du Niger ».\n"
    ),
    "a2.txt": (
        f"{JS_LINK} : {QUOTES}\n"
        "date 2023-04-10\n\n"
        f"Le Sénégal et le Niger discutent de sécurité : {JS_URL} {SVG_TAG}.\n\n"
        "Le président du Sénégal a reçu son homologue du Tchad à Dakar.\n"
    ),
}
EVIL_RENAMES = [
    {"name": "Niger", "action": "rename", "value": f"Niger {SCRIPT_TAG}"},
    {"name": "Tchad", "action": "rename", "value": f"Tchad {IMG_TAG} {QUOTES}"},
]


def _panel_texts(page: Any) -> str:
    """Open every node's and every edge's panel; return all the text they showed."""
    seen = []
    for i in range(page.evaluate("actorgraph.nodes.length")):
        x, y = dom_point(page, node=i)
        page.mouse.move(x, y)
        page.mouse.click(x, y)
        page.evaluate("i => actorgraph.showNode(i, false)", i)
        seen.append(page.inner_text("#panel"))
    for j in range(page.evaluate("actorgraph.edges.length")):
        x, y = dom_point(page, edge=j)
        page.mouse.move(x, y)
        page.mouse.click(x, y)
        page.evaluate("j => actorgraph.showEdge(j)", j)
        seen.append(page.inner_text("#panel"))
    return "\n".join(seen)


@pytest.mark.slow
def test_cli_build_of_hostile_articles_renders_them_as_text(browser: Any,
                                                            tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from pipelines.cli import app

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in EVIL_ARTICLES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    aliases = tmp_path / "aliases.jsonl"
    aliases.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in EVIL_RENAMES),
                       encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["build", str(corpus), "--out", str(out),
                                      "--aliases", str(aliases), "--no-progress"])
    assert result.exit_code == 0, result.output
    page, log = open_page(browser, out / "graph.html")
    try:
        assert page.evaluate("actorgraph.nodes.length") >= 3
        assert page.evaluate("actorgraph.edges.length") >= 2
        text = _panel_texts(page)
        # Names (renamed by the analyst), titles and sentences, all verbatim.
        assert f"Niger {SCRIPT_TAG}" in text
        assert f"Tchad {IMG_TAG} {QUOTES}" in text
        assert f"Titre {SCRIPT_TAG} : le Niger et le Tchad" in text
        assert f"un accord {IMG_TAG} à Niamey." in text
        assert CLOSE_SCRIPT in text
        assert f"{JS_URL} {SVG_TAG}" in text and JS_LINK in text
        page.wait_for_timeout(300)
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert page.evaluate("document.querySelectorAll('script').length") == 3
        assert page.evaluate(
            "document.querySelectorAll('img, svg, iframe, object, embed, a').length") == 0
        log.assert_clean()
    finally:
        page.context.close()


@pytest.mark.slow
def test_sample_build_page(browser: Any, sample_build: tuple[Path, Any]) -> None:
    from graph.readwrite import read

    out, _ = sample_build
    g = read(out / "graph.graphml")
    page, log = open_page(browser, out / "graph.html")
    try:
        assert page.evaluate("actorgraph.nodes.length") == min(500, g.number_of_nodes())
        assert page.evaluate("actorgraph.edges.length") == g.number_of_edges()
        page.fill("#search", "SERGUEI LAVROV")
        page.press("#search", "Enter")
        assert "Lavrov" in page.inner_text("#panel h2")
        assert page.locator("#panel .neighbours li").count() > 0
        log.assert_clean()
    finally:
        page.context.close()
