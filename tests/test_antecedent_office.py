"""An office named in the sentence before the quotation of an unnamed speaker."""

from __future__ import annotations

import pytest

from graph.records import ArticleMeta
from pipelines.nlp.analysis import analyse_article
from pipelines.nlp.model import NlpResult


def _roles(text: str, names: list[str]) -> dict[str, str]:
    """Roles of ``names`` in ``text``, with sentences split at ". " and NER given."""
    sentences, start = [], 0
    for i, ch in enumerate(text):
        if ch in ".!?" and (i + 1 == len(text) or text[i + 1] == " ") \
                and text[max(0, i - 3):i + 1] != "...":
            sentences.append((start, i + 1))
            start = i + 2
    if start < len(text):
        sentences.append((start, len(text)))
    ents = tuple((text.index(n), text.index(n) + len(n), "PER") for n in names)
    an = analyse_article(ArticleMeta("t"), text, NlpResult(tuple(sentences), ents))
    return {c.text: an.roles[i].text for i, c in enumerate(an.candidates) if i in an.roles}


@pytest.mark.parametrize(("text", "role"), [
    ("Le projet a reçu le soutien du maire de la ville. « Nous irons jusqu'au bout », a "
     "expliqué Paul Lemoine lundi.", "maire de la ville"),
    ("La découverte a été saluée par la ministre de la Culture. « C'est un jour "
     "historique », a déclaré Claire Vasseur.", "ministre de la Culture"),
    ("Le préfet a pris un arrêté. \"La situation l'exige\", a indiqué à la presse Marc "
     "Tellier.", "préfet"),
])
def test_a_quoted_speaker_takes_the_office_named_just_before(text: str, role: str) -> None:
    speaker = [n for n in ("Paul Lemoine", "Claire Vasseur", "Marc Tellier") if n in text]
    assert _roles(text, speaker) == {speaker[0]: role}


@pytest.mark.parametrize("text", [
    # an answer by somebody else
    "Le ministre de l'Intérieur a annoncé une enquête. « C'est trop tard », a réagi Paul "
    "Lemoine.",
    # the speaker is described: not the office-holder
    "Le maire a fermé l'école. « On nous ignore », a expliqué Paul Lemoine, un parent "
    "d'élève.",
    # the office is another named person's
    "Le ministre Jean Roux a visité le site. « Tout va bien », a indiqué Paul Lemoine.",
    # no quotation opens the sentence
    "Le maire a parlé. Puis la séance a été levée, a indiqué Paul Lemoine.",
    # the office is not definite
    "Un ministre a visité le site. « Tout va bien », a indiqué Paul Lemoine.",
])
def test_no_office_without_the_whole_pattern(text: str) -> None:
    names = [n for n in ("Paul Lemoine", "Jean Roux") if n in text]
    roles = _roles(text, names)
    assert "Paul Lemoine" not in roles, roles


def test_a_second_mention_keeps_no_borrowed_office() -> None:
    text = ("Paul Lemoine est arrivé tôt. Le maire a pris la parole. « Nous irons jusqu'au "
            "bout », a expliqué Paul Lemoine.")
    first = text.index("Paul Lemoine")
    second = text.index("Paul Lemoine", first + 1)
    ents = ((first, first + 12, "PER"), (second, second + 12, "PER"))
    sentences = ((0, 28), (29, 55), (56, len(text)))
    an = analyse_article(ArticleMeta("t"), text, NlpResult(sentences, ents))
    assert not an.roles


def test_somebody_named_earlier_may_hold_the_office() -> None:
    text = ("M. Castagne a réagi. Le syndicat a engagé le ministre à faire de même. « Je "
            "parle des gens », a déclaré Lina Morel.")
    a = text.index("Castagne")
    b = text.index("Lina Morel")
    ents = ((a, a + 8, "PER"), (b, b + 10, "PER"))
    sentences = ((0, 20), (21, 71), (72, len(text)))
    an = analyse_article(ArticleMeta("t"), text, NlpResult(sentences, ents))
    assert not any(an.candidates[i].text == "Lina Morel" for i in an.roles), an.roles


