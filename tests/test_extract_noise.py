"""Span cleaning and not-actor rules (issue 11, items 4-6), on hand-made NER output."""

from __future__ import annotations

import pytest

from graph.records import ArticleMeta
from pipelines.nlp.analysis import analyse_article
from pipelines.nlp.extract import clean_ents
from pipelines.resolution.resolve import Resolver
from tests.test_extract import ner, typed


def _spans(text: str, *spans: tuple[str, str]) -> list[tuple[str, str]]:
    return [(text[a:b], label) for a, b, label in clean_ents(text, ner(text, *spans).ents)]


def _resolve(text: str, *spans: tuple[str, str]):
    analysis = analyse_article(ArticleMeta("a0"), text, ner(text, *spans))
    docs, entities = Resolver().resolve([analysis])
    return [(m.text, m.entity, m.type) for m in docs[0].mentions], entities


# -- span cleaning ------------------------------------------------------------------------
def test_honorific_is_cut_off_any_span_and_makes_a_person():
    text = "M. Paul Lefranc a reçu Mme Odile Ravel et MM. Arnaud Pélissier à Quimper."
    out = typed(text, ("M. Paul Lefranc", "PER"), ("Mme Odile Ravel", "LOC"),
                ("MM. Arnaud Pélissier", "ORG"))
    assert ("Paul Lefranc", "person", "") in out
    assert ("Odile Ravel", "person", "") in out
    assert ("Arnaud Pélissier", "person", "") in out


def test_honorific_word_spelled_out():
    text = "Monsieur Lefranc et Madame Ravel ont voté."
    out = typed(text, ("Monsieur Lefranc", "PER"), ("Madame Ravel", "MISC"))
    assert [t for t, _, _ in out] == ["Lefranc", "Ravel"]


def test_glued_sentence_join_is_cut():
    text = "Le Conseil des ministresLe texte sera lu lundi."
    assert _spans(text, ("Conseil des ministresLe texte", "ORG")) == [
        ("Conseil des ministres", "ORG"), ("texte", "ORG")]
    out = typed(text, ("Conseil des ministresLe texte", "ORG"))
    assert out == [("Conseil des ministres", "group", "")]


def test_glued_join_after_punctuation_leaves_no_piece_of_function_words():
    text = "L'alerte est levée à 10 heures GMT.Près de la gare, rien."
    assert _spans(text, ("GMT.Près", "LOC")) == [("GMT", "LOC")]
    text = 'UNE VICTOIRE "HISTORIQUE"Le maire a parlé.'
    assert _spans(text, ('HISTORIQUE"Le', "PER")) == [("HISTORIQUE", "PER")]
    text = "Selon l'agence KPA.\"Cet accord est historique\", a dit le maire."
    assert _spans(text, ('KPA."Cet', "ORG")) == [("KPA", "ORG")]


def test_glued_name_keeps_the_name():
    text = "Le député parlait avec LefrancDans la soirée, tout change."
    assert _spans(text, ("LefrancDans", "PER")) == [("Lefranc", "PER")]
    text = "Il est arrivé dimancheLe maire a parlé."
    assert _spans(text, ("dimancheLe", "PER")) == []


def test_glued_words_both_seen_alone_are_cut():
    text = "Réunion à Morlaix. À MorlaixOdile Ravel a parlé. Odile est venue."
    assert _spans(text, ("MorlaixOdile Ravel", "PER")) == [
        ("Morlaix", "MISC"), ("Odile Ravel", "PER")]


def test_brand_like_capitals_are_not_cut():
    text = "Ryan McAllister et Lia DiMarco ont fondé ZorbaTech."
    assert _spans(text, ("Ryan McAllister", "PER"), ("Lia DiMarco", "PER")) == [
        ("Ryan McAllister", "PER"), ("Lia DiMarco", "PER")]


