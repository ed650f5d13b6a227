"""Public institutions written in lower case: "le ministère de l'Intérieur", "le parquet de
Paris", "la mairie de Lyon", "le conseil départemental du Nord".

NER rarely takes a lower-case head noun into an organisation's name, so these bodies were
lost. A head noun of ``data/institutions.jsonl`` (general vocabulary of French public
administration) followed by "de/du/des/d'" and a capitalised complement ("Intérieur",
"Affaires étrangères", "Paris", "Seine-Saint-Denis") is a ``group``; the complement's
own mention (a state's capital, a place) stays as it is.

Capitalised organs that every state has, named without their state ("la Banque
centrale", "la Cour suprême", "le Sénat": ``data/state_organs.jsonl``), are institutions
too (:func:`is_state_organ`): their state comes from the context, as for the others.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from pipelines.nlp.capitals import dative_before
from pipelines.text import fold, name_key

_OF = r"(?:[Dd]e\s+la\s+|[Dd]e\s+l['’]\s*|[Dd]u\s+|[Dd]es\s+|[Dd]e\s+|[Dd]['’]\s*)"
#: A capitalised word, then up to three lower-case adjectives or a capitalised word
#: joined by "et" ("Affaires étrangères", "Éducation nationale", "Europe et Affaires").
_ADJ_END = (r"(?:ale|ales|aux|ien|ienne|iens|iennes|ique|iques|el|elle|els|elles|"
            r"aire|aires|eur|eure|eurs|ive|ives|if|ifs|al|ères|angère)")
_COMPLEMENT = (r"[A-ZÀ-Ý][\w’'-]*(?:\s+(?:(?:et\s+)?[a-zà-ÿ][\w-]*" + _ADJ_END + r"\b|"
               r"et\s+(?:de\s+la\s+|de\s+l['’]|des\s+|du\s+)?[A-ZÀ-Ý][\w’'-]*)){0,3}")


@dataclass(frozen=True, slots=True)
class Institution:
    """A lower-case public body found in a text."""

    start: int
    end: int
    text: str
    kind: str


_LETTERS = {"a": "aàâäAÀÂÄ", "e": "eéèêëEÉÈÊË", "i": "iîïIÎÏ", "o": "oôöOÔÖ", "u": "uùûüUÙÛÜ",
            "c": "cçCÇ"}


def _loose(head: str) -> str:
    """A regex for a folded head word that ignores case and accents in the text."""
    out = []
    for ch in head:
        if ch == " ":
            out.append(r"\s+")
        elif ch == "'":
            out.append("['’]")
        elif ch.isalpha():
            out.append("[" + _LETTERS.get(ch, ch + ch.upper()) + "]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


@lru_cache(maxsize=1)
def _state_organs() -> frozenset[str]:
    raw = resources.files("pipelines").joinpath("data/state_organs.jsonl").read_text("utf-8")
    return frozenset(name_key(json.loads(line)["name"]) for line in raw.splitlines()
                     if line.strip())


def is_state_organ(name: str) -> bool:
    """Whether ``name`` is an organ every state has, with no state in it ("Sénat")."""
    return name_key(name) in _state_organs()


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    raw = resources.files("pipelines").joinpath("data/institutions.jsonl").read_text("utf-8")
    kinds = {}
    for line in raw.splitlines():
        if line.strip():
            row = json.loads(line)
            kinds[fold(row["head"])] = row["kind"]
    heads = sorted(kinds, key=len, reverse=True)
    alts = "|".join(_loose(h) for h in heads)
    pattern = re.compile(rf"(?<![\w-])(?P<head>{alts})\s+(?P<of>{_OF})(?P<comp>{_COMPLEMENT})")
    return pattern, kinds


#: Words of an election before "à la / pour la mairie de X" (folded): the body names the
#: office sought or won ("candidat LR à la mairie", "la course à la présidence de …",
#: "succéder à X à la mairie"), not an actor. Up to three words (a party, a name) between.
_ELECTION_CUE = re.compile(
    r"\b(?:candidat(?:e|s|es)?|candidature|course|conquete|reconquete|campagne|bataille"
    r"|briguer|brigue|briguera|presenter|investi(?:e|s|es)?|investiture|elections?"
    r"|(?:re)?elu(?:e|s|es)?|primaire|succeder|succede|ravir|remporter|remporte)"
    r"(?:\s+[\w'-]+){0,3}?\s+(?:a|pour|de|sur)\s+la\s*$")


#: Heads of bodies whose name also names their building (folded).
_BUILDINGS = frozenset({"mairie", "prefecture", "sous-prefecture", "ministere", "rectorat"})
#: Words that place something by a building right before its name (folded): "devant la
#: mairie de X", "à cent mètres de la préfecture de Y", "sur le parvis de la mairie".
_WHERE_CUE = re.compile(
    r"\b(?:devant|derriere|pres\s+de|a\s+proximite\s+de|aux\s+abords\s+de|en\s+face\s+de"
    r"|face\s+a|le\s+parvis\s+de|autour\s+de|les\s+locaux\s+de|l'enceinte\s+de"
    r"|(?:metres|kilometres|km|pas)\s+de)\s+(?:la\s+|le\s+|l')\s*$")


#: Bodies whose seat is a building people go to ("à la mairie de X", "à la gendarmerie de
#: Y"): there, the building, unless an office stands before it ("adjointe à la mairie de
#: X", "élu à la mairie": the office's complement; folded words).
_SEATS = frozenset({"mairie", "gendarmerie", "prefecture", "sous-prefecture"})
_AT_THE_SEAT = re.compile(r"(?:^|\b(\w+) |\W)(?:a|dans)\s+la\s*$")
_OFFICE_BEFORE = frozenset("""adjoint adjointe conseiller conseillere elu elue delegue
deleguee charge chargee poste entre candidat candidate""".split())


def _at_the_seat(before: str) -> bool:
    """Whether the folded text ``before`` a seat's name puts someone at it ("mariés à la")
    rather than in an office of it ("adjointe à la")."""
    m = _AT_THE_SEAT.search(before)
    return bool(m) and m.group(1) not in _OFFICE_BEFORE


def find_institutions(text: str) -> list[Institution]:
    """Lower-case institutions of ``text`` with a capitalised complement, in text order.

    Accents never matter in the head noun; it must be lower case (a capitalised head is
    NER's to find: "Ministère de la Culture"), the complement capitalised.
    """
    pattern, kinds = _pattern()
    out: list[Institution] = []
    for m in pattern.finditer(text):
        if not text[m.start()].islower():
            continue
        before = fold(text[max(0, m.start() - 60):m.start()])
        if _ELECTION_CUE.search(before):
            continue  # "candidat à la mairie de Lyon": the office sought, not the body
        head = re.sub(r"\s+", " ", fold(m.group("head")))
        if head in _BUILDINGS and _WHERE_CUE.search(before) or \
                head in _SEATS and _at_the_seat(before) and \
                not dative_before(text, m.start(), skip=2):
            continue  # "à cent mètres de la mairie de X", "mariés à la mairie de X": a place
        end = _trim(text, m.start("comp"), m.end())
        out.append(Institution(m.start(), end, text[m.start():end], kinds.get(head, "")))
    return out


_TIME_WORDS = frozenset("""lundi mardi mercredi jeudi vendredi samedi dimanche janvier fevrier
mars avril mai juin juillet aout septembre octobre novembre decembre hier demain""".split())


#: The next sentence's first word glued on over a missing space: "IntérieurEn".
_GLUED = re.compile(r"(?<=[a-zà-ÿ]{2})[A-ZÀ-Ý][a-zà-ÿ]*$")


#: Adjectives of time or status that qualify a person after the body, not the body:
#: "la mairie de Marseille et actuel adjoint".
_STATUS_WORDS = frozenset("""actuel actuelle actuels actuelles ancien ancienne anciens anciennes
futur future futurs futures nouveau nouvelle nouveaux nouvelles""".split())


def _trim(text: str, comp_start: int, end: int) -> int:
    """Drop lower-case words ending the complement that are verb forms or time words
    ("le ministère des Sports espère", "… communiqué mardi"), and a next sentence's word
    glued on ("l'IntérieurEn")."""
    from pipelines.nlp.noise import load_noise  # late import: noise loads its lexicon on first use

    verbs = load_noise().verbs
    words = list(re.finditer(r"\S+", text[comp_start:end]))
    while len(words) > 1:
        word = words[-1].group(0)
        low = word.lower()
        if word[:1].islower() and (low in verbs or fold(low) in _TIME_WORDS or low == "et"
                                   or fold(low) in _STATUS_WORDS):
            words.pop()
            continue
        break
    end = comp_start + words[-1].end()
    glued = _GLUED.search(text, comp_start, end)  # "ministère de l'IntérieurEn 2019"
    return glued.start() if glued else end
