"""The build keeps decoded analyses' sentences packed, and stores them as lists."""

from __future__ import annotations

import pickle

from graph.columns import PackedSentences
from graph.records import ArticleMeta
from pipelines.build.cache import FileRecord
from pipelines.build.orchestrate import _listed, _packed
from pipelines.nlp.analysis import ArticleAnalysis
from pipelines.nlp.extract import Candidate


def _analysis() -> ArticleAnalysis:
    return ArticleAnalysis(ArticleMeta(""), ["Le Xland et l’Yland.", "", "Fin « ici »."],
                           [Candidate(3, 9, "Xland", "state", "state:x", "name", "LOC", 0)])


def test_packed_once() -> None:
    a = _packed(_analysis())
    packed = a.sentences
    assert isinstance(packed, PackedSentences) and list(packed) == _analysis().sentences
    assert _packed(a).sentences is packed


def test_stored_records_are_those_of_plain_lists() -> None:
    plain = [_analysis(), _analysis()]
    packed = [_packed(_analysis()), _packed(_analysis())]
    stubs = [("a", "", None, "", "", "k", False)] * 2
    want = FileRecord(stubs, plain, [], []).to_bytes()  # type: ignore[arg-type]
    got = FileRecord(stubs, _listed(packed), [], []).to_bytes()  # type: ignore[arg-type]
    assert pickle.loads(got) == pickle.loads(want)  # the same data (maybe not shared alike)
    assert all(isinstance(a.sentences, PackedSentences) for a in packed)  # packed again
    back = FileRecord.from_bytes(got)
    assert back is not None and back.analyses[0].sentences == plain[0].sentences