def test_trailing_date_and_quotes_are_cut():
    text = "« Paul Lefranc 2019 » et Odile Ravel le 12 mars 2020, puis Lefranc»."
    assert _spans(text, ("Paul Lefranc 2019 »", "PER"), ("Odile Ravel le 12 mars 2020", "PER"),
                  ("Lefranc»", "PER")) == [
        ("Paul Lefranc", "PER"), ("Odile Ravel", "PER"), ("Lefranc", "PER")]


def test_a_date_inside_a_name_stays():
    text = "Le Mouvement du 4 septembre manifeste."
    assert _spans(text, ("Mouvement du 4 septembre", "ORG")) == [
        ("Mouvement du 4 septembre", "ORG")]


# -- not actors ---------------------------------------------------------------------------
def test_common_noun_acronyms_are_not_groups_but_companies_are():
    text = "Le SMIC et la TVA montent, dit la SNCF, comme le VTC."
    out = typed(text, ("SMIC", "ORG"), ("TVA", "ORG"), ("SNCF", "ORG"), ("VTC", "ORG"))
    assert out == [("SNCF", "group", "")]


def test_sentence_initial_verb_form_is_not_a_person():
    text = "Interrogée par la presse, elle se tait.\nSelon Lefranc, rien.\nLefranc a parlé."
    out = typed(text, ("Interrogée", "PER"), ("Selon Lefranc", "PER"), ("Lefranc", "PER"))
    assert [t for t, _, _ in out] == ["Lefranc", "Lefranc"]


def test_sentence_initial_word_written_lower_case_elsewhere():
    text = "Brume sur la côte ce matin.\nLa brume se lève vers midi."
    assert typed(text, ("Brume", "PER")) == []
    text = "Lefranc sur la côte ce matin.\nLa brume se lève vers midi."
    assert typed(text, ("Lefranc", "PER")) == [("Lefranc", "person", "")]


def test_titles_of_works_are_not_actors():
    text = ("La série Les Veilleurs du port revient. Le film culte « Orage d'avril » aussi. "
            "Il a lu « Gaspard ». Le film de Lefranc sort.")
    out = typed(text, ("Les Veilleurs du port", "MISC"), ("Orage d'avril", "PER"),
                ("Gaspard", "PER"), ("Lefranc", "PER"))
    assert out == [("Lefranc", "person", "")]


def test_car_models_are_not_actors_but_the_maker_is_a_group():
    text = "La Renault Zélia et la Peugeot 3012 sortent. Renault a confirmé."
    # "La Renault" is the car, "Renault a confirmé" the maker
    out = typed(text, ("Zélia", "PER"), ("Peugeot 3012", "MISC"), ("Renault", "ORG"),
                ("Renault", "ORG"))
    assert [(t, ty, c) for t, ty, c in out] == [("Renault", "group", "")]


def test_religious_figures_are_not_actors():
    text = "Il prie Dieu et Jésus, puis saint Aubin, devant Lefranc."
    out = typed(text, ("Dieu", "PER"), ("Jésus", "PER"), ("Aubin", "PER"), ("Lefranc", "PER"))
    assert out == [("Lefranc", "person", "")]


def test_media_words_make_outlets():
    text = "Radio Kerlouan et Morlaix Matin l'ont dit, comme Sahel TV."
    out = typed(text, ("Radio Kerlouan", "ORG"), ("Morlaix Matin", "PER"), ("Sahel TV", "ORG"))
    assert [ty for _, ty, _ in out] == ["media", "media", "media"]


def test_company_words_make_groups_not_people():
    text = "Lumex Holding, Ferrand GmbH, Pavarotti Automobili et Kervel SA ont signé avec Odile."
    out = typed(text, ("Lumex Holding", "PER"), ("Ferrand GmbH", "PER"),
                ("Pavarotti Automobili", "PER"), ("Kervel SA", "PER"), ("Odile", "PER"))
    assert [(t, ty) for t, ty, _ in out] == [
        ("Lumex Holding", "group"), ("Ferrand GmbH", "group"),
        ("Pavarotti Automobili", "group"), ("Kervel SA", "group"), ("Odile", "person")]