def _roles_nlp(text: str, names: list[str]) -> dict[str, str]:
    """Roles of ``names`` in ``text`` through the real spaCy pipeline (sentences and NER)."""
    from pipelines.nlp.model import analyse_one

    an = analyse_article(ArticleMeta("t"), text, analyse_one(text))
    return {c.text: an.roles[i].text for i, c in enumerate(an.candidates)
            if i in an.roles and c.text in names}


# -- a quotation over two sentences, a sentence glued over a missing space ---------------
def test_the_office_before_a_quotation_of_two_sentences() -> None:
    text = ("Le procureur du Gers, Paul Darnal, a annoncé l'ouverture d'une enquête pour "
            "\"outrage\".[/BALISEDans un communiqué, la préfète du Gers avait qualifié de "
            "\"provocation\" le simulacre organisé contre le chef de l'État. \"Ces faits "
            "sont graves pour la fonction du président de la République. Je les dénonce "
            "avec fermeté\", avait déclaré Sophie Marchal.")
    roles = _roles_nlp(text, ["Paul Darnal", "Sophie Marchal"])
    assert roles == {"Paul Darnal": "procureur du Gers", "Sophie Marchal": "préfète du Gers"}


def test_the_subject_office_comes_before_a_complement_office() -> None:
    text = ("La ministre de la Culture a condamné l'attaque contre le maire. « C'est "
            "inacceptable », a déclaré Claire Vasseur.")
    assert _roles(text, ["Claire Vasseur"]) == {"Claire Vasseur": "ministre de la Culture"}


def test_a_roleless_person_of_an_earlier_section_does_not_hold_the_office() -> None:
    text = ("Paul Castagne a chanté au festival. Le public était nombreux. Un rassemblement "
            "interditLa préfète a interdit le rassemblement. « La sécurité prime », a "
            "déclaré Lina Morel.")
    roles = _roles_nlp(text, ["Paul Castagne", "Lina Morel"])
    assert roles == {"Lina Morel": "préfète"}


def test_a_roleless_person_of_the_paragraph_before_may_hold_the_office() -> None:
    text = ("Paul Castagne a visité le chantier.\nLa préfète a interdit le rassemblement. "
            "« La sécurité prime », a déclaré Lina Morel.")
    assert "Lina Morel" not in _roles_nlp(text, ["Paul Castagne", "Lina Morel"])


# -- an office opening the next sentence refers back to the speaker just named ------------
@pytest.mark.parametrize(("text", "name", "role"), [
    ("« Nous ne céderons pas », lance Hugo Vermeulen. Loin des usages protocolaires, "
     "l'ambassadeur affirme que le dialogue est rompu.", "Hugo Vermeulen", "ambassadeur"),
    ("« Le chantier commencera en mai », précise Martine Roussel. La préfète a également "
     "promis une concertation.", "Martine Roussel", "préfète"),
])
def test_an_office_opening_the_next_sentence(text: str, name: str, role: str) -> None:
    assert _roles_nlp(text, [name]) == {name: role}


@pytest.mark.parametrize("text", [
    # two people named in the speaker's sentence
    "« Nous ne céderons pas », lancent Hugo Vermeulen et Paul Roux. L'ambassadeur affirme "
    "que le dialogue est rompu.",
    # no quotation: the mayor may be anybody
    "Hugo Vermeulen est arrivé tôt. Le maire a pris la parole.",
    # the speaker already has a role
    "« Nous ne céderons pas », lance Hugo Vermeulen, syndicaliste. L'ambassadeur affirme "
    "que le dialogue est rompu.",
    # the office has a complement: not a bare reference back
    "« Nous ne céderons pas », lance Hugo Vermeulen. Le ministre de la Santé affirme que "
    "le dialogue est rompu.",
    # the office is somebody speaking of the speaker
    "« Nous ne céderons pas », lance Hugo Vermeulen. Le ministre affirme que Hugo "
    "Vermeulen se trompe.",
    # an attribution opens the next sentence
    "« Nous ne céderons pas », lance Hugo Vermeulen. Selon lui, le ministre a menti.",
    # somebody named earlier holds that office
    "Le ministre Paul Roux a visité l'usine. « Nous ne céderons pas », lance Hugo "
    "Vermeulen. Le ministre affirme que le dialogue est rompu.",
])
def test_no_office_from_the_next_sentence_without_the_whole_pattern(text: str) -> None:
    assert "Hugo Vermeulen" not in _roles_nlp(text, ["Hugo Vermeulen"])
