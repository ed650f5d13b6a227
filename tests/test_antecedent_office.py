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
