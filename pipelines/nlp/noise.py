"""Web boilerplate and generic words: what must never become an actor.

Rules live in ``data/noise.jsonl``: ``boilerplate`` line patterns (comment forms, tag
lists, share buttons), ``generic`` capitalised words that NER mistakes for entities
(``État``, ``Gouvernement``) and ``common_acronym`` acronyms of common nouns (``TVA``,
``SUV``), ``org_keyword`` first words that make an unknown span an organisation
(``Comité …``, ``Front …``), ``company_word`` words that make any span a company
(``GmbH``, ``Holding``; ``"last": true`` only as the last word: ``SA``, ``Inc``),
``media_pattern`` (web domains) and ``media_word`` (``TV``, ``Radio``, ``Matin``),
``honorific`` (``M.``, ``Mme``, ``Monsieur``), ``work_cue`` nouns that introduce the title
of a work or a product (``le film``, ``la série``, ``le modèle``), ``car_brand`` and
``religious`` figures, ``org_head`` lower-case nouns that head an organisation's name
(``caisse``, ``établissement``; with the ``org_keyword`` first words), ``place_of`` nouns
whose complement "de X" names a place (``la mairie de X``, ``le maire de X``),
``thing_head`` nouns that open the name of a thing, not an actor (``Règlement …``,
``Plan …``: an acronym they spell out is no actor), ``place_word`` last words that make
a name a place (``… Park``, ``… Resort``, ``… Arena``), ``animal`` nouns before an
animal's name (``la girafe X``, ``le mâle X``), ``list_head`` plural nouns that govern a
list of names of their ``type`` (``des séries A, B et C``: ``thing``, ``group`` or
``media``).
``data/lexicon_fr.csv`` lists French words that are not names (function words, verb forms,
adverbs; see ``scripts/make_lexicon.py``).
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from pipelines.text import fold, name_key


@dataclass(frozen=True)
class NoiseRules:
    boilerplate: tuple[re.Pattern[str], ...]
    generic: frozenset[str]
    org_keywords: tuple[tuple[str, ...], ...]
    media: tuple[re.Pattern[str], ...]
    honorifics: frozenset[str] = frozenset()  # lower case, with their dot if any
    company_any: frozenset[str] = frozenset()  # words as written (case matters)
    company_last: frozenset[str] = frozenset()
    media_words: frozenset[str] = frozenset()  # name keys
    work_cues: frozenset[str] = frozenset()  # folded nouns ("film", "serie")
    car_brands: frozenset[str] = frozenset()  # name keys
    religious: frozenset[str] = frozenset()  # name keys
    org_heads: frozenset[str] = frozenset()  # name keys of lower-case organisation nouns
    place_of: frozenset[str] = frozenset()  # folded nouns whose "de X" names a place
    thing_heads: frozenset[str] = frozenset()  # folded nouns that open the name of a thing
    place_words: frozenset[str] = frozenset()  # name keys of last words of places' names
    lexicon: frozenset[str] = field(default_factory=frozenset)  # lower-case words
    verbs: frozenset[str] = field(default_factory=frozenset)  # the lexicon's verb forms
    animals: frozenset[str] = frozenset()  # folded animal nouns ("girafe", "male")
    #: folded plural nouns that govern a list of names, and what they make the names
    list_heads: tuple[tuple[str, str], ...] = ()

    def is_animal(self, word: str) -> bool:
        return fold(word) in self.animals

    def list_head_type(self, noun: str) -> str:
        """"thing", "group" or "media" when ``noun`` (folded) governs a list of names."""
        return _head_types(self.list_heads).get(noun, "")

    def is_generic(self, text: str) -> bool:
        return name_key(text) in self.generic

    def heads_an_org(self, word: str) -> bool:
        """Whether a noun heads the name of an organisation ("agence", "caisse",
        "syndicat"): an ``org_keyword``'s first word or an ``org_head``."""
        key = name_key(word)
        return key in self.org_heads or any(k[0] == key for k in self.org_keywords)

    def looks_like_org(self, text: str) -> bool:
        key = tuple(name_key(text).split())
        return any(key[: len(k)] == k and len(key) > len(k) for k in self.org_keywords)

    def looks_like_media(self, text: str) -> bool:
        """A web domain, or a name made with a media word ("Sahel TV", "Radio Kankan")."""
        if any(p.search(text) for p in self.media):
            return True
        key = name_key(text).split()
        return len(key) >= 2 and any(w in self.media_words for w in key)

    def looks_like_company(self, text: str) -> bool:
        """A span with a company word ("Dupont Holding", "Ferrand GmbH", "Lumex SA")."""
        toks = [t for t in re.split(r"[\s,]+", text.strip()) if t]
        if len(toks) < 2:
            return False
        if toks[-1].rstrip(".") in self.company_last or toks[-1] in self.company_last:
            return True
        return any(t in self.company_any for t in toks) or "&" in toks

    def is_word(self, word: str) -> bool:
        """Whether ``word`` is a French function word, verb form or adverb."""
        return word.lower() in self.lexicon

    def is_verb_form(self, word: str) -> bool:
        return word.lower() in self.verbs

    def is_religious(self, text: str) -> bool:
        return name_key(text) in self.religious

    def is_car_brand(self, text: str) -> bool:
        return name_key(text) in self.car_brands

    def ends_like_a_place(self, text: str) -> bool:
        """A name of two words or more whose last word names a place ("Bayside Motorsport
        Park", "Ocean Beach Resort", "Merlin Arena"): a place, whatever else it holds."""
        words = text.split()
        return len(words) >= 2 and name_key(words[-1]) in self.place_words

    def is_thing_head(self, word: str) -> bool:
        """Whether a noun opens the name of a thing, not of an actor ("Règlement",
        "Plan", "Référendum", "Système"): a ``thing_head`` or a ``work_cue``."""
        return fold(word) in self.thing_heads or fold(word) in self.work_cues

    def names_a_place_of(self, text: str, start: int) -> bool:
        """Whether "de"/"d'" after a lower-case noun whose complement is a place ends right
        before ``start`` ("la mairie de X", "les habitants d'X", "le maire (PS) de X"; not
        "le ministre de la Ville de X", "épouse à la ville de X", "le quartier général de
        X", "la ville natale de X")."""
        head = text[max(0, start - 50):start]
        m = _PLACE_OF.search(head)
        if not m or _IN_LIFE.search(head):
            return False
        noun, adjective = m.group(1), m.group(2)
        if adjective is not None and adjective.islower() and fold(adjective) in self.place_of:
            noun, adjective = adjective, None  # "dans la région de X"
        if not noun.islower() or fold(noun) not in self.place_of:
            return False
        if adjective is None:
            return True
        folded = fold(adjective)
        return adjective.islower() and len(adjective) > 2 and (not self.is_word(adjective)
                                        or self.is_verb_form(adjective)) \
            and not folded.startswith("natal") \
            and not (fold(noun) == "quartier" and folded.startswith("general"))


