"""The person passes of corpus-level resolution: which person each mention names.

:class:`pipelines.resolve.Resolver` runs them in order:

1. :func:`collect_names` — every article's person candidates, their name tokens, and the
   full names of the corpus clustered across spellings (:class:`NameClusters`);
2. :func:`add_gazetteer_namesakes` — gazetteer office-holders whose surname the corpus
   uses, so a lone "Bazoum" can find its full name;
3. :func:`freeze` — each name's cluster root, now final, and per-root counts;
4. :func:`attach_article` — per article, the root each person mention belongs to (a full
   name its own cluster, a surname-only or first-name-only mention a full name by the
   rules of :func:`attach`);
5. :func:`gather_people` — per root, its names and the offices given in context.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .analysis import ArticleAnalysis
from .extract import Candidate
from .gazetteer import Gazetteer
from .people import NameClusters, name_tokens

Key = tuple[str, ...]

PERSON_TYPES = ("person", "official")
SURNAME_LIKE_TYPES = ("place", "group", "media")  # NER types a surname may be given

#: Candidate kinds, as :func:`collect_names` classifies them.
NOT_PERSON, PERSON, SURNAME_LIKE = 0, 1, 2

#: The mention names one of several people equally well: nobody.
AMBIGUOUS: Key = ("\x00ambiguous",)


@dataclass
class Person:
    """What the corpus says of one person (one cluster root)."""

    names: Counter[str] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)
    official: bool = False
    gaz_id: str = ""


@dataclass
class Names:
    """Pass 1's result: the corpus's person names, per article and clustered."""

    clusters: NameClusters = field(default_factory=NameClusters)
    key_gaz: dict[Key, str] = field(default_factory=dict)  # full name -> gazetteer id
    gaz_key: dict[str, Key] = field(default_factory=dict)  # gazetteer id -> label tokens
    doc_toks: list[list[Key]] = field(default_factory=list)  # per article, per candidate
    doc_kinds: list[list[int]] = field(default_factory=list)
    doc_full: list[list[Key]] = field(default_factory=list)  # each article's full names
    short_names: set[str] = field(default_factory=set)  # one-word person mentions
    first_names: set[str] = field(default_factory=set)  # given names of the corpus
    surnames: set[str] = field(default_factory=set)


@dataclass
class Roots:
    """Pass 3's result: the final cluster root of every name, and counts per root."""

    root_of: dict[Key, Key]
    full_count: Counter[Key]  # mentions of each root by a full name
    gaz_roots: set[Key]  # roots of gazetteer office-holders
    gaz_root: dict[str, Key]  # gazetteer id -> its root
    memo: dict[Key, tuple[set[Key], Key | None]] = field(default_factory=dict)


def pick(cands: set[Key], counts: Counter[Key], known: set[Key], ratio: int) -> Key | None:
    """The notable one among ``cands``, else one named ``ratio`` times as often."""
    notable = cands & known
    if len(notable) == 1:
        return next(iter(notable))
    ranked = sorted(cands, key=lambda r: (-counts[r], r))
    if counts[ranked[0]] >= ratio * max(1, counts[ranked[1]]):
        return ranked[0]
    return None


# -- pass 1 ---------------------------------------------------------------------------
def collect_names(docs: Sequence[ArticleAnalysis], gaz: Gazetteer,
                  surname_like: Callable[[Candidate], bool]) -> Names:
    """Tokens and kind of every candidate; full person names clustered.

    A candidate is a :data:`PERSON` (typed person or official), :data:`SURNAME_LIKE`
    (a short NER span of another type that may be a surname, ``surname_like``), or
    neither. Full names (two words or more) of persons join the clusters, and so do the
    labels of gazetteer office-holders the corpus names (maybe by an acronym).
    """
    names = Names()
    tokens_of: dict[str, Key] = {}
    like_memo: dict[str, bool] = {}
    entries = gaz.entries
    for doc in docs:
        toks_list: list[Key] = []
        kinds: list[int] = []
        full: list[Key] = []
        for c in doc.candidates:
            toks = tokens_of.get(c.text)
            if toks is None:
                toks = tokens_of[c.text] = name_tokens(c.text)
            toks_list.append(toks)
            kind = _kind(c, surname_like, like_memo)
            kinds.append(kind)
            if not kind:
                continue
            if c.entry_id:  # a gazetteer office-holder, maybe by acronym ("IBK")
                entry = entries.get(c.entry_id)
                label = name_tokens(entry.label) if entry else ()
                if len(label) >= 2:
                    names.clusters.add(label)
                    names.key_gaz[label] = c.entry_id
                    names.gaz_key[c.entry_id] = label
            if len(toks) >= 2 and kind == PERSON:
                names.clusters.add(toks)
                full.append(toks)
                names.first_names.add(toks[0])
                names.surnames.add(toks[-1])
                if c.entry_id:
                    names.key_gaz[toks] = c.entry_id
            elif len(toks) == 1:
                names.short_names.add(toks[0])
        names.doc_toks.append(toks_list)
        names.doc_kinds.append(kinds)
        names.doc_full.append(full)
    return names


def _kind(c: Candidate, surname_like: Callable[[Candidate], bool],
          memo: dict[str, bool]) -> int:
    if c.type in PERSON_TYPES:
        return PERSON
    if c.kind == "ner" and c.type in SURNAME_LIKE_TYPES:
        like = memo.get(c.text)
        if like is None:
            like = memo[c.text] = surname_like(c)
        return SURNAME_LIKE if like else NOT_PERSON
    return NOT_PERSON