# -- acronyms and their long form ---------------------------------------------------------
def test_long_form_typed_person_joins_its_acronym():
    text = ("La Confédération paysanne du Nord (CPN) manifeste. La CPN réclame des aides, "
            "et le porte-parole de la CPN parle.")
    mentions, entities = _resolve(text, ("Confédération paysanne du Nord", "PER"))
    assert {e for _, e, _ in mentions} == {"group:cpn"}
    assert len(mentions) == 3 and entities["group:cpn"].label == "CPN"


def test_long_form_nerd_missed_and_acronym_first():
    text = "Le RPK (Rassemblement pour la Kabylie) appelle au calme. Le RPK défile."
    mentions, _ = _resolve(text, ("RPK", "ORG"))
    assert [(t, e) for t, e, _ in mentions] == [
        ("RPK", "group:rpk"), ("Rassemblement pour la Kabylie", "group:rpk"), ("RPK", "group:rpk")]


def test_long_form_with_a_place_inside_is_one_group():
    text = "La Fédération des pêcheurs de Bretagne (FPB) proteste."
    mentions, _ = _resolve(text, ("Fédération des pêcheurs de", "ORG"), ("Bretagne", "LOC"))
    assert [(t, e) for t, e, _ in mentions] == [
        ("Fédération des pêcheurs de Bretagne", "group:fpb")]


def test_a_person_given_with_initials_stays_a_person():
    text = "Jean-Paul Kervella (JPK) a parlé. Kervella a ri."
    mentions, _ = _resolve(text, ("Jean-Paul Kervella", "PER"), ("Kervella", "PER"))
    assert {ty for _, _, ty in mentions} == {"person"}


def test_initials_must_spell_the_acronym():
    text = "Paul Lefranc (LR) et la Ligue bretonne (PS) votent."
    mentions, _ = _resolve(text, ("Paul Lefranc", "PER"), ("Ligue bretonne", "ORG"))
    assert ("Paul Lefranc", "person:paul-lefranc", "person") in mentions
    assert ("Ligue bretonne", "group:ligue-bretonne", "group") in mentions


def test_a_lone_car_maker_named_as_a_person_is_a_group_unless_a_person_ends_so():
    text = "Tesla a livré ses voitures."
    assert typed(text, ("Tesla", "PER")) == [("Tesla", "group", "")]
    text = "Harrison Tesla joue. Tesla a souri."
    out = typed(text, ("Harrison Tesla", "PER"), ("Tesla", "PER"))
    assert [ty for _, ty, _ in out] == ["person", "person"]


def test_one_word_persons_that_name_nobody():
    text = "Un M barré. Elle siège à l'Amirauté et admire la Vénus.\nBilan : relaxe."
    out = typed(text, ("M", "PER"), ("Amirauté", "PER"), ("Vénus", "PER"), ("Bilan", "PER"))
    assert out == []


def test_a_speaker_label_named_in_full_elsewhere_stays():
    text = "Entretien avec Odile Ravel.\nRavel : Je pense que oui."
    out = typed(text, ("Odile Ravel", "PER"), ("Ravel", "PER"))
    assert [t for t, _, _ in out] == ["Odile Ravel", "Ravel"]


def test_a_heading_word_in_capitals_is_not_a_person():
    text = "DES ÉLÈVES BLESSÉS PAR LA GRÊLE Lefranc raconte."
    assert typed(text, ("BLESSÉS", "PER"), ("Lefranc", "PER")) == [("Lefranc", "person", "")]


def test_a_heading_word_after_a_one_letter_word_in_capitals_is_dropped():
    text = "LA PEUR D'UN CRI. ELLE SE MET À HURLER. UNE TENTATIVE D'ENTRAVE A LA JUSTICE."
    assert typed(text, ("HURLER", "ORG"), ("ENTRAVE", "MISC")) == []


def test_an_acronym_beside_a_one_letter_word_is_kept():
    text = "Le prêt du FMI A été versé. À BCE, rien."
    assert [t for t, _, _ in typed(text, ("FMI", "ORG"), ("BCE", "ORG"))] == ["FMI", "BCE"]


