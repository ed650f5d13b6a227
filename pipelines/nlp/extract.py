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
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from pipelines.nlp.capitals import names_the_city
from pipelines.nlp.gazetteer import Gazetteer, load_gazetteer
from pipelines.nlp.institutions import find_institutions, is_state_organ
from pipelines.nlp.matcher import Match, TermMatcher, TermSpec
from pipelines.nlp.model import NlpResult
from pipelines.nlp.named_after import (
    apposed_cue,
    load_nouns,
    names_a_thing,
    opens_with_an_event,
    strict_nouns,
    thing_before,
    type_cue,
)
from pipelines.nlp.noise import NoiseRules, is_common_noun, load_noise, masked_ranges
from pipelines.nlp.not_actor import (
    DROP,
    ArticleContext,
    cue_type,
    in_longer_title,
    names_a_product,
    not_an_actor,
    raw_title,
)
from pipelines.nlp.roles import role_before
from pipelines.nlp.spans import PARTICLES, clean_ents, inside, strip_span
from pipelines.text import fold, is_acronym, is_capitalised


@dataclass(frozen=True, slots=True)
class Options:
    """Extraction switches."""

    #: Resolve capitals, demonyms and seats of power to their state ("Moscou a dit").
    capitals: bool = True


#: The candidate types that name a person.
PERSON_TYPES = ("person", "official")


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
    #: First names of the gazetteer's people (general knowledge, not a corpus's names).
    first_names: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def _resources() -> _Resources:
    gaz = load_gazetteer()
    types = {eid: e.type for eid, e in gaz.entries.items()}
    specs = [TermSpec(_match_key(t.text, types.get(t.entry_id, "")), t.entry_id, t.kind,
                      t.case_sensitive) for t in gaz.terms]
    noise = load_noise()
    first = frozenset(w for e in gaz.entries.values() if e.type in ("person", "official")
                      for w in e.label.split()[:1]
                      if len(w) > 2 and w[0].isupper() and not noise.is_word(w))
    return _Resources(gaz, TermMatcher(specs), noise, types, first)


def _match_key(text: str, etype: str) -> str:
    """The text a gazetteer term is matched by, without the leading article the text may
    write otherwise: a place's "Le"/"Les", which French contracts ("du Havre", "au Mans");
    an organisation's "La"/"Le"/"Les" when two words or more remain, which the text
    writes in lower case ("de la France insoumise": not the state France)."""
    articles = {"place": ("Le ", "Les "), "group": ("La ", "Le ", "Les ", "L'", "L’")}
    for article in articles.get(etype, ()):
        rest = text[len(article):]
        if text.startswith(article) and rest[:1].isupper():
            if etype == "place" or len(rest.split()) >= 2:
                return rest
    return text


def reset_resources() -> None:
    """Forget the loaded gazetteer (after the data files change)."""
    _resources.cache_clear()


def _in_caps_run(text: str, start: int, end: int) -> bool:
    """Whether a span sits in an all-capitals heading ("UN SUCCÈS SANS …").

    The word next to it is in capitals; a one-letter word ("À", "D'") counts only when the
    word beyond it is in capitals too ("MISE À HURLER", "TENTATIVE D'ENTRAVE"), since a
    lone "A" or "À" also stands between ordinary acronyms.
    """
    before = re.findall(r"[^\W\d_]+", text[max(0, start - 40):start])[-2:][::-1]
    after = re.findall(r"[^\W\d_]+", text[end:end + 40])[:2]
    return _caps_side(before) or _caps_side(after)


def _caps_side(words: list[str]) -> bool:
    """Whether the nearest of ``words`` (nearest first) makes a heading in capitals."""
    if not words or not words[0].isupper():
        return False
    if len(words[0]) > 1:
        return True
    return len(words) > 1 and len(words[1]) > 1 and words[1].isupper()


_FUNCTION_WORDS = frozenset("de du des d la le les l et à a au aux en pour sur par".split())


