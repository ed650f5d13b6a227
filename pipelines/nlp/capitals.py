"""Whether a capital names its state or only the city.

A capital stands for its state when the state acts through it: "Paris a annoncé",
"entre Bamako et Paris", "la position de Moscou", "un message très clair à Alger". In
news it far more often names the city itself: "une manifestation à Paris", "le maire de
Paris", "le parquet de Paris", "l'accord de Paris", "depuis Moscou". Such a mention is a
place, not a mention of the state: a French general-news archive otherwise folds
thousands of city mentions (faits divers, municipal politics, courts) into France.

Two readings are the city's:

* after a locative preposition ("à", "dans", "depuis"), unless a word just before it in
  the clause governs a dative ("demandé à Paris", "les remerciements à Moscou",
  "préjudiciable à Alger"), says how the state sees a thing ("un retrait est vu à
  Alger comme …") or makes the state a visit's host ("une visite à Moscou", "s'est
  rendu à Bamako", "reçu à Pékin");
* as the complement "de X" of a noun that is not one of the nouns of what a state does or
  holds ("la décision de Paris", "les autorités de Pékin", "le soutien de Moscou").

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


def names_the_city(text: str, start: int) -> bool:
    """Whether the capital at ``start`` names the city rather than its state."""
    tokens = _words_before(text, start)
    if not tokens:
        return False
    uses = _uses()
    prep = tokens[-1]
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
