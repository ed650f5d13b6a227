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

from pipelines.nlp.gazetteer import Gazetteer, load_gazetteer
from pipelines.nlp.institutions import find_institutions, is_state_organ
from pipelines.nlp.matcher import Match, TermMatcher, TermSpec
from pipelines.nlp.model import NlpResult
from pipelines.nlp.named_after import (
    apposed_cue,
    names_a_thing,
    opens_with_an_event,
    type_cue,
)
from pipelines.nlp.noise import NoiseRules, load_noise, masked_ranges
from pipelines.nlp.roles import load_titles, role_before
from pipelines.text import fold, is_acronym, is_capitalised

_LEADING_ARTICLE = re.compile(r"^(?:(?:la|le|les|l['’]|du|des|de la|de l['’]|au|aux|en)\s*)+",
                              re.IGNORECASE)
_PER_SPLIT = re.compile(r"\S+")
#: Words that open surnames ("Le Pen", "De Gaulle", "La Fontaine"): never cut off a name.
_PARTICLES = frozenset({"le", "la", "les", "de", "du", "des", "d'", "l'", "van", "von", "da",
                        "di", "del", "della", "dos", "das", "do", "el", "al", "ben", "ibn",
                        "bin", "bint", "abu", "y", "e", "et", "zu", "af", "ter", "ten", "den",
                        "der", "vom", "zum", "dit", "dite"})
# A sentence glued to the next over a missing space: "GMT.Près", "ministresLe".
_PUNCT_JOIN = re.compile(r"(?<=[^\W_]{2})(?:[.!?;]|[\"»”](?=[A-ZÀ-Þ][a-zß-ÿ]))(?=[A-ZÀ-Þ])")
_CAMEL_JOIN = re.compile(r"(?<=[a-zß-ÿ])(?=[A-ZÀ-Þ])")
_LETTERS_END = re.compile(r"[^\W\d_]+$")
_LETTERS_START = re.compile(r"^[^\W\d_]+")
_MONTHS = ("janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|"
           "novembre|décembre|decembre")
# "Jean Dupont 2019", "… le 12 mars", "… en mars 2020", "… lundi": a date run on into a name
# (a weekday only in lower case: "Vendredi" may be a name).
_DATE_TAIL = re.compile(
    rf"(?:[\s,]+(?:(?:le|en|depuis|dès)\s+)?(?:\d{{1,2}}(?:er)?\s+(?:{_MONTHS})"
    rf"(?:\s+(?:19|20)\d\d)?|(?:{_MONTHS})\s+(?:19|20)\d\d|(?:19|20)\d\d|"
    rf"(?-i:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?:\s+(?:soir|matin))?))+\s*$",
    re.IGNORECASE)
_EDGE_PUNCT_LEFT = " \t,;:.!?-–—'’\"«“”»()[]*•/"
_EDGE_PUNCT_RIGHT = " \t,;:-–—'’\"«“”»()[]*•/"


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
        noise = load_noise()
        toks = list(_PER_SPLIT.finditer(surface))
        for i, tok in enumerate(toks):
            word = tok.group(0)
            if (word.lower() in noise.honorifics or not is_capitalised(word)
                    or fold(word) in titles
                    # "Selon Lefranc", "Interrogé Lefranc": a word of the sentence
                    or i + 1 < len(toks) and len(word) > 3
                    and noise.is_word(word.strip(",;:"))):
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


# -- span cleaning: before a span is typed or keyed -------------------------------------
def _honorific_end(surface: str, noise: NoiseRules) -> int:
    """Length of the honorifics opening ``surface`` ("M. ", "Mme ", "MM. ") before a name."""
    pos = 0
    while True:
        m = re.match(r"(\S+?)(\.?)(\s+|(?<=\.))(?=[A-ZÀ-Þ])", surface[pos:])
        if not m or (m.group(1) + m.group(2)).lower() not in noise.honorifics and \
                m.group(1).lower() not in noise.honorifics:
            return pos
        pos += m.end()


