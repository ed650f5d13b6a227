"""Things named after people, characters, and what a name is said to be: "l'hôpital
Robert-Debré", "l'affaire Benalla", "l'ouragan Irma", "son rôle de Jean Valjean", "le
groupe Lenoir", "le magazine Horizons".

A name right after one of the common nouns of ``data/named_after.jsonl`` (a building or a
street, a vessel, a storm, a case, a law, a prize…), or a span that NER opened with such
a noun ("Hôpital Robert Debré"), names that thing, not a person: it is no person mention.
The nouns are general French vocabulary, not names of particular things. So is a name
right after a phrase that introduces a role an actor plays ("son rôle de", "le
personnage d'", "incarnait", "jouait la", "les aventures de"), or followed by who plays it
("X (interprété par …)"): a character, not a person ("le rôle de X dans
l'affaire" is X's own part, and X stays a person).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from pipelines.text import fold


@lru_cache(maxsize=1)
def _rows() -> tuple[tuple[str, str], ...]:
    return tuple((noun, kind) for noun, kind, _ in _all_rows())


@lru_cache(maxsize=1)
def _all_rows() -> tuple[tuple[str, str, bool], ...]:
    """(folded noun, kind, strict) of ``data/named_after.jsonl``."""
    raw = resources.files("pipelines").joinpath("data/named_after.jsonl").read_text("utf-8")
    rows = [json.loads(line) for line in raw.splitlines() if line.strip()]
    return tuple((fold(r["noun"]), r["kind"], bool(r.get("strict"))) for r in rows)


#: Kinds of noun that say what an actor is ("le groupe X", "le magazine X"), not a thing.
_ACTOR_KINDS = ("company", "media")


@lru_cache(maxsize=1)
def load_nouns() -> frozenset[str]:
    """The folded nouns of ``data/named_after.jsonl``."""
    return frozenset(noun for noun, _ in _rows())


@lru_cache(maxsize=1)
def _thing_nouns() -> frozenset[str]:
    """The nouns of things (buildings, vessels, storms, cases, events), not of actors."""
    return frozenset(noun for noun, kind in _rows() if kind not in _ACTOR_KINDS)


@lru_cache(maxsize=1)
def load_events() -> frozenset[str]:
    """The folded nouns of events and agreements ("traité", "festival", "sommet")."""
    return frozenset(noun for noun, kind in _rows() if kind == "event")


def opens_with_an_event(surface: str) -> bool:
    """Whether an organisation-looking span is an event or an agreement: "Traité de
    Lisbonne", "Festival de Cannes", "Sommet du G20" (not an actor)."""
    parts = surface.split(maxsplit=1)
    return len(parts) == 2 and fold(parts[0]) in load_events()


_LAST_WORD = re.compile(r"([^\W\d_]+(?:-[^\W\d_]+)*)[ \t]+$")
#: The lower-case words (with hyphens) before a name, the last one last.
_WORDS_BEFORE = re.compile(r"(?:[^\W\d_]+(?:-[^\W\d_]+)*(?:[ \t]+|['’]))"
                           r"{1,7}$")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
#: Words that open the complement of a cue noun: "la fédération de parents d'élèves X".
_OF = frozenset({"de", "d", "des", "du"})
_ARTICLES = frozenset({"la", "l", "les"})


def _cue_before(text: str, start: int, nouns: frozenset[str],
                complement: bool = True) -> tuple[str, list[str]]:
    """The folded noun of ``nouns`` before ``start``, alone or followed by up to two
    adjectives ("la chaîne américaine X", "le complexe hôtelier X") or by a complement
    in lower case ("le syndicat de policiers X", "la fédération de parents d'élèves
    X"), else "".

    The noun is in lower case, or in capitals inside a sentence ("l'EHPAD X", "du CHU
    X"); an adjective or a word of the complement is a lower-case word that is not a
    function word, a verb form or an adverb (``data/lexicon_fr.csv``), so "le groupe a
    racheté X" has no cue, nor "la société de Paul X". Returns the noun and the words
    after it ("", [] when there is none); ``complement=False``: adjectives only.
    """
    head = text[max(0, start - 80):start]
    m = _WORDS_BEFORE.search(head)
    if not m:
        return "", []
    found = list(_WORD.finditer(head, m.start()))
    words = [w.group(0) for w in found]
    for k in range(len(words) - 1, max(len(words) - 7, -1), -1):
        word, after = words[k], words[k + 1:]
        if not _modifiers(after) or not complement and any(fold(w) in _OF for w in after):
            continue
        if fold(word) in nouns and (word.islower() or _caps_inside(head, found[k].start(),
                                                                   word)):
            return fold(word), after
    return "", []


