"""French and world places of the gazetteer: names that must never become people."""

from __future__ import annotations

import pytest

from pipelines.nlp.extract import extract
from pipelines.nlp.gazetteer import load_gazetteer
from tests.test_extract import ner


def typed(text: str, *spans: tuple[str, str]) -> list[tuple[str, str, str]]:
    return [(c.text, c.type, c.entry_id) for c in extract(text, ner(text, *spans))]


@pytest.mark.parametrize(
    ("text", "entry_id"),
    [
        ("Bouches-du-Rhône", "place:bouches-du-rhone"),
        ("Bouches du Rhône", "place:bouches-du-rhone"),
        ("le Nord", "place:nord"),
        ("Somme", "place:somme"),
        ("Loire-Atlantique", "place:loire-atlantique"),
        ("Seine-Saint-Denis", "place:seine-saint-denis"),
        ("le Limousin", "place:limousin"),
        ("la Picardie", "place:picardie"),
        ("l'Auvergne", "place:auvergne"),
        ("Guyane", "place:guyane"),
        ("La Réunion", "place:reunion"),
        ("Californie", "place:californie"),
        ("Bavière", "place:baviere"),
        ("Catalogne", "place:catalogne"),
        ("Lombardie", "place:lombardie"),
        ("Wallonie", "place:wallonie"),
        ("Québec", "place:quebec"),
        ("Écosse", "place:ecosse"),
        ("Barcelone", "place:barcelone"),
        ("Milan", "place:milan"),
        ("les Pyrénées", "place:pyrenees"),
        ("Clermont-Ferrand", "place:clermont-ferrand"),
    ],
)
def test_place_lookups(text: str, entry_id: str) -> None:
    term = load_gazetteer().lookup(text)
    assert term is not None and term.entry_id == entry_id, text


@pytest.mark.parametrize("text", ["Est", "Ouest", "Sud", "Centre", "Hexagone", "Orange"])
def test_bare_words_are_not_places(text: str) -> None:
    assert load_gazetteer().lookup(text) is None, text


def test_a_department_is_a_place_not_a_person() -> None:
    text = "Les pompiers du Pas-de-Calais sont intervenus dans la Somme et en Haute-Vienne."
    out = typed(text, ("Pas-de-Calais", "PER"), ("Somme", "PER"))
    assert ("Pas-de-Calais", "place", "place:pas-de-calais") in out
    assert ("Somme", "place", "place:somme") in out
    assert not any(t == "person" for _, t, _ in out)


def test_a_first_name_that_is_a_city_stays_a_person() -> None:
    text = "Florence Dubreuil a visité Florence. Nancy a pris la parole."
    out = typed(text, ("Florence Dubreuil", "PER"), ("Florence", "LOC"), ("Nancy", "PER"))
    assert ("Florence Dubreuil", "person", "") in out
    assert ("Florence", "place", "place:florence") in out
    assert ("Nancy", "person", "") in out


def test_risky_place_followed_by_a_name_is_left_to_ner() -> None:
    text = "Selon Lourdes Martin, le pèlerinage a repris."
    out = typed(text, ("Lourdes Martin", "PER"))
    assert ("Lourdes Martin", "person", "") in out


def test_cardinal_words() -> None:
    # "le Nord" is the département (or the north of France); "l'Est", "l'Ouest", "le Sud" are
    # directions and never places of their own; "Corée du Nord" stays the state.
    text = "Des orages dans le Nord et dans l'Est, puis à l'Ouest et au Sud. La Corée du Nord tire."
    out = typed(text)
    assert ("Nord", "place", "place:nord") in out
    assert ("Corée du Nord", "state", "state:PRK") in out
    assert not any(t in ("Est", "Ouest", "Sud") for t, _, _ in out)


def test_a_surname_that_is_a_region_stays_a_person() -> None:
    text = "Touraine a répondu aux questions des députés."
    out = typed(text, ("Touraine", "PER"))
    assert ("Touraine", "person", "") in out


def test_a_place_whose_name_begins_with_le_is_found_after_du_and_au():
    from pipelines.nlp.extract import _resources

    matcher = _resources().matcher
    for text, found in (("le port du Havre", "Havre"), ("au Mans", "Mans"),
                        ("à La Rochelle", "La Rochelle")):
        assert [m.text for m in matcher.find(text)] == [found]
