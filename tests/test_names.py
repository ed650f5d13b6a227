"""fold_many folds many names at once, exactly as fold does one by one."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from graph.names import fold, fold_many

NAMES = ["L’Élysée", "la Côte d’Ivoire", "Les Républicains", "Le", "le ", "ŒUVRE",
         "Сергей Лавров", "Jean-Yves  LE DRIAN", "l'  ", "", "  ", "Ａｂｃ", "ﬁnance",
         "e\u0301tat", "\u0301initial", "la\u00a0France", "Σίσυφος", "ΟΔΟΣ", "Straße",
         "محمد", "習近平", "a\x1cb", "fin\u2028ligne", "x;y,z", "«Barkhane»", "ǅemal"]


def test_fold_many_examples() -> None:
    assert fold_many(NAMES) == [fold(n) for n in NAMES]
    assert fold_many([]) == []
    assert fold_many(["une\x00deux", "Mali"]) == [fold("une\x00deux"), "mali"]  # NUL inside


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=30), max_size=20))
def test_fold_many_is_fold(names: list[str]) -> None:
    assert fold_many(names) == [fold(n) for n in names]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(codec="utf-8"), max_size=12)
                .map(lambda s: "  La " + s + "- ’"), max_size=10))
def test_fold_many_with_articles_and_separators(names: list[str]) -> None:
    assert fold_many(names) == [fold(n) for n in names]