def _heading_words(surface: str) -> bool:
    """Words of a heading in capitals: two or more, each a function word or a French
    common noun, maybe plural ("RESTRICTIONS DE CIRCULATION"), never a name opening with
    a known first name ("PIERRE ROSE")."""
    words = re.findall(r"[^\W\d_]+", surface)
    if len(words) < 2 or not surface.isupper() or \
            words[0].capitalize() in _resources().first_names:
        return False
    return all(w.lower() in _FUNCTION_WORDS or is_common_noun(w)
               or w[-1] in "SX" and is_common_noun(w[:-1]) for w in words)


def _word_in_capitals(surface: str) -> bool:
    """A French word written in capitals for emphasis ("C'est ENORME", "HURLER"), not an
    acronym: five letters or more, and a common noun, adjective or infinitive."""
    return surface.isalpha() and len(surface) >= 5 and is_common_noun(surface)


def _ner_type(surface: str, label: str, noise: NoiseRules, text: str = "", start: int = 0,
              end: int = 0) -> str | None:
    """Type of an NER span that no gazetteer term explains (None: drop it)."""
    if not surface or noise.is_generic(surface):
        return None
    if noise.looks_like_company(surface) and is_capitalised(surface):
        return "group"  # "Lumex Holding", "Ferrand GmbH": a company, never a person
    if noise.looks_like_media(surface) and (label != "LOC" or "." in surface):
        return "media"
    if label in ("ORG", "MISC") and noise.is_car_brand(surface):
        return "group"  # the maker alone ("Renault a annoncé")
    if label == "PER":
        if _heading_words(surface):
            return None  # "RESTRICTIONS DE CIRCULATION": a heading in capitals
        if noise.looks_like_org(surface) and "-" not in surface.split()[0]:
            return "group"  # "Fondation Lefranc", "Comité Adrien": an organisation
        if _camel_case_brand(surface):
            return "group"  # "YouGov", "BlaBlaCar": a company's name, not a person's
        if any(w.isalpha() and w.islower() and w not in PARTICLES for w in surface.split()):
            return None  # "Faute de preuves": a phrase, not a name
        return "person" if is_capitalised(surface) and any(c.isalpha() for c in surface) else None
    if label == "LOC":
        return "place" if is_capitalised(surface) else None
    if label in ("ORG", "MISC"):
        if is_acronym(surface):
            if _in_caps_run(text, start, end) or _word_in_capitals(surface):
                return None
            return "group"
        if is_capitalised(surface) and noise.looks_like_org(surface):
            return "group"
        return None
    return None


#: A first name and a surname (maybe with a particle) ending a span.
_TAIL_NAME = re.compile(r"(?<![\w'’-])([A-ZÀ-Ý][a-zà-ÿ'’-]+)\s+((?:(?:de|du|van|von|da|di|ben|"
                        r"bin|al|el|le|la)\s+)?[A-ZÀ-Ý][\w'’-]+)$")


_PREV_WORD = re.compile(r"([A-ZÀ-Ý][a-zà-ÿ'’-]+)\s+$")


def person_after_title(text: str, a: int, b: int, label: str,
                       first_names: frozenset[str]) -> tuple[int, int] | None:
    """The person's name that ends an organisation span NER ran on from the title before
    it: "le ministre de l'Agriculture et de l'[Alimentation Didier Roux]", "la secrétaire
    à l'[US Navy Carla Denholm]". Only when the name opens with a known first name and
    the text before it is a public office, so "l'Institut Pierre Louis" stays whole. A
    person span of three words or more that opens with the word ending the office, not a
    first name, loses it: "le ministre letton de la [Défense Artis Pabriks]"."""
    if label == "PER":
        return _title_word_before_a_name(text, a, b, first_names)
    if label not in ("ORG", "MISC"):
        return None
    m = _TAIL_NAME.search(text, a, b)
    if not m or m.start() == a or m.group(1) not in first_names:
        return None
    start = m.start()
    while True:  # "José Luis Roux": more first names before
        prev = _PREV_WORD.search(text, a, start)
        if not prev or prev.group(1) not in first_names:
            break
        if prev.start(1) == a:
            return None  # the whole span is a name: NER only typed it wrong
        start = prev.start(1)
    role = role_before(text, start)
    return (start, b) if role is not None and role.official else None


