"""Time to load a saved graph of OrangeSum scale in a fresh Python interpreter.

Generates a synthetic graph in actorgraph's schema — 20,000 actors, 200,000 links, a
34,000-article ``article_index``, up to five evidence sentences of about 200 characters
and the article ids on every link — writes it with :func:`graph.readwrite.write`, then, in
fresh interpreters (cold: ``import graph`` is included), times ``graph.load`` of the
GraphML file, of the output folder, and of the GraphML without its fast-load sidecar
(the full XML parse), plus ``actor()`` / ``neighbors()`` on the most mentioned actors, a
first ``relation()`` and the first use of ``g.nx`` (which decodes the edge lists that the
sidecar path leaves as JSON until needed).

Usage: ``python benchmarks/load_speed.py [--nodes 20000] [--edges 200000]
[--articles 34000] [--runs 5] [--dir DIR] [--formats graphml,json]``. Target: load < 1 s.
With ``--dir`` the generated files are kept and reused by the next run.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import accumulate
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGET_S = 1.0

LOAD = """
import statistics, sys, time
t0 = time.perf_counter()
from graph import load
g = load(sys.argv[1])
t1 = time.perf_counter()
top = [r.actor for r in g.top(20)]  # most mentioned actors
times = []
for actor in top:
    q0 = time.perf_counter()
    g.actor(actor.label)
    g.neighbors(actor.label)
    times.append(time.perf_counter() - q0)
q0 = time.perf_counter()
g.relation(top[0].label, g.neighbors(top[0].label)[0].actor.label)
relation = time.perf_counter() - q0
q0 = time.perf_counter()
g.nx.edges(data=True)
full = time.perf_counter() - q0
print(f"{t1 - t0:.4f} {times[0] * 1000:.2f} {statistics.median(times) * 1000:.2f} "
      f"{relation * 1000:.2f} {full:.3f} {g.nx.number_of_nodes()} {g.nx.number_of_edges()}")
