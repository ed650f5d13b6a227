"""add_interactions' shortcuts give what the plain calls give (values and key order)."""

from __future__ import annotations

from graph.interactions import InteractionRow, _none_counts, _record, set_counts
from graph.timeline import UNDATED, _Months


def test_record_is_to_dict_without_offsets() -> None:
    rec = InteractionRow("a1", 2, "state:x", "group:y", "verbal_conflict", "menace", False,
                         "menacer", "X menace Y.", 4, 11)
    want = {k: v for k, v in rec.to_dict().items() if k not in ("start", "end")}
    assert list(_record(rec).items()) == list(want.items())


def test_none_counts_are_set_counts_of_an_edge_without_interactions() -> None:
    plain = {"weight": 2, "tone": 0.5}
    set_counts(plain)
    fast = {"weight": 2, "tone": 0.5}
    fast.update(_none_counts())
    assert list(fast.items()) == list(plain.items())


def test_months_of_unknown_articles_are_undated() -> None:
    months = _Months({"a": "2021-03"})
    assert months["a"] == "2021-03" and months["zz"] == UNDATED and "zz" not in months