def _title_word_before_a_name(text: str, a: int, b: int,
                              first_names: frozenset[str]) -> tuple[int, int] | None:
    words = text[a:b].split()
    if len(words) < 3 or words[0] in first_names or not words[1][:1].isupper():
        return None
    start = text.index(words[1], a + len(words[0]))
    role = role_before(text, start)
    if role is None or not role.official or not role.text.endswith(words[0]):
        return None
    return start, b


#: One word with a capital inside after lower-case letters: "YouGov", "PayPal".
_CAMEL = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+(?:[A-ZÀ-Ý][a-zà-ÿ]*)+")
#: Openings of surnames written with a capital inside: McCain, DiCaprio, LeBron.
_CAMEL_SURNAMES = ("Mc", "Mac", "De", "Di", "Da", "Du", "Del", "La", "Le", "Lo", "Van",
                   "Von", "Fitz", "Ja", "Jo")


def _camel_case_brand(surface: str) -> bool:
    """Whether a one-word name is written like a brand, with a capital inside after
    lower-case letters ("YouGov", "BlaBlaCar"), not like a surname ("McCain")."""
    if not _CAMEL.fullmatch(surface):
        return False
    inner = next(i for i, ch in enumerate(surface[1:], 1) if ch.isupper())
    return surface[:inner] not in _CAMEL_SURNAMES


def _gaz_type(match: Match, res: _Resources, options: Options) -> str | None:
    etype = res.types.get(match.entry_id, "")
    if etype == "state" and not options.capitals and match.kind in ("capital", "seat", "demonym"):
        return "place" if match.kind == "capital" else None
    return etype or None


def _city_or_state(text: str, c: Candidate) -> Candidate:
    """A capital that names only the city ("à Paris", "le maire de Paris") is a place."""
    if c.kind == "capital" and c.type == "state" and names_the_city(text, c.start, c.end):
        return replace(c, type="place")
    return c


def _first_name_use(text: str, m: Match, res: _Resources) -> bool:
    """A risky name followed by a capitalised word is a first name ("Maurice Dupont")."""
    entry = res.gaz.entries.get(m.entry_id)
    if entry is None or m.text not in entry.risky_names:
        return False
    following = re.match(r"[ \t]+(\w)", text[m.end:m.end + 3])
    return bool(following and following.group(1).isupper())


def _corroborated(matches: list[Match], res: _Resources,
                  sentence_of: Callable[[int], int] = lambda _: 0) -> list[Match]:
    """Drop a capital that also names another place ("Vienne") when the article names its
    state in no other way (its name, a demonym, a seat, another capital); and a state's
    name that is also a region of another state (Géorgie, a state of the United States)
    when the article names that other state, this one in no other way, and its sentence
    no third state (a list of countries, a neighbour: the state after all)."""
    def ambiguous(m: Match) -> bool:
        entry = res.gaz.entries.get(m.entry_id)
        return (entry is not None and m.kind == "capital"
                and m.text in entry.ambiguous_capitals)

    regions = [_region_of(m, res) for m in matches]
    if not any(regions) and not any(ambiguous(m) for m in matches):
        return matches
    named = {m.entry_id for m, r in zip(matches, regions, strict=True)
             if not ambiguous(m) and not r}
    states: defaultdict[int, set[str]] = defaultdict(set)
    for m in matches:
        if res.types.get(m.entry_id) == "state":
            states[sentence_of(m.start)].add(m.entry_id)

    def region_only(m: Match, region: str) -> bool:
        return (bool(region) and m.entry_id not in named and region in named
                and not states[sentence_of(m.start)] - {m.entry_id, region})

    return [m for m, r in zip(matches, regions, strict=True)
            if (not ambiguous(m) or m.entry_id in named) and not region_only(m, r)]


def _region_of(m: Match, res: _Resources) -> str:
    """The other state whose region a state's name ``m`` also names, or ""."""
    entry = res.gaz.entries.get(m.entry_id)
    if entry is None or not entry.region_homonyms:
        return ""
    return dict(entry.region_homonyms).get(fold(m.text), "")


