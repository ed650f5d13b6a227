"""A build's outputs are one generation (issue 15, item 3): a write phase that fails, meets
a full disk or is killed leaves all the previous outputs or all the new ones, and load()
never mixes two."""

from __future__ import annotations

import errno
import hashlib
import shutil
from pathlib import Path

import pytest

from graph import load
from graph.model import example
from graph.readwrite import write as write_graph
from pipelines.build import generation, orchestrate
from pipelines.build.orchestrate import build_corpus
from pipelines.errors import OutputError
from pipelines.readers.corpus import sample_path

OUTPUTS = ("graph.graphml", "graph.graphml.agcache", "graph.html", "mentions.csv",
           "relations.csv", "report.json")


def digests(out: Path) -> dict[str, str]:
    return {name: hashlib.sha256((out / name).read_bytes()).hexdigest()
            for name in OUTPUTS if (out / name).exists()}


def test_a_full_disk_in_the_write_phase_keeps_the_previous_generation(
        tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out"
    build_corpus(None, out, n_process=1)
    before = digests(out)
    assert set(before) == set(OUTPUTS)
    smaller = tmp_path / "smaller"
    smaller.mkdir()
    for path in sorted(sample_path().glob("*.txt"))[:2]:
        shutil.copy(path, smaller / path.name)

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(orchestrate, "write_report", full)  # the last file written
    with pytest.raises(OutputError, match="No space left on device"):
        build_corpus(smaller, out, n_process=1)
    assert digests(out) == before  # not a new graph.html beside an old graph.graphml
    assert not (out / generation.STAGE).exists()
    monkeypatch.undo()
    result = build_corpus(smaller, out, n_process=1)
    after = digests(out)
    assert all(after[name] != before[name] for name in ("graph.graphml", "mentions.csv",
                                                        "report.json"))
    assert result.files["graphml"] == out / "graph.graphml"
    assert load(out).nx.graph["articles"] == 2


def _generation(folder: Path, graph) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    write_graph(graph, folder / "graph.graphml")
    (folder / "mentions.csv").write_text(f"n,{graph.number_of_nodes()}\n", encoding="utf-8")


def test_a_build_killed_while_staging_leaves_the_previous_outputs(tmp_path: Path) -> None:
    out = tmp_path / "out"
    old = example().nx
    _generation(out, old)
    new = old.copy()
    new.remove_node("mali")
    _generation(out / generation.STAGE, new)  # no COMPLETE marker: killed before it
    assert len(load(out)) == old.number_of_nodes()
    assert generation.recover(out) == "discarded"
    assert not (out / generation.STAGE).exists()
    assert len(load(out / "graph.graphml")) == old.number_of_nodes()


def test_a_build_killed_while_moving_files_in_is_finished(tmp_path: Path) -> None:
    out = tmp_path / "out"
    old = example().nx
    _generation(out, old)
    new = old.copy()
    new.remove_node("mali")
    stage = out / generation.STAGE
    _generation(stage, new)
    (stage / generation.COMPLETE).write_text(
        "graph.graphml\ngraph.graphml.agcache\nmentions.csv\n", encoding="utf-8")
    (stage / "mentions.csv").replace(out / "mentions.csv")  # killed after one move
    # readers take the complete new generation, by folder or by file
    assert len(load(out)) == new.number_of_nodes()
    assert len(load(out / "graph.graphml")) == new.number_of_nodes()
    assert generation.recover(out) == "completed"
    assert not stage.exists()
    assert len(load(out)) == new.number_of_nodes()
    assert (out / "mentions.csv").read_text(encoding="utf-8") == \
        f"n,{new.number_of_nodes()}\n"


def test_commit_moves_every_file_and_a_failed_marker_aborts(tmp_path: Path,
                                                            monkeypatch) -> None:
    out = tmp_path / "out"
    out.mkdir()
    stage = generation.begin(out)
    _generation(stage, example().nx)
    moved = generation.commit(stage)
    assert sorted(p.name for p in moved) == ["graph.graphml", "graph.graphml.agcache",
                                             "mentions.csv"]
    assert not stage.exists()
    stage = generation.begin(out)
    (stage / "mentions.csv").write_text("new\n", encoding="utf-8")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(generation.os, "replace", full)
    with pytest.raises(OSError):
        generation.commit(stage)
    monkeypatch.undo()
    assert not stage.exists()
    assert (out / "mentions.csv").read_text(encoding="utf-8") != "new\n"