def test_a_person_span_opened_by_an_organisation_word_is_a_group():
    text = "La Fondation Lefranc et Kervel Racing aident Odile Ravel."
    out = typed(text, ("Fondation Lefranc", "PER"), ("Kervel Racing", "PER"),
                ("Odile Ravel", "PER"))
    assert [ty for _, ty, _ in out] == ["group", "group", "person"]


def test_acronym_takes_the_gazetteer_entry_of_its_long_form():
    text = "La République en Marche (REM) gagne. Le REM fête sa victoire."
    mentions, _ = _resolve(text, ("République en Marche", "PER"), ("REM", "ORG"))
    assert {e for _, e, _ in mentions} == {"group:lrem"}


def test_a_title_word_is_not_a_person():
    text = "Celui qui était alors Premier ministre a parlé."
    assert typed(text, ("Premier", "PER")) == []


def test_a_participle_opening_a_lost_sentence_is_not_a_person():
    text = "Un pari risqué Contactée sur ce sujet, Odile Ravel sourit."
    out = typed(text, ("Contactée", "PER"), ("Odile Ravel", "PER"))
    assert [t for t, _, _ in out] == ["Odile Ravel"]


def test_a_surname_particle_is_not_cut_off():
    text = "Le Gall et De Souza ont voté, LE vote est clos."
    out = typed(text, ("Le Gall", "PER"), ("De Souza", "PER"), ("LE", "PER"))
    assert [t for t, _, _ in out] == ["Le Gall", "De Souza"]


def test_the_author_after_a_work_cue_is_kept():
    text = "Il chante une chanson d'Odile Ravel et lit le roman de Lefranc."
    out = typed(text, ("Odile Ravel", "PER"), ("Lefranc", "PER"))
    assert [t for t, _, _ in out] == ["Odile Ravel", "Lefranc"]


def test_a_person_span_with_a_common_word_is_a_phrase():
    text = "Faute de preuves, dit Jean de Kervel."
    out = typed(text, ("Faute de preuves", "PER"), ("Jean de Kervel", "PER"))
    assert [t for t, _, _ in out] == ["Jean de Kervel"]


def test_a_piece_after_a_join_loses_its_opening_article():
    text = "Un vaccin de la firme ZLK.Le Chili a signé."
    assert _spans(text, ("ZLK.Le Chili", "PER")) == [("ZLK", "PER"), ("Chili", "PER")]


def test_a_short_surname_that_is_also_a_word_is_kept():
    text = "Ma Guowei a parlé."
    assert typed(text, ("Ma Guowei", "PER")) == [("Ma Guowei", "person", "")]


def test_an_elided_article_glued_to_a_name_is_cut():
    text = "Il a vu Odile RavelL'enquête continue. Le PacteL'Europe avance."
    assert _spans(text, ("Odile RavelL", "PER"), ("PacteL'Europe", "MISC")) == [
        ("Odile Ravel", "PER"), ("Pacte", "MISC"), ("L'Europe", "MISC")]


def test_a_lower_case_weekday_run_on_into_a_name_is_cut():
    from pipelines.nlp.spans import _trim_edges

    for text, kept in (("Commission paritaire lundi", "Commission paritaire"),
                       ("Conseil des sages mardi soir", "Conseil des sages"),
                       ("Robinson Vendredi", "Robinson Vendredi")):
        a, b = _trim_edges(text, 0, len(text))
        assert text[a:b] == kept


def test_slashes_quotes_and_glued_credits_cut_a_span():
    from pipelines.nlp.extract import clean_ents

    def pieces(text: str, span: str) -> list[str]:
        i = text.rindex(span)
        return [text[a:b] for a, b, _ in clean_ents(text, ((i, i + len(span), "PER"),))]

    assert pieces("Le tandem Lenoir/Vasseur a voté.", "Lenoir/Vasseur") == ["Lenoir", "Vasseur"]
    assert pieces("Paul Lenoir a dit. Selon Paul Lenoirpar Radio Nord hier.",
                  "Paul Lenoirpar Radio Nord") == ["Paul Lenoir", "Radio Nord"]
    assert pieces("Gaspard Lenoir a filmé.", "Gaspard Lenoir") == ["Gaspard Lenoir"]


