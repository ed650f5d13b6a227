"""Lower-case public institutions (pipelines/institutions.py)."""

from __future__ import annotations

import pytest

from pipelines.nlp.institutions import find_institutions


@pytest.mark.parametrize(("text", "found"), [
    ("Le ministère de l'Intérieur a démenti.", "ministère de l'Intérieur"),
    ("Le ministère des Affaires étrangères a convoqué l'ambassadeur.",
     "ministère des Affaires étrangères"),
    ("Au ministère de la Transition écologique et solidaire, on se tait.",
     "ministère de la Transition écologique et solidaire"),
    ("Selon le parquet de Grenoble, l'enquête avance.", "parquet de Grenoble"),
    ("Le tribunal correctionnel de Créteil a condamné le prévenu.",
     "tribunal correctionnel de Créteil"),
    ("Le conseil départemental du Nord a voté.", "conseil départemental du Nord"),
    ("La préfecture de police de Paris a interdit la marche.",
     "préfecture de police de Paris"),
    ("Le samu de Strasbourg est intervenu.", "samu de Strasbourg"),
    ("Le ministere de l'Interieur, sans accents, a parlé.", "ministere de l'Interieur"),
])
def test_a_lower_case_institution_with_a_capitalised_complement(text: str, found: str) -> None:
    assert [i.text for i in find_institutions(text)] == [found]


@pytest.mark.parametrize("text", [
    "Le ministère de la justice a parlé.",  # no capitalised complement
    "Le Ministère de la Culture a parlé.",  # NER's to find
    "Il a quitté la mairie de bonne heure.",
    "Le parquet du salon a été refait.",
    # a seat one goes to is the building, a place
    "Ils se sont mariés à la mairie de Pinerolo samedi.",
    "Placé en garde à vue à la gendarmerie d'Agen, il a avoué.",
    "Il a porté plainte à la gendarmerie de Cluses.",
])
def test_no_institution(text: str) -> None:
    assert find_institutions(text) == []


@pytest.mark.parametrize(("text", "found"), [
    ("Le ministère des Sports espère quatre médailles.", "ministère des Sports"),
    ("Selon le bilan du ministère de la Santé communiqué mardi, tout va bien.",
     "ministère de la Santé"),
])
def test_a_verb_after_the_complement_is_not_part_of_it(text: str, found: str) -> None:
    assert [i.text for i in find_institutions(text)] == [found]


# -- capitalised organs every state has, named without their state --------------------------
def test_a_state_organ_takes_the_state_of_its_sentence():
    from graph.records import ArticleMeta
    from pipelines.nlp.analysis import analyse_article
    from pipelines.resolution.resolve import Resolver
    from tests.test_extract import ner

    texts = [("Le Sénat a adopté le budget, se félicite Paris.", [("Sénat", "ORG")]),
             ("Le Sénat a voté hier, selon la France.", [("Sénat", "ORG")]),
             ("Au Chili, le Sénat a rejeté le texte.", [("Sénat", "ORG")]),
             ("Au Pérou, la Cour suprême a tranché.", [("Cour suprême", "LOC")])]
    docs, _ = Resolver().resolve([analyse_article(ArticleMeta(f"a{i}"), t, ner(t, *spans))
                                  for i, (t, spans) in enumerate(texts)])
    labels = [m.label for d in docs for m in d.mentions if m.type == "group"]
    assert labels == ["Sénat", "Sénat", "Sénat (Chili)", "Cour suprême"]


def test_people_of_a_state_do_not_give_it_the_institution():
    from graph.records import ArticleMeta
    from pipelines.nlp.analysis import analyse_article
    from pipelines.resolution.resolve import Resolver
    from tests.test_extract import ner

    texts = [("Le Sénat a adopté le budget, se félicite Paris.", [("Sénat", "ORG")]),
             ("Deux Chiliens ont été reçus au Sénat. Un Chilien a parlé.", [("Sénat", "ORG")]),
             ("Le Sénat chilien a voté.", [("Sénat", "ORG")])]
    docs, _ = Resolver().resolve([analyse_article(ArticleMeta(f"a{i}"), t, ner(t, *spans))
                                  for i, (t, spans) in enumerate(texts)])
    labels = [m.label for d in docs for m in d.mentions if m.type == "group"]
    assert labels == ["Sénat", "Sénat", "Sénat (Chili)"]


def test_a_state_the_organ_acts_upon_is_not_its_state():
    from graph.records import ArticleMeta
    from pipelines.nlp.analysis import analyse_article
    from pipelines.resolution.resolve import Resolver
    from tests.test_extract import ner

    texts = [("Le Sénat a adopté le budget, se félicite Paris.", [("Sénat", "ORG")]),
             ("Le Sénat français siège. La France vote.", [("Sénat", "ORG")]),
             ("Le Sénat a condamné la Corée du Nord. La Corée du Nord dément.",
              [("Sénat", "ORG")]),
             ("Le Sénat a voté des sanctions contre la Russie.",
              [("Sénat", "ORG")]),
             ("Au Chili, le Sénat a rejeté le texte.", [("Sénat", "ORG")]),
             ("Le Sénat du Chili a voté.", [("Sénat", "ORG")])]
    docs, _ = Resolver().resolve([analyse_article(ArticleMeta(f"a{i}"), t, ner(t, *spans))
                                  for i, (t, spans) in enumerate(texts)])
    labels = [m.label for d in docs for m in d.mentions if m.type == "group"]
    assert labels == ["Sénat", "Sénat", "Sénat", "Sénat", "Sénat (Chili)", "Sénat (Chili)"]


