"""Whether a capital names its state or only the city.

A capital stands for its state when the state acts through it: "Paris a annoncé",
"entre Bamako et Paris", "la position de Moscou", "un message très clair à Alger". In
news it far more often names the city itself: "une manifestation à Paris", "le maire de
Paris", "le parquet de Paris", "l'accord de Paris", "depuis Moscou". Such a mention is a
place, not a mention of the state: a French general-news archive otherwise folds
thousands of city mentions (faits divers, municipal politics, courts) into France.

Three readings are the city's:

* joined to another capitalised word, as part of a longer name or a route ("Disneyland
  Paris", "Paris Match", "le TGV Paris-Nice");
* after a locative preposition ("à", "dans", "depuis"), unless a word just before it in
  the clause governs a dative ("demandé à Paris", "les remerciements à Moscou",
  "préjudiciable à Alger"), says how the state sees a thing ("un retrait est vu à
  Alger comme …") or makes the state a visit's host ("une visite à Moscou", "s'est
  rendu à Bamako", "reçu à Pékin");
* as the complement "de X" of a noun that is not one of the nouns of what a state does or
  holds ("le maire de Paris", "l'accord de Paris"; not "la décision de Paris", "les
  autorités de Pékin", "le soutien de Moscou", "protester auprès de Madrid").

The words are general French vocabulary in ``data/capital_uses.jsonl`` (``use``: agent,
dative, view, visit or locative).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from pipelines.text import fold

#: Words and punctuation of the text before a capital, lower-cased; "d'" and "l'" kept
#: as words of their own.
_TOKEN = re.compile(r"[\w-]+'|[\w-]+|[^\w\s]")
#: How far back a dative cue may stand before "à" ("un message très clair à Alger").
_DATIVE_REACH = 4
#: How far back a visit may stand, across commas ("la visite du ministre X, à Moscou").
_VISIT_REACH = 12
#: How far back the noun of a "de" complement may stand ("la position officielle de X").
_AGENT_REACH = 2


@lru_cache(maxsize=1)
def _uses() -> dict[str, frozenset[str]]:
    """The words of ``data/capital_uses.jsonl`` by use (all but the prepositions folded)."""
    raw = resources.files("pipelines").joinpath("data/capital_uses.jsonl").read_text("utf-8")
    by_use: dict[str, set[str]] = {"agent": set(), "dative": set(), "view": set(),
                                    "visit": set(), "locative": set()}
    for line in raw.splitlines():
        if line.strip():
            row = json.loads(line)
            word = row["word"].lower()
            by_use[row["use"]].add(word if row["use"] == "locative" else fold(word))
    return {use: frozenset(words) for use, words in by_use.items()}


def _words_before(text: str, start: int) -> list[str]:
    """The tokens before ``start``, nearest last (as many as a visit's reach needs)."""
    before = text[max(0, start - 160):start].lower().replace("’", "'")
    return _TOKEN.findall(before)[-_VISIT_REACH - 1:]


def _clause(tokens: list[str], reach: int, commas: bool = False) -> list[str]:
    """The last ``reach`` words of ``tokens`` that are not cut off by punctuation (by a
    comma too, unless ``commas``)."""
    out: list[str] = []
    for tok in reversed(tokens):
        if tok == "," and commas:
            continue
        if not (tok[0].isalnum() or tok[0] == "_") and not tok.endswith("'"):
            break
        out.append(tok)
        if len(out) == reach:
            break
    return out


#: A capital inside a longer name or a route: "Disneyland Paris", "Paris Match", "le TGV
#: Paris-Nice", "Paris-Saclay", "la ligne Rouen-Paris".
_NAME_BEFORE = re.compile(r"[^\W\d_][\w'’]*(?:[ \t]|-)$")
_NAME_AFTER = re.compile(r"^(?:[ \t]+|-)[^\W\d_]")


def _inside_a_name(text: str, start: int, end: int) -> bool:
    """Whether the capital is joined to a capitalised word before or after it (not across
    a sentence start): part of another name or a route, never the state."""
    after = _NAME_AFTER.match(text[end:end + 3])
    if after and after.group(0)[-1].isupper():
        return True
    before = _NAME_BEFORE.search(text[max(0, start - 30):start])
    if not before:
        return False
    word = before.group(0).strip(" \t-")
    if not word[:1].isupper():
        return False
    head = text[:start - len(before.group(0))].rstrip(" \t")
    return bool(head) and head[-1] not in ".!?:«\"“(\n"


def dative_before(text: str, start: int, skip: int = 0) -> bool:
    """Whether a dative word governs the words before ``start``, past their last ``skip``
    tokens ("une lettre envoyée à la mairie de X": ``skip`` 2 for "à la")."""
    tokens = _words_before(text, start)
    tokens = tokens[:len(tokens) - skip]
    return any(fold(w) in _uses()["dative"] for w in _clause(tokens, _DATIVE_REACH))


def names_the_city(text: str, start: int, end: int | None = None) -> bool:
    """Whether the capital at ``start`` (ending at ``end``) names the city rather than
    its state."""
    if end is not None and _inside_a_name(text, start, end):
        return True
    tokens = _words_before(text, start)
    if not tokens:
        return False
    uses = _uses()
    prep = tokens[-1]
    if prep == "a" and text[start - 2:start - 1] == "A":
        prep = "à"  # "A Paris, …": a capital letter written without its accent
    if prep in uses["locative"]:
        datives = _clause(tokens[:-1], _DATIVE_REACH)
        visits = _clause(tokens[:-1], _VISIT_REACH, commas=True)
        return not (any(fold(w) in uses["dative"] or fold(w) in uses["view"]
                        for w in datives)
                    or any(fold(w) in uses["visit"] for w in visits))
    if prep in ("de", "d'"):
        nouns = _clause(tokens[:-1], _AGENT_REACH)
        return bool(nouns) and not any(fold(w) in uses["agent"] for w in nouns)
    return False
