"""Archive scale: the build's peak memory and time as the corpus grows, with a warm cache.

Builds the OrangeSum corpus repeated 1, 3 and 10 times (default ``--times 1,3,10``): copy
``k`` (k >= 1) of every corpus file is a new JSONL file ``copy-KK-<name>.jsonl`` whose
articles have the ids ``<id>-copyKK``, so each copy is a set of new articles with the
same texts. The spaCy output and the per-article analyses are therefore all in the cache
(warm), and what is measured is what grows with the archive: reading, the corpus-level
pass (resolution, the graph) and the writers.

1. The cache: ``--seed-cache`` (default: the full OrangeSum build's ``cache.sqlite``,
   read only) is copied into ``WORK/warm`` and the 1x corpus built there once, untimed,
   so that its analyses match this checkout's extraction fingerprint.
2. Per multiple N: a fresh output folder seeded with that cache, ``actorgraph build`` as
   a subprocess; the peak memory is the peak of the summed PSS (proportional set size:
   pages shared by forked processes counted once) of the build and all its descendants,
   sampled from ``/proc/PID/smaps_rollup``; the time is the wall time of the command.
3. The N-times graph is checked against the 1x one: every mention of copy ``k`` of an
   article must be the mention of the 1x article (``mentions.csv``), and the graph has
   the same nodes and edges with counts times N (see :func:`compare_graphs` for the
   count effects, which are expected and printed).

Prints a table (articles, mentions, seconds, peak PSS, PSS per 1,000 articles) and the
target: at 10x, <= 3 GB and <= 120 s.

Usage: python benchmarks/archive_scale.py [--times 1,3,10] [--work DIR] [--corpus DIR]
                                          [--seed-cache FILE]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import resource
import shutil
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

from proc_memory import pss, tree_rss

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "orangesum_fr_news"
DEFAULT_SEED = ROOT.parent / "osum" / "main" / "cache.sqlite"
GB = 2**30


# ---------------------------------------------------------------------------- corpora


def _rows(path: Path) -> Any:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def make_corpus(source: Path, times: int, folder: Path) -> Path:
    """``folder`` with the corpus files of ``source`` and ``times - 1`` copies of each
    under new article ids (all symbolic links; the copies are written once, beside
    ``folder``, and shared by every multiple)."""
    files = sorted(p for p in source.iterdir() if p.name.endswith((".jsonl", ".jsonl.gz")))
    pool = folder.parent / "copies"
    pool.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for path in files:
        (folder / path.name).symlink_to(path.resolve())
    for k in range(1, times):
        for path in files:
            name = f"copy-{k:02d}-{path.name.split('.', 1)[0]}.jsonl"
            if not (pool / name).exists():
                tmp = pool / f".{name}.tmp"
                with tmp.open("w", encoding="utf-8") as fh:
                    for row in _rows(path):
                        row["id"] = f"{row['id']}-copy{k:02d}"
                        fh.write(json.dumps(row, ensure_ascii=False) + "\n")
                tmp.rename(pool / name)
            (folder / name).symlink_to(pool / name)
    return folder


# ----------------------------------------------------------------------------- memory


class PeakSampler:
    """Samples the summed PSS of a process tree in a thread; :attr:`peak` in bytes.

    PSS costs the build some CPU to read (the kernel walks the page tables), so it is
    read every ``every`` seconds, and at once whenever the summed RSS (cheap) comes
    near a new high."""

    def __init__(self, pid: int, every: float = 1.0, tick: float = 0.2) -> None:
        self.pid, self.every, self.tick = pid, every, tick
        self.peak = self.peak_rss = 0
        #: At the peak: seconds since the start, and each process's PSS (the build first).
        self.peak_at = 0.0
        self.peak_parts: list[int] = []
        self._t0 = time.monotonic()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        last = 0.0
        while not self._stop.is_set():
            tree = tree_rss(self.pid)
            rss = sum(tree.values())
            now = time.monotonic()
            if rss > 0.95 * self.peak_rss or now - last >= self.every:
                parts = [p if (p := pss(pid)) is not None else r for pid, r in tree.items()]
                if sum(parts) > self.peak:
                    self.peak, self.peak_parts = sum(parts), parts
                    self.peak_at = now - self._t0
                last = now
            self.peak_rss = max(self.peak_rss, rss)
            self._stop.wait(self.tick)

    def __enter__(self) -> PeakSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_build(corpus: Path, out: Path) -> tuple[float, int, dict[str, Any]]:
    """``actorgraph build CORPUS --out OUT`` from this checkout: seconds, peak PSS, report
    (with ``cpu_seconds``: the CPU time of the build and its processes, which a busy
    machine does not stretch as it stretches the wall time)."""
    cmd = [sys.executable, "-m", "pipelines.cli", "build", str(corpus), "--out", str(out),
           "--no-progress"]
    cpu0 = _cpu_of_children()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    with PeakSampler(proc.pid) as sampler:
        stdout, stderr = proc.communicate()
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.exit(f"build failed ({proc.returncode}):\n{stdout}\n{stderr}")
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    report["cpu_seconds"] = _cpu_of_children() - cpu0
    report["peak_at"] = (f"{sampler.peak_at:.0f} s in, build "
                         + " + ".join(f"{p / GB:.2f}" for p in sampler.peak_parts) + " GB")
    return elapsed, sampler.peak, report


# ---------------------------------------------------------------------------- checks


def _base(article: str) -> tuple[str, int]:
    head, sep, tail = article.rpartition("-copy")
    if sep and len(tail) == 2 and tail.isdigit():
        return head, int(tail)
    return article, 0


def compare_mentions(one: Path, many: Path, times: int
                     ) -> tuple[int, int, Counter[tuple[str, str]]]:
    """Rows of ``many``'s ``mentions.csv`` (articles mapped to their 1x ids) missing from
    or extra to ``times`` copies of ``one``'s: (differing rows, rows, and per change of
    entity type, e.g. ``("place", "person")``, the mentions that changed so)."""
    want: Counter[tuple[str, ...]] = Counter()
    with one.open(encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh):
            want[tuple(row)] += times
    got: Counter[tuple[str, ...]] = Counter()
    rows = 0
    with many.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        got[tuple(next(reader))] += times  # the header, counted as the 1x side counts it
        for row in reader:
            row[0] = _base(row[0])[0]
            got[tuple(row)] += 1
            rows += 1
    missing, extra = want - got, got - want
    # a mention is (article, text, start, end): what became of it
    before = {(r[0], r[4], r[5], r[6]): r[3] for r in missing}
    after = {(r[0], r[4], r[5], r[6]): r[3] for r in extra}
    changes: Counter[tuple[str, str]] = Counter()
    for key in before.keys() | after.keys():
        changes[before.get(key, "-"), after.get(key, "-")] += 1
    return sum(missing.values()) + sum(extra.values()), rows, changes


#: Node and edge attributes that are counts (times N at N x), lists of articles (each
#: article N times, under its N ids), or the same whatever N.
_SCALED = {"mentions", "articles", "weight", "sentences"}


def compare_graphs(one: Path, many: Path, times: int) -> list[str]:
    """How the N-times graph differs from the 1x one, beyond the expected count effects.

    Expected: ``mentions``, ``articles``, ``weight`` and ``sentences`` are N times the 1x
    values; ``article_ids`` lists each article N times (copy by copy); ``months`` counts
    N times as many articles; ``evidence`` is the first three evidence sentences of the
    N copies in corpus order (the 1x list, completed from the next copies when it had
    fewer than three); the graph's ``articles`` and ``article_index`` are N times bigger.
    Resolution itself may differ where the corpus-level rules use absolute counts: a
    lone surname that NER typed as a place or organisation joins a person named in full
    at least 3 times in the corpus (``MIN_FULL_FOR_NON_PERSON``), so a person named in
    full once or twice at 1x is 10 or 20 times at 10x.
    """
    sys.path.insert(0, str(ROOT))
    from graph import load

    a, b = load(one).nx, load(many).nx
    problems: list[str] = []
    only_a, only_b = set(a) - set(b), set(b) - set(a)
    if only_a or only_b:
        problems.append(f"nodes only at 1x: {len(only_a)}, only at {times}x: {len(only_b)}")
    bad_nodes = sum(1 for n in set(a) & set(b) if not _same_scaled(a.nodes[n], b.nodes[n],
                                                                    times))
    if bad_nodes:
        problems.append(f"nodes whose counts are not x{times}: {bad_nodes}")
    ea = {tuple(sorted(e)) for e in a.edges()}
    eb = {tuple(sorted(e)) for e in b.edges()}
    if ea != eb:
        problems.append(f"edges only at 1x: {len(ea - eb)}, only at {times}x: {len(eb - ea)}")
    bad_edges = sum(1 for u, v in ea & eb if not _same_scaled(a.edges[u, v], b.edges[u, v],
                                                              times))
    if bad_edges:
        problems.append(f"edges whose counts are not x{times}: {bad_edges}")
    return problems


def _same_scaled(x: dict[str, Any], y: dict[str, Any], times: int) -> bool:
    for key in _SCALED:
        if key in x and int(y.get(key, -1)) != times * int(x[key]):
            return False
    ids = x.get("article_ids")
    if ids is not None and Counter(_base(i)[0] for i in y.get("article_ids", ())) != Counter(
            {i: times for i in ids}):
        return False
    for key in ("label", "type", "role", "affiliation", "first_seen", "last_seen"):
        if x.get(key) != y.get(key):
            return False
    return True


# ------------------------------------------------------------------------------ main


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--times", default="1,3,10")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--seed-cache", type=Path, default=DEFAULT_SEED)
    ap.add_argument("--work", type=Path, default=Path("/tmp/actorgraph-archive-scale"))
    ap.add_argument("--no-compare", action="store_true",
                    help="skip checking the N-times graphs against the 1x one")
    args = ap.parse_args()
    times = sorted({int(t) for t in args.times.split(",")})
    if not args.corpus.is_dir():
        sys.exit(f"corpus not found: {args.corpus}")
    args.work.mkdir(parents=True, exist_ok=True)
    warm = args.work / "warm"
    if not (warm / "report.json").exists():
        warm.mkdir(exist_ok=True)
        if args.seed_cache.is_file():
            shutil.copyfile(args.seed_cache, warm / "cache.sqlite")
        seconds, peak, report = run_build(make_corpus(args.corpus, 1, args.work / "corpus-1x"),
                                          warm)
        print(f"warm-up build (untimed): {report['articles']} articles, "
              f"{report['cache']}, {seconds:.0f} s")
    if 1 not in times and not args.no_compare:
        times.insert(0, 1)
    print(f"{'x':>3} {'articles':>9} {'mentions':>9} {'seconds':>8} {'CPU s':>7} "
          f"{'peak PSS':>9} {'MB/1k art':>9}  phases (s)")
    results: dict[int, tuple[float, int, dict[str, Any]]] = {}
    for n in times:
        corpus = make_corpus(args.corpus, n, args.work / f"corpus-{n}x")
        out = args.work / f"out-{n}x"
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir()
        shutil.copyfile(warm / "cache.sqlite", out / "cache.sqlite")
        seconds, peak, report = results[n] = run_build(corpus, out)
        phases = " ".join(f"{k} {v:.0f}" for k, v in report.get("timings", {}).items())
        print(f"{n:>3} {report['articles']:>9} {report['mentions']:>9} {seconds:>8.1f} "
              f"{report['cpu_seconds']:>7.1f} {peak / GB:>8.2f}G "
              f"{peak / 2**20 / report['articles'] * 1000:>9.1f}  {phases}; peak "
              f"{report['peak_at']}", flush=True)
    if max(times) >= 10:
        seconds, peak, _ = results[max(times)]
        ok = peak <= 3 * GB and seconds <= 120
        print(f"target at {max(times)}x: <= 3 GB and <= 120 s: {peak / GB:.2f} GB, "
              f"{seconds:.0f} s -> {'met' if ok else 'NOT met'}")
    if args.no_compare:
        return
    for n in times:
        if n == 1:
            continue
        diff, rows, changes = compare_mentions(args.work / "out-1x" / "mentions.csv",
                                               args.work / f"out-{n}x" / "mentions.csv", n)
        print(f"{n}x mentions.csv: {rows} rows, {diff} differ from {n} copies of the 1x rows "
              f"({diff / max(1, rows):.2%}); mentions whose entity changed type: "
              + ", ".join(f"{a}->{b} {c}" for (a, b), c in changes.most_common(6)))
        problems = compare_graphs(args.work / "out-1x" / "graph.graphml",
                                  args.work / f"out-{n}x" / "graph.graphml", n)
        print(f"{n}x graph vs 1x: " + ("same up to the count effects" if not problems
                                       else "; ".join(problems)))


if __name__ == "__main__":
    main()
