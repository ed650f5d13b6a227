"""Which state a lower-case institution belongs to: "le ministère de la Santé" of France,
of Egypt, of Brazil are three actors.

An institution of :mod:`pipelines.nlp.institutions` names no state of its own unless its
complement does ("parquet de Paris"). Its state is the one state its sentence names
outside the institution itself (by name, capital, demonym or seat): "En Égypte, le
ministère de la Santé a annoncé…". For a named organ ("le Sénat"), a state it acts upon
does not count ("Le Sénat a condamné la Corée du Nord"). When its sentence names none,
a lower-case institution takes the one state of the nearest of the two sentences before
it that names one ("Au Brésil, le bilan s'alourdit. Le ministère de la Santé…"), else
the state the article is about (two thirds of its state mentions). A mention still
without a state, or whose sentence names several (or only states the organ acts upon),
takes the state the corpus most often gives that institution (for a French corpus, its
own ministries are France's); with no usual state and several given, it names nobody.
Each (institution, state) pair is one node; the node of the usual state keeps the bare
name, the others carry their state: "ministère de la Santé (Égypte)".

A body that exists once per French region (the regional health agency, "l'ARS") is
likewise one node per region (:func:`body_regions`): "Agence régionale de santé
(Occitanie)". One that exists once per département or city, named without it ("le
Conseil départemental", "la Cour d'appel", "le Parquet"), is one node per place: the one
French département or city its sentence names, else the one two thirds of the article's
such places name: "Conseil départemental (Gironde)"; with none it is no node (a bare
"Conseil départemental" would fold every département's council together).
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from pipelines.nlp.analysis import ArticleAnalysis
from pipelines.nlp.extract import Candidate
from pipelines.text import fold, name_key

INSTITUTION = "institution"  # the candidate kind pipelines.nlp.extract gives them


def sentence_states(docs: Sequence[ArticleAnalysis],
                    state_ids: frozenset[str]) -> list[dict[int, str]]:
    """Per article, per institution candidate: the one state its sentence names, if one."""
    out: list[dict[int, str]] = []
    french = load_regions().region_of
    for doc in docs:
        by_sentence: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
        adjectives: set[int] = set()  # starts of lower-case demonyms ("le Sénat chilien")
        places: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
        for c in doc.candidates:
            if c.entry_id in state_ids and not _people_of(c):
                by_sentence[c.sentence].append((c.start, c.end, c.entry_id))
                if c.kind == "demonym" and c.text[:1].islower():
                    adjectives.add(c.start)
            elif c.type == "place":
                places[c.sentence].append((c.start, c.end, c.text))
        found: dict[int, str] = {}
        dominant = ""
        for i, c in enumerate(doc.candidates):
            if c.kind != INSTITUTION:
                continue
            own = _own_state(c, by_sentence.get(c.sentence, ()), places.get(c.sentence, ()),
                             french)
            if own:
                found[i] = own
                continue
            named = [(s, sid) for s, e, sid in by_sentence.get(c.sentence, ())
                     if not (c.start <= s and e <= c.end)]
            states = {sid for s, sid in named
                      if not c.entry_id or _frames(c, s, s in adjectives,
                                                   doc.sentences[c.sentence])}
            if len(states) == 1:
                found[i] = states.pop()
            elif not named:
                before = "" if c.entry_id else _state_just_before(by_sentence, c.sentence)
                dominant = dominant or _dominant(by_sentence) or "-"
                if before or dominant != "-":
                    found[i] = before or dominant
        out.append(found)
    return out


#: The words before a state that make it what an organ acts upon: a definite article or
#: "contre" ("a condamné la Corée du Nord", "des sanctions contre Moscou"), but not the
#: source of a report ("selon la France").
_ACTED_UPON = re.compile(r"(?:^|[\s'’])(?:la|le|les|l'|contre|envers)\s*$")
_SOURCE = re.compile(r"\bselon\s+(?:la|le|les|l')?\s*$")


def _frames(organ: Candidate, at: int, demonym: bool, sentence: str) -> bool:
    """Whether a state mention at ``at`` in the organ's sentence may say whose organ it
    is. A state named after the organ, as the object of what it does, does not: "Le Sénat
    a condamné la Corée du Nord" is the Senate of the corpus's usual state, not North
    Korea's. A state before it ("Au Chili, le Sénat…"), an adjective of it ("le Sénat
    chilien"), a source ("selon la France") or an inverted subject ("se félicite Paris")
    still does."""
    here = sentence.find(organ.text)
    rel = here + at - organ.start
    if here < 0 or demonym or rel < here + len(organ.text) or rel > len(sentence):
        return True
    before = fold(sentence[max(0, rel - 16):rel])
    return not _ACTED_UPON.search(before) or bool(_SOURCE.search(before))


def _own_state(c: Candidate, states: Sequence[tuple[int, int, str]],
               places: Sequence[tuple[int, int, str]], french: Mapping[str, str]) -> str:
    """The state an institution's own words name: a state or its capital in its
    complement ("le parquet de Paris", "le ministère malien de la Défense"), or France for
    a French town, département or region there ("la cour d'appel de Toulouse"); "" when
    they name none, and the sentence decides."""
    inside = {sid for s, e, sid in states if c.start <= s and e <= c.end}
    if len(inside) == 1:
        return inside.pop()
    if not inside and any(c.start <= s and e <= c.end and name_key(text) in french
                          for s, e, text in places):
        return "state:FRA"
    return ""


def _people_of(c: Candidate) -> bool:
    """A capitalised demonym names people of a state ("deux Roumaines"), not its state:
    it says nothing of whose ministry or police a sentence speaks."""
    return c.kind == "demonym" and c.text[:1].isupper()


def _state_just_before(by_sentence: dict[int, list[tuple[int, int, str]]], sentence: int,
                       reach: int = 2) -> str:
    """The one state the nearest of the ``reach`` sentences before names, if it names one:
    "Au Brésil, le bilan s'alourdit. Le ministère de la Santé a annoncé…" is Brazil's.
    A sentence naming several states ends the search."""
    for back in range(sentence - 1, max(-1, sentence - 1 - reach), -1):
        states = {sid for _, _, sid in by_sentence.get(back, ())}
        if states:
            return states.pop() if len(states) == 1 else ""
    return ""


def _dominant(by_sentence: dict[int, list[tuple[int, int, str]]]) -> str:
    """The state an article is about: at least two thirds of its state mentions."""
    counts = Counter(sid for spans in by_sentence.values() for _, _, sid in spans)
    if not counts:
        return ""
    sid, n = counts.most_common(1)[0]
    return sid if n * 3 >= 2 * sum(counts.values()) else ""


def state_counts(docs: Sequence[ArticleAnalysis], found: Sequence[dict[int, str]],
                 keys: NameKeys | None = None) -> dict[str, Counter[str]]:
    """Per institution name, how often the corpus gives it each state (``found``, from
    :func:`sentence_states`). ``keys``: the pass's name keys (:class:`NameKeys`), if any."""
    keys = NameKeys() if keys is None else keys
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for doc, states in zip(docs, found, strict=True):
        for i, sid in states.items():
            counts[keys[doc.candidates[i].text]][sid] += 1
    return counts