def _glued_cuts(surface: str, text: str, noise: NoiseRules) -> list[int]:
    """Offsets in ``surface`` where two sentences were glued over a missing space.

    After a punctuation mark between a word of two letters or more and a capital
    ("GMT.Près"); inside a word, before a capital that starts a French function word,
    verb form or adverb ("ministresLe", "DupontDans"), after a whole lower-case word
    ("dimancheLe", "etOdile"), or between two words both seen alone in the article
    ("MorlaixOdile"). Brand-like names ("McCain", "DiCaprio", "MoDem") are not cut.
    """
    cuts = [m.start() for m in _PUNCT_JOIN.finditer(surface)]
    cuts += [m.start() for m in _SLASH_JOIN.finditer(surface)]  # "Netanyahu/Gantz"
    for m in _CAPS_JOIN.finditer(surface):  # "PSYCHOLOGIQUELa jeune": a heading glued on
        right = _LETTERS_START.match(surface[m.start():])
        if right and noise.is_word(right.group(0)) and len(right.group(0)) >= 2:
            cuts.append(m.start())
    for m in _BYLINE_JOIN.finditer(surface):  # "Dupontpar Europe 1": a credit glued on
        word = _LETTERS_END.search(surface[:m.start()])
        if word and len(word.group(0)) >= 3 and _alone_in(word.group(0), text):
            cuts.append(m.start())
    for m in _CAMEL_JOIN.finditer(surface):
        left_m = _LETTERS_END.search(surface[:m.start()])
        right_m = _LETTERS_START.match(surface[m.start():])
        if not left_m or not right_m:
            continue
        left, right = left_m.group(0), right_m.group(0)
        if right in ("L", "D") and surface[m.start() + 1:m.start() + 2] in ("'", "’"):
            cuts.append(m.start())  # "AccordL'Europe": an elided article opens the next
            continue
        whole_left = left_m.start() == 0 or not surface[left_m.start() - 1].isalnum()
        if (noise.is_word(right) and len(right) >= 2 and right.lower() != "car"
                or whole_left and left.islower() and len(left) >= 2
                or len(left) >= 3 and len(right) >= 3 and _alone_in(left, text)
                and _alone_in(right, text)):
            cuts.append(m.start())
    return sorted(set(cuts))


_SLASH_JOIN = re.compile(r"(?<=[^\W\d_])/(?=[A-ZÀ-Ý])|(?<=[^\W\d_])[\"“”]{1,2}(?=[A-ZÀ-Ý])")
_CAPS_JOIN = re.compile(r"(?<=[A-ZÀ-Þ]{2})(?=[A-ZÀ-Þ][a-zß-ÿ])")
_BYLINE_JOIN = re.compile(r"(?<=[a-zà-ÿ])par(?=\s+[A-ZÀ-Ý])")


def _alone_in(word: str, text: str) -> bool:
    """Whether ``word`` occurs in ``text`` as a word of its own."""
    return re.search(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])", text) is not None


def _only_words(piece: str, noise: NoiseRules) -> bool:
    """A piece left by a cut that holds no name: function words, verb forms, one letter."""
    words = re.findall(r"[^\W\d_]+", piece)
    return all(len(w) < 2 or noise.is_word(w) for w in words)


def _skip_sentence_words(text: str, a: int, b: int, noise: NoiseRules) -> int:
    """Start of a piece past the function words that open it, if a name follows."""
    for m in re.finditer(r"\S+", text[a:b]):
        if not noise.is_word(m.group(0).rstrip("'’")):
            return a + m.start()
    return a