def _ner_wins(text: str, a: int, b: int, label: str, ner_type: str | None,
              overlapping: list[Match], res: _Resources) -> bool:
    """Whether an NER span stands against the gazetteer terms it overlaps."""
    contains = all(a <= m.start and m.end <= b for m in overlapping)
    strictly = contains and any((m.end - m.start) < b - a for m in overlapping)
    # A state or place name that is also a first name ("Maurice", "Florence") yields to
    # NER's person.
    risky = any(res.types.get(m.entry_id) in ("state", "place")
                and m.text in res.gaz.entries[m.entry_id].risky_names for m in overlapping)
    if _named_after_a_person(text, a, label, overlapping, res):
        return True
    if _first_name_then_a_name(text, a, b, label, ner_type, overlapping, res):
        return True
    return (
        ner_type in ("person", "group", "media")
        and label in ("PER", "ORG", "MISC")
        and (strictly or (risky and label == "PER"))
        and all(m.kind != "demonym" for m in overlapping)
        # only a place inside a longer name yields ("Banque de France"); a known
        # organisation or person inside a glued span stands on its own
        and all(res.types.get(m.entry_id) in ("state", "place") for m in overlapping)
    )


def _first_name_then_a_name(text: str, a: int, b: int, label: str, ner_type: str | None,
                            overlapping: list[Match], res: _Resources) -> bool:
    """Whether a person's span is a first name, then an organisation's or a medium's name
    as the surname ("Jeff Shell", "Paul Renault"): the person, not the organisation."""
    first = re.match(r"[^\W\d_][\w'’-]*", text[a:b])
    return (label == "PER" and ner_type == "person" and first is not None
            and first.group(0) in res.first_names
            and all(m.start > a + first.end() and m.end == b
                    and res.types.get(m.entry_id) in ("group", "media") for m in overlapping))


_OF_WORDS = frozenset({"de", "du", "des", "d'", "la", "l'"})


def _named_after_a_person(text: str, a: int, label: str, overlapping: list[Match],
                          res: _Resources) -> bool:
    """Whether an organisation's or a place's NER span is named after the known person
    inside it: one to three words of a common noun before the name ("la Fondation Charles
    de Gaulle", "le Centre Georges Pompidou", "le Musée national Picasso"): a noun that
    heads organisations' names or names a thing (``data/noise.jsonl``,
    ``data/named_after.jsonl``), maybe with an adjective."""
    if label not in ("ORG", "MISC", "LOC") or not overlapping or any(
            res.types.get(m.entry_id) not in PERSON_TYPES for m in overlapping):
        return False
    head = text[a:min(m.start for m in overlapping)].split()
    return 1 <= len(head) <= 3 and (
        res.noise.heads_an_org(head[0]) or fold(head[0]) in load_nouns()) and all(
        w[:1].isupper() or fold(w) in _OF_WORDS or w.islower() for w in head[1:])


def extract(text: str, nlp: NlpResult, options: Options | None = None) -> list[Candidate]:
    """Typed candidate spans of one article, in text order."""
    options = options or Options()
    res = _resources()
    masked = masked_ranges(text, res.noise)
    ents = clean_ents(text, nlp.ents, res.noise)
    ctx = ArticleContext.of(text, nlp, ents)

    def sentence_of(pos: int) -> int:
        return max(0, bisect_right(ctx.sent_starts, pos) - 1)

    gaz_matches = _corroborated([m for m in res.matcher.find(text)
                                 if not inside(m.start, m.end, masked)], res, sentence_of)
    out, used_gaz = _ner_candidates(ctx, ents, masked, gaz_matches, res, sentence_of)

    for i, m in enumerate(gaz_matches):
        if i in used_gaz or _first_name_use(text, m, res):
            continue
        gtype = _gaz_type(m, res, options)
        if gtype is None or gtype in PERSON_TYPES and _named_after(text, m):
            continue
        out.append(Candidate(m.start, m.end, m.text, gtype, m.entry_id, m.kind, "",
                             sentence_of(m.start)))
    out = [_as_institution(_city_or_state(text, c)) for c in out]
    out.extend(_institutions(text, out, masked, sentence_of))
    out.sort(key=lambda c: (c.start, c.end))
    return out


