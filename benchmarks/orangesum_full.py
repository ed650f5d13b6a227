"""The whole OrangeSum corpus (33,837 articles, one plain and one gzipped JSONL file):
build time, peak memory, graph size, and the time to load the graph in a Python shell.

Runs ``actorgraph build <orangesum folder> --out OUT`` as a subprocess, sampling the
resident memory of the build's whole process tree (main process and workers) from
``/proc`` every half second; then, in a fresh interpreter, times ``graph.load`` of the
saved graph and a few ``actor`` / ``neighbors`` queries; last, adds 1% new articles
(copies of random ones with a changed text) and rebuilds into the same folder, printing
the incremental ratio ``incremental / full`` (target <= 0.05). The cache is cleared first
unless ``--keep-cache`` is given.

Usage: python benchmarks/orangesum_full.py [--out DIR] [--keep-cache] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from proc_memory import pss as proc_pss
from proc_memory import tree_rss

DEFAULT_CORPUS = (Path(__file__).resolve().parents[2] / "shared" / "corpora"
                  / "orangesum_fr_news")

LOAD = """
import sys, time
t0 = time.perf_counter()
from graph import load
g = load(sys.argv[1])
t1 = time.perf_counter()
top = sorted(g.nx.nodes(data=True), key=lambda nd: -int(nd[1].get("mentions", 0)))[:20]
times = []
for node, data in top:
    q0 = time.perf_counter()
    g.actor(data.get("label", node))
    g.neighbors(data.get("label", node))
    times.append(time.perf_counter() - q0)
print(f"{t1 - t0:.3f} {max(times) * 1000:.2f} {sum(times) / len(times) * 1000:.2f}")
"""


def _tree_memory(root: int, *, pss: bool = True) -> tuple[int, int]:
    """Memory of ``root`` and all its descendants (Linux /proc): the sum of their resident
    sizes (a page shared by forked processes counts once per process) and of their
    proportional sizes (PSS: shared pages counted once in all; RSS where PSS is missing;
    0 without ``pss``: reading it walks each process's page tables, ~30 ms per GB)."""
    total_rss = total_pss = 0
    for pid, rss in tree_rss(root).items():
        total_rss += rss
        if pss:
            proportional = proc_pss(pid)
            total_pss += rss if proportional is None else proportional
    return total_rss, total_pss


def _run_build(corpus: Path, out: Path) -> tuple[str, float, tuple[int, int]]:
    """Run ``actorgraph build CORPUS --out OUT``: its output, seconds, and the peaks of the
    process tree's summed RSS and PSS (see :func:`_tree_memory`)."""
    exe = shutil.which("actorgraph")
    cmd = [exe] if exe else [sys.executable, "-m", "pipelines.cli"]
    cmd += ["build", str(corpus), "--out", str(out), "--no-progress"]
    peak = [0, 0]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    stop = threading.Event()

    def sample() -> None:
        # RSS every half second, PSS every 2 s: reading PSS costs the build CPU time
        for tick in itertools.count():
            if stop.is_set():
                break
            rss, pss = _tree_memory(proc.pid, pss=tick % 4 == 0)
            peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)
            stop.wait(0.5)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = proc.communicate()
    elapsed = time.perf_counter() - t0
    stop.set()
    sampler.join()
    if proc.returncode != 0:
        sys.exit(f"build failed ({proc.returncode}):\n{stdout}\n{stderr}")
    return stdout, elapsed, (peak[0], peak[1])


def _memory(peak: tuple[int, int]) -> str:
    return (f"peak memory of the process tree {peak[1] / 2**30:.2f} GB (PSS: pages shared "
            f"by forked processes counted once; RSS summed per process: "
            f"{peak[0] / 2**30:.2f} GB)")


def _incremental(corpus: Path, out: Path, full: float, share: float = 0.01) -> None:
    """Add ``share`` new articles (copies of random ones with a changed text and id) beside
    the corpus files, rebuild into the same folder (its cache serves the rest), and print
    the incremental ratio."""
    import random

    work = out.with_name(out.name + "-incremental")
    shutil.rmtree(work, ignore_errors=True)
    (work / "corpus").mkdir(parents=True)
    files = sorted(p for p in corpus.iterdir()
                   if p.name.endswith((".jsonl", ".jsonl.gz")))
    for path in files:
        (work / "corpus" / path.name).symlink_to(path.resolve())
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    count = max(1, round(report["articles"] * share))
    source = files[0]
    opener = gzip.open if source.name.endswith(".gz") else open
    with opener(source, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    random.seed(7)
    with (work / "corpus" / "new-articles.jsonl").open("w", encoding="utf-8") as fh:
        for row in random.sample(rows, count):
            row["id"] = f"{row['id']}-update"
            row["text"] = row["text"] + "\nMise à jour : le texte a été complété."
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    stdout, elapsed, peak = _run_build(work / "corpus", out)
    print(stdout)
    print(f"incremental build with {count} new articles ({share:.0%}): {elapsed:.1f} s, "
          f"{_memory(peak)}")
    print(f"incremental ratio incremental / full = {elapsed:.1f} / {full:.1f} = "
          f"{elapsed / full:.3f} (target <= 0.05)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--out", type=Path, default=Path("/tmp/actorgraph-orangesum"))
    ap.add_argument("--keep-cache", action="store_true")
    ap.add_argument("--no-incremental", action="store_true",
                    help="skip the second build with 1%% new articles")
    args = ap.parse_args()
    if not args.corpus.exists():
        sys.exit(f"corpus not found: {args.corpus}")
    if args.out.exists() and not args.keep_cache:
        shutil.rmtree(args.out)

    stdout, elapsed, peak = _run_build(args.corpus, args.out)
    print(stdout)
    report = json.loads((args.out / "report.json").read_text(encoding="utf-8"))
    graphml = args.out / "graph.graphml"
    print(f"build: {elapsed / 60:.1f} min ({elapsed:.0f} s, "
          f"{report['articles'] / elapsed:.1f} articles/s); {_memory(peak)}")
    print(f"articles {report['articles']}, skipped {len(report['skipped'])}, "
          f"actors {sum(report['actors'].values())} {report['actors']}, "
          f"edges {report['edges']}, mentions {report['mentions']}")
    sizes = {p.name: p.stat().st_size for p in args.out.iterdir() if p.is_file()}
    print("files: " + ", ".join(f"{k} {v / 1e6:.1f} MB" for k, v in sorted(sizes.items())))
    load = subprocess.run([sys.executable, "-c", LOAD, str(graphml)], capture_output=True,
                          text=True)
    if load.returncode != 0:
        print(f"graph load failed:\n{load.stderr}")
        return
    secs, worst, mean = load.stdout.split()
    print(f"load graph.graphml in a fresh interpreter: {float(secs):.2f} s; actor+neighbors "
          f"on the 20 biggest actors: mean {mean} ms, worst {worst} ms")
    if not args.no_incremental:
        _incremental(args.corpus, args.out, elapsed)


if __name__ == "__main__":
    main()
