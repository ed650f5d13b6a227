"""Interactions: the grammar of pipelines.interactions.rules on invented French sentences.

Actors are marked ``[text|type]``; each case lists the expected
(source, target, kind, directed) tuples (directed False: a joint action).
"""

from __future__ import annotations

import re

import pytest

from pipelines.interactions.lexicon import KINDS, load_lexicon, parse_lexicon
from pipelines.interactions.parse import parse
from pipelines.interactions.rules import Actor, find_interactions

_MARK = re.compile(r"\[([^|\]]+)\|(\w+)(?:\|(\w+))?\]")

VC, MC, VX, MX = KINDS


def found(marked: str) -> set[tuple[str, str, str, bool]]:
    """The interactions of a marked sentence, as (source, target, kind, directed)."""
    actors: list[Actor] = []
    text, last = "", 0
    for m in _MARK.finditer(marked):
        text += marked[last:m.start()]
        start = len(text)
        text += m.group(1)
        actors.append(Actor(start, len(text), len(actors), m.group(2), m.group(3) or ""))
        last = m.end()
    text += marked[last:]
    doc = parse([text])[0]
    names = [text[a.start:a.end] for a in actors]
    out = set()
    for f in find_interactions(doc, actors):
        a, b = names[f.source], names[f.target]
        if not f.directed:
            a, b = sorted((a, b))
        out.add((a, b, f.kind, f.directed))
    return out


CASES = [
    # active verbs, one per kind
    ("Le [Portugal|state] a félicité l'[Islande|state] pour sa victoire.",
     {("Portugal", "Islande", VC, True)}),
    ("L'[Autriche|state] a livré des blindés à la [Slovénie|state].",
     {("Autriche", "Slovénie", MC, True)}),
    ("La [Hongrie|state] accuse la [Roumanie|state] de mentir.",
     {("Hongrie", "Roumanie", VX, True)}),
    ("La [Serbie|state] a bombardé des positions [croates|state] mardi.",
     {("Serbie", "croates", MX, True)}),
    # passive with "par"
    ("Le [Laos|state] a été sanctionné par le [Canada|state].",
     {("Canada", "Laos", MX, True)}),
    # coordination: a joint action
    ("Le [Chili|state] et le [Pérou|state] ont signé un accord commercial.",
     {("Chili", "Pérou", MC, False)}),
    # nominalisations: "de ... contre", "entre X et Y", patient "de", agent "par"
    ("Les sanctions de l'[Union africaine|group] contre le [Niger|state] ont été durcies.",
     {("Union africaine", "Niger", MX, True)}),
    ("La signature d'un accord de libre-échange entre le [Bénin|state] et le "
     "[Nigeria|state] a eu lieu hier.",
     {("Bénin", "Nigeria", MC, False)}),
    ("L'expulsion de l'ambassadeur de [Suède|state] par la [Turquie|state] a surpris.",
     {("Turquie", "Suède", MX, True)}),
    ("Le [Kenya|state] a annoncé l'expulsion de l'ambassadeur de [Somalie|state].",
     {("Kenya", "Somalie", MX, True)}),
    # a support verb lends its subject to the noun
    ("La [Norvège|state] a exprimé son soutien à la [Moldavie|state].",
     {("Norvège", "Moldavie", VC, True)}),
    # reported speech: the reported clause, not the reporter
    ("Selon [Oslo|state], la marine [russe|state] a attaqué un navire [norvégien|state].",
     {("russe", "norvégien", MX, True)}),
    # a demonym in the agent phrase
    ("La diplomatie [chinoise|state] a condamné les propos du [Japon|state].",
     {("chinoise", "Japon", VX, True)}),
    # a name in apposition is the actor, not the demonym
    ("Le ministre [belge|state] des Affaires étrangères, [Jean Dupont|person], s'est "
     "entretenu avec son homologue [néerlandais|state].",
     {("Jean Dupont", "néerlandais", VC, False)}),
    # the subject of "recevoir" receives
    ("Les soldats [maliens|state] ont reçu une formation auprès de l'armée [russe|state].",
     {("russe", "maliens", MC, True)}),
    # conflict nouns between two actors
    ("Les tensions entre l'[Éthiopie|state] et l'[Érythrée|state] persistent.",
     {("Érythrée", "Éthiopie", VX, False)}),
    # an intention is verbal; a reversal flips the polarity
    ("Le [Vietnam|state] veut coopérer avec le [Cambodge|state].",
     {("Cambodge", "Vietnam", VC, False)}),
    ("Les [États-Unis|state] ont levé les sanctions contre [Cuba|state].",
     {("États-Unis", "Cuba", MC, True)}),
    ("Le [Togo|state] a rompu ses relations diplomatiques avec le [Gabon|state].",
     {("Togo", "Gabon", MX, True)}),
    # a request to another actor
    ("Le [Ghana|state] demande au [Togo|state] de rouvrir sa frontière.",
     {("Ghana", "Togo", VC, True)}),
    # a request; the act requested has not happened
    ("La [Suisse|state] appelle le [Liban|state] à libérer les otages [français|state].",
     {("Suisse", "Liban", VC, True)}),
    # a date between the verb and its object
    ("[Jean Dupont|person] a menacé mardi [Madrid|state] de représailles.",
     {("Jean Dupont", "Madrid", VX, True)}),
    # a subject pronoun stands for the nearest earlier subject of its number
    ("Le ministre [suédois|state] est arrivé hier et il a critiqué la [Pologne|state].",
     {("suédois", "Pologne", VX, True)}),
    # a conditional threat acts on the one the condition names
    ("Le [Japon|state] a menacé de rompre les négociations si la [Chine|state] envoyait "
     "des navires.", {("Japon", "Chine", VX, True)}),
    # a support verb's "à Y" for a sanction; "avec Y" under the object of the verb
    ("[Washington|state] a imposé de nouvelles sanctions à [Caracas|state].",
     {("Washington", "Caracas", MX, True)}),
    ("Le [Maroc|state] a rompu ses relations diplomatiques avec l'[Iran|state].",
     {("Maroc", "Iran", MX, True)}),
    # a cooperative noun under a cooperative verb is left to the verb
    ("Le [Japon|state] et l'[Inde|state] ont conclu un partenariat stratégique.",
     {("Inde", "Japon", MC, False)}),
    # a participle the tagger took for a noun ("a téléphoné")
    ("[Emmanuel Macron|person] a téléphoné à [Vladimir Poutine|person] samedi.",
     {("Emmanuel Macron", "Vladimir Poutine", VC, True)}),
    # a pronominal verb with coordinated subjects is reciprocal
    ("L'[Arménie|state] et l'[Azerbaïdjan|state] se sont affrontés à la frontière.",
     {("Arménie", "Azerbaïdjan", MX, False)}),
    # an accusation does not make the act it alleges happen
    ("Le [Rwanda|state] accuse le [Burundi|state] d'avoir attaqué l'[Ouganda|state].",
     {("Rwanda", "Burundi", VX, True)}),
    # a relative "qui" stands for its antecedent
    ("Le [Qatar|state], qui a financé le [Hamas|group], dément.",
     {("Qatar", "Hamas", MC, True)}),
]

