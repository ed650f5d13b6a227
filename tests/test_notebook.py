"""The graph in a notebook: a real notebook is executed by a kernel, its outputs checked,
and the inline view it produced opened in Chromium with the network blocked."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest_browser import (
    CLOSE_SCRIPT,
    SCRIPT_TAG,
    browser_session,
    chromium_available,
    payload_graph,
)

from graph.model import ActorGraph, example
from graph.notebook import actor_card, relation_card

ROOT = Path(__file__).resolve().parents[1]

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

CELLS = [
    f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
    "from graph.model import example\ng = example()\ng",
    "g.show(max_nodes=3, type='state')",
    "g.actor('Lavrov')",
    "g.relation('Russie', 'Mali')",
    "g.interactions('Mali')[0]",
    "g.diff('2021', '2022')",
    "from conftest_browser import payload_graph\n"
    "from graph.model import ActorGraph\n"
    "bad = ActorGraph(payload_graph())\n"
    "bad.actor('evil-group')",
]


def _html(cell: Any) -> str:
    for out in cell.outputs:
        data = out.get("data", {})
        if "text/html" in data:
            return data["text/html"]
    raise AssertionError(f"no HTML output: {cell.outputs}")


@pytest.fixture(scope="module")
def executed() -> Any:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(src) for src in CELLS]
    nb.cells[-1].source = (f"sys.path.insert(0, {str(ROOT / 'tests')!r})\n"
                           + nb.cells[-1].source)
    client = nbclient.NotebookClient(nb, timeout=180, kernel_name="python3",
                                     resources={"metadata": {"path": str(ROOT)}})
    client.execute()
    return nb


def _srcdoc(fragment: str) -> str:
    found = re.search(r"srcdoc='([^']*)'", fragment)
    assert found, fragment[:300]
    return html.unescape(found.group(1))


def test_the_graph_shows_inline_in_a_sandboxed_iframe(executed: Any) -> None:
    out = _html(executed.cells[0])
    assert out.count("<iframe") == 1 and 'sandbox="allow-scripts"' in out
    assert "allow-same-origin" not in out
    page = _srcdoc(out)
    assert page.startswith("<!DOCTYPE html>")
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    assert csp and "default-src 'none'" in html.unescape(csp.group(1))
    # the plain-text repr is still there for other front ends
    texts = [o["data"].get("text/plain", "") for o in executed.cells[0].outputs
             if "data" in o]
    assert any(t.startswith("<ActorGraph: 8 actors") for t in texts)


def test_show_takes_options_and_says_what_it_left_out(executed: Any) -> None:
    out = _html(executed.cells[1])
    assert "Showing the 3 most connected of 8 actors; types: state." in out
    page = _srcdoc(out)
    labels = re.findall(r'"l":"([^"]+)"', page)
    assert len(labels) == 3 and "Sergueï Lavrov" not in labels


def test_records_render_as_cards(executed: Any) -> None:
    actor = _html(executed.cells[2])
    assert 'data-kind="actor"' in actor and "<b>Sergueï Lavrov</b>" in actor
    assert "ministre des Affaires étrangères" in actor
    relation = _html(executed.cells[3])
    assert 'data-kind="relation"' in relation and "weight 2" in relation
    assert "verbal cooperation 1" in relation
    interaction = _html(executed.cells[4])
    assert 'data-kind="interaction"' in interaction and "<b>a reçu</b>" in interaction
    diff = _html(executed.cells[5])
    assert 'data-kind="diff"' in diff and "actors appeared" in diff


def test_cards_escape_every_string(executed: Any) -> None:
    card = _html(executed.cells[6])
    assert "<script" not in card and html.escape(SCRIPT_TAG) in card
    g = ActorGraph(payload_graph())
    for node in g.nx:
        assert "<script" not in actor_card(g.actor(node))
    for u, v in g.nx.edges:
        text = relation_card(g.relation(u, v), evidence=10)
        assert "<script" not in text and "<img" not in text and "<svg" not in text
        assert "</script" not in text.lower()
    assert html.escape(CLOSE_SCRIPT) in actor_card(g.actor("evil-person"))


# ----------------------------------------------------------------------------- browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not chromium_available():
        pytest.skip("needs /usr/bin/chromium and the playwright package")
    yield from browser_session()


def _open_in_chromium(browser: Any, fragment: str, tmp: Path) -> tuple[Any, Any, dict]:
    """The notebook output inside a plain page, from file://, every other request
    blocked; returns the page, the iframe's frame and what happened."""
    wrapper = tmp / "notebook_output.html"
    wrapper.write_text(f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>cell"
                       f"</title></head><body>{fragment}</body></html>", encoding="utf-8")
    context = browser.new_context(viewport={"width": 1200, "height": 900},
                                  service_workers="block")
    page = context.new_page()
    log: dict[str, list[str]] = {"requests": [], "blocked": [], "errors": []}

    def route(r: Any) -> None:
        if r.request.url.startswith("file:"):
            r.continue_()
        else:
            log["blocked"].append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("request", lambda r: log["requests"].append(r.url))
    page.on("pageerror", lambda e: log["errors"].append(str(e)))
    page.on("console", lambda m: log["errors"].append(m.text) if m.type == "error" else None)
    page.goto(wrapper.resolve().as_uri())
    page.wait_for_selector("iframe.actorgraph-view")
    frame = page.frame_locator("iframe.actorgraph-view")  # noqa: F841 - waits for it
    inner = None
    for _ in range(100):
        inner = next((f for f in page.frames if f != page.main_frame), None)
        if inner is not None:
            break
        page.wait_for_timeout(100)
    assert inner is not None, "the iframe never loaded"
    inner.wait_for_function("window.actorgraph && window.actorgraph.ready === true",
                            timeout=30_000)
    return page, inner, log