def _modifiers(words: list[str]) -> bool:
    """Whether ``words`` may stand between a cue noun and a name: at most two
    adjectives, then maybe "de" and up to four lower-case words (an article aside)."""
    from pipelines.nlp.noise import load_noise

    noise = load_noise()

    def content(w: str) -> bool:
        return w.islower() and len(w) > 1 and not noise.is_word(w)

    i = 0
    while i < len(words) and i < 2 and content(words[i]):
        i += 1
    if i == len(words):
        return True
    if fold(words[i]) not in _OF:
        return False
    rest = words[i + 1:]
    if rest and fold(rest[0]) in _ARTICLES:
        rest = rest[1:]
    return 1 <= len(rest) <= 4 and content(rest[-1]) and \
        all(content(w) or fold(w) in _OF for w in rest)


def _caps_inside(head: str, at: int, word: str) -> bool:
    """Whether a noun written in capitals ("EHPAD", "Ehpad", "CHU") stands inside a
    sentence: after an elided article or a lower-case word, not at a sentence start."""
    if not (word.isupper() or word[1:].islower()):
        return False
    before = head[:at].rstrip()
    return before[-1:] in ("'", "’") or bool(before) and before.split()[-1].islower()


def thing_before(text: str, start: int) -> tuple[str, list[str]]:
    """The thing noun right before ``start`` and the words between it and the name."""
    return _cue_before(text, start, _thing_nouns())


#: A first name and "et" before a name: "le lycée Pierre et Marie Curie" names the thing
#: after both.
_GIVEN_AND = re.compile(r"(?<![\w'’-])[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?[ \t]+et[ \t]+$")


def after_a_thing(text: str, start: int) -> bool:
    """Whether a thing noun comes right before ``start`` ("rue X", "l'Ehpad X"), maybe
    with adjectives ("la tempête tropicale X", "le complexe hôtelier X"), or before a
    first name joined to it ("le lycée Pierre et Marie Curie")."""
    if _cue_before(text, start, _thing_nouns())[0]:
        return True
    joined = _GIVEN_AND.search(text, max(0, start - 40), start)
    return bool(joined) and bool(_cue_before(text, joined.start(), _thing_nouns())[0])


def opens_with_a_thing(surface: str) -> bool:
    """Whether a span starts with a thing noun followed by a capitalised name
    ("Hôpital Robert Debré", "Affaire Benalla")."""
    parts = surface.split(maxsplit=1)
    return (len(parts) == 2 and parts[1][:1].isupper()
            and fold(parts[0]) in load_nouns())


#: Phrases that introduce a character an actor plays, on folded text.
_CHARACTER_CUE = re.compile(
    r"(?:\b(?:son|sa|ses|un|ce|premier|dernier|grand|dans\s+le)\s+roles?|\bpersonnage|"
    r"\b(?:son|sa|ses)\s+interpretations?|\bdans la peau|\baventures)"
    r"\s+(?:de\s+|d'\s*|du\s+)"
    r"(?:(?:la\s+|le\s+|l'\s*)?(?:[a-z-]+\s+)?)?$"
    r"|\b(?:incarne|incarnait|incarnera|incarner|incarnant|interprete|interpretait|"
    r"interpreter|interpretant|jouait|joue|jouera|jouer|jouant)\s+(?:la\s+|le\s+|l'\s*)?$")


def after_a_character_cue(text: str, start: int) -> bool:
    """Whether a phrase introducing a played role ends right before ``start``."""
    return bool(_CHARACTER_CUE.search(fold(text[max(0, start - 40):start])))


#: A character's name followed by who plays it: "X (interprété par …)", "X, incarnée par".
_PLAYED_BY = re.compile(r"\s*[(,]?\s*(?:interpretee?s?|incarnee?s?|jouee?s?)\s+par\b")


