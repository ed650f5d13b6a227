"""Names that are no actor, or another actor than NER says, by the words around them
(issue 11, node audit): animals, species, characters, works, programmes, governed lists,
news agencies and outlets, cue-typed organisations. Hand-made NER output; each rule has
a real actor in a like sentence that survives."""

from __future__ import annotations

import pytest

from pipelines.nlp.thing_cues import after_a_bare_masculine_article
from tests.test_extract import _resolve, typed


def _names(text: str, *spans: tuple[str, str]) -> list[tuple[str, str]]:
    """The candidates but states (demonyms such as "chinoise" are states)."""
    return [(t, ty) for t, ty, _ in typed(text, *spans) if ty != "state"]


# -- 1. animals and species -----------------------------------------------------------
def test_a_name_after_an_animal_noun_is_no_actor_in_the_whole_article():
    text = ("La femelle ours brun Mila Rose a eu deux petits au parc.\n"
            "Mila Rose se porte bien, selon le vétérinaire Paul Lefranc. L'alligator Gros "
            "Jules a été relâché. Le mâle Togo vit avec la girafe Zélie.")
    out = _names(text, ("Mila Rose", "PER"), ("Mila Rose", "PER"), ("Paul Lefranc", "PER"),
                 ("Gros Jules", "PER"), ("Togo", "PER"), ("Zélie", "PER"))
    assert out == [("Paul Lefranc", "person")]


def test_an_adjective_after_the_animal_noun_counts_but_a_verb_does_not():
    text = ("Le soigneur du gorille argenté Yun Fei parle. Le chien a mordu Jean Morel.")
    out = _names(text, ("Yun Fei", "PER"), ("Jean Morel", "PER"))
    assert out == [("Jean Morel", "person")]


def test_a_latin_species_is_no_actor():
    text = "Les chercheurs suivent les Lutra Lutra lutra et Marie Vasseur les compte."
    out = _names(text, ("Lutra Lutra", "PER"), ("Marie Vasseur", "PER"))
    assert out == [("Marie Vasseur", "person")]


# -- 2. characters and works ----------------------------------------------------------
def test_a_role_in_an_article_about_a_series_is_a_character():
    text = ("Le tournage de la saison 3 commence.\nDans la série, Paul Roux alias Marc "
            "Delmas enquête à Nantes. L'interprète de Marc Delmas, Paul Roux, est ravi.")
    out = _names(text, ("Paul Roux", "PER"), ("Marc Delmas", "PER"), ("Nantes", "LOC"),
                 ("Marc Delmas", "PER"), ("Paul Roux", "PER"))
    assert out == [("Paul Roux", "person"), ("Nantes", "place"), ("Paul Roux", "person")]


def test_an_alias_outside_a_screen_work_or_after_a_quoted_role_is_kept():
    text = ("Le suspect, Karim Benali alias Abou Hafs, a été arrêté.\n"
            "Le tournage reprend. \"Rita et Lola\", alias Léa Morel et Anne Ravel, reviennent.")
    out = _names(text, ("Karim Benali", "PER"), ("Abou Hafs", "PER"), ("Léa Morel", "PER"),
                 ("Anne Ravel", "PER"))
    assert ("Léa Morel", "person") in out and ("Anne Ravel", "person") in out


def test_the_names_of_a_work_summary_are_characters_not_those_of_a_true_story():
    text = ("Le roman raconte la rencontre de Clara Viguier avec un marin, Yann Kerlan.\n"
            "Le film raconte la vie de Jean Moreau, résistant.")
    out = _names(text, ("Clara Viguier", "PER"), ("Yann Kerlan", "PER"),
                 ("Jean Moreau", "PER"))
    assert out == [("Jean Moreau", "person")]


def test_a_list_governed_by_a_work_noun_holds_titles():
    text = "Elle a joué dans des séries Les Voisins, Maison Rouge ou encore Paul Lenoir."
    out = _names(text, ("Les Voisins", "PER"), ("Maison Rouge", "PER"), ("Paul Lenoir", "PER"))
    assert out == []