# -- pass 2 ---------------------------------------------------------------------------
def add_gazetteer_namesakes(names: Names,
                            gaz_surnames: dict[str, list[tuple[Key, str]]]) -> None:
    """Cluster the gazetteer office-holders whose surname the corpus uses.

    Every surname of a corpus full name counts, and every one-word mention that is not
    somebody's first name here (a lone "Jean" calls up no one).
    """
    wanted = {k[-1] for k in list(names.clusters.keys())}
    wanted |= names.short_names - names.first_names
    for surname in wanted:
        for toks, gid in gaz_surnames.get(surname, ()):
            if toks not in names.key_gaz:
                names.key_gaz[toks] = gid
            names.clusters.add(toks)


# -- pass 3 ---------------------------------------------------------------------------
def freeze(names: Names) -> Roots:
    """Each name's final cluster root (clusters no longer change) and counts per root."""
    root_of = {k: names.clusters.find(k) for k in list(names.clusters.keys())}
    full_count: Counter[Key] = Counter(root_of[t] for full in names.doc_full for t in full)
    gaz_roots = {root_of[t] for t in names.key_gaz}
    gaz_root = {gid: root_of[toks] for gid, toks in names.gaz_key.items()}
    return Roots(root_of, full_count, gaz_roots, gaz_root)


# -- pass 4 ---------------------------------------------------------------------------
def attach(toks: Key, local: Counter[Key], clusters: NameClusters, roots: Roots) -> Key | None:
    """The full-name cluster a surname-only mention belongs to.

    Full names in the same article decide: the only one that fits, else the only
    notable office-holder among them, else one named at least twice as often as the
    others; if still undecided the mention is :data:`AMBIGUOUS`. With no full name
    in the article: the only person in the corpus with that surname, else the only
    notable office-holder among them, else one named at least three times as often
    as any other. None when nothing fits.
    """
    if len(toks) >= 3:
        return None
    cached = roots.memo.get(toks)
    if cached is None:
        cands = clusters.with_surname(toks)
        if not cands:
            corpus_choice = None
        elif len(cands) == 1:
            corpus_choice = next(iter(cands))
        else:
            corpus_choice = pick(cands, roots.full_count, roots.gaz_roots, 3)
        roots.memo[toks] = (cands, corpus_choice)
    else:
        cands, corpus_choice = cached
    if local:
        if len(local) < len(cands):
            here = {r for r in local if r in cands}
        else:
            here = {r for r in cands if r in local}
        if len(here) == 1:
            return here.pop()
        if here:
            return pick(here, local, roots.gaz_roots, 2) or AMBIGUOUS
    return corpus_choice


def attach_article(doc: ArticleAnalysis, index: int, names: Names,
                   roots: Roots) -> list[Key | None]:
    """Per candidate of article ``index``, the root of the person it names (or None)."""
    toks_list, kinds = names.doc_toks[index], names.doc_kinds[index]
    local_full = [(toks[0], roots.root_of[toks]) for toks in names.doc_full[index]]
    local_counts: Counter[Key] = Counter(root for _, root in local_full)
    by_given: dict[str, set[Key]] = defaultdict(set)
    for given, root in local_full:
        by_given[given].add(root)
    out: list[Key | None] = [None] * len(toks_list)
    for ci, (c, toks, kind) in enumerate(zip(doc.candidates, toks_list, kinds, strict=True)):
        if not toks:
            continue
        if c.entry_id and c.entry_id in roots.gaz_root:
            out[ci] = roots.gaz_root[c.entry_id]
        elif kind == PERSON and len(toks) >= 2:
            out[ci] = roots.root_of[toks]
        elif kind:
            out[ci] = _attach_short(toks, kind, local_counts, by_given, names, roots)
    return out


def _attach_short(toks: Key, kind: int, local: Counter[Key], by_given: dict[str, set[Key]],
                  names: Names, roots: Roots) -> Key | None:
    """The root of a one- or two-word mention that is not a full name of its own."""
    root = attach(toks, local, names.clusters, roots)
    if root is None and len(toks) == 1 and len(by_given.get(toks[0], ())) == 1:
        root = next(iter(by_given[toks[0]]))  # "Greta" for Greta Thunberg
    if root is AMBIGUOUS:
        return None  # "Obama" in an article about several Obamas: nobody
    if root is None:
        if kind != PERSON:
            return None
        if len(toks) == 1 and toks[0] in names.first_names and toks[0] not in names.surnames:
            return None  # a lone first name ("François"): nobody in particular
        root = toks
    return root


# -- pass 5 ---------------------------------------------------------------------------
def gather_people(docs: Sequence[ArticleAnalysis], assign: Sequence[Sequence[Key | None]],
                  names: Names, roots: Roots) -> dict[Key, Person]:
    """Per root: the names it is given and the offices given to it in context.

    A root that is a gazetteer office-holder's is an official whatever the context.
    """
    people: dict[Key, Person] = defaultdict(Person)
    for doc, doc_roots in zip(docs, assign, strict=True):
        for ci, (c, root) in enumerate(zip(doc.candidates, doc_roots, strict=True)):
            if root is None:
                continue
            p = people[root]
            p.names[c.text] += 1
            role = doc.roles.get(ci) if doc.roles else None
            if role and role.official:
                p.official = True
                p.roles[role.text] += 1
    gaz_of_root: dict[Key, str] = {}
    for toks, gid in names.key_gaz.items():
        if toks in roots.root_of:
            gaz_of_root.setdefault(roots.root_of[toks], gid)
    for root, p in people.items():
        gid = gaz_of_root.get(root, "")
        if gid:
            p.gaz_id = gid
            p.official = True
    return dict(people)
