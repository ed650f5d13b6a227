"""The per-article build cache (pipelines.build.cache) and incremental builds."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3

import pytest

from graph.records import ArticleMeta
from pipelines.build.cache import (
    CACHE_NAME,
    BuildCache,
    analysis_fingerprint,
    analysis_from_json,
    analysis_to_json,
    text_key,
)
from pipelines.errors import OutputError
from pipelines.nlp.analysis import analyse_article
from pipelines.nlp.extract import Options
from pipelines.nlp.model import NlpResult, nlp_version
from pipelines.readers.corpus import sample_path

TEXT = ("Le ministre malien des Affaires étrangères a rencontré son homologue russe à Moscou.\n"
        "La Russie et le Mali ont signé un accord.")
NLP = NlpResult(((0, 84), (85, 126)), ((0, 0, "MISC"), (77, 83, "LOC"), (89, 95, "LOC")))


def test_text_key_is_a_sha256_of_the_text():
    assert text_key("abc") == text_key("abc")
    assert text_key("abc") != text_key("abd")
    assert len(text_key("")) == 64
    assert text_key("\ud800 lone surrogate")  # never raises


def test_fingerprint_depends_on_options():
    assert analysis_fingerprint(Options()) == analysis_fingerprint(Options(capitals=True))
    assert analysis_fingerprint(Options()) != analysis_fingerprint(Options(capitals=False))
    assert nlp_version().startswith("1;")


def test_analysis_round_trip():
    meta = ArticleMeta("x", "title", "2021-01-02")
    a = analyse_article(meta, TEXT, NLP)
    assert a.candidates
    data = json.loads(json.dumps(analysis_to_json(a)))
    assert analysis_from_json(meta, data) == a


def test_put_get_and_versions(tmp_path):
    path = tmp_path / CACHE_NAME
    meta = ArticleMeta("x")
    ana = analysis_to_json(analyse_article(meta, TEXT, NLP))
    key = text_key(TEXT)
    with BuildCache(path, fingerprint="fp1") as cache:
        assert cache.get_nlp(key) is None and cache.get_analysis(key) is None
        cache.put_many([(key, NLP.to_json(), ana)])
        assert cache.get_nlp(key) == NLP
        assert cache.get_analysis(key) == ana
        assert len(cache) == 1
        assert cache.keys([key, text_key("other")]) == {key}
        mode = cache._db.execute("PRAGMA journal_mode").fetchone()[0]  # noqa: SLF001
        assert mode == "wal"
    # another analysis fingerprint: spaCy output still there, analysis not
    with BuildCache(path, fingerprint="fp2") as cache:
        assert cache.get_nlp(key) == NLP
        assert cache.get_analysis(key) is None
        cache.put_many([(key, None, ana)])
        assert cache.prune() == 1  # the fp1 analysis
    # another NLP version: nothing
    with BuildCache(path, fingerprint="fp2", version="other") as cache:
        assert cache.get_nlp(key) is None


def test_a_committed_batch_is_visible_to_another_connection(tmp_path):
    path = tmp_path / CACHE_NAME
    cache = BuildCache(path, fingerprint="fp")
    cache.put_many([(text_key(str(i)), NLP.to_json(), None) for i in range(10)])
    other = sqlite3.connect(path)
    assert other.execute("SELECT count(*) FROM nlp").fetchone()[0] == 10
    other.close()
    cache.close()


@pytest.mark.parametrize("junk", [b"", b"not a database at all" * 100, b"SQLite format 3\x00" +
                                  b"\xff" * 5000])
def test_a_damaged_cache_is_moved_aside(tmp_path, junk):
    path = tmp_path / CACHE_NAME
    path.write_bytes(junk)
    with BuildCache(path, fingerprint="fp") as cache:
        cache.put_many([(text_key("a"), NLP.to_json(), None)])
        assert cache.get_nlp(text_key("a")) == NLP
        if junk:
            assert "moved aside" in cache.note
    if junk:
        assert (tmp_path / (CACHE_NAME + ".broken")).read_bytes() == junk


def test_a_damaged_row_is_a_miss(tmp_path):
    path = tmp_path / CACHE_NAME
    with BuildCache(path, fingerprint="fp") as cache:
        cache._db.execute("INSERT INTO nlp VALUES (?, ?, ?)",  # noqa: SLF001
                          ("k", cache.version, b"garbage"))
        cache._db.execute("INSERT INTO analysis VALUES (?, ?, ?)",  # noqa: SLF001
                          ("k", "fp", b"garbage"))
        assert cache.get_nlp("k") is None
        assert cache.get_analysis("k") is None


# ------------------------------------------------------------------ builds with the cache


@pytest.fixture(scope="module")
def cached_sample(tmp_path_factory):
    """The bundled sample built once (in this process) into a folder with its cache."""
    from pipelines.build.orchestrate import build_corpus

    out = tmp_path_factory.mktemp("cached")
    corpus = tmp_path_factory.mktemp("corpus")
    for f in sample_path().glob("*.txt"):
        shutil.copy(f, corpus / f.name)
    result = build_corpus(corpus, out, n_process=1)
    return corpus, out, result


def _no_spacy(monkeypatch):
    import pipelines.nlp.model

    def boom():
        raise AssertionError("spaCy must not run")

    monkeypatch.setattr(pipelines.nlp.model, "load_model", boom)


def test_second_build_reuses_everything_without_spacy(cached_sample, monkeypatch, tmp_path):
    from pipelines.build.orchestrate import build_corpus

    corpus, out, first = cached_sample
    assert first.analysed == first.articles == 5
    out2 = tmp_path / "again"
    shutil.copytree(out, out2)
    _no_spacy(monkeypatch)
    second = build_corpus(corpus, out2, n_process=1)
    assert (second.reused, second.reanalysed, second.analysed) == (5, 0, 0)
    report = json.loads((out2 / "report.json").read_text(encoding="utf-8"))
    assert report["cache"]["reused"] == 5
    assert (out / "mentions.csv").read_bytes() == (out2 / "mentions.csv").read_bytes()
    assert second.edges == first.edges and second.actors == first.actors


def test_new_options_reanalyse_from_cached_spacy_output(cached_sample, monkeypatch, tmp_path):
    from pipelines.build.orchestrate import build_corpus

    corpus, out, _ = cached_sample
    out2 = tmp_path / "nocap"
    shutil.copytree(out, out2)
    _no_spacy(monkeypatch)
    result = build_corpus(corpus, out2, n_process=1, capitals=False)
    assert (result.reused, result.reanalysed, result.analysed) == (0, 5, 0)


def test_only_new_articles_run_through_spacy(cached_sample, tmp_path):
    from pipelines.build.orchestrate import build_corpus

    corpus, out, _ = cached_sample
    out2 = tmp_path / "more"
    shutil.copytree(out, out2)
    corpus2 = tmp_path / "corpus2"
    shutil.copytree(corpus, corpus2)
    (corpus2 / "zz_new.txt").write_text(
        "Nouvel article\n\nLe Niger et le Tchad ont annoncé un accord avec la France.\n",
        encoding="utf-8")
    result = build_corpus(corpus2, out2, n_process=1)
    assert (result.reused, result.reanalysed, result.analysed) == (5, 0, 1)
    assert result.articles == 6


# ---- issue 15 item 4: damage found anywhere never blocks a build; a full disk is one line


def _filled(path, n=300):
    with BuildCache(path, fingerprint="fp", version="v") as c:
        c.put_many([(f"{i:064x}", {"s": [], "e": []},
                     {"s": [os.urandom(1500).hex()], "c": [], "r": [], "a": {}})
                    for i in range(n)])
    return path


def _damage_pages(path, first, last):
    data = bytearray(path.read_bytes())
    for pg in range(first, last):
        data[pg * 4096 + 8:(pg + 1) * 4096] = os.urandom(4088)
    path.write_bytes(bytes(data))


def test_a_page_damaged_after_opening_is_moved_aside_on_read(tmp_path):
    path = _filled(tmp_path / "cache.sqlite")
    pages = path.stat().st_size // 4096
    _damage_pages(path, pages - 60, pages - 40)
    with BuildCache(path, fingerprint="fp", version="v") as c:
        assert c.note == ""  # opening did not touch the damaged pages
        found = [c.get_analysis(f"{i:064x}") for i in range(300)]
        assert None in found  # the damaged rows (and all after the move) are missing
        assert "malformed" in c.note and "cache.sqlite.broken" in c.note
        c.put_many([("k" * 64, {"s": [], "e": []}, None)])  # the new database works
        assert c.get_nlp("k" * 64) is not None
    assert (tmp_path / "cache.sqlite.broken").is_file()


def test_a_damaged_page_met_while_writing_is_moved_aside(tmp_path):
    path = _filled(tmp_path / "cache.sqlite")
    pages = path.stat().st_size // 4096
    _damage_pages(path, 2, pages)  # every b-tree page but the schema's
    with BuildCache(path, fingerprint="fp", version="v") as c:
        c.put_many([(f"{i:064x}", {"s": [], "e": []}, None) for i in range(300)])
        c.put_files([])
        c.keep_files(["x"])
        c.prune()
        assert c.get_nlp(f"{5:064x}") is not None
        assert "cache.sqlite.broken" in c.note


def test_a_full_disk_while_writing_the_cache_is_an_output_error(tmp_path):
    with BuildCache(tmp_path / "cache.sqlite", fingerprint="fp", version="v") as c:
        pages = c._db.execute("PRAGMA page_count").fetchone()[0]
        c._db.execute(f"PRAGMA max_page_count={pages + 2}")  # as if the disk were full
        with pytest.raises(OutputError, match="disk is full"):
            c.put_many([(f"{i:064x}", {"s": [os.urandom(2000).hex()]}, None)
                        for i in range(50)])
