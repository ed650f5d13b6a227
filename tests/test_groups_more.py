"""More general-knowledge organisations of groups.jsonl, found as groups in invented sentences."""

from __future__ import annotations

import pytest
from test_extract import ner

from pipelines.nlp.extract import extract


def typed(text: str, *spans):
    return [(c.text, c.type, c.entry_id) for c in extract(text, ner(text, *spans))]


@pytest.mark.parametrize(
    ("text", "surface", "entry_id"),
    [
        ("Selon l'Insee, l'inflation ralentit en mars.", "Insee", "group:insee"),
        ("Les chercheurs du CNRS publient une étude.", "CNRS", "group:cnrs"),
        ("France Travail a radié trop de chômeurs.", "France Travail", "group:france-travail"),
        ("Les anciens de Pôle emploi racontent.", "Pôle emploi", "group:france-travail"),
        ("La Haute Autorité de santé recommande un rappel.", "Haute Autorité de santé",
         "group:haute-autorite-sante"),
        ("La CNIL a sanctionné une entreprise.", "CNIL", "group:cnil"),
        ("La Cour de cassation a cassé l'arrêt.", "Cour de cassation",
         "group:cour-de-cassation"),
        ("Le GIGN est intervenu dans la nuit.", "GIGN", "group:gign"),
        ("Un sondage Ifop publié dimanche.", "Ifop", "group:ifop"),
        ("Selon une enquête OpinionWay, la majorité hésite.", "OpinionWay", "group:opinionway"),
        ("TotalEnergies a annoncé des profits records.", "TotalEnergies", "group:totalenergies"),
        ("Les salariés d'Air France-KLM sont en grève.", "Air France-KLM",
         "group:air-france-klm"),
        ("La Société générale a publié ses résultats.", "Société générale",
         "group:societe-generale"),
        ("Martin Dupuis dirige le groupe Bouygues depuis peu.", "groupe Bouygues",
         "group:groupe-bouygues"),
        ("Les militants de Greenpeace ont manifesté.", "Greenpeace", "group:greenpeace"),
        ("Les bénévoles des Restos du cœur distribuent des repas.", "Restos du cœur",
         "group:restos-du-coeur"),
        ("L'UNSA et la FSU appellent à la grève.", "UNSA", "group:unsa"),
        ("L'UNSA et la FSU appellent à la grève.", "FSU", "group:fsu"),
        ("La FIFA a suspendu la fédération.", "FIFA", "group:fifa"),
        ("Le Comité international olympique a tranché.", "Comité international olympique",
         "group:cio"),
        ("La Confédération paysanne bloque un dépôt.", "Confédération paysanne",
         "group:confederation-paysanne"),
        ("Selon France terre d'asile, les délais s'allongent.", "France terre d'asile",
         "group:france-terre-d-asile"),
        ("Humanité & Inclusion déminera la zone.", "Humanité & Inclusion",
         "group:handicap-international"),
        ("Les pilotes de Qatar Airways atterrissent.", "Qatar Airways", "group:qatar-airways"),
        ("La BnF numérise ses archives.", "BnF", "group:bnf"),
    ],
)
def test_new_groups_are_found(text: str, surface: str, entry_id: str) -> None:
    assert (surface, "group", entry_id) in typed(text)


def test_acronyms_keep_their_case() -> None:
    # acronyms match their exact spelling only: "Fsu" or "cnrs" are nothing
    out = typed("Le cnrs et la Fsu ne sont pas écrits ainsi.")
    assert not any(e in ("group:cnrs", "group:fsu") for _, _, e in out)


@pytest.mark.parametrize(
    "text",
    [
        "Total, le bilan est lourd.",  # "Total" left out: a common word
        "Carrefour de toutes les colères, la place était pleine.",  # bare "Carrefour" left out
        "Safran, cumin et cannelle parfument le plat.",  # bare "Safran" left out
        "Solidaires, les voisins ont aidé.",  # bare "Solidaires" left out
        "Sortir du nucléaire prendra des décennies.",  # only "Réseau Sortir du nucléaire"
        "Vers le SUD, la route est coupée.",  # the acronym "SUD" left out
        "Jeunes agriculteurs et retraités défilent.",  # "Jeunes Agriculteurs" needs its capital
        "La CAF du Sénégal et la Caf du Mali.",  # "CAF": family allowances or African football
    ],
)
def test_risky_words_left_out(text: str) -> None:
    assert not [t for t, ty, _ in typed(text) if ty == "group"], text


def test_surname_companies_need_their_group_word() -> None:
    # bare "Bouygues", "Vinci", "Michelin" are surnames too: the person stays a person
    text = "Martin Bouygues a visité la tombe de Léonard de Vinci."
    out = typed(text, ("Martin Bouygues", "PER"), ("Léonard de Vinci", "PER"))
    assert ("Martin Bouygues", "person", "") in out
    assert ("Léonard de Vinci", "person", "") in out
    # "Sony" is left out: the writer Sony Labou Tansi stays a person
    text = "Un hommage à Sony Labou Tansi est prévu."
    assert ("Sony Labou Tansi", "person", "") in typed(text, ("Sony Labou Tansi", "PER"))


def test_la_poste_needs_its_capitals() -> None:
    out = typed("La Poste ferme des bureaux ; la poste de police reste ouverte.")
    assert [(t, e) for t, ty, e in out if ty == "group"] == [("La Poste", "group:la-poste")]


def test_an_organisation_named_with_an_article_is_found_after_de_la():
    from pipelines.nlp.extract import _resources

    matcher = _resources().matcher
    found = [(m.text, m.entry_id) for m in matcher.find("les élus de la France insoumise")]
    assert found == [("France insoumise", "group:lfi")]
