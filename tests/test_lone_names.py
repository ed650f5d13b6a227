"""One-word persons that nothing says are people (issue 11): human cues and the gate."""

from __future__ import annotations

import pytest

from graph.records import ArticleMeta
from pipelines.nlp.analysis import analyse_article
from pipelines.nlp.human import human_cue
from pipelines.resolution.resolve import Resolver
from tests.test_extract import ner


def _cue(sentence: str, name: str) -> str:
    at = sentence.index(name)
    return human_cue(sentence, at, at + len(name))


@pytest.mark.parametrize(("sentence", "name", "cue"), [
    ("M. Verdier a signé le registre.", "Verdier", "honorific"),
    ("Le docteur Aubrac reçoit le lundi.", "Aubrac", "honorific"),
    ("Il est venu avec sa femme Gisèle au marché.", "Gisèle", "relative"),
    ("Le procès des frères Yanis et Malik Ferhat s'ouvre.", "Yanis", "relative"),
    ("Son petit-fils Timéo joue dehors.", "Timéo", "relative"),
    ("Verdier, 47 ans, habite la commune depuis dix ans.", "Verdier", "age"),
    ("Verdier (47 ans) a été relâché.", "Verdier", "age"),
    ("« Nous avons tout perdu », raconte Verdier devant sa maison.", "Verdier", "speech"),
    ("« C'était la panique », a confié Verdier au téléphone.", "Verdier", "speech"),
    ("Verdier a expliqué qu'il ne savait rien.", "Verdier", "speech"),
    ("Verdier se souvient de cette nuit.", "Verdier", "speech"),
    ("« Jamais », a lancé de son côté Verdier.", "Verdier", "speech"),
    ("Verdier considère qu'il a eu de la chance.", "Verdier", "speech"),
    ("Elle laisse ses deux jeunes enfants Timéo et Lina.", "Timéo", "relative"),
    ("Verdier est né à Brest en 1931.", "Verdier", "speech"),
    ("La jeune chanteuse Océlie sort un disque.", "Océlie", "noun"),
    ("Les caricaturistes Brunel, Tardy et Vasseur ont signé la une.", "Vasseur", "noun"),
    ("Trente militants, dont Vasseur, ont été arrêtés.", "Vasseur", "noun"),
    ("L'assistant de Vasseur a tout organisé.", "Vasseur", "of"),
    ("On y jouera une pièce de Vasseur.", "Vasseur", "of"),
    ("La mort de Vasseur a surpris ses proches.", "Vasseur", "of"),
])
def test_a_sentence_says_a_human_being_is_meant(sentence: str, name: str, cue: str) -> None:
    assert _cue(sentence, name) == cue


@pytest.mark.parametrize(("sentence", "name"), [
    ("La femelle panda Lulu mange du bambou.", "Lulu"),
    ("La voiture est assemblée à Corbell, dans l'Ohio.", "Corbell"),
    ("Les enfants de Corbell boivent une eau polluée.", "Corbell"),
    ("C'est ce qu'indique Voyago, le site de réservation.", "Voyago"),
    ("Le chanteur a rencontré Verdier hier.", "Verdier"),
    ("Quand Corbell a rouvert ses plages, les surfeurs sont revenus.", "Corbell"),
    ("Le constructeur de Brandeck a lancé un rappel.", "Brandeck"),
    ("Le fondateur de Voyago a vendu ses parts.", "Voyago"),
    ("Des milliers de militaires ont été victimes de Solvia, le logiciel de paie.", "Solvia"),
])
def test_no_cue_for_things_named_like_people(sentence: str, name: str) -> None:
    assert _cue(sentence, name) == ""


def _people(text: str, *spans: tuple[str, str]) -> dict[str, str]:
    analysis = analyse_article(ArticleMeta("a0"), text, ner(text, *spans))
    docs, entities = Resolver().resolve([analysis])
    return {m.text: m.type for m in docs[0].mentions if m.type in ("person", "official")}


def test_a_lone_word_with_no_cue_is_no_actor() -> None:
    text = ("La femelle panda Tuxi attend un petit.\n"
            "Selon le zoo, Tuxi se porte bien et mange du bambou.")
    assert _people(text, ("Tuxi", "PER"), ("Tuxi", "PER")) == {}


def test_a_lone_word_said_to_be_a_person_anywhere_in_the_corpus_stays() -> None:
    text = ("Kervadec a ouvert la séance.\n"
            "« Nous tiendrons », a confié Kervadec aux élus.")
    assert _people(text, ("Kervadec", "PER"), ("Kervadec", "PER")) == {"Kervadec": "person"}


