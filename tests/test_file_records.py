"""Unchanged corpus files come from their cached record in one read, and the build is the
same as one that reads every file."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from test_build_robustness import graph_signature, make_corpus

from pipelines.build.cache import CACHE_NAME, BuildCache, FileRecord, analysis_fingerprint
from pipelines.build.orchestrate import build_corpus
from pipelines.nlp.extract import Options


def make_folder(root: Path) -> Path:
    corpus = root / "corpus"
    corpus.mkdir()
    make_corpus(corpus / "a.jsonl", 12, seed=1)
    make_corpus(corpus / "b.jsonl", 8, seed=2)  # same ids as a.jsonl: renamed
    with (corpus / "b.jsonl").open("a", encoding="utf-8") as fh:
        fh.write("{not json\n")
        fh.write(json.dumps({"id": "no-text", "title": "x"}) + "\n")
    (corpus / "c.txt").write_text("Le Mali et le Niger ont signé un accord à Niamey.\n",
                                  encoding="utf-8")
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    return corpus


def stored_files(out: Path) -> int:
    with sqlite3.connect(out / CACHE_NAME) as db:
        return db.execute("SELECT count(*) FROM files").fetchone()[0]


def outcome(out: Path, result) -> tuple[object, ...]:
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return (graph_signature(result.graph), (out / "mentions.csv").read_bytes(),
            report["skipped"], report["notes"], report["articles"])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return make_folder(tmp_path_factory.mktemp("records"))


def test_second_build_takes_every_file_from_its_record(corpus, tmp_path):
    out = tmp_path / "out"
    first = build_corpus(corpus, out, n_process=1)
    assert first.analysed == 21 and stored_files(out) == 4
    second = build_corpus(corpus, out, n_process=1)
    assert second.analysed == 0 and second.reused == 21
    assert outcome(out, second) == outcome(out, first)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    reasons = " ".join(s["reason"] for s in report["skipped"])
    assert "malformed JSON" in reasons and "row without text" in reasons
    assert "empty file" in reasons
    assert sum("renamed" in n["reason"] for n in report["notes"]) == 8


def test_changed_file_is_read_again_and_matches_a_fresh_build(corpus, tmp_path):
    out = tmp_path / "out"
    build_corpus(corpus, out, n_process=1)
    changed = tmp_path / "corpus"
    changed.mkdir()
    for p in corpus.iterdir():
        (changed / p.name).write_bytes(p.read_bytes())
    make_corpus(changed / "a.jsonl", 14, seed=3)  # new texts, new ids
    (changed / "d.txt").write_text("Le Tchad a rappelé son ambassadeur à Paris.\n",
                                   encoding="utf-8")
    (changed / "c.txt").unlink()
    again = build_corpus(changed, out, n_process=1)
    assert again.analysed == 15  # a.jsonl's 14 new articles and d.txt
    assert stored_files(out) == 4  # c.txt's record is forgotten
    fresh_out = tmp_path / "fresh"
    fresh = build_corpus(changed, fresh_out, n_process=1)
    assert outcome(out, again) == outcome(fresh_out, fresh)


def test_damaged_record_is_read_from_the_file(corpus, tmp_path):
    out = tmp_path / "out"
    first = build_corpus(corpus, out, n_process=1)
    with sqlite3.connect(out / CACHE_NAME) as db:
        db.execute("UPDATE files SET value=x'80059d'")
    second = build_corpus(corpus, out, n_process=1)
    assert second.analysed == 0
    assert outcome(out, second) == outcome(out, first)


def test_record_whose_analyses_are_gone_is_read_from_the_file(corpus, tmp_path):
    """A record keeps text keys: when their rows leave the analysis table, the file is
    read again (and its articles re-analysed from the cached spaCy output)."""
    out = tmp_path / "out"
    first = build_corpus(corpus, out, n_process=1)
    with sqlite3.connect(out / CACHE_NAME) as db:
        db.execute("DELETE FROM analysis WHERE hash IN (SELECT hash FROM analysis LIMIT 1)")
    second = build_corpus(corpus, out, n_process=1)
    assert second.reanalysed == 1 and second.analysed == 0
    assert outcome(out, second) == outcome(out, first)
    third = build_corpus(corpus, out, n_process=1)
    assert third.reanalysed == 0 and third.reused == 21
    assert outcome(out, third) == outcome(out, first)


def test_record_never_loads_classes(tmp_path):
    import pickle

    class Evil:
        def __reduce__(self):
            return (print, ("pwned",))

    assert FileRecord.from_bytes(pickle.dumps((1, [], [], [Evil()], []))) is None
    assert FileRecord.from_bytes(pickle.dumps((5, [], [Evil()], []))) is None
    assert FileRecord.from_bytes(b"garbage") is None


def test_gazetteer_change_ignores_records(corpus, tmp_path):
    out = tmp_path / "out"
    build_corpus(corpus, out, n_process=1)
    with BuildCache(out / CACHE_NAME, fingerprint="another") as cache:
        assert not any(cache.has_file(k) for (k,) in cache._db.execute(
            "SELECT key FROM files"))
    with BuildCache(out / CACHE_NAME,
                    fingerprint=analysis_fingerprint(Options())) as cache:
        assert all(cache.has_file(k) for (k,) in cache._db.execute("SELECT key FROM files"))


def test_same_files_in_another_folder_use_the_records(corpus, tmp_path):
    out = tmp_path / "out"
    first = build_corpus(corpus, out, n_process=1)
    moved = tmp_path / "moved"
    moved.mkdir()
    for p in corpus.iterdir():
        (moved / p.name).symlink_to(p)
    again = build_corpus(moved, out, n_process=1)
    assert again.analysed == 0 and again.reused == first.reused + first.analysed
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    wheres = [s["where"] for s in report["skipped"]]
    assert wheres and all(w.startswith(str(moved)) for w in wheres)
    fresh_out = tmp_path / "fresh"
    fresh = build_corpus(moved, fresh_out, n_process=1)
    assert outcome(out, again) == outcome(fresh_out, fresh)


def test_new_file_with_workers_waits_for_the_records(tmp_path, monkeypatch):
    """Chunks of a changed file wait while the unchanged files' records load, then go
    to the worker pool: the same build as a fresh one."""
    import pipelines.build.orchestrate as build

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    make_corpus(corpus / "a.jsonl", 10, seed=4)
    out = tmp_path / "out"
    build_corpus(corpus, out, n_process=1, batch_size=2)
    make_corpus(corpus / "b.jsonl", 14, seed=5)
    monkeypatch.setattr(build, "_WARM_UP_BYTES", 0)
    again = build_corpus(corpus, out, n_process=2, batch_size=2)
    assert again.workers == 2 and again.analysed == 14 and again.reused == 10
    fresh_out = tmp_path / "fresh"
    fresh = build_corpus(corpus, fresh_out, n_process=1, batch_size=2)
    assert outcome(out, again) == outcome(fresh_out, fresh)