def _trim_edges(text: str, a: int, b: int) -> tuple[int, int]:
    """Drop quotes, brackets and punctuation around a span, and a trailing date."""
    while a < b and text[a] in _EDGE_PUNCT_LEFT:
        a += 1
    while b > a and text[b - 1] in _EDGE_PUNCT_RIGHT:
        b -= 1
    m = _DATE_TAIL.search(text, a, b)
    # a date that ends a name is kept ("Mouvement du 1er juillet", "Place du 4 Septembre")
    if m and m.start() > a and not re.search(r"\b(?:du|de|des|d['’])\s*$", text[a:m.start()],
                                               re.IGNORECASE):
        b = m.start()
        while b > a and text[b - 1] in _EDGE_PUNCT_RIGHT:
            b -= 1
    return a, b


def clean_ents(text: str, ents: tuple[tuple[int, int, str], ...],
               noise: NoiseRules | None = None) -> list[tuple[int, int, str]]:
    """NER spans with honorifics, glued sentence joins, dates and quotes cleaned off.

    A span opened by an honorific ("M.", "Mme", "Monsieur") names a person, whatever NER
    called it. A span glued over a missing space is cut there; the pieces that hold a
    name are kept (a one-word piece beside a longer name loses its person label), the
    others dropped.
    """
    noise = noise or load_noise()
    out: list[tuple[int, int, str]] = []
    for start, end, label in ents:
        start, end = _trim_edges(text, start, end)
        if end - start > 2 and text[end - 1] in "LD" and text[end - 2].islower() and \
                text[end:end + 1] in ("'", "’"):
            end -= 1  # "Odile RavelL'enquête": the elided article of the next sentence
        hon = _honorific_end(text[start:end], noise)
        if hon:
            start, label = start + hon, "PER"
        surface = text[start:end]
        bounds = [0, *_glued_cuts(surface, text, noise), len(surface)]
        pieces = []
        for x, y in zip(bounds, bounds[1:], strict=False):
            a, b = _trim_edges(text, start + x, start + y)
            if x:  # a piece after a join opens a sentence: "Le Chili" -> "Chili"
                a = _skip_sentence_words(text, a, b, noise)
            if b > a and (len(bounds) == 2 or not _only_words(text[a:b], noise)):
                pieces.append((a, b))
        longest = max((len(text[a:b].split()) for a, b in pieces), default=0)
        for a, b in pieces:
            lab = label
            if len(pieces) > 1 and label == "PER" and longest > 1 and " " not in text[a:b]:
                lab = "MISC"
            out.append((a, b, lab))
    return out


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
    if noise.looks_like_company(surface) and is_capitalised(surface):
        return "group"  # "Lumex Holding", "Ferrand GmbH": a company, never a person
    if noise.looks_like_media(surface) and (label != "LOC" or "." in surface):
        return "media"
    if label in ("ORG", "MISC") and noise.is_car_brand(surface):
        return "group"  # the maker alone ("Renault a annoncé")
    if label == "PER":
        if noise.looks_like_org(surface) and "-" not in surface.split()[0]:
            return "group"  # "Fondation Lefranc", "Comité Adrien": an organisation
        if any(w.isalpha() and w.islower() and w not in _PARTICLES for w in surface.split()):
            return None  # "Faute de preuves": a phrase, not a name
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


#: A first name and a surname (maybe with a particle) ending a span.
_TAIL_NAME = re.compile(r"(?<![\w'’-])([A-ZÀ-Ý][a-zà-ÿ'’-]+)\s+((?:(?:de|du|van|von|da|di|ben|"
                        r"bin|al|el|le|la)\s+)?[A-ZÀ-Ý][\w'’-]+)$")


_PREV_WORD = re.compile(r"([A-ZÀ-Ý][a-zà-ÿ'’-]+)\s+$")


def person_after_title(text: str, a: int, b: int, label: str,
                       first_names: frozenset[str]) -> tuple[int, int] | None:
    """The person's name that ends an organisation span NER ran on from the title before
    it: "le ministre de l'Agriculture et de l'[Alimentation Didier Roux]", "la secrétaire
    à l'[US Navy Carla Denholm]". Only when the name opens with a known first name and
    the text before it is a public office, so "l'Institut Pierre Louis" stays whole."""
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