#: What the span typing says of a span that names a thing (a work, a product, a storm,
#: a building): no actor, and no actor wherever the article repeats the same name.
_THING = "thing"


def _ner_candidates(ctx: ArticleContext, ents: list[tuple[int, int, str]],
                    masked: list[tuple[int, int]], gaz_matches: list[Match], res: _Resources,
                    sentence_of: Callable[[int], int]) -> tuple[list[Candidate], set[int]]:
    """Typed candidates of the NER spans, and the gazetteer matches they stand for.

    A name the article once gives as a thing ("la série Castle", "le concept Zéphyr")
    is no actor anywhere in the article ("Castle a séduit…"); a name it once gives as an
    organisation or a medium ("la maison Vasseur-Lenoir") is one wherever NER calls it a
    person.
    """
    text = ctx.text
    out: list[Candidate] = []
    used_gaz: set[int] = set()
    things: set[str] = set()
    stripped = []
    #: what a person span said before a title word was stripped from it
    before_strip: dict[tuple[int, int], str] = {}
    for start, end, lab in ents:
        if inside(start, end, masked):
            continue
        x, y = strip_span(text, start, end, lab)
        span = _person_after_title(text, x, y, lab, res, gaz_matches)
        if span[1] > span[0]:
            stripped.append(span)
            if span[0] > start and (said := raw_title(ctx, start, end, lab, res.noise)):
                before_strip[span[:2]] = said
    pieces = [p for span in stripped for p in _seat_split(text, *span, res.noise)]
    named = _organisation_votes(text, pieces)  # what a name NER calls a person is here
    for a, b, label in pieces:
        cued = before_strip.get((a, b)) or cue_type(ctx, a, b, label, res.noise)
        ner_type = cued if cued in (_THING, DROP) else _span_type(ctx, a, b, label, res)
        if cued in ("group", "media") and ner_type not in ("state", "place"):
            ner_type = cued  # "des plateformes (A, B…)", "l'agence de presse X"
        if ner_type in (_THING, _DROP, DROP):
            if ner_type == _THING:
                things.add(text[a:b])
            # nor is a known person the span names ("l'école Jean-Moulin"), nor a state
            # or place a first name of the span spells ("Christian et Dominique")
            # and a thing's words name nothing ("le Tour de France", "la Coupe de France")
            used_gaz.update(i for i, m in enumerate(gaz_matches)
                            if m.start < b and a < m.end
                            and (res.types.get(m.entry_id) in PERSON_TYPES
                                 or ner_type == _THING
                                 or label == "PER"
                                 and m.text in res.gaz.entries[m.entry_id].risky_names))
            continue
        overlapping = [i for i, m in enumerate(gaz_matches) if m.start < b and a < m.end]
        if ner_type is None and _named_for_a_state(text[a:b], label, a, b,
                                                   [gaz_matches[i] for i in overlapping], res):
            ner_type = "group"  # "Météo France", "Santé publique France"
        if overlapping:
            if not _ner_wins(text, a, b, label, ner_type, [gaz_matches[i] for i in overlapping],
                             res):
                continue  # the gazetteer matches stand for this span
            used_gaz.update(overlapping)
        if ner_type is None:
            continue
        if label == "PER" and ner_type in ("group", "media"):
            named[text[a:b]] = ner_type  # "la maison Vasseur-Lenoir": not a person here
        # a name a noun types ("le groupe X", "l'agence de presse X") is no surname
        kind = CUE_KIND if ner_type in ("group", "media") and (
            cued or _after_a_strict_noun(ctx, a)) else "ner"
        out.append(Candidate(a, b, text[a:b], ner_type, "", kind, label, sentence_of(a)))
    return _media_once_media([replace(c, type=named[c.text])
                              if c.type == "person" and c.text in named else c
                              for c in out if c.text not in things]), used_gaz