def test_a_heading_in_capitals_glued_to_a_sentence_is_cut():
    from pipelines.nlp.extract import clean_ents

    text = "CONFINEMENT STRICTLes habitants sont restés chez eux."
    span = "STRICTLes"
    i = text.index(span)
    assert [text[a:b] for a, b, _ in clean_ents(text, ((i, i + len(span), "PER"),))] == [
        "STRICT"]


# -- acronyms of things: a common-noun phrase spelled out -----------------------------------
def test_acronym_spelled_out_as_a_thing_is_not_an_actor():
    text = ("Les abonnés au prix plafonné de chauffage (PPC) paieront moins. "
            "Le PPC sera revu en mai, annonce la Fédération des usagers du gaz.")
    mentions, _ = _resolve(text, ("PPC", "ORG"), ("PPC", "ORG"),
                           ("Fédération des usagers du gaz", "ORG"))
    assert [t for t, _, _ in mentions] == ["Fédération des usagers du gaz"]


def test_acronym_of_a_thing_after_a_number():
    text = ("La grève concerne les 35 opérateurs de tri postal (OTP) du centre. "
            "Les OTP réclament des renforts.")
    mentions, _ = _resolve(text, ("OTP", "ORG"), ("OTP", "ORG"))
    assert mentions == []


def test_acronym_in_apposition_to_a_thing():
    text = "Ils réclament le VCL, ce vote de confiance locale, devant la mairie."
    mentions, _ = _resolve(text, ("VCL", "ORG"))
    assert mentions == []


def test_acronym_of_a_lower_case_organisation_stays():
    text = ("La caisse régionale des artisans (CRA) verse les aides. La CRA a répondu, "
            "comme le syndicat des potiers unis (SPU).")
    mentions, _ = _resolve(text, ("CRA", "ORG"), ("CRA", "ORG"), ("SPU", "ORG"))
    assert {t for t, _, _ in mentions} >= {"CRA", "SPU"}


def test_a_phrase_must_be_whole_and_hold_no_name():
    # "[direction] départementale des routes (DDR)": the whole phrase heads an organisation;
    # "leader du Front uni (LFU)": a title before an organisation's name
    text = ("La direction départementale des routes (DDR) ferme la voie. "
            "Le leader du Front uni (LFU) proteste. La DDR et le LFU discutent.")
    mentions, _ = _resolve(text, ("DDR", "ORG"), ("LFU", "ORG"))
    assert {t for t, _, _ in mentions} >= {"DDR", "LFU"}


def test_a_thing_acronym_is_dropped_in_articles_that_do_not_spell_it_out():
    first = "Le prix plafonné de chauffage (PPC) baisse."
    second = "Le PPC baissera encore, selon la Fédération des usagers du gaz."
    analyses = [analyse_article(ArticleMeta("a1"), first, ner(first, ("PPC", "ORG"))),
                analyse_article(ArticleMeta("a2"), second,
                                ner(second, ("PPC", "ORG"),
                                    ("Fédération des usagers du gaz", "ORG")))]
    docs, _ = Resolver().resolve(analyses)
    assert [m.text for d in docs for m in d.mentions] == ["Fédération des usagers du gaz"]


def test_one_word_person_after_a_plural_article_is_a_people_or_a_family():
    text = "Les Tanoukis manifestent. La colère des Lefrancq grandit, dit Lefrancq."
    out = typed(text, ("Tanoukis", "PER"), ("Lefrancq", "PER"), ("Lefrancq", "PER"))
    assert [(t, ty) for t, ty, _ in out] == [("Lefrancq", "person")]