def test_full_names_and_described_people_are_not_gated() -> None:
    text = "Le rappeur Zeldo a rencontré Paul Quillivic à Nantes."
    assert _people(text, ("Zeldo", "PER"), ("Paul Quillivic", "PER")) == {
        "Zeldo": "person", "Paul Quillivic": "person"}


def test_a_famous_one_word_name_stays_without_a_cue() -> None:
    from pipelines.nlp.famous import is_famous
    assert is_famous("Beethoven")
    text = "Le public a applaudi Beethoven et Ravel hier soir."
    assert _people(text, ("Beethoven", "PER")) == {"Beethoven": "person"}


# -- a surname that opens with a particle, and a surname several people bear ---------------
def _corpus(*articles: tuple[str, list[tuple[str, str]]]):
    from tests.test_extract import _resolve
    docs, _ = _resolve(*articles)
    return [[(m.text, m.entity) for m in d.mentions if m.type in ("person", "official")]
            for d in docs]


def test_a_particle_surname_joins_the_full_name_of_its_article() -> None:
    out = _corpus(("Odile Le Guennec a signé. Le Guennec a déclaré qu'elle partait.",
                   [("Odile Le Guennec", "PER"), ("Le Guennec", "PER")]))
    assert out[0] == [("Odile Le Guennec", "person:odile-le-guennec"),
                      ("Le Guennec", "person:odile-le-guennec")]


def test_a_surname_two_people_bear_names_nobody_without_context() -> None:
    out = _corpus(
        ("Odile Le Guennec a signé à Lorient.", [("Odile Le Guennec", "PER")]),
        ("Yann Le Guennec a voté à Quimper.", [("Yann Le Guennec", "PER")]),
        ("Le Guennec a déclaré qu'il viendrait.", [("Le Guennec", "PER")]),
    )
    assert out[2] == []  # neither of them, and no "Le Guennec" node folding both


def test_a_first_name_that_folds_like_a_particle_is_still_a_first_name() -> None:
    out = _corpus(("Le patron, Lee Brankov, a signé.\nLe plan voulu par Brankov a réussi.",
                   [("Lee Brankov", "PER"), ("Brankov", "PER")]))
    assert {e for _, e in out[0]} == {"person:lee-brankov"}


def test_the_article_s_own_person_comes_before_namesakes_of_other_articles() -> None:
    # a family name written first: the lone word begins the article's full name
    out = _corpus(
        ("Le chanteur Bo Sang-min a été condamné.\nM. Bo, 31 ans, fera appel.",
         [("Bo Sang-min", "PER"), ("Bo", "PER")]),
        *[(f"Lina Bo a parlé à Milan du musée numéro {i}.", [("Lina Bo", "PER")])
          for i in range(3)],
    )
    assert {e for _, e in out[0]} == {"person:bo-sang-min"}


def test_a_given_name_and_a_regnal_number_is_a_sovereign() -> None:
    from tests.test_extract import _resolve
    docs, _ = _resolve(("Le règne de Childebert IV a duré trente ans. Malcolm X a parlé.",
                        [("Childebert IV", "PER"), ("Malcolm X", "PER")]))
    assert {(m.text, m.type) for m in docs[0].mentions} == {
        ("Childebert IV", "official"), ("Malcolm X", "person")}


def test_a_first_name_after_a_relative_noun_is_the_relative_not_the_full_name() -> None:
    out = _corpus(("Le chef Michel Lenoir a ouvert son restaurant. Son fils Michel a repris "
                   "la cuisine. Michel Lenoir sourit.",
                   [("Michel Lenoir", "PER"), ("Michel", "PER"), ("Michel Lenoir", "PER")]))
    assert ("Michel", "person:michel-lenoir") not in out[0]


def test_the_cue_survives_the_cache_which_blanks_one_candidate_sentences() -> None:
    from pipelines.build.cache import decode_analysis, encode_analysis
    from pipelines.nlp.chunk import keep_evidence_sentences

    text = "Le marché a rouvert.\n« Nous tiendrons », a confié Kervadec aux élus."
    meta = ArticleMeta("a0")
    analysis = analyse_article(meta, text, ner(text, ("Kervadec", "PER")))
    stored = decode_analysis(meta, encode_analysis(keep_evidence_sentences(analysis)))
    assert stored.sentences[1] == ""  # one candidate: not kept as evidence
    docs, _ = Resolver().resolve([stored])
    assert [(m.text, m.type) for m in docs[0].mentions] == [("Kervadec", "person")]


def test_a_surname_and_a_number_is_no_sovereign() -> None:
    from tests.test_extract import _resolve
    docs, _ = _resolve(("Le gouvernement Marceau II a démissionné. Paul Marceau a parlé.",
                        [("Marceau II", "PER"), ("Paul Marceau", "PER")]))
    assert ("Marceau II", "official") not in {(m.text, m.type) for m in docs[0].mentions}