#: The kind of an NER candidate that a noun before it typed (a noun that never introduces
#: a person, :func:`type_cue` ``strict``; :func:`cue_type`): an organisation or a medium,
#: never a person's surname ("le groupe X" does not join "Marie X").
CUE_KIND = "cue"


def _after_a_strict_noun(ctx: ArticleContext, a: int) -> bool:
    """Whether a noun that never introduces a person types the name at ``a`` ("le groupe
    X", "la société X"; :func:`type_cue` ``strict``)."""
    head = ctx.folded[max(0, a - 80):a]
    return any(noun in head for noun in strict_nouns()) and bool(type_cue(ctx.text, a,
                                                                          strict=True))


def _media_once_media(out: list[Candidate]) -> list[Candidate]:
    """A name the article once gives as a medium ("l'agence de presse X") is one wherever
    it stands as a group or a person ("selon l'agence X")."""
    media = {c.text for c in out if c.type == "media"}
    if not media:
        return out
    return [replace(c, type="media") if c.text in media and c.type in ("group", "person")
            else c for c in out]


def _organisation_votes(text: str, pieces: list[tuple[int, int, str]]) -> dict[str, str]:
    """Names NER calls an organisation in the article at least as often as a person
    ("Vendex a publié…" ORG, "selon Vendex" PER, "Vendex" ORG): a group wherever it
    calls them a person. Names with a space are left out unless the votes for an
    organisation are two or more (a person's full name is rarely an ORG twice)."""
    votes: dict[str, list[int]] = {}
    for a, b, label in pieces:
        if label in ("PER", "ORG"):
            votes.setdefault(text[a:b], [0, 0])[label == "ORG"] += 1
    return {name: "group" for name, (per, org) in votes.items()
            if per and org >= per and (org >= 2 or " " not in name)}


def _person_after_title(text: str, a: int, b: int, label: str, res: _Resources,
                        gaz_matches: list[Match]) -> tuple[int, int, str]:
    """The span, or the person's name that ends it after a title NER ran on from
    (:func:`person_after_title`), unless the gazetteer names that person itself."""
    inner = person_after_title(text, a, b, label, res.first_names)
    if inner is not None and not any(m.start < inner[1] and inner[0] < m.end
                                      for m in gaz_matches):
        return inner[0], inner[1], "PER"
    return a, b, label


def _seat_split(text: str, a: int, b: int, label: str, noise: NoiseRules,
                ) -> list[tuple[int, int, str]]:
    """A person's span that runs on from a place into a full name after a noun whose
    complement is a place ("le maire de Quimperlé Jean-Luc Morvan"): the place, then the
    person. Only three capitalised words or more, without particles."""
    words = list(re.finditer(r"\S+", text[a:b]))
    if label != "PER" or len(words) < 3 or not all(is_capitalised(w.group(0)) for w in words) \
            or not noise.names_a_place_of(text, a):
        return [(a, b, label)]
    return [(a, a + words[0].end(), "LOC"), (a + words[1].start(), b, label)]


#: A feminine or plural determiner before a car maker's name: the maker's car, since the
#: maker itself takes none ("Porsche a annoncé", "chez Porsche", "le constructeur Porsche").
_A_CAR = re.compile(r"(?:^|[\s'’(])(?:[Ll]a|[Uu]ne|[Cc]ette|[Ss]a|[Mm]a|[Ll]eur|[Ll]es|[Dd]es|"
                    r"[Cc]es|[Ss]es|[Ll]eurs|[Nn]os|[Vv]os|[Mm]es)\s+$")
#: A number, maybe with an opening quote, right before a name: "300 SPORT", "« 300 SPORT".
_TRIM_AFTER_NUMBER = re.compile(r"\d[ \t]*[«\"“]?[ \t]*$")

#: What :func:`_span_type` says of a span that is no actor for any other reason.
_DROP = "drop"


