"""A capital names its state only where the state acts through it (pipelines.nlp.capitals)."""

from __future__ import annotations

import pytest

from graph.records import ArticleMeta
from pipelines.nlp.analysis import analyse_article
from pipelines.nlp.capitals import names_the_city
from pipelines.nlp.extract import Options
from pipelines.resolution.resolve import Resolver
from tests.test_extract import _resolve, ner


def _city(text: str, capital: str) -> bool:
    return names_the_city(text, text.index(capital))


@pytest.mark.parametrize("text, capital", [
    ("Un concert gratuit aura lieu samedi à Paris.", "Paris"),
    ("Elle est née à Lisbonne en 1950.", "Lisbonne"),
    ("Le maire de Paris a inauguré la piscine.", "Paris"),
    ("Le parquet de Madrid a ouvert une enquête.", "Madrid"),
    ("Les rues de Rome étaient vides.", "Rome"),
    ("Le texte reprend l'accord de Paris sur le climat.", "Paris"),
    ("Un vol en provenance d'Athènes a atterri.", "Athènes"),
    ("Les journalistes ont suivi le match depuis Berlin.", "Berlin"),
    ("Il a grandi dans Londres et sa banlieue.", "Londres"),
    ("Des milliers de personnes ont défilé, dimanche, à Moscou.", "Moscou"),
])
def test_a_capital_in_a_place_phrase_is_the_city(text, capital):
    assert _city(text, capital)


@pytest.mark.parametrize("text, capital", [
    ("Les visiteurs de Disneyland Lisbonne ont afflué.", "Lisbonne"),
    ("Un TGV Madrid-Séville a déraillé.", "Madrid"),
    ("La ligne Porto-Lisbonne est coupée.", "Lisbonne"),
    ("Selon Rome Match, le couple s'est séparé.", "Rome"),
    ("A Lisbonne, le cortège partira à midi.", "Lisbonne"),
])
def test_a_capital_inside_a_name_or_a_route_is_the_city(text, capital):
    start = text.index(capital)
    assert names_the_city(text, start, start + len(capital))


@pytest.mark.parametrize("text", ["Mais Lisbonne refuse.", "« Lisbonne refuse », dit-il.",
                                  "Le ton monte entre Rabat et Lisbonne."])
def test_a_capital_after_a_sentence_opening_word_may_still_be_the_state(text):
    start = text.index("Lisbonne")
    assert not names_the_city(text, start, start + len("Lisbonne"))


@pytest.mark.parametrize("text, capital", [
    ("Paris a annoncé le retrait de ses troupes.", "Paris"),
    ("Le ton monte entre Rabat et Madrid.", "Madrid"),
    ("Le ministre a adressé un message très ferme à Londres.", "Londres"),
    ("Le Premier ministre reproche à Paris son silence.", "Paris"),
    ("Le projet est jugé à Berlin comme une faute.", "Berlin"),
    ("La position officielle de Pékin n'a pas changé.", "Pékin"),
    ("Les autorités de Téhéran démentent.", "Téhéran"),
    ("Le soutien d'Ankara reste acquis.", "Ankara"),
    ("Lors de sa visite officielle de deux jours à Tokyo, le président a signé.", "Tokyo"),
    ("Le chef de la diplomatie, reçu à Pékin, a plaidé pour la paix.", "Pékin"),
    ("Selon Washington, la trêve est rompue.", "Washington"),
])
def test_a_capital_through_which_its_state_acts_is_the_state(text, capital):
    assert not _city(text, capital)


def test_a_city_capital_is_a_place_mention_and_the_acting_one_the_state():
    text = ("Le parquet de Lisbonne a ouvert une enquête mardi.\n"
            "Une manifestation a eu lieu à Lisbonne.\n"
            "Lisbonne a protesté auprès de Madrid.")
    docs, _ = _resolve((text, [("Lisbonne", "LOC"), ("Lisbonne", "LOC"), ("Lisbonne", "LOC"),
                               ("Madrid", "LOC")]))
    rows = [(m.text, m.entity, m.type) for m in docs[0].mentions]
    assert rows == [("parquet de Lisbonne", "group:parquet-de-lisbonne", "group"),
                    ("Lisbonne", "place:lisbonne", "place"),
                    ("Lisbonne", "place:lisbonne", "place"),
                    ("Lisbonne", "state:PRT", "state"),
                    ("Madrid", "state:ESP", "state")]


def test_no_capitals_option_makes_every_capital_a_place():
    text = "Pékin a répondu."
    analyses = [analyse_article(ArticleMeta("a0"), text, ner(text, ("Pékin", "LOC")),
                                Options(capitals=False))]
    docs, _ = Resolver().resolve(analyses)
    assert [(m.text, m.type) for m in docs[0].mentions] == [("Pékin", "place")]