@pytest.mark.browser
def test_the_inline_view_runs_offline_in_chromium(executed: Any, browser: Any,
                                                  tmp_path: Path) -> None:
    page, inner, log = _open_in_chromium(browser, _html(executed.cells[1]), tmp_path)
    try:
        drawn = inner.evaluate("actorgraph.network.body.nodeIndices.length")
        assert drawn == 3
        assert inner.evaluate("document.getElementById('title').textContent") == \
            "Mali (exemple)"
        # sandboxed: an opaque origin that cannot reach the notebook around it
        assert inner.evaluate("""() => { try { return parent.document.title; }
                                         catch (e) { return 'blocked'; } }""") == "blocked"
        assert log["blocked"] == [], log["blocked"]
        assert all(u.startswith(("file:", "about:", "data:")) for u in log["requests"]), \
            log["requests"]
        assert log["errors"] == [], log["errors"]
    finally:
        page.context.close()


@pytest.mark.browser
def test_hostile_text_stays_text_inline(browser: Any, tmp_path: Path) -> None:
    fragment = ActorGraph(payload_graph())._repr_html_()
    page, inner, log = _open_in_chromium(browser, fragment, tmp_path)
    try:
        assert page.evaluate("window.__pwned") is None
        assert inner.evaluate("window.__pwned") is None
        title = inner.evaluate("document.getElementById('title').textContent")
        assert SCRIPT_TAG in title
        assert log["blocked"] == [] and log["errors"] == [], log
    finally:
        page.context.close()


def test_repr_html_limits_the_view_to_the_top_actors() -> None:
    g = example()
    view = g.show(max_nodes=2)
    assert view.info.nodes_shown == 2 and "most connected of 8 actors" in view.note()
    assert g.show().note() == ""  # everything shown: no note
    assert g._repr_html_().count("<iframe") == 1


def test_the_view_saves_its_page(tmp_path: Path) -> None:
    view = example().show(max_nodes=4)
    path = view.save(tmp_path / "vue.html")
    assert path.read_text(encoding="utf-8") == view.page
    assert view.page.count('<script type="application/json"') == 1
