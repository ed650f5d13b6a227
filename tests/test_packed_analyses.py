"""The build spills decoded analyses' sentences to a store; file records keep text keys."""

from __future__ import annotations

import os

import pytest

from graph.columns import SentenceStore, SpilledSentences
from graph.records import ArticleMeta
from pipelines.build.cache import FileRecord
from pipelines.build.orchestrate import _packed
from pipelines.nlp.analysis import ArticleAnalysis
from pipelines.nlp.extract import Candidate

TEXTS = ["Le Xland et l’Yland.", "", "Fin « ici » \udce9."]


def _analysis() -> ArticleAnalysis:
    return ArticleAnalysis(ArticleMeta(""), list(TEXTS),
                           [Candidate(3, 9, "Xland", "state", "state:x", "name", "LOC", 0)])


def test_spilled_once() -> None:
    store = SentenceStore()
    a = _packed(_analysis(), store)
    spilled = a.sentences
    assert isinstance(spilled, SpilledSentences) and list(spilled) == TEXTS
    assert _packed(a, store).sentences is spilled


def test_a_record_stores_text_keys_not_analyses() -> None:
    """A file record keeps its articles' text keys (their analyses are the analysis
    table's rows), whatever form the analyses it is made with are in."""
    store = SentenceStore()
    plain = [_analysis(), _analysis()]
    spilled = [_packed(_analysis(), store), _packed(_analysis(), store)]
    stubs = [("a", "", None, "", "", "k1", False), ("b", "", None, "", "", "k2", True)]
    want = FileRecord(stubs, plain, [], []).to_bytes()  # type: ignore[arg-type]
    got = FileRecord(stubs, spilled, [], []).to_bytes()  # type: ignore[arg-type]
    assert got == want and len(got) < 200
    assert all(isinstance(a.sentences, SpilledSentences) for a in spilled)  # left alone
    back = FileRecord.from_bytes(got)
    assert back is not None and back.stubs == stubs and back.analyses == []


def test_a_store_reads_back_every_article_also_in_a_forked_child() -> None:
    store = SentenceStore()
    articles = [[f"phrase {i}-{j} é" if (i + j) % 3 else "" for j in range(i % 5)]
                for i in range(200)]
    spilled = [store.pack(texts) for texts in articles]
    for texts, got in zip(articles, spilled, strict=True):
        assert list(got) == texts and [got[j] for j in range(len(texts))] == texts
        assert got[-1:] == texts[-1:] and len(got) == len(texts)
    with pytest.raises(IndexError):
        spilled[3][5]
    pid = os.fork()
    if pid == 0:  # the child reads what the parent wrote
        os._exit(0 if all(list(s) == t for s, t in zip(spilled, articles, strict=True)) else 1)
    assert os.waitpid(pid, 0)[1] == 0
    more = store.pack(["après"])  # the parent goes on writing after the fork
    assert list(more) == ["après"] and list(spilled[7]) == articles[7]


def test_a_store_that_cannot_be_written_is_an_output_error(monkeypatch) -> None:
    from pipelines.errors import OutputError

    store = SentenceStore()

    def full(*args: object) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "pwrite", full)
    with pytest.raises(OutputError, match="No space left"):
        _packed(_analysis(), store)