def usual_states(counts: Mapping[str, Counter[str]]) -> dict[str, str]:
    """Per institution name, the state the corpus gives it most often (at least half the
    time it gives one)."""
    usual: dict[str, str] = {}
    for key, c in counts.items():
        sid, n = c.most_common(1)[0]
        if n * 2 >= sum(c.values()):
            usual[key] = sid
    return usual


def unsettled_keys(counts: Mapping[str, Counter[str]],
                   usual: Mapping[str, str]) -> frozenset[str]:
    """Institution names the corpus gives two states or more with no usual one ("le
    ministère de la Santé" of France, Iran, Spain… none half the time): a mention of
    them whose state nothing gives names nobody, since a node of the bare name would
    fold the states' bodies together."""
    return frozenset(k for k, c in counts.items() if len(c) >= 2 and k not in usual)


# -- French regional bodies ------------------------------------------------------------------
@dataclass(frozen=True)
class Regions:
    """``data/regions_fr.jsonl``: the bodies that exist once per French region (the regional
    health agencies) and the names that place a mention in a region (the region's names,
    its départements, its main cities)."""

    bodies: dict[str, str]  # name key of a body's name or acronym -> its gazetteer id
    region_of: dict[str, str]  # name key -> region label
    #: name key of a local body's name -> its id (one per département or city)
    local: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)  # body id -> label, if not known
    #: name keys of the regions' own names (not a département or a city of theirs)
    region_keys: frozenset[str] = frozenset()

    def body_of(self, entry_id: str, text: str) -> str:
        """The regional body a candidate names (by its entry or its words), or ""."""
        if entry_id in self.bodies.values():
            return entry_id
        if entry_id:
            return ""
        key = name_key(text)
        return self.bodies.get(key, "") or self.local.get(key, "")


