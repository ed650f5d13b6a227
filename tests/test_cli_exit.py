"""The ``actorgraph`` command leaves with ``os._exit`` (see :func:`pipelines.cli.main`):
run as a real process, its outputs must be complete and flushed, and its exit status
right, on success and on error."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    # stdout and stderr are pipes: block-buffered, so an unflushed summary would be lost
    return subprocess.run([sys.executable, "-m", "pipelines.cli", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)


@pytest.mark.slow
def test_build_exits_0_with_every_output_complete(tmp_path):
    out = tmp_path / "out"
    proc = _cli("build", "--out", str(out), "--no-progress")
    assert proc.returncode == 0, proc.stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    # the whole summary came through: its first line and every file it lists at the end
    assert proc.stdout.startswith("Read 5 article(s)") and proc.stdout.endswith("\n")
    assert all(path in proc.stdout for path in [*report["files"].values(),
                                                 str(out / "report.json")])
    with (out / "mentions.csv").open(encoding="utf-8", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == report["mentions"] > 0
    with (out / "relations.csv").open(encoding="utf-8", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == report["relations"]
    from graph import load

    assert len(load(out / "graph.graphml")) == sum(report["actors"].values())
    assert (out / "graph.html").read_text(encoding="utf-8").rstrip().endswith("</html>")
    assert not list(out.glob(".*.tmp"))

    shown = _cli("show", str(out / "graph.graphml"), "--top", "3")  # another command
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.strip()


def test_a_project_error_exits_1_with_its_message(tmp_path):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    proc = _cli("build", "--out", str(tmp_path / "file"), "--no-progress")
    assert proc.returncode == 1
    assert proc.stderr.startswith("Error:") and "not a folder" in proc.stderr
    assert proc.stdout == ""


def test_a_usage_error_exits_2(tmp_path):
    proc = _cli("build", "--out", str(tmp_path / "out"), "--window", "page")
    assert proc.returncode == 2
    assert "Error: --window must be 'article' or 'sentence'" in proc.stderr
    proc = _cli("build", "--no-such-option")
    assert proc.returncode == 2 and "No such option" in proc.stderr


def test_exit_codes_of_system_exit():
    from pipelines.cli import _exit_code

    assert _exit_code(SystemExit()) == 0
    assert _exit_code(SystemExit(3)) == 3
    assert _exit_code(SystemExit("bye")) == 1


def test_build_command_keeps_the_collector_paused_to_its_end(monkeypatch, tmp_path):
    """The build's objects are never walked by a collection before the command leaves
    (``main`` then exits at once); called in-process, the collector is restored."""
    import gc

    from typer.testing import CliRunner

    from pipelines import cli
    from pipelines.build import orchestrate
    from pipelines.build.outputs import BuildResult

    seen: list[bool] = []

    def fake_build(*args, **kwargs):
        return BuildResult(out=tmp_path)

    def summary(self):
        seen.append(gc.isenabled())
        return "done"

    monkeypatch.setattr(orchestrate, "build_corpus", fake_build)
    monkeypatch.setattr(BuildResult, "summary", summary)
    assert gc.isenabled()
    result = CliRunner().invoke(cli.app, ["build", "--out", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    assert seen == [False] and gc.isenabled()