@lru_cache(maxsize=4)
def _head_types(heads: tuple[tuple[str, str], ...]) -> dict[str, str]:
    return dict(heads)


#: "épouse à la ville de X": in private life, not a town.
_IN_LIFE = re.compile(r"\b[àa] la ville\s+(?:de\s+|d['’]\s*)$", re.IGNORECASE)
_PLACE_OF = re.compile(r"([^\W\d_][\w-]*)(?:\s+([^\W\d_][\w-]*))?(?:\s*\([^()]{1,20}\))?\s+"
                       r"(?:de\s+|d['’]\s*)$")


def _load_lexicon() -> tuple[frozenset[str], frozenset[str]]:
    """All words of ``data/lexicon_fr.csv``, and its verb forms."""
    text = resources.files("pipelines").joinpath("data/lexicon_fr.csv").read_text("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    return (frozenset(r["word"] for r in rows),
            frozenset(r["word"] for r in rows if r["kind"] == "verb"))


#: How each simple word-list kind of ``noise.jsonl`` is keyed.
_WORD_KINDS = {"honorific": str.lower, "media_word": name_key, "work_cue": fold,
               "car_brand": name_key, "religious": name_key, "org_head": name_key,
               "place_of": fold, "thing_head": fold, "place_word": name_key,
               "animal": fold}