@lru_cache(maxsize=1)
def load_regions() -> Regions:
    raw = resources.files("pipelines").joinpath("data/regions_fr.jsonl").read_text("utf-8")
    bodies: dict[str, str] = {}
    region_of: dict[str, str] = {}
    local: dict[str, str] = {}
    labels: dict[str, str] = {}
    for line in raw.splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if row["kind"] == "regional_body":
            bodies.update((name_key(n), row["id"]) for n in row["names"])
        elif row["kind"] == "local_body":
            local.update((name_key(n), row["id"]) for n in row["names"])
            labels[row["id"]] = row["label"]
        else:
            for name in [row["label"], *row["names"]]:
                region_of[name_key(name)] = row["label"]
    return Regions(bodies, region_of, local, labels,
                   frozenset(name_key(r) for r in region_of.values()))


class NameKeys(dict):  # type: ignore[type-arg]
    """``keys[text]`` is :func:`~pipelines.text.name_key` of ``text``, computed once per
    distinct text: a corpus names the same few thousand names millions of times."""

    __slots__ = ()

    def __missing__(self, text: str) -> str:
        key = self[text] = name_key(text)
        return key


class _Bodies(dict):  # type: ignore[type-arg]
    """``bodies[entry_id, text]`` is :meth:`Regions.body_of`, once per distinct pair."""

    __slots__ = ("regions",)

    def __init__(self, regions: Regions) -> None:
        super().__init__()
        self.regions = regions

    def __missing__(self, key: tuple[str, str]) -> str:
        body = self[key] = self.regions.body_of(*key)
        return body


def body_regions(docs: Sequence[ArticleAnalysis],
                 keys: NameKeys | None = None) -> list[dict[int, tuple[str, str]]]:
    """Per article, per mention of a regional body ("l'ARS"): its region — named in the
    mention itself ("ARS Nouvelle-Aquitaine"), else the one region its sentence names (by
    a département or a city too), else the region of two thirds of the article's places;
    none otherwise (the body in general). Each found as (the body's gazetteer id, region).
    ``keys``: the pass's name keys (:class:`NameKeys`), if it has some."""
    regions = load_regions()
    bodies = _Bodies(regions)
    keys = NameKeys() if keys is None else keys
    out: list[dict[int, tuple[str, str]]] = []
    for doc in docs:
        found: dict[int, tuple[str, str]] = {}
        if any(bodies[c.entry_id, c.text] for c in doc.candidates):
            found = _regions_in(doc, regions, bodies, keys)
        out.append(found)
    return out


def _regions_in(doc: ArticleAnalysis, regions: Regions, bodies: _Bodies,
                keys: NameKeys) -> dict[int, tuple[str, str]]:
    by_sentence: dict[int, set[str]] = defaultdict(set)
    hits: Counter[str] = Counter()
    for c in doc.candidates:
        region = regions.region_of.get(keys[c.text])
        if region:
            by_sentence[c.sentence].add(region)
            hits[region] += 1
    dominant = ""
    if hits:
        region, n = hits.most_common(1)[0]
        dominant = region if n * 3 >= 2 * sum(hits.values()) else ""
    places = _local_places(doc, regions, keys)
    found: dict[int, tuple[str, str]] = {}
    for i, c in enumerate(doc.candidates):
        body = bodies[c.entry_id, c.text]
        if not body:
            continue
        if body in regions.labels:
            found[i] = (body, places(c.sentence))  # no place: no node (see above)
            continue
        key = f" {keys[c.text]} "
        own = {r for k, r in regions.region_of.items() if f" {k} " in key}
        here = by_sentence.get(c.sentence, set())
        region = (next(iter(own)) if len(own) == 1
                  else next(iter(here)) if len(here) == 1 else dominant)
        if region:
            found[i] = (body, region)
    return found


def _local_places(doc: ArticleAnalysis, regions: Regions,
                  keys: NameKeys) -> Callable[[int], str]:
    """For a local body's sentence: the one French département or city (a name of
    ``regions_fr.jsonl`` other than a region's own) it names, else the one that two
    thirds of the article's such names are, else ""."""
    by_sentence: dict[int, set[str]] = defaultdict(set)
    hits: Counter[str] = Counter()
    for c in doc.candidates:
        key = keys[c.text]
        if key in regions.region_of and key not in regions.region_keys:
            by_sentence[c.sentence].add(c.text)
            hits[c.text] += 1
    dominant = ""
    if hits:
        place, n = hits.most_common(1)[0]
        dominant = place if n * 3 >= 2 * sum(hits.values()) else ""

    def place_of(sentence: int) -> str:
        here = by_sentence.get(sentence, set())
        return next(iter(here)) if len(here) == 1 else dominant

    return place_of