def test_a_title_after_a_cue_and_its_channel_or_quoted_is_no_person():
    text = ("Le feuilleton judiciaire de TF1 Commissaire Morand plaît.\nLa comédienne du "
            "feuilleton \"Commissaire Lenoir\" a reçu un prix, a dit le commissaire Paul Roux.")
    out = _names(text, ("TF1", "ORG"), ("Commissaire Morand", "PER"),
                 ("Commissaire Lenoir", "PER"), ("commissaire Paul Roux", "PER"))
    assert out == [("TF1", "media"), ("Paul Roux", "person")]


def test_a_programme_said_to_be_broadcast_is_no_actor_but_a_maker_is():
    text = ("L'émission \"Moto Club\", diffusée sur Arte, s'arrête.\n"
            "Le documentaire de Léa Morel diffusé lundi a plu.")
    out = _names(text, ("Moto Club", "ORG"), ("Arte", "ORG"), ("Léa Morel", "PER"))
    assert not any(name == "Moto Club" for name, _ in out)
    assert ("Léa Morel", "person") in out


def test_a_quoted_song_as_a_subject_is_no_person():
    text = "\"Rouge Feu\" (sorti en 2019) me fait danser, raconte Léa Morel."
    out = _names(text, ("Rouge Feu", "PER"), ("Léa Morel", "PER"))
    assert out == [("Léa Morel", "person")]


# -- 3. media -------------------------------------------------------------------------
def test_a_news_agency_is_a_medium_wherever_the_article_names_it():
    text = ("L'agence de presse turque Farsan rapporte que trois soldats sont morts.\n"
            "D'après l'agence Farsan, l'attaque a eu lieu lundi. L'agence Vendex a noté la "
            "banque.")
    out = _names(text, ("Farsan", "PER"), ("Farsan", "ORG"), ("Vendex", "ORG"))
    assert out == [("Farsan", "media"), ("Farsan", "media"), ("Vendex", "group")]


def test_an_interview_given_to_a_name_makes_it_a_medium_not_a_journalist():
    text = ("Lors d'une interview accordée à Motor Weekly, le patron parle.\n"
            "Elle l'a dit dans les colonnes du Clairon. Il a accordé un entretien à Paul "
            "Roux.")
    out = _names(text, ("Motor Weekly", "ORG"), ("Clairon", "PER"), ("Paul Roux", "PER"))
    assert out == [("Motor Weekly", "media"), ("Clairon", "media"), ("Paul Roux", "person")]


def test_world_news_agencies_and_trade_outlets_are_known_media():
    text = "Selon Car and Driver et l'agence Bernama, citées par Kyodo."
    out = _names(text)
    assert ("Car and Driver", "media") in out and ("Kyodo", "media") in out
    assert any("Bernama" in name and kind == "media" for name, kind in out)


# -- 4. products and brands -----------------------------------------------------------
def test_items_of_a_list_governed_by_a_noun_of_things_or_companies():
    text = ("Elle cible huit plateformes (Louvio, Paul Abri et Gîtaro).\n"
            "Daïquiri, sangria, Mango Tango... les cocktails sont à la fête. Sa gamme Pina Verde "
            "plaît à Jean Roux.")
    out = _names(text, ("Louvio", "ORG"), ("Paul Abri", "PER"), ("Gîtaro", "PER"),
                 ("Daïquiri", "PER"), ("Mango Tango", "PER"), ("Pina Verde", "PER"),
                 ("Jean Roux", "PER"))
    assert out == [("Louvio", "group"), ("Paul Abri", "group"), ("Gîtaro", "group"),
                   ("Jean Roux", "person")]


def test_a_complement_or_a_plain_comma_after_a_list_noun_makes_no_list():
    text = ("Il a vendu des livres sterling à Karim Benali. Loin des chaînes, Paul Roux se "
            "tait.\nSa maison de disques Vendex l'a lâché. Il parle des films de Léa Morel.")
    out = _names(text, ("Karim Benali", "PER"), ("Paul Roux", "PER"), ("Vendex", "PER"),
                 ("Léa Morel", "PER"))
    assert ("Karim Benali", "person") in out and ("Paul Roux", "person") in out
    assert ("Léa Morel", "person") in out