@dataclass(frozen=True, slots=True)
class _Context:
    """What the not-actor rules read of one article besides a span."""

    text: str
    sent_starts: list[int]
    line_starts: list[int]
    #: words of the article's multi-word person spans ("Harrison Ford" -> "Ford")
    name_words: frozenset[str]

    @classmethod
    def of(cls, text: str, nlp: NlpResult, ents: list[tuple[int, int, str]]) -> _Context:
        names = {w for a, b, lab in ents if lab == "PER" and " " in text[a:b].strip()
                 for w in text[a:b].split()}
        return cls(text, [s for s, _ in nlp.sentences],
                   [0, *(i + 1 for i, ch in enumerate(text) if ch == "\n")], frozenset(names))

    def initial(self, a: int) -> bool:
        return _sentence_initial(self.text, a, self.sent_starts, self.line_starts)


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


def _ner_wins(a: int, b: int, label: str, ner_type: str | None, overlapping: list[Match],
              res: _Resources) -> bool:
    """Whether an NER span stands against the gazetteer terms it overlaps."""
    contains = all(a <= m.start and m.end <= b for m in overlapping)
    strictly = contains and any((m.end - m.start) < b - a for m in overlapping)
    # A state or place name that is also a first name ("Maurice", "Florence") yields to
    # NER's person.
    risky = any(res.types.get(m.entry_id) in ("state", "place")
                and m.text in res.gaz.entries[m.entry_id].risky_names for m in overlapping)
    return (
        ner_type in ("person", "group", "media")
        and label in ("PER", "ORG", "MISC")
        and (strictly or (risky and label == "PER"))
        and all(m.kind != "demonym" for m in overlapping)
        # only a place inside a longer name yields ("Banque de France"); a known
        # organisation or person inside a glued span stands on its own
        and all(res.types.get(m.entry_id) in ("state", "place") for m in overlapping)
    )


def extract(text: str, nlp: NlpResult, options: Options | None = None) -> list[Candidate]:
    """Typed candidate spans of one article, in text order."""
    options = options or Options()
    res = _resources()
    masked = masked_ranges(text, res.noise)
    ents = clean_ents(text, nlp.ents, res.noise)
    ctx = _Context.of(text, nlp, ents)

    def sentence_of(pos: int) -> int:
        return max(0, bisect_right(ctx.sent_starts, pos) - 1)

    gaz_matches = _corroborated([m for m in res.matcher.find(text)
                                 if not _inside(m.start, m.end, masked)], res, sentence_of)
    out: list[Candidate] = []
    used_gaz: set[int] = set()

    for start, end, label in ents:
        if _inside(start, end, masked):
            continue
        a, b = _strip_span(text, start, end, label)
        inner = person_after_title(text, a, b, label, res.first_names)
        if inner is not None and not any(m.start < inner[1] and inner[0] < m.end
                                          for m in gaz_matches):
            (a, b), label = inner, "PER"  # the gazetteer names known people itself
        if b <= a or not_an_actor(ctx, a, b, label, res.noise):
            continue
        surface = text[a:b]
        overlapping = [i for i, m in enumerate(gaz_matches) if m.start < b and a < m.end]
        ner_type = _ner_type(surface, label, res.noise, text, a, b)
        if ner_type == "person" and res.noise.is_car_brand(surface) and \
                surface not in ctx.name_words:
            ner_type = "group"  # "Lotus a livré…", unless "Harrison Ford" is there
        cue = type_cue(text, a) if label in ("PER", "ORG", "MISC") else ""
        if cue and (label != "PER" or len(surface.split()) == 1) and \
                is_capitalised(surface) and not res.noise.is_generic(surface):
            ner_type = cue  # "le groupe Lenoir", "la marque Vasseur", "le magazine Horizons"
        elif ner_type == "person" and " " not in surface and \
                (apposed := apposed_cue(text, b)):
            ner_type = apposed  # "Calvac, l'agence régionale de l'eau": no person
        elif ner_type == "person" and names_a_thing(text, a, surface):
            continue  # "l'hôpital Robert-Debré", "l'affaire Benalla", "l'ouragan Irma"
        if ner_type in ("group", "person") and opens_with_an_event(surface):
            continue  # "Traité de Lisbonne", "Festival de Cannes": no actor
        if ner_type is None and _named_for_a_state(surface, label, a, b,
                                                   [gaz_matches[i] for i in overlapping], res):
            ner_type = "group"  # "Météo France", "Santé publique France"
        if overlapping:
            if not _ner_wins(a, b, label, ner_type, [gaz_matches[i] for i in overlapping],
                             res):
                continue  # the gazetteer matches stand for this span
            used_gaz.update(overlapping)
        if ner_type is None:
            continue
        out.append(Candidate(a, b, surface, ner_type, "", "ner", label, sentence_of(a)))

    for i, m in enumerate(gaz_matches):
        if i in used_gaz or _first_name_use(text, m, res):
            continue
        gtype = _gaz_type(m, res, options)
        if gtype is None:
            continue
        out.append(Candidate(m.start, m.end, m.text, gtype, m.entry_id, m.kind, "",
                             sentence_of(m.start)))
    out = [_as_institution(c) for c in out]
    out.extend(_institutions(text, out, masked, sentence_of))
    out.sort(key=lambda c: (c.start, c.end))
    return out


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
        if _inside(inst.start, inst.end, masked):
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


