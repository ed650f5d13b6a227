"""Time to interactive of the HTML view on a 2,000-actor, 10,000-edge graph.

Generates a random graph in actorgraph's schema, renders it with
:func:`graph.html.render_html` (``max_nodes`` high enough to draw everything), opens the
page from disk in headless Debian Chromium with every network request blocked, and
measures:

* ``ready``: navigation start → the first frame drawn (``window.actorgraphReady``);
* ``tti``: navigation start → a real mouse click on an actor has opened its side panel
  (the page is drawn *and* responds);
* the cost of one type-filter toggle and one redraw once loaded.

Usage: ``python benchmarks/html_tti.py [--nodes 2000] [--edges 10000] [--runs 3]``.
Target: ``tti`` under 5 s.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from itertools import accumulate
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.html import render_html  # noqa: E402

TARGET_S = 5.0
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def random_graph(n_nodes: int, n_edges: int, seed: int = 1) -> nx.Graph:
    """Random actors with skewed degrees, counts, aliases, dates and one evidence each."""
    rng = random.Random(seed)
    types = ["state", "official", "person", "group"]
    syl = ["ka", "lo", "mi", "ra", "te", "zu", "an", "bel", "dor", "fen", "gar", "sol", "vi"]
    g = nx.Graph()
    for i in range(n_nodes):
        name = "".join(rng.choice(syl) for _ in range(rng.randint(2, 4))).capitalize()
        mentions = max(1, int(rng.paretovariate(1.1)))
        g.add_node(f"n{i}", label=f"{name} {i}", type=rng.choice(types),
                   aliases=[f"{name} {i}", name], mentions=mentions,
                   articles=max(1, mentions // 2), first_seen="2022-01-03",
                   last_seen="2024-11-28")
    cumulative = list(accumulate(1.0 / (1 + i) ** 0.7 for i in range(n_nodes)))
    nodes = list(g.nodes)
    count = 0
    while count < n_edges:
        u, v = rng.choices(nodes, cum_weights=cumulative, k=2)
        if u == v:
            continue
        if g.has_edge(u, v):
            g.edges[u, v]["weight"] += 1
            continue
        ev = [{"article": f"a{rng.randint(0, 4999)}", "title": f"Dépêche {rng.randint(0, 4999)}",
               "date": f"2023-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
               "text": f"{g.nodes[u]['label']} s'est entretenu avec {g.nodes[v]['label']}."}]
        g.add_edge(u, v, weight=1, sentences=1, evidence=ev)
        count += 1
    g.graph.update(title="Benchmark", articles=5000, date_min="2022-01-03",
                   date_max="2024-11-28")
    return g


def measure(browser, path: Path) -> dict[str, float]:
    """One cold page load: ready, time to interactive, filter and redraw costs."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    blocked: list[str] = []
    errors: list[str] = []

    def route(r):
        if r.request.url.startswith("file:"):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    start = time.perf_counter()
    page.goto(path.as_uri(), wait_until="commit")
    page.wait_for_function("() => window.actorgraphReady !== undefined", timeout=60_000,
                           polling=10)
    # The most mentioned actor is node 0: click it where it is drawn.
    x, y = page.evaluate("""() => {
        const net = actorgraph.network;
        const d = net.canvasToDOM(net.getPositions([0])[0]);
        const box = document.getElementById('network').getBoundingClientRect();
        return [box.left + d.x, box.top + d.y];
    }""")
    page.mouse.click(x, y)
    page.wait_for_selector("#panel:not([hidden])", timeout=60_000)
    wall = time.perf_counter() - start
    ready_ms = page.evaluate("window.actorgraphReady")
    tti_ms = page.evaluate("performance.now()")
    filter_ms = page.evaluate("""() => {
        const box = document.querySelector('#legend-items input');
        const t0 = performance.now();
        box.click();
        const t1 = performance.now();
        box.click();
        return t1 - t0;
    }""")
    redraw_ms = page.evaluate("""() => new Promise(resolve => {
        const net = actorgraph.network;
        const t0 = performance.now();
        net.once('afterDrawing', () => resolve(performance.now() - t0));
        net.redraw();
    })""")
    context.close()
    if blocked or errors:
        raise SystemExit(f"page made requests {blocked} or errors {errors}")
    return {"ready": ready_ms / 1000, "tti": tti_ms / 1000, "wall": wall,
            "filter_ms": filter_ms, "redraw_ms": redraw_ms}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--edges", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    g = random_graph(args.nodes, args.edges)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "graph.html"
        t0 = time.perf_counter()
        info = render_html(g, path, max_nodes=args.nodes)
        render_s = time.perf_counter() - t0
        size_mb = path.stat().st_size / 1e6
        print(f"graph: {info.nodes_shown} actors, {info.edges_shown} edges; "
              f"render_html {render_s:.2f} s, page {size_mb:.1f} MB")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            try:
                runs = [measure(browser, path) for _ in range(args.runs)]
            finally:
                browser.close()
    for i, r in enumerate(runs, 1):
        print(f"run {i}: drawn {r['ready']:.2f} s, interactive {r['tti']:.2f} s "
              f"(wall {r['wall']:.2f} s), filter toggle {r['filter_ms']:.0f} ms, "
              f"redraw {r['redraw_ms']:.0f} ms")
    tti = statistics.median(r["tti"] for r in runs)
    print(f"time to interactive (median of {len(runs)}): {tti:.2f} s "
          f"= {tti / TARGET_S:.2f} x the {TARGET_S:.0f} s target "
          f"({'OK' if tti < TARGET_S else 'TOO SLOW'})")
    return 0 if tti < TARGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