def before_a_player(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` is followed by who plays it."""
    return bool(_PLAYED_BY.match(fold(text[end:end + 30])))


@lru_cache(maxsize=1)
def _storm_apposed() -> re.Pattern[str]:
    nouns = "|".join(sorted(re.escape(n) for n, kind in _rows() if kind == "storm"))
    return re.compile(rf"\b(?:{nouns})s?(?:\s+[a-z-]+){{0,2}}\s*,\s*$")


def storm_in_apposition(text: str, start: int, end: int) -> bool:
    """Whether a name stands between commas after a storm noun: "une autre tempête,
    Gaston, s'est formée" (the name of the storm)."""
    return text[end:end + 2].lstrip()[:1] == "," and \
        bool(_storm_apposed().search(fold(text[max(0, start - 50):start])))


def names_a_thing(text: str, start: int, surface: str) -> bool:
    """Whether the person-looking span ``surface`` at ``start`` names a thing or a
    character."""
    return (after_a_thing(text, start) or opens_with_a_thing(surface)
            or after_a_character_cue(text, start)
            or before_a_player(text, start + len(surface))
            or storm_in_apposition(text, start, start + len(surface)))


@lru_cache(maxsize=1)
def _cue_kinds() -> dict[str, str]:
    return {noun: kind for noun, kind in _rows() if kind in _ACTOR_KINDS}


@lru_cache(maxsize=1)
def _strict_nouns() -> frozenset[str]:
    """Actor nouns that never introduce a person's name ("la fondation X", "le magazine
    X"; not "le spécialiste X", "l'éditeur X")."""
    return frozenset(noun for noun, kind, strict in _all_rows()
                     if kind in _ACTOR_KINDS and strict)


def strict_nouns() -> frozenset[str]:
    """The folded actor nouns that never introduce a person's name ("groupe", "société")."""
    return _strict_nouns()


#: "membre du groupe X", "ex-membres du collectif X": X is the group its members belong to.
_MEMBER_OF = re.compile(r"\bmembres?\s+(?:de|du|des)\s+(?:la\s+|l['’]\s*)?$")
#: "présidente du groupe X", "directeur de la fondation X": the name is the office-holder's.
_AFTER_DE = re.compile(r"(?:\b(?:de|du|des)\s+(?:la\s+|l['’]\s*)?|\bd['’]\s*)$")


def type_cue(text: str, start: int, strict: bool = False) -> str:
    """"group" or "media" when the noun before ``start`` says what the name is ("le
    groupe X", "la marque X", "la fondation X"; "le magazine X", "la chaîne américaine
    X"), else "". A medium's noun with a complement that names no medium is a company's
    ("la chaîne de grands magasins X").

    With ``strict`` (a name that reads as a person's full name), only a noun that never
    introduces a person counts, with adjectives but no complement ("la société de
    l'entrepreneur X": X is the entrepreneur), and not after "de" ("la présidente du
    groupe X": X is the president).
    """
    nouns = _strict_nouns() if strict else frozenset(_cue_kinds())
    noun, after = _cue_before(text, start, nouns, complement=not strict)
    if not noun:
        return ""
    if strict:
        folded = fold(text[max(0, start - 80):start])
        before = folded[:folded.rfind(noun)]
        if _AFTER_DE.search(before) and not _MEMBER_OF.search(before):
            return ""  # "la présidente du groupe X"; not "membre du groupe X" (a band)
    kind = _cue_kinds()[noun]
    if kind == "media" and any(fold(w) in _OF for w in after) and \
            not any(fold(w) in _MEDIA_COMPLEMENTS for w in after):
        return "group"  # "la chaîne de grands magasins X", "le site de la crêperie X"
    return {"company": "group", "media": "media"}.get(kind, "")


#: What a medium's complement names: "la chaîne de télévision X", "le site d'information X".
_MEDIA_COMPLEMENTS = frozenset({"television", "radio", "information", "informations", "info",
                                "infos", "presse", "actualite", "actualites", "journalisme"})


@lru_cache(maxsize=1)
def _apposed_cues() -> dict[str, str]:
    raw = resources.files("pipelines").joinpath("data/apposed_cues.jsonl").read_text("utf-8")
    rows = [json.loads(line) for line in raw.splitlines() if line.strip()]
    return {fold(r["noun"]): r["type"] for r in rows}


#: ", l'agence …", ", une société …", ", le quotidien …" right after a name.
_APPOSED = re.compile(r"\s*,\s*(?:l['’]\s*|la\s+|le\s+|une?\s+|cette\s+|ce\s+|cet\s+)"
                      r"([^\W\d_]+(?:-[^\W\d_]+)?)")


_NAMED_NEXT = re.compile(r"\s+[A-ZÀ-Ý]")


def apposed_cue(text: str, end: int) -> str:
    """"group" or "media" when the name ending at ``end`` is followed by an apposition
    saying what it is ("Calvac, l'agence régionale de l'eau", "Orvia, une société de
    conseil", "Le Clairon, le quotidien local"), else ""."""
    m = _APPOSED.match(text, end)
    if not m or not m.group(1).islower():
        return ""
    if _NAMED_NEXT.match(text, m.end()):
        return ""  # "X, la société Orvia et …": a list, the noun is the next name's
    return _apposed_cues().get(fold(m.group(1)), "")
