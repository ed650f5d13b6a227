"""Offices from context: "le ministre malien des affaires étrangères X", "X, le chef du …".

A title word (``data/titles.jsonl``) directly before a name, or in an apposition right
after it, gives the person a role. Official titles (ministre, président, colonel,
ambassadeur…) make the person an ``official``; others (journaliste, chercheuse…) are
recorded but leave them a ``person``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .text import fold

#: Words that end a role phrase: verbs, pronouns, conjunctions, prepositions of clauses.
_STOP = frozenset("""
a ont est sont etait etaient avait avaient sera seront serait fut a-t-il que qui quoi dont ou
et mais car donc or ni selon avec par contre sans sur sous dans lors apres avant comme
il elle ils elles on se s y ne pas plus ce cette ces son sa ses leur leurs mon ma mes notre
nos votre vos lui eux tres aussi deja encore ainsi alors quand si
""".split())
_ROLE_CONNECTORS = frozenset("de du des d la le les l a au aux en et".split())
_OF = re.compile(r"(?:^|\s)(?:de|du|des|d'|de la|de l')\s*$")
_CLAUSE_BREAK = re.compile(r"[.;:!?«»\"“”()\[\]\n]")
_TOKEN = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*", re.UNICODE)


@dataclass(frozen=True)
class Role:
    text: str
    official: bool


@dataclass(frozen=True)
class TitleLexicon:
    pattern: re.Pattern[str]
    official: dict[str, bool]


@lru_cache(maxsize=1)
def load_titles() -> TitleLexicon:
    raw = resources.files("pipelines").joinpath("data/titles.jsonl").read_text("utf-8")
    official: dict[str, bool] = {}
    for line in raw.splitlines():
        if line.strip():
            row = json.loads(line)
            official[fold(row["title"])] = bool(row["official"])
    alts = sorted(official, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in alts) + r")(?![\w-])")
    return TitleLexicon(pattern, official)


def _role_words_ok(phrase: str, max_words: int = 9) -> bool:
    toks = _TOKEN.findall(phrase)
    if len(toks) > max_words:
        return False
    for tok in toks:
        low = tok.lower()
        if low in _STOP:
            return False
        if low.endswith(("ait", "aient", "erait")):
            return False
    return True


def _clean(role: str) -> str:
    role = role.strip(" ,-–—'’")
    toks = role.split()
    while toks and fold(toks[-1]).strip("'") in _ROLE_CONNECTORS:
        toks.pop()
    return " ".join(toks)


def role_before(text: str, start: int, window: int = 90) -> Role | None:
    """A title phrase ending right before ``start`` (optionally followed by a comma)."""
    lex = load_titles()
    left = max(0, start - window)
    ctx = text[left:start]
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(ctx)]
    ctx = ctx[breaks[-1]:] if breaks else ctx
    folded = fold(ctx)
    for m in lex.pattern.finditer(folded):
        tail = ctx[m.start():]
        body = tail.rstrip()
        if body.endswith(","):
            body = body[:-1]
        if "," in body:
            continue
        after = body[m.end() - m.start():]
        if not _role_words_ok(after):
            continue
        # "le porte-parole du navigateur X", "la fille du président X": the name
        # belongs to the last title in a chain of "de"s.
        for m2 in list(lex.pattern.finditer(folded, m.end()))[::-1]:
            if _OF.search(folded[:m2.start()]):
                m = m2
                body = ctx[m2.start():].rstrip().rstrip(",")
                break
        role = _clean(body)
        if role:
            return Role(role, lex.official[m.group(0)])
    return None


def role_after(text: str, end: int, window: int = 110) -> Role | None:
    """An apposition right after a name: ``X, le chef du CNSP, …`` / ``X, ministre de …``."""
    lex = load_titles()
    ctx = text[end:end + window]
    m0 = re.match(r"\s*,\s*(?:(?:le|la|l['’]|un|une|ancien|ancienne|ex-?|actuel|actuelle|"
                  r"nouveau|nouvelle)\s*)*", ctx, re.IGNORECASE)
    if not m0:
        return None
    rest = ctx[m0.end():]
    folded = fold(rest)
    m = lex.pattern.match(folded)
    if not m:
        return None
    stop = re.search(r"[,.;:!?«»\"“”()\[\]\n]", rest)
    phrase = rest[: stop.start()] if stop else rest
    toks = list(_TOKEN.finditer(phrase))
    cut = len(phrase)
    for i, tok in enumerate(toks):
        low = fold(tok.group(0))
        if i > 0 and (low in _STOP or low.endswith(("ait", "aient"))):
            cut = tok.start()
            break
        if i >= 9:
            cut = tok.start()
            break
    role = _clean(phrase[:cut])
    if not role:
        return None
    return Role(role, lex.official[m.group(0)])


def find_role(text: str, start: int, end: int) -> Role | None:
    """The role given to the name at ``text[start:end]``, official roles first."""
    before = role_before(text, start)
    after = role_after(text, end)
    for r in (before, after):
        if r and r.official:
            return r
    return before or after
