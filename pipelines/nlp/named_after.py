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
    raw = resources.files("pipelines").joinpath("data/named_after.jsonl").read_text("utf-8")
    rows = [json.loads(line) for line in raw.splitlines() if line.strip()]
    return tuple((fold(r["noun"]), r["kind"]) for r in rows)


@lru_cache(maxsize=1)
def load_nouns() -> frozenset[str]:
    """The folded nouns of ``data/named_after.jsonl``."""
    return frozenset(noun for noun, _ in _rows())


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


def after_a_thing(text: str, start: int) -> bool:
    """Whether the word right before ``start`` is a lower-case thing noun ("rue X")."""
    m = _LAST_WORD.search(text[max(0, start - 40):start])
    return bool(m) and m.group(1).islower() and fold(m.group(1)) in load_nouns()


def opens_with_a_thing(surface: str) -> bool:
    """Whether a span starts with a thing noun followed by a capitalised name
    ("Hôpital Robert Debré", "Affaire Benalla")."""
    parts = surface.split(maxsplit=1)
    return (len(parts) == 2 and parts[1][:1].isupper()
            and fold(parts[0]) in load_nouns())


#: Phrases that introduce a character an actor plays, on folded text.
_CHARACTER_CUE = re.compile(
    r"(?:\b(?:son|sa|ses|un|ce|premier|dernier|grand)\s+roles?|\bpersonnage|"
    r"\b(?:son|sa|ses)\s+interpretations?|\bdans la peau|\baventures)"
    r"\s+(?:de\s+|d'\s*)"
    r"(?:la\s+|le\s+|l'\s*)?$"
    r"|\b(?:incarne|incarnait|incarnera|incarner|incarnant|interprete|interpretait|"
    r"interpreter|jouait|joue|jouera|jouer)\s+(?:la\s+|le\s+|l'\s*)?$")


def after_a_character_cue(text: str, start: int) -> bool:
    """Whether a phrase introducing a played role ends right before ``start``."""
    return bool(_CHARACTER_CUE.search(fold(text[max(0, start - 40):start])))


#: A character's name followed by who plays it: "X (interprété par …)", "X, incarnée par".
_PLAYED_BY = re.compile(r"\s*[(,]?\s*(?:interpretee?s?|incarnee?s?|jouee?s?)\s+par\b")


def before_a_player(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` is followed by who plays it."""
    return bool(_PLAYED_BY.match(fold(text[end:end + 30])))


def names_a_thing(text: str, start: int, surface: str) -> bool:
    """Whether the person-looking span ``surface`` at ``start`` names a thing or a
    character."""
    return (after_a_thing(text, start) or opens_with_a_thing(surface)
            or after_a_character_cue(text, start)
            or before_a_player(text, start + len(surface)))


@lru_cache(maxsize=1)
def _cue_kinds() -> dict[str, str]:
    return {noun: kind for noun, kind in _rows() if kind in ("company", "media")}


def type_cue(text: str, start: int) -> str:
    """"group" or "media" when the lower-case word right before ``start`` says what the
    name is ("le groupe X", "la marque X", "le laboratoire X"; "le magazine X", "la
    chaîne X"), else ""."""
    m = _LAST_WORD.search(text[max(0, start - 40):start])
    if not m or not m.group(1).islower():
        return ""
    kind = _cue_kinds().get(fold(m.group(1)), "")
    return {"company": "group", "media": "media"}.get(kind, "")


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