def _group_labels(texts: list[str]) -> list[list[str]]:
    """Per article of ``texts`` (no NER span, the gazetteer and the rules only), the labels
    of its group mentions."""
    from graph.records import ArticleMeta
    from pipelines.nlp.analysis import analyse_article
    from pipelines.resolution.resolve import Resolver
    from tests.test_extract import ner

    docs, _ = Resolver().resolve([analyse_article(ArticleMeta(f"a{i}"), t, ner(t))
                                  for i, t in enumerate(texts)])
    return [[m.label for m in d.mentions if m.type == "group"] for d in docs]


def test_a_ministry_takes_the_state_the_sentence_before_names():
    labels = _group_labels([
        "La France a voté la loi. Le ministère de la Santé a publié un décret.",
        "Le Portugal a rouvert ses écoles.\nLe ministère de la Santé a publié un bilan."
        "\nLa France observe.\nLa France attend.",
        "Le Portugal et l'Espagne ont rouvert.\nLe ministère de la Santé a publié un "
        "bilan.\nLa France observe.\nLa France attend.\nLa France compte."])
    assert labels == [["ministère de la Santé"], ["ministère de la Santé (Portugal)"],
                      ["ministère de la Santé"]]


def test_a_body_of_several_states_with_no_usual_one_and_no_state_here_names_nobody():
    labels = _group_labels([
        "En Iran, le ministère de la Santé a publié un bilan.",
        "Au Pérou, le ministère de la Santé a publié un bilan.",
        "En France, le ministère de la Santé a publié un bilan.",
        "Le ministère de la Santé a publié un bilan.\nLe Pérou, l'Iran et la France "
        "attendent."])
    assert labels[:3] == [["ministère de la Santé (Iran)"], ["ministère de la Santé (Pérou)"],
                          ["ministère de la Santé (France)"]]
    assert labels[3] == []


# -- bodies that exist once per French region -------------------------------------------------
def test_a_regional_body_takes_its_region_from_the_mention_the_sentence_or_the_article():
    from graph.records import ArticleMeta
    from pipelines.nlp.analysis import analyse_article
    from pipelines.resolution.resolve import Resolver
    from tests.test_extract import ner

    texts = ["L'ARS Occitanie a confirmé trois cas. Plus tard, l'ARS a ouvert un centre.",
             "À Lyon, l'Agence régionale de santé a fermé une école.",
             "En Gironde, les cas montent. L'ARS appelle au calme. La Gironde attend.",
             "L'ARS a publié un bilan."]
    docs, _ = Resolver().resolve([analyse_article(ArticleMeta(f"a{i}"), t, ner(t))
                                  for i, t in enumerate(texts)])
    labels = [[m.label for m in d.mentions if m.type == "group"] for d in docs]
    assert labels == [["Agence régionale de santé (Occitanie)"] * 2,
                      ["Agence régionale de santé (Auvergne-Rhône-Alpes)"],
                      ["Agence régionale de santé (Nouvelle-Aquitaine)"],
                      ["Agence régionale de santé"]]


@pytest.mark.parametrize("text", [
    "Il est candidat à la mairie de Lyon.",
    "La candidate LR à la mairie de Lyon a tenu meeting.",
    "Pour succéder à Jean Roux à la mairie de Lyon, elle a fait campagne.",
    "Elle a été élue à la mairie de Lyon en 2014.",
    "La bataille pour la mairie de Lyon est lancée.",
])
def test_the_office_sought_is_no_institution(text: str) -> None:
    assert find_institutions(text) == []


@pytest.mark.parametrize("text", [
    "La mairie de Lyon a annoncé la fermeture des parcs.",
    "Il est adjoint à la mairie de Lyon.",
    "selon un communiqué de la mairie de Lyon",
    "Une lettre a été envoyée à la mairie de Lyon.",  # a dative: the body itself
])
def test_the_body_itself_stays(text: str) -> None:
    assert [i.text for i in find_institutions(text)] == ["mairie de Lyon"]


@pytest.mark.parametrize("text", [
    "Un colis suspect a été trouvé à deux cents mètres de la mairie de Vernon.",
    "Une centaine de personnes se sont rassemblées devant la préfecture de Haute-Savoie.",
    "Les manifestants ont campé sur le parvis de la mairie de Vernon.",
])
def test_a_town_hall_placed_by_a_location_word_is_the_building(text):
    assert find_institutions(text) == []


def test_the_court_before_which_one_appears_stays_a_body():
    found = find_institutions("Il comparaîtra devant le tribunal correctionnel de Vernon.")
    assert [i.text for i in found] == ["tribunal correctionnel de Vernon"]


def test_a_local_body_named_without_its_place_takes_the_one_its_sentence_names() -> None:
    from tests.test_extract import _resolve

    docs, entities = _resolve(
        ("Le Conseil départemental a voté une aide pour la Gironde.",
         [("Conseil départemental", "ORG"), ("Gironde", "LOC")]),
        ("À Brest, la Cour d'appel a confirmé la peine.\nL'avocat, venu de Rennes, a parlé.",
         [("Brest", "LOC"), ("Cour d'appel", "ORG"), ("Rennes", "LOC")]),
        ("Le Conseil départemental a voté.", [("Conseil départemental", "ORG")]),
    )
    ids = [[m.entity for m in d.mentions if m.type == "group"] for d in docs]
    # with no place named, a bare local body would fold every département's: no node
    assert ids == [["group:conseil-departemental-gironde"], ["group:cour-appel-brest"], []]
    assert entities["group:conseil-departemental-gironde"].label == \
        "Conseil départemental (Gironde)"