def _span_type(ctx: ArticleContext, a: int, b: int, label: str, res: _Resources) -> str | None:
    """The type of the NER span ``[a, b)``: an actor type, None (no type of its own: the
    gazetteer or nothing), :data:`_THING` or :data:`_DROP`."""
    text, noise = ctx.text, res.noise
    if names_a_product(ctx, a, b, label, noise):
        return _DROP if in_longer_title(text, a, b) else _THING
    if text[b:b + 2] in ("'s", "’s"):
        return "group"  # "Christie's", "Sotheby's": a firm named for its founder
    if noise.is_car_brand(text[a:b]) and _A_CAR.search(text, max(0, a - 12), a):
        return _DROP  # "une Porsche rouge", "au volant de la Porsche": a car, not the maker
    if _TRIM_AFTER_NUMBER.search(text, max(0, a - 8), a) and text[a:b].isupper() and \
            b - a >= 4 and is_common_noun(text[a:b]):
        return _DROP  # "le F-Pace 300 SPORT": a model's trim, no acronym
    if not_an_actor(ctx, a, b, label, noise):
        return _DROP
    surface = text[a:b]
    if label in ("ORG", "MISC") and noise.ends_like_a_place(surface) and \
            is_capitalised(surface):
        return "place"  # "Bayside Motorsport Park"; not a person's name ("Léa Plaza")
    ner_type = _ner_type(surface, label, noise, text, a, b)
    if ner_type == "person" and noise.is_car_brand(surface) and \
            surface not in ctx.name_words:
        ner_type = "group"  # "Lotus a livré…", unless "Harrison Ford" is there
    full_name = label == "PER" and len(surface.split()) > 1
    cue = type_cue(text, a, strict=full_name) if label in ("PER", "ORG", "MISC") else ""
    if cue and is_capitalised(surface) and not noise.is_generic(surface):
        ner_type = cue  # "le groupe Lenoir", "la fondation Paul Vasseur", "le magazine X"
    elif ner_type == "person" and " " not in surface and \
            (apposed := apposed_cue(text, b)):
        ner_type = apposed  # "Calvac, l'agence régionale de l'eau": no person
    elif ner_type == "person" and names_a_thing(text, a, surface) and \
            not _holds_an_office_of(text, a, surface, res):
        return _THING  # "l'hôpital Robert-Debré", "l'affaire Benalla", "l'ouragan Irma"
    elif ner_type == "person" and _named_after_form(surface, res.first_names, text):
        return _THING  # "l'hôpital Louis-Mourier" said "Louis-Mourier": a place, no person
    elif ner_type == "person" and noise.names_a_place_of(text, a) and not (
            " " in surface and surface.split()[0] in res.first_names):
        return "place"  # "la mairie de Quimperlé"; not "la région de Laurent X"
    if ner_type in ("group", "person") and opens_with_an_event(surface):
        return _DROP  # "Traité de Lisbonne", "Festival de Cannes": no actor
    if ner_type == "group" and is_acronym(surface) and \
            _PRODUCT_NOUN.search(text, max(0, a - 30), a):
        return _THING  # "la technologie SPCCI", "la loi ELAN", "la norme WLTP"
    return ner_type


#: Nouns of a technology, a law or a standard right before an acronym that names it.
_PRODUCT_NOUN = re.compile(r"\b(?:[Tt]echnologies?|[Ss]ystèmes?|[Ll]ogiciels?|[Aa]lgorithmes?|"
                           r"[Mm]oteurs?|[Ll]ois?|[Nn]ormes?|[Ll]abels?|[Dd]ispositifs?|"
                           r"[Pp]rotocoles?|[Ff]ormats?|[Pp]uces?)\s+$")


def _named_after(text: str, m: Match) -> bool:
    """Whether a known person's name found by the gazetteer alone names a thing after
    them: a street, a school, a ship ("la rue Victor-Hugo", "le lycée Jean Moulin"); in
    the hyphenated form French gives such names, a capitalised noun of
    ``data/named_after.jsonl`` counts too ("Rue Victor-Hugo, …")."""
    if names_a_thing(text, m.start, m.text):
        return True
    if "-" not in m.text or " " in m.text:
        return False
    before = _NOUN_BEFORE.search(text[max(0, m.start - 40):m.start])
    return before is not None and fold(before.group(1)) in load_nouns()