# -- 5. a person's name used for a company, a band, a painting -------------------------
def test_a_company_named_after_a_family_does_not_join_a_family_member():
    docs, _ = _resolve(
        ("Le groupe Dassier a publié ses comptes. La directrice du groupe, Marie Dassier, "
         "l'a signée.\nSelon le groupe Dassier, tout va bien.",
         [("Dassier", "PER"), ("Marie Dassier", "PER"), ("Dassier", "ORG")]),
    )
    by_text = {(m.text, m.type) for d in docs for m in d.mentions}
    assert ("Dassier", "group") in by_text and ("Marie Dassier", "person") in by_text
    assert ("Dassier", "person") not in by_text


def test_a_member_of_a_group_named_like_a_person_names_the_group():
    text = ("Il était membre du groupe Louis Verlaine dans les années 1960.\n"
            "La présidente du groupe Odile Ravel a parlé.")
    out = _names(text, ("Louis Verlaine", "PER"), ("Odile Ravel", "PER"))
    assert out == [("Louis Verlaine", "group"), ("Odile Ravel", "person")]


def test_a_painting_after_a_verb_of_trading_is_no_person():
    text = ("Il veut acheter un Lemoine aux enchères.\nUn Lemoine déjà différent parle. "
            "Lemoine a peint ce tableau.")
    out = _names(text, ("Lemoine", "PER"), ("Lemoine", "PER"), ("Lemoine", "PER"))
    assert out == [("Lemoine", "person"), ("Lemoine", "person")]


def test_a_maker_in_a_list_of_models_stays_a_company():
    text = ("Il dessine des modèles Zorba, Lumex Holding et Vesta.\n"
            "Le patron de Zorba parle. Un ouvrage qui raconte la vie de Jean Roux paraît.")
    out = _names(text, ("Zorba", "ORG"), ("Lumex Holding", "ORG"), ("Vesta", "PER"),
                 ("Zorba", "ORG"), ("Jean Roux", "PER"))
    assert ("Lumex Holding", "group") in out and ("Jean Roux", "person") in out
    assert ("Vesta", "person") not in out


def test_a_plain_noun_before_a_list_noun_governs_no_list():
    text = "La journaliste culinaire et séries Léa Morel relate des menaces."
    assert _names(text, ("Léa Morel", "PER")) == [("Léa Morel", "person")]


def test_a_name_apposed_to_a_news_agency_is_a_medium():
    text = "Vendexa, l'agence de presse officielle du pays, a publié la liste."
    assert _names(text, ("Vendexa", "PER")) == [("Vendexa", "media")]


@pytest.mark.parametrize(("text", "name", "thing"), [
    ("Les migrants à bord du Jeanne Morel ont été secourus.", "Jeanne Morel", True),
    ("Le Jeanne Morel a accosté à Lampedusa.", "Jeanne Morel", True),
    ("Ils ont dîné au Paul Vidal, une table étoilée.", "Paul Vidal", True),
    ("Il chantait du Paul Vidal dans les couloirs.", "Paul Vidal", True),
    ("Le Duc de Kent est arrivé.", "Duc de Kent", False),
    ("Le chef Paul Vidal est arrivé.", "Paul Vidal", False),
    ("Selon le ministre Paul Vidal, tout va bien.", "Paul Vidal", False),
    ("Jeanne Morel a accosté à Lampedusa.", "Jeanne Morel", False),
    ("Le Vidal est arrivé.", "Vidal", False),
])
def test_a_full_name_after_a_bare_masculine_article_is_a_thing(text, name, thing):
    a = text.index(name)
    assert after_a_bare_masculine_article(text, a, a + len(name)) is thing


def test_two_first_names_joined_in_one_span_are_no_one_node():
    text = "Les frères Marchal, Christian et Dominique, ont gagné en 1988."
    assert _names(text, ("Christian et Dominique", "PER")) == []
