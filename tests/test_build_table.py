"""build_graph on a mention table (graph.build_table, the numpy path) gives exactly the
graph of the reference implementation, as the per-article path does."""

from __future__ import annotations

import random

import pytest
from test_build_graph_speed_exact import _random_docs, _reference_build_graph, _snapshot

from graph.build import ArticleMentions, build_graph
from graph.build_table import one_table
from graph.columns import MentionTable


def _tabled(docs: list[ArticleMentions]) -> list[ArticleMentions]:
    """The same articles, their mentions as consecutive slices of one table."""
    table = MentionTable()
    out = []
    for doc in docs:
        rows = [(m.entity, m.label, m.type, m.text, m.start, m.end, m.sentence)
                for m in doc.mentions]
        out.append(ArticleMentions(doc.meta, doc.sentences,
                                   table.add_article(doc.meta.id, rows)))
    return out


@pytest.mark.parametrize("window", ["article", "sentence"])
@pytest.mark.parametrize("seed", range(40))
def test_random_tables_give_the_reference_graph(seed: int, window: str) -> None:
    rng = random.Random(seed)
    docs, entities = _random_docs(rng, rng.randint(0, 60), rng.randint(1, 25))
    tabled = _tabled(docs)
    assert one_table(tabled) is not None or not tabled
    for ents, cap in ((entities, rng.choice((0, 1, 3, 100))), (None, 3)):
        got = build_graph(tabled, ents, window=window, max_evidence=cap)  # type: ignore[arg-type]
        want = _reference_build_graph(docs, ents, window=window, max_evidence=cap)
        assert _snapshot(got) == _snapshot(want)


def test_only_consecutive_slices_of_one_table_take_the_table_path() -> None:
    docs, _ = _random_docs(random.Random(2), 6, 4)
    tabled = _tabled(docs)
    assert one_table(tabled) is tabled[0].mentions._table  # type: ignore[attr-defined]
    assert one_table(tabled[::-1]) is None or len(tabled) < 2  # out of order
    assert one_table([*tabled[:1], docs[1]]) is None  # a plain list of mentions
    assert one_table(_tabled(docs[:1]) + _tabled(docs[1:2])) is None  # two tables


def test_runs_combined_and_lexsorted_agree() -> None:
    import numpy as np

    from graph.build_table import _lexsorted_runs, _runs

    rng = np.random.default_rng(4)
    cols = (rng.integers(-3, 9, 500), rng.integers(0, 4, 500), rng.integers(0, 50, 500))
    order, starts = _runs(*cols)
    want_order, want_starts = _lexsorted_runs(cols)
    assert order.tolist() == want_order.tolist() and starts.tolist() == want_starts.tolist()
    wide = (rng.integers(0, 2**40, 50), rng.integers(0, 2**40, 50))  # too wide: lexsort
    assert _runs(*wide)[0].tolist() == _lexsorted_runs(wide)[0].tolist()
