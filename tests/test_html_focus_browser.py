"""The readable view of a big graph, in headless Chromium: the backbone drawn by default,
focus on one actor, labels that never overlap, colours by community.

The graph is generated (2,000 actors, 10,000 links), never taken from a corpus.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest_browser import (
    PageLog,
    browser_session,
    chromium_available,
    open_page,
    random_graph,
    small_graph,
)

from graph.html import render_html

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not chromium_available(),
                       reason="needs /usr/bin/chromium and the playwright package"),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from browser_session()


@pytest.fixture(scope="module")
def big_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "graph.html"
    render_html(random_graph(2000, 10000), path, max_nodes=2000)
    return path


@pytest.fixture()
def big_page(browser: Any, big_html: Path) -> Iterator[tuple[Any, PageLog]]:
    page, log = open_page(browser, big_html)
    yield page, log
    page.context.close()


def drawn_edges(page: Any) -> list[int]:
    return page.evaluate("actorgraph.network.body.edgeIndices.map(Number)")


def test_backbone_is_drawn_by_default(big_page: tuple[Any, PageLog]) -> None:
    page, log = big_page
    n_nodes = page.evaluate("actorgraph.nodes.length")
    assert n_nodes == 2000 and page.evaluate("actorgraph.edges.length") == 10000
    backbone = page.evaluate("actorgraph.data.meta.backbone")
    assert backbone["mode"] == "backbone"
    drawn = drawn_edges(page)
    assert 0 < len(drawn) <= 3 * n_nodes
    assert len(drawn) == dict(map(tuple, backbone["levels"]))[backbone["alpha"]]
    assert page.input_value("#link-mode") == str(backbone["alpha"])
    assert f"{len(drawn)} links" in page.inner_text("#visible-count")
    # All links are one choice away, and the weight slider still filters.
    page.select_option("#link-mode", "all")
    assert len(drawn_edges(page)) == 10000
    page.select_option("#link-mode", str(backbone["alpha"]))
    weights = page.evaluate("actorgraph.data.edges.map(e => e.w)")
    page.evaluate("""() => { const s = document.getElementById('min-weight');
        s.value = '2'; s.dispatchEvent(new Event('input')); }""")
    heavy = drawn_edges(page)
    assert heavy and set(heavy) < set(drawn) and all(weights[j] >= 2 for j in heavy)
    log.assert_clean()


def test_focus_fades_all_but_the_neighbours(big_page: tuple[Any, PageLog]) -> None:
    page, log = big_page
    ends = page.evaluate("actorgraph.data.edges.map(e => [e.s, e.t])")
    node_id = page.evaluate("actorgraph.data.nodes[25].id")
    assert page.evaluate("id => actorgraph.focus(id)", node_id) == 25
    neighbours = {t if s == 25 else s for s, t in ends if 25 in (s, t)}
    focused = set(page.evaluate("actorgraph.focused()"))
    assert focused == neighbours | {25}
    groups = page.evaluate("actorgraph.nodes.get().map(n => n.group)")
    faded = {i for i, g in enumerate(groups) if g == "~faded"}
    assert faded == set(range(2000)) - focused
    drawn = drawn_edges(page)
    assert all(ends[j][0] in focused and ends[j][1] in focused for j in drawn)
    assert {j for j, (s, t) in enumerate(ends) if 25 in (s, t)} <= set(drawn)
    assert page.locator("#focus-bar").is_visible()
    assert page.inner_text("#panel h2") == page.evaluate("actorgraph.data.nodes[25].l")
    # Labels: only the focused actors are named.
    named = {b[0] for b in page.evaluate("actorgraph.labels()")}
    assert 25 in named and named <= focused
    # By name as well; Escape ends it.
    name = page.evaluate("actorgraph.data.nodes[7].l")
    assert page.evaluate("n => actorgraph.focus(n)", name) == 7
    page.keyboard.press("Escape")
    assert page.evaluate("actorgraph.focused()") == []
    assert page.locator("#focus-bar").is_hidden()
    assert "~faded" not in set(page.evaluate("actorgraph.nodes.get().map(n => n.group)"))
    # The button and the API end it too.
    page.evaluate("actorgraph.focus(3)")
    page.click("#clear-focus")
    assert page.evaluate("actorgraph.focused()") == []
    page.evaluate("actorgraph.focus(3)")
    page.evaluate("actorgraph.clearFocus()")
    assert page.evaluate("actorgraph.focused()") == []
    assert page.evaluate("actorgraph.focus('no such actor at all')") is None
    log.assert_clean()


def test_search_and_click_focus(big_page: tuple[Any, PageLog]) -> None:
    page, log = big_page
    label = page.evaluate("actorgraph.data.nodes[40].l")
    page.fill("#search", label)
    page.press("#search", "Enter")
    focused = page.evaluate("actorgraph.focused()")
    assert 40 in focused and len(focused) < 2000
    # A click on the background clears the focus.
    box = page.locator("#network").bounding_box()
    page.wait_for_timeout(600)  # the view's animation
    spot = page.evaluate("""([w, h]) => {
        for (let y = 10; y < h; y += 17) for (let x = 10; x < w; x += 17) {
            const p = {x, y};
            if (actorgraph.network.getNodeAt(p) === undefined &&
                actorgraph.network.getEdgeAt(p) === undefined) return [x, y];
        }
        return null;
    }""", [box["width"], box["height"]])
    assert spot is not None
    page.mouse.click(box["x"] + spot[0], box["y"] + spot[1])
    assert page.evaluate("actorgraph.focused()") == []
    log.assert_clean()


def test_labels_never_overlap_and_grow_with_zoom(big_page: tuple[Any, PageLog]) -> None:
    page, log = big_page

    def boxes() -> list[list[float]]:
        page.evaluate("""() => new Promise(r => {
            actorgraph.network.once('afterDrawing', () => r()); actorgraph.network.redraw(); })""")
        return page.evaluate("actorgraph.labels()")

    def overlap(a: list[float], b: list[float]) -> bool:
        return a[1] < b[1] + b[3] and b[1] < a[1] + a[3] and a[2] < b[2] + b[4] \
            and b[2] < a[2] + a[4]

    first = boxes()
    assert first and all(not overlap(a, b) for k, a in enumerate(first) for b in first[k + 1:])
    mentions = page.evaluate("actorgraph.data.nodes.map(n => n.m)")
    assert first[0][0] == 0 and mentions[0] == max(mentions)  # the main actor first
    page.evaluate("actorgraph.network.moveTo({scale: actorgraph.network.getScale() * 4})")
    zoomed = boxes()
    assert all(not overlap(a, b) for k, a in enumerate(zoomed) for b in zoomed[k + 1:])
    width = page.evaluate("document.getElementById('network').clientWidth")
    height = page.evaluate("document.getElementById('network').clientHeight")
    area_first = len(first) / (width * height)
    assert len(zoomed) / (width * height) >= area_first  # as dense or denser: more names
    log.assert_clean()


def test_colour_by_community_names_them(big_page: tuple[Any, PageLog]) -> None:
    page, log = big_page
    communities = page.evaluate("actorgraph.data.meta.communities")
    assert communities and all(c["label"] for c in communities)
    page.select_option("#colour-mode", "community")
    legend = page.inner_text("#colour-legend")
    assert communities[0]["label"].split(" · ")[0] in legend
    groups = page.evaluate("actorgraph.nodes.get().map(n => n.group)")
    assert all(g.startswith("~cm") for g in groups)
    page.select_option("#colour-mode", "tone")
    assert all(g.startswith("~tone") for g in
               page.evaluate("actorgraph.nodes.get().map(n => n.group)"))
    page.select_option("#colour-mode", "type")
    types = page.evaluate("actorgraph.data.nodes.map(n => n.t)")
    assert page.evaluate("actorgraph.nodes.get().map(n => n.group)") == types
    log.assert_clean()


def test_neighbours_by_association_in_the_panel(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "small.html"
    render_html(small_graph(), path)
    page, log = open_page(browser, path)
    try:
        assert page.evaluate("actorgraph.data.meta.backbone.mode") == "all"
        assert len(drawn_edges(page)) == page.evaluate("actorgraph.edges.length")
        page.evaluate("actorgraph.focus('brumeland')")
        page.click("#panel button[data-rank=association]")
        items = page.locator("#panel ul.neighbours[data-rank=association] li")
        assert items.count() == 5
        assoc = page.evaluate("""() => {
            const i = actorgraph.data.nodes.findIndex(n => n.id === 'brumeland');
            return actorgraph.data.edges.filter(e => e.s === i || e.t === i)
                .map(e => e.as).sort((a, b) => b - a);
        }""")
        shown = [float(items.nth(k).inner_text().split("assoc. ")[1].split(" ")[0])
                 for k in range(5)]
        assert shown == [round(a, 2) for a in assoc]
        log.assert_clean()
    finally:
        page.context.close()
