"""Child processes die with the build (issue 15, item 9): after ``kill -9`` of a build, its
fork server and workers notice their parent is gone and leave."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(),
                                reason="needs /proc to find the processes")


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z":  # zombies are already gone
            tree.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    return tree


def descendants(pid: int) -> set[int]:
    tree, found, todo = _children(), set(), [pid]
    while todo:
        for child in tree.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def _alive(pids: set[int]) -> set[int]:
    return {p for p in pids if Path(f"/proc/{p}").exists()
            and Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"}


def _wait_gone(pids: set[int], seconds: float) -> set[int]:
    deadline = time.monotonic() + seconds
    while _alive(pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    return _alive(pids)


CHAIN = """
import subprocess, sys, time
child = subprocess.Popen([sys.executable, "-c",
    "from pipelines.build.lifeline import watch_parent; import time; watch_parent(); "
    "time.sleep(60)"])
print(child.pid, flush=True)
time.sleep(60)
"""


def test_a_watched_child_leaves_when_its_parent_is_killed() -> None:
    parent = subprocess.Popen([sys.executable, "-c", CHAIN], cwd=ROOT, stdout=subprocess.PIPE,
                              text=True)
    try:
        child = int(parent.stdout.readline())  # type: ignore[union-attr]
        time.sleep(0.5)
        assert _alive({child})
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        assert _wait_gone({child}, 5) == set()
    finally:
        if parent.poll() is None:
            parent.kill()


BUILD = """
import sys
from pipelines.build.orchestrate import build_corpus
build_corpus(sys.argv[1], sys.argv[2], n_process=2, batch_size=2)
"""


def test_fork_server_and_workers_die_with_a_killed_build(tmp_path: Path) -> None:
    corpus = tmp_path / "news.jsonl"
    with corpus.open("w", encoding="utf-8") as fh:
        for i in range(400):
            text = (f"Le ministre malien des Affaires étrangères a reçu à Bamako son "
                    f"homologue du Niger le {i % 28 + 1} mars. " * 8)
            fh.write(json.dumps({"id": f"a{i}", "text": text}, ensure_ascii=False) + "\n")
    build = subprocess.Popen([sys.executable, "-c", BUILD, str(corpus), str(tmp_path / "out")],
                             cwd=ROOT)
    family: set[int] = set()
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and build.poll() is None:
            family = descendants(build.pid)
            workers = {w for p in family for w in descendants(p)}  # the server's children
            if workers:
                break
            time.sleep(0.2)
        assert build.poll() is None and workers, "the pool never started"
        family = descendants(build.pid)
        build.send_signal(signal.SIGKILL)
        build.wait()
        assert _wait_gone(family, 10) == set()
    finally:
        if build.poll() is None:
            build.kill()
        for pid in _alive(family):  # never leave them behind, even when the test fails
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