def test_a_roman_numeral_alone_is_no_actor():
    text = "Dans la phase II du plan, le gouvernement Lenoir II a rouvert le Ier arrondissement."
    out = typed(text, ("II", "ORG"), ("Lenoir II", "PER"), ("Ier", "MISC"))
    assert [t for t, _, _ in out] == ["Lenoir II"]


def test_a_model_number_or_a_part_before_a_name_makes_a_product():
    text = "Le vendeur propose une 412 Spyder de 1972 et un groupe propulseur Turbo Zeta."
    out = typed(text, ("Spyder", "ORG"), ("Turbo Zeta", "ORG"))
    assert out == []


def test_english_honorifics_and_the_plural_of_maitre_are_cut_off():
    text = "Selon Mr Walter Lenoir et Mes Paul Roux et Anne Brisset, rien ne bouge."
    out = typed(text, ("Mr Walter Lenoir", "PER"), ("Mes Paul Roux", "PER"))
    assert [t for t, _, _ in out] == ["Walter Lenoir", "Paul Roux"]


def test_the_next_sentence_s_first_word_glued_to_a_name_is_cut():
    text = "On parle encore de Vasseur À la fin, tout change."
    assert typed(text, ("Vasseur À", "PER")) == [("Vasseur", "person", "")]


def test_a_generic_public_service_is_no_actor():
    assert typed("Le Service public a répondu.", ("Service public", "ORG")) == []


def test_a_bracket_or_a_quote_inside_a_span_cuts_it():
    text = "La ministre (M. Dubreuil)par ailleurs a parlé du coupé Ravel « Horizon » hier."
    assert _spans(text, ("M. Dubreuil)par", "PER"), ("Ravel « Horizon", "PER")) == [
        ("Dubreuil", "PER"), ("Ravel", "PER"), ("Horizon", "PER")]


def test_a_function_word_ending_a_span_is_trimmed():
    text = "Le Comité social et économique des Forges Martin a voté."
    assert _spans(text, ("Comité social et économique des", "ORG")) == [
        ("Comité social et économique", "ORG")]


def test_a_span_with_a_lower_case_day_inside_is_a_piece_of_a_sentence():
    text = "Partis mardi pour le Tchad, les soldats sont arrivés."
    assert _spans(text, ("Partis mardi pour le Tchad", "ORG")) == []


def test_an_institution_loses_the_next_sentence_s_glued_word():
    from pipelines.nlp.institutions import find_institutions

    found = find_institutions("Un petit ministère de l'IntérieurEn 2019, il a dit non.")
    assert [i.text for i in found] == ["ministère de l'Intérieur"]


def test_a_title_glued_to_a_name_is_cut_off():
    text = "Hier, Paule DurandMinistre de l'Agriculture a dit non."
    assert typed(text, ("Paule DurandMinistre de l'Agriculture", "PER")) == [
        ("Paule Durand", "person", "")]


def test_an_institution_loses_a_status_adjective_of_the_person_after_it():
    from pipelines.nlp.institutions import find_institutions

    found = find_institutions("Paul Roux, adjoint à la mairie de Vernon et actuel candidat.")
    assert [i.text for i in found] == ["mairie de Vernon"]


@pytest.mark.parametrize("body", [
    "Conseil national", "Comité d'hygiène", "Conseil national du parti",
    "Commission d'investiture", "Bureau politique", "Comité directeur",
    "Conseil de surveillance", "Commission d'enquête", "Comité de soutien",
])
def test_a_body_every_party_or_firm_has_is_no_actor_on_its_own(body: str) -> None:
    text = f"Le {body} s'est réuni mardi soir."
    assert typed(text, (body, "ORG")) == []


@pytest.mark.parametrize(("text", "span"), [
    ("Il a survécu au camp d'extermination de Treblenko en 1945.", "Treblenko"),
    ("Les ouvriers de l'usine de Hartwell ont fêté la reprise.", "Hartwell"),
    ("On a retrouvé un fossile dans la carrière de Montcabrier.", "Montcabrier"),
    ("Le stade de Gerlandine est plein.", "Gerlandine"),
])
def test_a_name_after_a_site_noun_is_a_place_not_a_person(text: str, span: str) -> None:
    assert [ty for _, ty, _ in typed(text, (span, "PER"))] == ["place"]


