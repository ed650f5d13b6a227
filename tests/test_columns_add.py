"""MentionTable.add_columns: the same table as add_article, and bad columns refused."""

from __future__ import annotations

import pytest

from graph.columns import MentionTable

ROWS = [("state:x", "X", "state", "Xland", 0, 5, 0), ("person:y", "Y", "person", "Y", 9, 10, 1),
        ("state:x", "X", "state", "les Xois", 20, 28, 1)]


def test_add_columns_gives_what_add_article_gives() -> None:
    by_rows, by_columns = MentionTable(), MentionTable()
    a = by_rows.add_article("a1", ROWS)
    refs = [by_columns.refs[e, lab, t] for e, lab, t, *_ in ROWS]
    texts = [by_columns.texts[r[3]] for r in ROWS]
    b = by_columns.add_columns("a1", refs, texts, [r[4] for r in ROWS], [r[5] for r in ROWS],
                               [r[6] for r in ROWS])
    assert list(a) == list(b) and a.columns() == b.columns()
    assert refs == [0, 1, 0] and texts == [0, 1, 2]
    assert by_columns.add_columns("a2", [], [], [], [], []).columns() == ([],) * 7


def test_bad_columns_are_refused() -> None:
    table = MentionTable()
    ref, text = table.refs["e", "E", "state"], table.texts["t"]
    with pytest.raises(ValueError):
        table.add_columns("a", [ref, ref], [text], [0], [1], [0])
    with pytest.raises(ValueError):
        table.add_columns("a", [ref + 1], [text], [0], [1], [0])
    assert len(table) == 0
