"""A build never crashes on a bad output folder, never leaves half-written files, keeps
other builds out, and resumes after ``kill -9`` to the same graph."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import networkx as nx
import pytest

from graph.readwrite import read
from pipelines.build.cache import CACHE_NAME
from pipelines.build.lock import LOCK_NAME, BuildLock
from pipelines.build.orchestrate import build_corpus
from pipelines.errors import OutputError

STATES = ["Mali", "Niger", "Tchad", "Russie", "France", "Algérie", "Sénégal", "Burkina Faso"]
PEOPLE = ["Aminata Sowéré", "Pierre Lefaucheux", "Oumar Kandioura", "Hélène Brassac",
          "Ivan Morozkine"]
ROLES = ["le ministre des Affaires étrangères", "le président", "la porte-parole du "
         "gouvernement", "le général"]


def make_corpus(path: Path, n: int, seed: int = 7) -> Path:
    """``n`` short made-up French news articles as JSONL."""
    rnd = random.Random(seed)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            a, b = rnd.sample(STATES, 2)
            who = rnd.choice(PEOPLE)
            role = rnd.choice(ROLES)
            text = (f"{who}, {role} du {a}, s'est rendu au {b} le {i % 28 + 1} mars.\n"
                    f"Le {a} et le {b} ont discuté de la sécurité au Sahel. "
                    f"Selon {who.split()[-1]}, les deux pays coopèrent depuis {2000 + i}.")
            fh.write(json.dumps({"id": f"art-{i:03d}", "title": f"Article {i}",
                                 "date": f"2021-03-{i % 28 + 1:02d}", "text": text},
                                ensure_ascii=False) + "\n")
    return path


def graph_signature(g: nx.Graph) -> tuple[object, ...]:
    nodes = sorted((n, sorted((k, repr(v)) for k, v in d.items())) for n, d in g.nodes(data=True))
    edges = sorted((tuple(sorted((u, v))), sorted((k, repr(x)) for k, x in d.items()))
                   for u, v, d in g.edges(data=True))
    return nodes, edges, sorted((k, repr(v)) for k, v in g.graph.items())


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("corpus") / "news.jsonl", 6)


# ------------------------------------------------------------------ bad output folders


def test_output_path_is_a_file(tmp_path, small_corpus):
    target = tmp_path / "out"
    target.write_text("keep me", encoding="utf-8")
    with pytest.raises(OutputError, match="not a folder"):
        build_corpus(small_corpus, target)
    assert target.read_text(encoding="utf-8") == "keep me"


def test_output_path_under_a_file(tmp_path, small_corpus):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match="cannot create the output folder"):
        build_corpus(small_corpus, tmp_path / "file" / "out")


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root writes into read-only folders")
def test_read_only_output_folder(tmp_path, small_corpus):
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o555)
    try:
        with pytest.raises(OutputError, match="not writable"):
            build_corpus(small_corpus, out)
        assert list(out.iterdir()) == []
    finally:
        out.chmod(0o755)


def test_unwritable_output_folder_is_a_clear_error(tmp_path, small_corpus, monkeypatch):
    """The real write probe (os.access lies to root and on read-only mounts)."""
    import pipelines.build.outputs

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(pipelines.build.outputs.tempfile, "mkstemp", denied)
    out = tmp_path / "out"
    with pytest.raises(OutputError, match="not writable"):
        build_corpus(small_corpus, out)
    assert list(out.iterdir()) == []


def test_cli_reports_an_output_error(tmp_path, small_corpus):
    from typer.testing import CliRunner

    from pipelines.cli import app

    (tmp_path / "file").write_text("x", encoding="utf-8")
    result = CliRunner().invoke(app, ["build", str(small_corpus), "--out",
                                      str(tmp_path / "file"), "--no-progress"])
    assert result.exit_code == 1
    assert "Error:" in result.output and "not a folder" in result.output


# ------------------------------------------------------------------ one build at a time


def test_a_second_build_into_the_same_folder_is_refused(tmp_path, small_corpus):
    out = tmp_path / "out"
    out.mkdir()
    with BuildLock(out), pytest.raises(OutputError, match="another build is writing to"):
        build_corpus(small_corpus, out)
    assert sorted(p.name for p in out.iterdir()) == [LOCK_NAME]


def test_a_lock_held_by_a_live_process_then_left_by_a_killed_one(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time\nfrom pipelines.build.lock import BuildLock\n"
         "BuildLock(sys.argv[1]).acquire()\nprint('locked', flush=True)\ntime.sleep(120)\n",
         str(out)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(OutputError, match=f"another build is writing to .*{holder.pid}"):
            BuildLock(out).acquire()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    # the dead holder's lock is taken over
    with BuildLock(out) as lock:
        assert (out / LOCK_NAME).read_text().split()[0] == str(os.getpid())
        assert lock.path.exists()


# ------------------------------------------------------------------ failures while writing


def test_a_failed_write_leaves_complete_files_and_no_temporaries(tmp_path, small_corpus,
                                                                 monkeypatch):
    out = tmp_path / "out"
    build_corpus(small_corpus, out, n_process=1)
    html_before = (out / "graph.html").read_bytes()

    import graph.html

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(graph.html, "render_html", disk_full)
    bigger = make_corpus(tmp_path / "more.jsonl", 8)
    with pytest.raises(OutputError, match="No space left on device"):
        build_corpus(bigger, out, n_process=1)
    assert leftovers(out) == []
    assert (out / "graph.html").read_bytes() == html_before
    read(out / "graph.graphml")  # complete (old or new), readable
    json.loads((out / "report.json").read_text(encoding="utf-8"))
    monkeypatch.undo()
    again = build_corpus(bigger, out, n_process=1)  # the lock was released
    assert again.reused == 8


def test_temporaries_left_by_a_killed_build_are_removed(tmp_path, small_corpus):
    out = tmp_path / "out"
    out.mkdir()
    stale = [out / ".graph.html.abc123.tmp", out / ".mentions.csv.x.tmp"]
    for p in stale:
        p.write_text("half", encoding="utf-8")
    (out / "notes.tmp").write_text("not ours", encoding="utf-8")
    build_corpus(small_corpus, out, n_process=1)
    assert not any(p.exists() for p in stale)
    assert (out / "notes.tmp").exists()


def test_an_article_that_breaks_extraction_is_skipped_and_reported(tmp_path, small_corpus,
                                                                    monkeypatch):
    import pipelines.nlp.chunk

    real = pipelines.nlp.chunk.analyse_article

    def flaky(meta, text, nlp, options=None):
        if "2003" in text:
            raise ValueError("boom")
        return real(meta, text, nlp, options)

    monkeypatch.setattr(pipelines.nlp.chunk, "analyse_article", flaky)
    out = tmp_path / "out"
    result = build_corpus(small_corpus, out, n_process=1)
    assert result.articles == 5
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert {"where": "art-003", "reason": "extraction failed: ValueError: boom"} in \
        report["skipped"]
    assert "art-003" in result.summary()


# ------------------------------------------------------------------ kill -9 and resume

SLOW_BUILD = """
import sys, time
import pipelines.build.orchestrate as b
import pipelines.engines.local as local

