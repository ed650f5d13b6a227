"""Things named after people are not person mentions (pipelines/named_after.py)."""

from __future__ import annotations

import pytest

from pipelines.nlp.named_after import names_a_thing


@pytest.mark.parametrize(("text", "span"), [
    ("Il a été transporté à l'hôpital Marcel-Vidal, à Lille.", "Marcel-Vidal"),
    ("La rue Jeanne Morel sera fermée lundi.", "Jeanne Morel"),
    ("Dans l'affaire Lenoir, le parquet a fait appel.", "Lenoir"),
    ("L'ouragan Gaston a touché la côte mardi.", "Gaston"),
    ("Le porte-avions Paul Vasseur a quitté Toulon.", "Paul Vasseur"),
    ("Le prix Anne Rivière lui a été remis.", "Anne Rivière"),
    ("Hôpital Marcel Vidal : les urgences saturées", "Hôpital Marcel Vidal"),
    ("Affaire Lenoir : le procès renvoyé", "Affaire Lenoir"),
    ("On la connaissait pour son rôle d'Aurore Vidal dans la série.", "Aurore Vidal"),
    ("Il incarnait Jean Lamothe avec brio.", "Jean Lamothe"),
    ("Quand elle jouait la Marthe de Dumas, la salle pleurait.", "Marthe"),
    ("Ses interprétations de Bérénice ont marqué.", "Bérénice"),
    ("Les aventures de Zéphyr Moulin, le justicier masqué, reviennent.", "Zéphyr Moulin"),
    ("Le kit représente Zéphyr Moulin (interprété par Paul Roux) sur sa moto.",
     "Zéphyr Moulin"),
    ("Elle enseigne au collège Paul et Jeanne Vasseur de Menton.", "Jeanne Vasseur"),
])
def test_a_name_after_a_thing_noun_names_the_thing(text: str, span: str) -> None:
    assert names_a_thing(text, text.index(span), span)


@pytest.mark.parametrize(("text", "span"), [
    ("Le président Paul Vasseur a parlé.", "Paul Vasseur"),
    ("Selon Jeanne Morel, la rue sera fermée.", "Jeanne Morel"),
    ("Place à Paul Roux, qui a gagné.", "Paul Roux"),
    ("La Rue est à nous, a dit Paul Roux.", "Paul Roux"),
    ("Le rôle de Paul Roux dans l'affaire reste flou, a dit Anne Roux.", "Paul Roux"),
    ("Le rôle de Paul Roux dans l'affaire reste flou, a dit Anne Roux.", "Anne Roux"),
    ("Elle joue avec Paul Roux ce soir.", "Paul Roux"),
    ("Les aventures de la famille ont ému Paul Roux.", "Paul Roux"),
    ("Paul Roux, joueur du club, a marqué.", "Paul Roux"),
])
def test_a_person_is_still_a_person(text: str, span: str) -> None:
    assert not names_a_thing(text, text.index(span), span)


def test_events_and_agreements_are_no_actors():
    from pipelines.nlp.named_after import opens_with_an_event

    for span in ("Traité de Lisbonne", "Festival de Cannes", "Sommet du G20",
                 "Accords de Minsk"):
        assert opens_with_an_event(span), span
    for span in ("Opération Barkhane", "Conseil de sécurité", "Sommet"):
        assert not opens_with_an_event(span), span


@pytest.mark.parametrize(("text", "span", "kind"), [
    ("Les biscuits du groupe Lenoir sont rappelés.", "Lenoir", "group"),
    ("La marque Vasseur Frères a démenti.", "Vasseur Frères", "group"),
    ("Le laboratoire Morel a publié ses essais.", "Morel", "group"),
    ("Selon le magazine Horizons Verts, tout va bien.", "Horizons Verts", "media"),
    ("Le président Paul Lenoir a parlé.", "Paul Lenoir", ""),
])
def test_the_word_before_a_name_says_what_it_is(text: str, span: str, kind: str) -> None:
    from pipelines.nlp.named_after import type_cue

    assert type_cue(text, text.index(span)) == kind


def test_a_couple_named_without_a_thing_noun_stays_people() -> None:
    text = "Elle a croisé Paul et Jeanne Vasseur au marché."
    assert not names_a_thing(text, text.index("Jeanne Vasseur"), "Jeanne Vasseur")