# -- not actors: common words, works, products, religious figures ----------------------
#: Participles that introduce a title after a cue ("le film intitulé X").
_NAMING = frozenset({"intitule", "intitulee", "baptise", "baptisee", "nomme", "nommee",
                     "appele", "appelee"})
_OPENERS = set(".!?:;«»\"“”—–-(…")


def _sentence_initial(text: str, a: int, sent_starts: list[int], line_starts: list[int]) -> bool:
    """Whether only quotes, dashes and spaces stand between a sentence start and ``a``."""
    k = max(bisect_right(sent_starts, a) - 1, 0)
    j = max(bisect_right(line_starts, a) - 1, 0)
    begin = max(sent_starts[k] if sent_starts else 0, line_starts[j] if line_starts else 0)
    gap = text[begin:a]
    if not gap.strip(" \t«»\"“”'’—–-(*•"):
        return True
    prev = gap.rstrip()
    return bool(prev) and prev[-1] in _OPENERS


def _common_word(text: str, a: int, b: int, noise: NoiseRules, initial: bool) -> bool:
    """A lone capitalised word at a sentence start that is an ordinary French word.

    It is a function word, verb form or adverb ("Selon", "Interrogé"), or the article
    writes it in lower case elsewhere ("Brume" / "la brume"). Such a word in capitals
    ("BLESSÉS") is dropped wherever it stands.
    """
    word = text[a:b]
    if word.isupper() and len(word) > 1 and noise.is_word(word):
        return True  # a word of a heading in capitals ("BLESSÉS", "LE")
    # "… du mouvement Interrogé sur ce point": a participle opening a lost sentence
    if noise.is_verb_form(word) and re.match(r"\s+(?:par|sur|à|au|en|de|dans)\b",
                                             text[b:b + 8]):
        return True
    if not initial or not word.isalpha() or is_acronym(word):
        return False
    if noise.is_word(word):
        return True
    low = word[0].lower() + word[1:]
    return low != word and _alone_in(low, text)