"""

_WORDS = ("le la les de du des un une et à au en pour avec sur dans par ministre président "
          "gouvernement armée accord sommet sanctions frontière élection transition "
          "Bamako Niamey Paris Moscou Alger Dakar Abuja Ouagadougou Bruxelles Kiev "
          "rencontre déclaration soutien coopération crise sécurité négociations").split()
_SYL = ["ka", "lo", "mi", "ra", "te", "zu", "an", "bel", "dor", "fen", "gar", "sol", "vi",
        "é", "ou", "ch"]


def synthetic_graph(n_nodes: int = 20_000, n_edges: int = 200_000, n_articles: int = 34_000,
                    seed: int = 1) -> nx.Graph:
    """A random graph with the attributes :func:`graph.build.build_graph` produces."""
    rng = random.Random(seed)
    corpus = " ".join(rng.choice(_WORDS) for _ in range(400_000))
    articles = {}
    for i in range(n_articles):
        date = f"20{rng.randint(15, 23)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        start = rng.randrange(len(corpus) - 120)
        articles[f"orangesum-{i:05d}"] = {"title": corpus[start:start + rng.randint(40, 110)],
                                          "date": date}
    art_ids = list(articles)
    types = ["state", "official", "person", "group"]
    g = nx.Graph()
    for i in range(n_nodes):
        name = "".join(rng.choice(_SYL) for _ in range(rng.randint(2, 4))).capitalize()
        kind = types[i % 4]
        ids = sorted(rng.sample(art_ids, min(len(art_ids), max(1, int(rng.paretovariate(1.2))))))
        per_article = [rng.randint(1, 4) for _ in ids]
        dates = sorted(articles[a]["date"] for a in ids)
        attrs: dict = {"label": f"{name} {i}", "type": kind,
                       "aliases": [f"{name} {i}", name, f"{name.upper()}"][: rng.randint(1, 3)],
                       "mentions": sum(per_article), "articles": len(ids), "article_ids": ids,
                       "article_mentions": per_article}
        if kind == "official":
            attrs["role"] = "ministre des Affaires étrangères"
            attrs["affiliation"] = "Mali"
            attrs["wikidata"] = f"Q{rng.randint(1000, 999999)}"
        attrs["first_seen"], attrs["last_seen"] = dates[0], dates[-1]
        g.add_node(f"{name.lower()}-{i}", **attrs)
    nodes = list(g.nodes)
    cumulative = list(accumulate(1.0 / (1 + i) ** 0.8 for i in range(n_nodes)))
    count = 0
    while count < n_edges:
        batch = rng.choices(nodes, cum_weights=cumulative, k=2 * (n_edges - count))
        for u, v in zip(batch[::2], batch[1::2], strict=True):
            if u == v or g.has_edge(u, v):
                continue
            weight = min(60, max(1, int(rng.paretovariate(1.3))))
            ids = sorted(rng.sample(art_ids, weight))
            sentences = rng.randint(0, 2 * weight)
            evidence = []
            for a in ids[: min(5, sentences)]:
                start = rng.randrange(len(corpus) - 260)
                text = corpus[start:start + rng.randint(140, 260)]
                evidence.append({"article": a, "title": articles[a]["title"],
                                 "date": articles[a]["date"], "text": text})
            dates = sorted(articles[a]["date"] for a in ids)
            g.add_edge(u, v, weight=weight, sentences=sentences, evidence=evidence,
                       article_ids=ids, first_seen=dates[0], last_seen=dates[-1])
            count += 1
            if count >= n_edges:
                break
    all_dates = sorted(a["date"] for a in articles.values())
    g.graph.update({"title": "OrangeSum (synthetic)", "window": "article",
                    "articles": len(articles), "date_min": all_dates[0],
                    "date_max": all_dates[-1], "article_index": articles})
    return g


def _time_load(target: Path, runs: int) -> list[list[float]]:
    rows = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", LOAD, str(target)], capture_output=True,
                             text=True, cwd=ROOT)
        if out.returncode != 0:
            sys.exit(f"load of {target} failed:\n{out.stderr}")
        rows.append([float(x) for x in out.stdout.split()])
    return rows


def _report(name: str, rows: list[list[float]]) -> float:
    def med(i: int) -> float:
        return statistics.median(r[i] for r in rows)

    load = med(0)
    runs = ", ".join(f"{r[0]:.2f}" for r in rows)
    print(f"{name:<34} load {load:6.3f} s (runs: {runs}); ratio to {TARGET_S:.0f} s: "
          f"{load / TARGET_S:.2f}")
    print(f"{'':<34} actor+neighbors: first {med(1):.1f} ms (builds the name index), median "
          f"{med(2):.2f} ms; first relation() {med(3):.1f} ms; first g.nx (decodes every "
          f"edge's lists) {med(4):.2f} s  [{int(rows[0][5])} nodes, {int(rows[0][6])} edges]")
    return load


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=20_000)
    ap.add_argument("--edges", type=int, default=200_000)
    ap.add_argument("--articles", type=int, default=34_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--dir", type=Path, default=None, help="keep (and reuse) the files here")
    ap.add_argument("--formats", default="graphml",
                    help="comma-separated: graphml, json, gexf (graphml is always timed)")
    ap.add_argument("--no-xml", action="store_true",
                    help="skip timing the full GraphML parse (slow)")
    args = ap.parse_args(argv)

    from graph import readwrite
    from graph.readwrite import sidecar

    folder = args.dir or Path(tempfile.mkdtemp(prefix="actorgraph-load-"))
    folder.mkdir(parents=True, exist_ok=True)
    graphml = folder / "graph.graphml"
    formats = [f for f in args.formats.split(",") if f and f != "graphml"]
    g = None
    if not graphml.is_file() or not sidecar.sidecar_path(graphml).is_file():
        t0 = time.perf_counter()
        g = synthetic_graph(args.nodes, args.edges, args.articles)
        print(f"generated {g.number_of_nodes()} nodes, {g.number_of_edges()} edges in "
              f"{time.perf_counter() - t0:.1f} s")
        t0 = time.perf_counter()
        readwrite.write(g, graphml)
        print(f"wrote {graphml} (+ sidecar) in {time.perf_counter() - t0:.1f} s")
    for fmt in formats:
        path = folder / f"graph.{fmt}"
        if not path.is_file():
            g = g if g is not None else readwrite.read(graphml)
            readwrite.write(g, path)
    sizes = {p.name: p.stat().st_size for p in folder.iterdir() if p.is_file()}
    print("files: " + ", ".join(f"{k} {v / 1e6:.1f} MB" for k, v in sorted(sizes.items())))

    load = _report("load(graph.graphml) [sidecar]", _time_load(graphml, args.runs))
    _report("load(folder) [sidecar]", _time_load(folder, args.runs))
    for fmt in formats:
        _report(f"load(graph.{fmt})", _time_load(folder / f"graph.{fmt}", max(1, args.runs // 2)))
    if not args.no_xml:
        bare = folder / "bare"
        bare.mkdir(exist_ok=True)
        shutil.copyfile(graphml, bare / "graph.graphml")  # no sidecar beside this copy
        _report("load(graph.graphml) [XML parse]", _time_load(bare / "graph.graphml", 1))
        shutil.rmtree(bare)
    if args.dir is None:
        shutil.rmtree(folder)
    print(f"result: load {load:.3f} s, {load / TARGET_S:.2f} x the {TARGET_S:.0f} s target")
    return 0 if load < TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
