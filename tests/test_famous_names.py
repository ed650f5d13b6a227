"""data/famous_names.csv: well formed; no name of it is a word, a place or a non-actor."""

from __future__ import annotations

import csv
import json
from importlib import resources

import pytest

from pipelines.nlp.famous import FIELDS, famous_names, famous_rows, is_famous
from pipelines.resolution.people import fold_token
from pipelines.text import name_key

DATA = resources.files("pipelines").joinpath("data")


def _text(name: str) -> str:
    return DATA.joinpath(name).read_text("utf-8")


def _jsonl(name: str) -> list[dict]:
    return [json.loads(line) for line in _text(name).splitlines() if line.strip()]


def test_file_parses_with_header_and_unix_line_ends():
    raw = DATA.joinpath("famous_names.csv").read_bytes()
    assert b"\r" not in raw
    text = raw.decode("utf-8")
    assert text.splitlines()[0] == "name,field"
    rows = list(csv.reader(text.splitlines()[1:]))
    assert all(len(r) == 2 for r in rows)
    assert len(rows) == len(famous_rows()) > 2000


def test_no_empty_field_no_duplicate_known_fields():
    rows = famous_rows()
    assert all(name.strip() == name and name and field for name, field in rows)
    names = [name for name, _ in rows]
    assert len(names) == len(set(names)) == len(famous_names())
    assert {field for _, field in rows} == set(FIELDS)


def test_one_word_names_of_three_letters_or_more():
    for name in famous_names():
        assert " " not in name, name
        assert sum(c.isalpha() for c in name) >= 3, name
        assert name[0].isupper(), name


def test_no_common_noun():
    nouns = {fold_token(w) for w in _text("nouns_fr.csv").splitlines()[1:] if w}
    assert sorted(n for n in famous_names() if fold_token(n) in nouns) == []


def test_no_lexicon_word():
    words = {name_key(line.split(",")[0]) for line in _text("lexicon_fr.csv").splitlines()[1:]}
    assert sorted(n for n in famous_names() if name_key(n) in words) == []


def _names(entries: list[dict], keys: tuple[str, ...]) -> set[str]:
    out = set()
    for e in entries:
        for key in keys:
            value = e.get(key) or []
            out.update(name_key(v) for v in ([value] if isinstance(value, str) else value))
    return out


def test_no_place_or_state_name():
    places = _names(_jsonl("places.jsonl") + _jsonl("regions_fr.jsonl"), ("label", "names"))
    places |= _names(_jsonl("states.jsonl"), ("label", "names", "capitals", "demonyms"))
    assert sorted(n for n in famous_names() if name_key(n) in places) == []


def test_no_first_name_of_an_official():
    firsts = {name_key(e["label"].split()[0]) for e in _jsonl("officials.jsonl")
              if " " in e["label"]}
    assert sorted(n for n in famous_names() if name_key(n) in firsts) == []


def test_no_non_actor_of_the_noise_rules():
    kinds = {"religious", "generic", "car_brand", "honorific", "media_word"}
    words = {name_key(e["text"]) for e in _jsonl("noise.jsonl")
             if e.get("kind") in kinds and "text" in e}
    assert sorted(n for n in famous_names() if name_key(n) in words) == []


@pytest.mark.parametrize("name", ["Brassens", "Kandinsky", "Tchekhov", "Federer", "Hergé",
                                  "Robespierre", "Einstein", "Giacometti", "Lagerfeld",
                                  "Saint-Exupéry", "N'Dour", "Dostoïevski"])
def test_famous_one_word_names_are_there(name):
    assert name in famous_names()


@pytest.mark.parametrize("name", ["Hugo", "France", "Lyon", "Martin", "Blanc", "Pierre",
                                  "Lourdes", "Vinci", "Dior", "Jésus", "Thomas", "Petit"])
def test_words_first_names_and_places_are_not(name):
    assert name not in famous_names()


def test_loader_is_cached():
    assert famous_names() is famous_names()


@pytest.mark.parametrize("written", ["BRASSENS", "kandinsky", "Tchekhov", "N’Dour", "Herge"])
def test_is_famous_ignores_case_accents_and_apostrophe(written):
    assert is_famous(written)


@pytest.mark.parametrize("written", ["Lyon", "Brassens Georges", "", "Pierre"])
def test_is_famous_rejects_others(written):
    assert not is_famous(written)


def test_a_famous_lone_name_goes_to_the_one_office_holder_the_gazetteer_knows():
    from tests.test_extract import _resolve

    docs, _ = _resolve(
        ("Adolf Hitler a envahi la Pologne en 1939.", [("Adolf Hitler", "PER"),
                                                       ("Pologne", "LOC")]),
        ("Klara Hitler est morte en 1907.", [("Klara Hitler", "PER")]),
        ("Un livre sur Hitler sort en librairie.", [("Hitler", "PER")]),
    )
    assert [(m.text, m.entity) for m in docs[2].mentions] == [("Hitler", "person:adolf-hitler")]
    assert [m.entity for m in docs[1].mentions] == ["person:klara-hitler"]


def test_a_famous_name_in_history_alone_goes_to_its_office_holder_without_context():
    from tests.test_extract import _resolve

    docs, _ = _resolve(
        ("Joseph Goebbels dirigeait la propagande.", [("Joseph Goebbels", "PER")]),
        ("Un film sur Goebbels sort en salle.", [("Goebbels", "PER")]),
    )
    assert [m.entity for m in docs[1].mentions] == ["person:joseph-goebbels"]


def test_a_painter_s_famous_name_does_not_go_to_an_office_holder_bearing_it():
    from tests.test_extract import _resolve

    docs, _ = _resolve(
        ("Hun Manet a été nommé Premier ministre.", [("Hun Manet", "PER")]),
        ("Une toile de Manet a été vendue.", [("Manet", "PER")]),
    )
    assert [m.entity for m in docs[1].mentions] != ["person:hun-manet"]


def test_among_office_holders_sharing_a_famous_name_the_historic_one_is_meant():
    from tests.test_extract import _resolve

    # the gazetteer knows Benito Mussolini (1922) and Alessandra Mussolini (an MEP)
    docs, _ = _resolve(
        ("Alessandra Mussolini a été élue au Parlement européen.",
         [("Alessandra Mussolini", "PER")]),
        ("Un livre sur Mussolini sort en librairie.", [("Mussolini", "PER")]),
    )
    assert [(m.text, m.entity) for m in docs[1].mentions] == [
        ("Mussolini", "person:benito-mussolini")]


def test_a_usual_acronym_of_an_office_holder_names_them():
    from tests.test_extract import _resolve

    docs, _ = _resolve(("Selon VGE, la réforme était urgente.", [("VGE", "PER")]))
    assert [m.entity for m in docs[0].mentions] == ["person:valery-giscard-d-estaing"]

