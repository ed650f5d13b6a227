"""From one article's text and its spaCy output to typed candidate spans.

This is a pure function of (text, NER spans, gazetteer, options): no corpus-level
state. Gazetteer matches and NER spans are merged: a gazetteer term wins where they
overlap, except where NER found a longer person or organisation name that contains
it ("Banque de France", "Paris Hilton"). Spans in web boilerplate are dropped; NER
spans that the gazetteer does not know are typed by rule (acronyms and "Comité…"
become groups, web domains media, unknown locations places, fragments nothing).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from .gazetteer import Gazetteer, load_gazetteer
from .matcher import Match, TermMatcher, TermSpec
from .nlp import NlpResult
from .noise import NoiseRules, load_noise, masked_ranges
from .roles import load_titles
from .text import fold, is_acronym, is_capitalised

_LEADING_ARTICLE = re.compile(r"^(?:(?:la|le|les|l['’]|du|des|de la|de l['’]|au|aux|en)\s*)+",
                              re.IGNORECASE)
_HONORIFIC = frozenset({"m", "mme", "mlle", "dr", "me", "pr", "mgr", "sir", "m.", "mme.", "dr."})
_PER_SPLIT = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class Options:
    """Extraction switches."""

    #: Resolve capitals, demonyms and seats of power to their state ("Moscou a dit").
    capitals: bool = True


@dataclass(frozen=True, slots=True)
class Candidate:
    """A typed span before corpus-level resolution."""

    start: int
    end: int
    text: str
    type: str  # state | official | person | group | media | place
    entry_id: str = ""  # gazetteer id when known
    kind: str = "ner"  # gazetteer term kind, or "ner"
    ner: str = ""  # spaCy label when NER saw it
    sentence: int = 0


@dataclass
class _Resources:
    gaz: Gazetteer
    matcher: TermMatcher
    noise: NoiseRules
    types: dict[str, str] = field(default_factory=dict)


@lru_cache(maxsize=1)
def _resources() -> _Resources:
    gaz = load_gazetteer()
    specs = [TermSpec(t.text, t.entry_id, t.kind, t.case_sensitive) for t in gaz.terms]
    types = {eid: e.type for eid, e in gaz.entries.items()}
    return _Resources(gaz, TermMatcher(specs), load_noise(), types)


def reset_resources() -> None:
    """Forget the loaded gazetteer (after the data files change)."""
    _resources.cache_clear()


def _inside(a: int, b: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a >= x and b <= y for x, y in ranges)


def _strip_span(text: str, start: int, end: int, label: str) -> tuple[int, int]:
    """Trim articles, honorifics and lower-case title words from an NER span."""
    surface = text[start:end]
    # Never run over a line break: NER sometimes glues a heading to the next line.
    if "\n" in surface.strip():
        first = surface.strip().split("\n")[0]
        off = surface.index(first)
        end = start + off + len(first)
        surface = text[start:end]
    lead = len(surface) - len(surface.lstrip())
    start += lead
    surface = surface.strip()
    end = start + len(surface)
    if label == "PER":
        lex = load_titles()
        titles = lex.official
        lead_title = lex.pattern.match(fold(surface))  # "Premier ministre X"
        if lead_title and lead_title.end() < len(surface):
            start += lead_title.end()
            surface = text[start:end]
        for tok in _PER_SPLIT.finditer(surface):
            word = tok.group(0)
            if (word.lower() in _HONORIFIC or not is_capitalised(word)
                    or fold(word) in titles):
                continue
            start += tok.start()
            break
        else:
            return start, start
    else:
        m = _LEADING_ARTICLE.match(surface)
        if m and m.end() < len(surface) and (label == "LOC" or surface[0].islower()):
            start += m.end()
    surface = text[start:end]
    stripped = surface.rstrip(" ,;:.-–—'’\"»)")
    return start, start + len(stripped)


def _in_caps_run(text: str, start: int, end: int) -> bool:
    """Whether a span sits in an all-capitals heading ("UN SUCCÈS SANS …")."""
    before = re.findall(r"[^\W\d_]+", text[max(0, start - 30):start])[-1:]
    after = re.findall(r"[^\W\d_]+", text[end:end + 30])[:1]
    return any(len(w) > 1 and w.isupper() for w in before + after)


def _ner_type(surface: str, label: str, noise: NoiseRules, text: str = "", start: int = 0,
              end: int = 0) -> str | None:
    """Type of an NER span that no gazetteer term explains (None: drop it)."""
    if not surface or noise.is_generic(surface):
        return None
    if noise.looks_like_media(surface):
        return "media"
    if label == "PER":
        return "person" if is_capitalised(surface) and any(c.isalpha() for c in surface) else None
    if label == "LOC":
        return "place" if is_capitalised(surface) else None
    if label in ("ORG", "MISC"):
        if is_acronym(surface):
            return None if _in_caps_run(text, start, end) else "group"
        if is_capitalised(surface) and noise.looks_like_org(surface):
            return "group"
        return None
    return None


def _gaz_type(match: Match, res: _Resources, options: Options) -> str | None:
    etype = res.types.get(match.entry_id, "")
    if etype == "state" and not options.capitals and match.kind in ("capital", "seat", "demonym"):
        return "place" if match.kind == "capital" else None
    return etype or None


def _first_name_use(text: str, m: Match, res: _Resources) -> bool:
    """A risky name followed by a capitalised word is a first name ("Maurice Dupont")."""
    entry = res.gaz.entries.get(m.entry_id)
    if entry is None or m.text not in entry.risky_names:
        return False
    following = re.match(r"[ \t]+(\w)", text[m.end:m.end + 3])
    return bool(following and following.group(1).isupper())


def extract(text: str, nlp: NlpResult, options: Options | None = None) -> list[Candidate]:
    """Typed candidate spans of one article, in text order."""
    options = options or Options()
    res = _resources()
    masked = masked_ranges(text, res.noise)
    sent_starts = [s for s, _ in nlp.sentences]

    def sentence_of(pos: int) -> int:
        return max(0, bisect_right(sent_starts, pos) - 1)

    gaz_matches = [m for m in res.matcher.find(text) if not _inside(m.start, m.end, masked)]
    taken: list[tuple[int, int]] = []
    out: list[Candidate] = []
    used_gaz: set[int] = set()

    for start, end, label in nlp.ents:
        if _inside(start, end, masked):
            continue
        a, b = _strip_span(text, start, end, label)
        if b <= a:
            continue
        surface = text[a:b]
        overlapping = [i for i, m in enumerate(gaz_matches) if m.start < b and a < m.end]
        ner_type = _ner_type(surface, label, res.noise, text, a, b)
        if overlapping:
            contains = all(a <= gaz_matches[i].start and gaz_matches[i].end <= b
                           for i in overlapping)
            strictly = contains and any((gaz_matches[i].end - gaz_matches[i].start) < b - a
                                        for i in overlapping)
            # A state or place name that is also a first name ("Maurice", "Florence") yields
            # to NER's person.
            risky = any(
                res.types.get(gaz_matches[i].entry_id) in ("state", "place")
                and gaz_matches[i].text in res.gaz.entries[gaz_matches[i].entry_id].risky_names
                for i in overlapping
            )
            ner_wins = (
                ner_type in ("person", "group", "media")
                and label in ("PER", "ORG", "MISC")
                and (strictly or (risky and label == "PER"))
                and all(gaz_matches[i].kind != "demonym" for i in overlapping)
                # only a place inside a longer name yields ("Banque de France"); a known
                # organisation or person inside a glued span stands on its own
                and all(res.types.get(gaz_matches[i].entry_id) in ("state", "place")
                        for i in overlapping)
            )
            if not ner_wins:
                continue  # the gazetteer matches stand for this span
            used_gaz.update(overlapping)
        if ner_type is None:
            continue
        out.append(Candidate(a, b, surface, ner_type, "", "ner", label, sentence_of(a)))
        taken.append((a, b))

    for i, m in enumerate(gaz_matches):
        if i in used_gaz or _first_name_use(text, m, res):
            continue
        gtype = _gaz_type(m, res, options)
        if gtype is None:
            continue
        out.append(Candidate(m.start, m.end, m.text, gtype, m.entry_id, m.kind, "",
                             sentence_of(m.start)))
    out.sort(key=lambda c: (c.start, c.end))
    return out