def _title_of_work(text: str, a: int, b: int, label: str, noise: NoiseRules) -> bool:
    """A title or product: quoted whole ("« Joker »"), or after a cue ("la série X")."""
    before = text[max(0, a - 2):a].strip()
    after = text[b:b + 2].strip()
    if label in ("PER", "MISC") and before[-1:] in ("«", "\"", "“") and \
            after[:1] in ("»", "\"", "”"):
        return True
    window = fold(text[max(0, a - 60):a])
    m = re.search(r"([a-z][a-z'’ -]*?)\s*[«\"“]?\s*$", window)
    if not m:
        return False
    words = re.findall(r"[a-z][a-z'’-]*", m.group(1))
    # the cue itself, or the cue and up to two adjectives ("la série américaine culte")
    for n in range(1, 5):
        if len(words) < n:
            break
        tail = words[-n:]
        for k in (1, 2):
            if len(tail) >= k and " ".join(tail[:k]) in noise.work_cues:
                rest = [w.rstrip("'’") for w in tail[k:]]
                # "le film culte X", "la série intitulée X"; not "le film de X", "d'X"
                if not any((noise.is_word(w) or w in ("d", "l")) and w not in _NAMING
                           for w in rest):
                    return True
    return False


def _car_model(text: str, a: int, b: int, noise: NoiseRules) -> bool:
    """A car or motorbike model: a maker then a name ("Renault Clio"), or a name
    right after a maker that NER left out ("la Peugeot 208", "une Tesla Model 3")."""
    surface = text[a:b]
    words = surface.split()
    for n in (1, 2):
        if len(words) > n and noise.is_car_brand(" ".join(words[:n])):
            return True
    prev = re.search(r"([^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*)?)\s+$", text[max(0, a - 30):a])
    if prev:
        chunk = prev.group(1).split()
        return noise.is_car_brand(chunk[-1]) or noise.is_car_brand(" ".join(chunk[-2:]))
    return False


def _religious(text: str, a: int, b: int, noise: NoiseRules) -> bool:
    """God, prophets and saints used as such ("Dieu", "Jésus", "saint Pierre")."""
    surface = text[a:b]
    if noise.is_religious(surface):
        return True
    if re.search(r"\b(?:saint|sainte|saints|prophète)\s+$", text[max(0, a - 12):a]):
        return True
    return bool(re.match(r"(?:Saint|Sainte)\s+\S+$", surface))


def _not_a_name(ctx: _Context, a: int, b: int, label: str) -> bool:
    """A one-word "person" that cannot be one: a single letter ("M"), a word after an
    article ("l'Amirauté", "la Vénus", "au Rocher"; plural: "les Garifunas", a people or a
    family), or a one-word exclamation or
    heading at a sentence start ("Bilan :", "Silence !") that names nobody else here."""
    word = ctx.text[a:b]
    if label != "PER" or " " in word:
        return False
    if sum(c.isalpha() for c in word) < 2:
        return True
    title = load_titles().pattern.match(fold(ctx.text[a:b + 40]))
    if title and title.end() > len(word):
        return True  # "Premier" of "Premier ministre": a title NER cut short
    if re.search(r"(?:^|[\s(])(?:[lL]['’]|le\s+|la\s+|du\s+|au\s+|[Ll]es\s+|[Dd]es\s+|[Aa]ux\s+)$",
                 ctx.text[max(0, a - 5):a]):
        return True  # "les Garifunas", "des Dupont": a people, a family, not one person
    after = ctx.text[b:b + 2].lstrip(" \u00a0")
    return (after[:1] in (":", "!") and ctx.initial(a) and word not in ctx.name_words)


def not_an_actor(ctx: _Context, a: int, b: int, label: str, noise: NoiseRules) -> bool:
    """Whether an NER span names something that is not an actor (see module rules).

    Places are left alone (a city after "saint" or a maker's name is still a place).
    """
    text = ctx.text
    if label == "LOC":
        return False
    if noise.looks_like_company(text[a:b]):
        return False
    if " " not in text[a:b] and _common_word(text, a, b, noise, ctx.initial(a)):
        return True
    return (_not_a_name(ctx, a, b, label) or _religious(text, a, b, noise)
            or _title_of_work(text, a, b, label, noise) or _car_model(text, a, b, noise))