real = local.process_chunk

def slow(*args, **kwargs):
    out = real(*args, **kwargs)
    time.sleep(0.5)
    return out

local.process_chunk = slow
b.build_corpus(sys.argv[1], sys.argv[2], n_process=1, batch_size=4)
"""


def _cached(out: Path) -> int:
    db = out / CACHE_NAME
    if not db.exists():
        return 0
    try:
        con = sqlite3.connect(db, timeout=1)
        try:
            return int(con.execute("SELECT count(*) FROM analysis").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def test_kill_9_mid_build_then_resume_gives_the_same_graph(tmp_path):
    n = 40
    corpus = make_corpus(tmp_path / "news.jsonl", n)
    out = tmp_path / "killed"
    proc = subprocess.Popen([sys.executable, "-c", SLOW_BUILD, str(corpus), str(out)])
    try:
        deadline = time.monotonic() + 300
        done = 0
        while time.monotonic() < deadline and proc.poll() is None:
            done = _cached(out)
            if done >= 12:
                break
            time.sleep(0.05)
        assert proc.poll() is None, "the build ended before it could be killed"
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    done = _cached(out)
    assert 12 <= done < n
    assert not (out / "graph.graphml").exists()  # killed before writing anything else

    resumed = build_corpus(corpus, out, n_process=1, batch_size=4)
    assert resumed.reused == done
    assert resumed.analysed == n - done
    assert leftovers(out) == []

    reference = build_corpus(corpus, tmp_path / "reference", n_process=1, batch_size=4)
    assert reference.analysed == n
    assert graph_signature(resumed.graph) == graph_signature(reference.graph)
    assert ((out / "mentions.csv").read_bytes()
            == (tmp_path / "reference" / "mentions.csv").read_bytes())


def test_worker_pool_gives_the_same_graph(tmp_path):
    """Two spawned worker processes (the pool starts after 4 chunks) vs in-process."""
    corpus = make_corpus(tmp_path / "news.jsonl", 12, seed=3)
    pooled = build_corpus(corpus, tmp_path / "pool", n_process=2, batch_size=2)
    assert pooled.workers == 2
    inline = build_corpus(corpus, tmp_path / "inline", n_process=1, batch_size=2)
    assert inline.workers == 1
    assert graph_signature(pooled.graph) == graph_signature(inline.graph)