@lru_cache(maxsize=1)
def load_noise() -> NoiseRules:
    """Load ``data/noise.jsonl`` and ``data/lexicon_fr.csv`` (cached)."""
    boiler: list[re.Pattern[str]] = []
    generic: set[str] = set()
    orgs: list[tuple[str, ...]] = []
    media: list[re.Pattern[str]] = []
    company: tuple[set[str], set[str]] = (set(), set())
    heads: list[tuple[str, str]] = []
    words: dict[str, set[str]] = {k: set() for k in _WORD_KINDS}
    text = resources.files("pipelines").joinpath("data/noise.jsonl").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        kind = row["kind"]
        if kind == "boilerplate":
            boiler.append(re.compile(fold(row["pattern"]), re.IGNORECASE))
        elif kind in ("generic", "common_acronym"):
            generic.add(name_key(row["text"]))
        elif kind == "org_keyword":
            orgs.append(tuple(name_key(row["text"]).split()))
        elif kind == "media_pattern":
            media.append(re.compile(row["pattern"], re.IGNORECASE))
        elif kind == "company_word":
            company[1 if row.get("last") else 0].add(row["text"])
        elif kind == "list_head":
            heads.append((fold(row["text"]), row["type"]))
        elif kind in _WORD_KINDS:
            words[kind].add(_WORD_KINDS[kind](row["text"]))
    return NoiseRules(tuple(boiler), frozenset(generic), tuple(orgs), tuple(media),
                      frozenset(words["honorific"]), frozenset(company[0]),
                      frozenset(company[1]), frozenset(words["media_word"]),
                      frozenset(words["work_cue"]), frozenset(words["car_brand"]),
                      frozenset(words["religious"]), frozenset(words["org_head"]),
                      frozenset(words["place_of"]), frozenset(words["thing_head"]),
                      frozenset(words["place_word"]), *_load_lexicon(),
                      animals=frozenset(words["animal"]), list_heads=tuple(heads))


def masked_ranges(text: str, rules: NoiseRules | None = None) -> list[tuple[int, int]]:
    """Character ranges to ignore: boilerplate lines and a repeated lead paragraph.

    A paragraph is a repeated lead when it ends in an ellipsis and the rest of it opens
    a later paragraph (the teaser that web pages print above the article).
    """
    rules = rules or load_noise()
    out: list[tuple[int, int]] = []
    folded = fold(text)
    pos = 0
    lines: list[tuple[int, int]] = []
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    for a, b in lines:
        seg = folded[a:b]
        if seg.strip() and any(p.search(seg) for p in rules.boilerplate):
            out.append((a, b))
    for i, (a, b) in enumerate(lines):
        seg = text[a:b].strip()
        if not seg.endswith(("…", "...")):
            continue
        head = seg.rstrip("….").strip()
        if len(head) < 20:
            continue
        if any(text[c:d].strip().startswith(head) for c, d in lines[i + 1:]):
            out.append((a, b))
    return out


@lru_cache(maxsize=1)
def common_nouns() -> tuple[str, ...]:
    """French common nouns and infinitives as written (``data/nouns_fr.csv``, from spaCy's
    lemmatizer indexes)."""
    raw = resources.files("pipelines").joinpath("data/nouns_fr.csv").read_text("utf-8")
    return tuple(w for w in raw.splitlines()[1:] if w)


@lru_cache(maxsize=1)
def _folded_nouns() -> frozenset[str]:
    return frozenset(fold(w) for w in common_nouns())


def is_common_noun(word: str) -> bool:
    """Whether ``word`` (any case, any accents) is a French common noun or infinitive."""
    return fold(word) in _folded_nouns()