NOTHING = [
    # negation
    "Le [Kenya|state] n'a pas signé l'accord avec l'[Ouganda|state].",
    "La [Bolivie|state] n'a jamais attaqué le [Paraguay|state].",
    # hypothesis, condition, plan
    "La [Grèce|state] pourrait sanctionner la [Turquie|state].",
    "Si l'[Inde|state] attaque le [Pakistan|state], la région s'embrasera.",
    "Le [Brésil|state] envisage de sanctionner le [Paraguay|state].",
    "Un éventuel accord entre le [Soudan|state] et le [Tchad|state] reste incertain.",
    # a question
    "Le [Maroc|state] va-t-il aider la [Tunisie|state] ?",
    # listing, belonging, location
    "Le ministre [malien|state] et son homologue [sénégalais|state] étaient présents.",
    "Des soldats [français|state] sont stationnés au [Niger|state].",
    "Ni la [Belgique|state] ni le [Danemark|state] ne se sont livrés à une attaque.",
    # what befalls someone is not an act on them
    "Le [Canada|state] a dénoncé la mort de [Jean Martin|person].",
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_constructions(sentence: str, expected: set) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize("sentence", NOTHING)
def test_no_interaction(sentence: str) -> None:
    assert found(sentence) == set()


def test_speaker_for_its_state() -> None:
    """An official reporting what its own state does acts verbally on the target."""
    got = found("Le ministre [russe|state|RUS] [Ivan Petrov|person] a déclaré que la "
                "[Russie|state|RUS] livrera des avions au [Laos|state].")
    assert ("Russie", "Laos", MC, True) in got
    assert ("Ivan Petrov", "Laos", VC, True) in got


def test_lexicon_is_consistent() -> None:
    lex = load_lexicon()
    assert lex.lookup("signer", "VERB")[0].joint
    assert lex.lookup("expulsion", "NOUN")[0].de_target
    assert lex.has("hypothesis", "pouvoir") and lex.has("support", "exprimer")
    assert lex.lookup("séance", "NOUN")[0].rest == ("de", "travail")
    with pytest.raises(ValueError):
        parse_lexicon(['{"lemma": "x", "pos": "VERB", "kind": "friendly", "event": "E"}'])
    with pytest.raises(ValueError):
        parse_lexicon(['{"lemma": "x", "mod": "maybe"}'])