#: The word before a name, maybe followed by "de la", "du", "des" or "d'".
_NOUN_BEFORE = re.compile(r"(?:^|[\s'’])([^\W\d_]+)\s+(?:de\s+la\s+|du\s+|des\s+|d['’]\s*)?$")


def _named_after_form(surface: str, first_names: frozenset[str], text: str) -> bool:
    """Whether a one-word name is a first name and a surname joined by a hyphen, the
    form French gives streets, schools and hospitals named after people ("Louis-Mourier",
    "Jean-Jaurès"), and the article never writes that person's name apart nor uses it as
    a compound first name before a surname ("Marie-Odile Roux")."""
    parts = surface.split("-")
    if " " in surface or len(parts) != 2 or not all(p[:1].isupper() for p in parts):
        return False
    first, last = parts
    if first not in first_names or last in first_names or last in _compound_parts(first_names):
        return False
    # "Louis Mourier" written apart, or "Marie-Odile Roux": a person's names
    return f"{first} {last}" not in text and not re.search(
        re.escape(surface) + r"\s+[A-ZÀ-Ý]", text)


@lru_cache(maxsize=4)
def _compound_parts(first_names: frozenset[str]) -> frozenset[str]:
    """The pieces of hyphenated first names ("Jean-Baptiste" -> "Baptiste")."""
    return frozenset(p for n in first_names if "-" in n for p in n.split("-"))


def _holds_an_office_of(text: str, a: int, surface: str, res: _Resources) -> bool:
    """Whether a full name after a thing noun is the person a title before that noun
    names: "le directeur du lycée local Paul Diallo", "le porte-parole du centre de
    gestion des forêts berlinoises Marc Roux": the noun has its own adjectives or
    complement. Not a hyphenated name nor a single word, which French gives the things
    named after people ("le directeur de l'hôpital Robert-Debré")."""
    words = surface.split()
    if len(words) < 2 or "-" in surface or words[0] not in res.first_names:
        return False
    noun, modifiers = thing_before(text, a)
    # "le directeur du lycée Victor Hugo": the school; "du lycée local Paul Diallo": him
    return bool(noun and modifiers) and role_before(text, a) is not None


def _as_institution(c: Candidate) -> Candidate:
    """A state organ named without its state ("la Cour suprême"): an institution, whose
    state the resolver finds in the context (:mod:`pipelines.resolution.qualify`)."""
    if c.type in ("group", "place") and c.kind != "institution" and is_state_organ(c.text):
        return replace(c, type="group", kind="institution")
    return c


_NAMED_TYPES = ("group", "person", "official", "media")


def _institutions(text: str, found: list[Candidate], masked: list[tuple[int, int]],
                  sentence_of: Callable[[int], int]) -> list[Candidate]:
    """Lower-case public bodies (:mod:`pipelines.nlp.institutions`) that no organisation,
    person or medium found already overlaps ("le ministère de l'Intérieur")."""
    named = [(c.start, c.end) for c in found if c.type in _NAMED_TYPES]
    out = []
    for inst in find_institutions(text):
        if inside(inst.start, inst.end, masked):
            continue
        if any(s < inst.end and inst.start < e for s, e in named):
            continue
        out.append(Candidate(inst.start, inst.end, inst.text, "group", "", "institution", "",
                             sentence_of(inst.start)))
    return out


def _named_for_a_state(surface: str, label: str, a: int, b: int, overlapping: list[Match],
                       res: _Resources) -> bool:
    """An organisation NER found whose name ends with a state's, not after "de"
    ("Météo France", "Santé publique France"; not "Tour de France", "Banque de France")."""
    if label != "ORG" or len(surface.split()) < 2 or not is_capitalised(surface):
        return False
    if not overlapping or any(res.types.get(m.entry_id) != "state" or m.kind != "name"
                              for m in overlapping):
        return False
    last = max(overlapping, key=lambda m: m.end)
    if last.end != b or last.start <= a:
        return False
    before = surface[: last.start - a].rstrip().lower()
    return not before.endswith((" de", " du", " d'", " d’", " des")) and before not in (
        "de", "du")
