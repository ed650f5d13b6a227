"""The time bar of the HTML view in a real headless Chromium: setDateRange, the range
sliders and the play button filter the network, and the visible counts agree with
``g.between`` for the same range."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest_browser import (
    browser_session,
    chromium_available,
    open_page,
    state_sentence_docs,
)

from graph import load
from graph.build import build_graph
from graph.html import render_html
from graph.model import ActorGraph
from graph.records import EntityInfo
from graph.timeline import stamp

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not chromium_available(),
                       reason="needs /usr/bin/chromium and the playwright package"),
]

STATES = ["azurie", "brumeland", "corvanie", "dalmorie", "estrelle", "fjordie", "galmance"]


def dated_graph() -> ActorGraph:
    """Invented states over 13 articles from 2019-11 to 2020-12, plus one undated."""
    rows = [(f"a{i:02d}", f"{2019 + (i + 10) // 12}-{(i + 10) % 12 + 1:02d}-15",
             [STATES[i % 7], STATES[(i * 3 + 1) % 7]] + ([STATES[(i + 4) % 7]] if i % 3 else []))
            for i in range(14) if i != 5]
    rows.append(("sans-date", None, ["azurie", "galmance"]))
    entities = {s: EntityInfo(s, s.capitalize(), "state") for s in STATES}
    docs = state_sentence_docs([(art, when, list(dict.fromkeys(names)))
                                for art, when, names in rows],
                               ending=" ont signé un accord.", title="Article {}")
    return ActorGraph(stamp(build_graph(docs, entities, title="Sept États")))


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from browser_session()


@pytest.fixture(scope="module")
def dated(tmp_path_factory: pytest.TempPathFactory) -> tuple[ActorGraph, Path]:
    folder = tmp_path_factory.mktemp("timebar")
    g = dated_graph()
    g.write(folder / "graph.graphml")
    page = folder / "graph.html"
    render_html(load(folder).nx, page)
    return load(folder), page


def shown(page: Any) -> tuple[int, int]:
    text = page.inner_text("#visible-count")
    m = re.search(r"Showing (\d[\d,]*) actors?, (\d[\d,]*) links?", text)
    assert m, text
    return int(m.group(1).replace(",", "")), int(m.group(2).replace(",", ""))


def expected(g: ActorGraph, since: str | None, until: str | None,
             page_ids: set[str] | None = None) -> tuple[int, int]:
    sub = g.between(since, until)
    nodes = {a.id for a in sub.actors()} & (page_ids if page_ids is not None else set(sub.nx))
    edges = [(u, v) for u, v in sub.nx.edges() if u in nodes and v in nodes]
    return len(nodes), len(edges)


def test_set_date_range_agrees_with_between(browser: Any, dated: tuple[ActorGraph, Path]
                                            ) -> None:
    g, path = dated
    page, log = open_page(browser, path)
    try:
        assert page.locator("#timebar").is_visible()
        assert shown(page) == (len(g), g.nx.number_of_edges())  # open: undated included
        assert "1 undated article (shown)" in page.inner_text("#timebar")
        for since, until in [("2020", "2020"), ("2019-11", "2020-02"), ("2020-06", None),
                             (None, "2020-03"), ("2021-01-01", "2021-03-31"),
                             ("2020-05", "2020-05")]:
            got = page.evaluate("([a, b]) => actorgraph.setDateRange(a, b)", [since, until])
            assert shown(page) == expected(g, since, until), (since, until)
            assert got["open"] is False
            articles = len(g.between(since, until).nx.graph["article_index"])
            assert got["articles"] == articles
            assert f"{articles} article" in page.inner_text("#tb-label")
        # the weight of a link is recomputed for the range
        page.evaluate("actorgraph.setDateRange('2020', '2020')")
        sub = g.between("2020", "2020")
        u, v, data = max(sub.nx.edges(data=True), key=lambda e: e[2]["weight"])
        j = page.evaluate("""([u, v]) => actorgraph.data.edges.findIndex(e =>
            [actorgraph.data.nodes[e.s].id, actorgraph.data.nodes[e.t].id].sort().join()
            === [u, v].sort().join())""", [u, v])
        assert page.evaluate("j => actorgraph.timeFilter.weight(j)", j) == data["weight"]
        # an empty range shows nothing; null, null is the open range again
        page.evaluate("actorgraph.setDateRange('2030', null)")
        assert shown(page) == (0, 0)
        back = page.evaluate("actorgraph.setDateRange(null, null)")
        assert back["open"] is True and back["articles"] == 14  # 13 dated, 1 undated
        assert shown(page) == (len(g), g.nx.number_of_edges())
        log.assert_clean()
    finally:
        page.context.close()


def test_range_sliders_play_and_cards(browser: Any, dated: tuple[ActorGraph, Path]) -> None:
    g, path = dated
    page, log = open_page(browser, path)
    try:
        months = page.evaluate("actorgraph.data.meta.months")
        assert (months[0], months[-1], len(months)) == ("2019-11", "2020-12", 14)
        # drag the first-month thumb with the keyboard, as a user could
        page.focus("#tb-from")
        for _ in range(2):
            page.keyboard.press("ArrowRight")
        assert page.evaluate("actorgraph.dateRange().from") == months[2]
        assert shown(page) == expected(g, months[2], months[-1])
        page.focus("#tb-to")
        for _ in range(3):
            page.keyboard.press("ArrowLeft")
        assert shown(page) == expected(g, months[2], months[-4])
        # clicking a month's bar selects that month
        page.click(f"#tb-hist .tb-cell[data-month='{months[5]}']")  # a month without articles
        assert shown(page) == expected(g, months[5], months[5])
        # play steps through periods of the current width
        page.evaluate("actorgraph.setDateRange('2019-11', '2020-01')")
        page.click("#timebar .tb-play")
        seen = [page.evaluate("actorgraph.dateRange().from")]
        deadline = time.monotonic() + 10
        while seen[-1] != "2020-05" and time.monotonic() < deadline:
            page.wait_for_timeout(100)
            if page.evaluate("actorgraph.dateRange().from") != seen[-1]:
                seen.append(page.evaluate("actorgraph.dateRange().from"))
        assert seen[-1] == "2020-05"  # 2019-11, 2020-02, 2020-05: steps of three months
        page.click("#timebar .tb-play")  # pause
        assert page.inner_text("#timebar .tb-play").endswith("Play")
        # cards: mentions per month for an actor, articles over time for a link
        page.evaluate("actorgraph.setDateRange(null, null)")
        page.evaluate("actorgraph.search('Azurie')")
        assert "mentions per month" in page.inner_text("#panel").lower()
        page.evaluate("actorgraph.showEdge(0)")
        assert "articles over time" in page.inner_text("#panel").lower()
        log.assert_clean()
    finally:
        page.context.close()


ORANGESUM_OUT = os.environ.get("ACTORGRAPH_TIME_BUILD", "")


@pytest.mark.slow
@pytest.mark.skipif(not ORANGESUM_OUT or not Path(ORANGESUM_OUT, "graph.html").is_file(),
                    reason="set ACTORGRAPH_TIME_BUILD to a build folder (e.g. OrangeSum)")
def test_big_build_page_agrees_with_between(browser: Any) -> None:
    """On a real build (the done-when uses OrangeSum's world and politics file): the page
    shows the most connected actors, so the counts are compared on those."""
    out = Path(ORANGESUM_OUT)
    g = load(out)
    page, log = open_page(browser, out / "graph.html")
    try:
        page.evaluate("actorgraph.setLinkMode && actorgraph.setLinkMode('all')")  # not the backbone
        ids = set(page.evaluate("actorgraph.data.nodes.map(n => n.id)"))
        for since, until in [("2017", "2017"), ("2019-01", "2019-06"), ("2020-03", None)]:
            page.evaluate("([a, b]) => actorgraph.setDateRange(a, b)", [since, until])
            assert shown(page) == expected(g, since, until, ids), (since, until)
        log.assert_clean()
    finally:
        page.context.close()