def test_a_street_word_alone_is_no_actor() -> None:
    text = "Le siège est installé Via Ciro Menotti à Modène."
    assert typed(text, ("Via", "ORG")) == []


@pytest.mark.parametrize(("text", "span"), [
    ("Il a acheté une XK-R de 1991 pour 20 000 livres.", "XK-R"),
    ("Elle conduit un ZX5 depuis des années.", "ZX5"),
])
def test_a_model_code_after_un_or_une_is_no_actor(text: str, span: str) -> None:
    assert typed(text, (span, "ORG")) == []


def test_a_known_group_after_un_stays() -> None:
    text = "Un G20 extraordinaire se tiendra en mars."
    assert [t for t, _, _ in typed(text, ("G20", "ORG"))] == ["G20"]


def test_a_word_written_in_capitals_for_emphasis_is_no_acronym() -> None:
    text = "C'est ENORME, a écrit le président. La FIFA a répondu."
    assert [t for t, _, _ in typed(text, ("ENORME", "MISC"), ("FIFA", "ORG"))] == ["FIFA"]


@pytest.mark.parametrize("span", ["Kessler Engineering", "Vitalis Nutrition", "Orbis Labs"])
def test_a_company_word_makes_a_person_span_a_group(span: str) -> None:
    text = f"Le contrat signé avec {span} a été rompu."
    assert [ty for _, ty, _ in typed(text, (span, "PER"))] == ["group"]


def test_a_firm_named_maison_x_does_not_join_the_person_named_x() -> None:
    t1 = "Nicolas Verdier est charcutier. Nicolas Verdier a vingt ans de métier."
    t2 = "La maison Verdier a ouvert une boutique à Lyon. La maison Verdier embauche."
    analyses = [analyse_article(ArticleMeta("a1"), t1, ner(t1, ("Nicolas Verdier", "PER"))),
                analyse_article(ArticleMeta("a2"), t2, ner(t2, ("Verdier", "PER")))]
    docs, _ = Resolver().resolve(analyses)
    verdier = [(m.text, m.type) for m in docs[1].mentions if m.text == "Verdier"]
    assert verdier and set(verdier) == {("Verdier", "group")}


def test_par_glued_to_the_end_of_a_name_is_cut_when_the_name_stands_alone() -> None:
    text = "Anne Verdier est ministre. Une tribune signée Anne Verdierpar ailleurs."
    assert _spans(text, ("Anne Verdierpar", "PER")) == [("Anne Verdier", "PER")]
    text = "Le navigateur Jean Gaspar a parlé."
    assert _spans(text, ("Jean Gaspar", "PER")) == [("Jean Gaspar", "PER")]


def test_a_heading_of_common_words_in_capitals_is_no_person() -> None:
    text = "Le texte suit. RESTRICTIONS DE CIRCULATION Les routes sont fermées."
    assert typed(text, ("RESTRICTIONS DE CIRCULATION", "PER")) == []
    text = "Le texte suit. PIERRE ROSE Le maire parle."
    assert [t for t, _, _ in typed(text, ("PIERRE ROSE", "PER"))] == ["PIERRE ROSE"]


def test_a_preposition_written_without_its_accent_is_cut_off() -> None:
    text = "Il est parti. A Bruxelles, les ministres parlent."
    assert [t for t, _, _ in typed(text, ("A Bruxelles", "PER"))] == ["Bruxelles"]


def test_a_publisher_named_after_a_person_is_a_firm() -> None:
    text = "Le livre paraît aux éditions Paul Vasseur en mars."
    assert [(t, ty) for t, ty, _ in typed(text, ("Paul Vasseur", "PER"))] == [
        ("Paul Vasseur", "group")]
