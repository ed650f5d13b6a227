"""The person passes of corpus-level resolution: which person each mention names.

:class:`pipelines.resolution.resolve.Resolver` runs them in order:

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

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from pipelines.nlp.analysis import ArticleAnalysis
from pipelines.nlp.extract import PERSON_TYPES, Candidate
from pipelines.nlp.famous import famous_field, is_famous
from pipelines.nlp.gazetteer import Gazetteer
from pipelines.resolution.people import NameClusters, name_tokens
from pipelines.text import word_key, word_texts

Key = tuple[str, ...]

SURNAME_LIKE_TYPES = ("place", "group", "media")  # NER types a surname may be given

#: Candidate kinds, as :func:`collect_names` classifies them.
NOT_PERSON, PERSON, SURNAME_LIKE = 0, 1, 2

#: The mention names one of several people equally well: nobody.
AMBIGUOUS: Key = ("\x00ambiguous",)
#: Several people of other articles bear the name and their contexts do not settle it.
UNSETTLED: Key = ("\x00unsettled",)

#: Words a surname may open with, as written: "Le Pen", "Van Gogh", "Ben Laden" name a
#: surname, not a first name and a surname (compared on the raw text: the folded tokens
#: make "Lee" "le").
SURNAME_PARTICLES = frozenset({"Le", "La", "Les", "De", "Du", "Des", "Van", "Von", "Da", "Di",
                               "Del", "Della", "Dos", "Das", "Do", "El", "Ibn", "Bin",
                               "Zu", "Ter", "Ten", "Den", "Der", "Vom", "Zum"})
SURNAME_PARTICLES |= frozenset(p.lower() for p in SURNAME_PARTICLES)


def is_full_name(toks: Key, text: str) -> bool:
    """Two words or more (``toks``, the folded tokens of ``text``), the first not a
    surname's particle: "Le Pen" is a surname. One hyphenated word is a compound first
    name or surname ("Jean-Marc", "Saint-Just"), never a first name and a surname."""
    if " " not in text.strip():
        return False
    return len(toks) >= 3 or (len(toks) == 2 and text.split(" ", 1)[0] not in SURNAME_PARTICLES)


@dataclass
class Person:
    """What the corpus says of one person (one cluster root)."""

    names: Counter[str] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)
    official: bool = False
    gaz_id: str = ""
    last_date: str = ""  # the latest date of the articles that name them (ISO)


@dataclass
class Names:
    """Pass 1's result: the corpus's person names, per article and clustered."""

    key_gaz: dict[Key, str] = field(default_factory=dict)  # full name -> gazetteer id
    #: full names clustered; two gazetteer entries (``key_gaz``) never share a cluster
    clusters: NameClusters = field(init=False)
    gaz_key: dict[str, Key] = field(default_factory=dict)  # gazetteer id -> label tokens
    doc_toks: list[list[Key]] = field(default_factory=list)  # per article, per candidate
    doc_kinds: list[list[int]] = field(default_factory=list)
    doc_full: list[list[Key]] = field(default_factory=list)  # each article's full names
    short_names: set[str] = field(default_factory=set)  # one-word person mentions
    first_names: set[str] = field(default_factory=set)  # given names of the corpus
    surnames: set[str] = field(default_factory=set)
    places: frozenset[Key] = frozenset()  # names the gazetteer knows as places or states
    brands: frozenset[Key] = frozenset()  # car makers, known organisations and media
    common_words: frozenset[str] = frozenset()  # folded French nouns and infinitives
    #: one-word names NER calls an organisation or a medium at least as often as a person
    org_words: set[str] = field(default_factory=set)
    #: full name -> the spellings (accents and case aside) of its surname in the corpus
    raw_surnames: dict[Key, set[str]] = field(default_factory=lambda: defaultdict(set))

    def __post_init__(self) -> None:
        self.clusters = NameClusters(defer_fuzzy=True, gaz_of=self.key_gaz)

    def is_given_name(self, token: str) -> bool:
        """Whether the corpus uses ``token`` as a first name at least as often as a surname
        (counted over distinct full names, so one famous "Édouard Philippe" does not make
        "Philippe" a surname, nor one "MACRON Emmanuel" "Macron" a first name)."""
        if token not in self.first_names:
            return False
        if self._given_count is None:
            self._given_count, self._surname_count = Counter(), Counter()
            for key in self.clusters.keys():
                if len(key) >= 2:
                    self._given_count[key[0]] += 1
                    self._surname_count[key[-1]] += 1
        return self._given_count[token] >= self._surname_count[token]

    _given_count: Counter[str] | None = None
    _surname_count: Counter[str] = field(default_factory=Counter)


@dataclass
class Roots:
    """Pass 3's result: the final cluster root of every name, and counts per root."""

    root_of: dict[Key, Key]
    full_count: Counter[Key]  # mentions of each root by a full name
    gaz_roots: set[Key]  # roots of gazetteer office-holders
    gaz_root: dict[str, Key]  # gazetteer id -> its root
    memo: dict[Key, set[Key]] = field(default_factory=dict)
    context: Context | None = None
    members: dict[Key, list[Key]] = field(default_factory=dict)  # root -> its names
    raw_of_root: dict[Key, set[str]] = field(default_factory=dict)  # filled on demand
    #: roots of gazetteer office-holders whose first office began before 1960
    historic: set[Key] = field(default_factory=set)

    def with_surname(self, toks: Key, clusters: NameClusters) -> set[Key]:
        """The roots whose full names end with ``toks``, computed once per name."""
        cands = self.memo.get(toks)
        if cands is None:
            cands = self.memo[toks] = clusters.with_surname(toks)
        return cands


@dataclass
class Context:
    """What each article names besides people, and what each person is named with.

    Keys are gazetteer ids, ``ner:`` keys of organisations found by NER, and ``p:`` keys
    of full person names. ``weight`` is each key's inverse document frequency
    (``log(articles / articles naming it)``): a rare organisation says more about who
    a lone surname is than "France" does.
    """

    article_keys: list[frozenset[str]]
    root_keys: dict[Key, set[str]]
    weight: dict[str, float]

    def score(self, index: int, root: Key) -> float:
        """How much article ``index`` and person ``root`` are named with alike."""
        keys = self.root_keys.get(root)
        if not keys:
            return 0.0
        here = self.article_keys[index]
        small, big = (here, keys) if len(here) <= len(keys) else (keys, here)
        return sum(self.weight[k] for k in small if k in big)


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
    raw_last = _RawLast()  # once per distinct name: the same few thousand, millions of times
    like_memo: dict[str, bool] = {}
    entries = gaz.entries
    one_word: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # [organisation, person]
    for doc in docs:
        toks_list: list[Key] = []
        kinds: list[int] = []
        full: list[Key] = []
        for c in doc.candidates:
            toks = tokens_of.get(c.text)
            if toks is None:
                toks = tokens_of[c.text] = name_tokens(c.text)
            toks_list.append(toks)
            if len(toks) == 1 and not c.entry_id:
                if c.type in ("group", "media"):
                    one_word[toks[0]][0] += 1
                elif c.type in PERSON_TYPES:
                    one_word[toks[0]][1] += 1
            kind = _kind(c, surname_like, like_memo)
            kinds.append(kind)
            if not kind:
                continue
            if c.entry_id:  # a gazetteer office-holder, maybe by acronym ("IBK")
                entry = entries.get(c.entry_id)
                label = name_tokens(entry.label) if entry else ()
                if len(label) >= 2:
                    names.key_gaz[label] = c.entry_id
                    names.clusters.add(label)
                    names.gaz_key[c.entry_id] = label
                    names.raw_surnames[label].add(raw_last[entry.label])
            if kind == PERSON and is_full_name(toks, c.text):
                if c.entry_id:
                    names.key_gaz[toks] = c.entry_id
                names.clusters.add(toks)
                full.append(toks)
                names.raw_surnames[toks].add(raw_last[c.text])
                if not _REGNAL.search(c.text):  # "Fillon II" gives no first name
                    names.first_names.add(toks[0])
                names.surnames.add(toks[-1])
                if c.entry_id:
                    names.key_gaz[toks] = c.entry_id
            elif len(toks) == 1:
                names.short_names.add(toks[0])
        names.doc_toks.append(toks_list)
        names.doc_kinds.append(kinds)
        names.doc_full.append(full)
    _settle_spellings(names)
    names.org_words = {t for t, (org, person) in one_word.items() if org and org >= person}
    return names


def _settle_spellings(names: Names) -> None:
    """Join the full names one edit apart that one article names together, or that are a
    rare variant of a common name (:meth:`NameClusters.settle_fuzzy`)."""
    if not names.clusters.fuzzy:
        return
    wanted = {k for pair in names.clusters.fuzzy for k in pair}
    counts: Counter[Key] = Counter()
    seen_in: dict[Key, set[int]] = defaultdict(set)
    for i, full in enumerate(names.doc_full):
        for toks in set(full):  # articles, not mentions: one long story is not a common name
            counts[toks] += 1
            if toks in wanted:
                seen_in[toks].add(i)
    names.clusters.settle_fuzzy(
        counts, lambda a, b: not seen_in[a].isdisjoint(seen_in[b]))


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
    wanted |= {t for t in names.short_names if not names.is_given_name(t)}
    for surname in wanted:
        for toks, gid in gaz_surnames.get(surname, ()):
            if toks not in names.key_gaz:
                names.key_gaz[toks] = gid
            names.clusters.add(toks)
    _settle_spellings(names)


# -- pass 3 ---------------------------------------------------------------------------
def _raw_last(name: str) -> str:
    """The last word of a name, accents and case aside but not folded by sound."""
    words = word_texts(name)
    return word_key(words[-1]) if words else ""


class _RawLast(dict):  # type: ignore[type-arg]
    """``raw_last[name]`` is :func:`_raw_last` of ``name``, computed once per name."""

    __slots__ = ()

    def __missing__(self, name: str) -> str:
        last = self[name] = _raw_last(name)
        return last


def freeze(names: Names) -> Roots:
    """Each name's final cluster root (clusters no longer change) and counts per root."""
    root_of = {k: names.clusters.find(k) for k in list(names.clusters.keys())}
    full_count: Counter[Key] = Counter(root_of[t] for full in names.doc_full for t in full)
    gaz_roots = {root_of[t] for t in names.key_gaz}
    gaz_root = {gid: root_of[toks] for gid, toks in names.gaz_key.items()}
    members: dict[Key, list[Key]] = defaultdict(list)
    for toks, root in root_of.items():
        members[root].append(toks)
    return Roots(root_of, full_count, gaz_roots, gaz_root, members=dict(members))


# -- pass 4 ---------------------------------------------------------------------------
#: A lone surname joins a full name seen only in other articles when the two are named
#: with actors at least this specific: a key named in 5% of the articles weighs 3.0.
MIN_CONTEXT = 3.0
#: A span NER typed as a place or an organisation ("Macron a dit" read as a place) joins a
#: person of another article only if the corpus names that person in full this often.
MIN_FULL_FOR_NON_PERSON = 3


def build_context(docs: Sequence[ArticleAnalysis], names: Names, roots: Roots,
                  gaz_context: dict[str, set[str]] | None = None) -> Context:
    """Each article's context keys, each person root's, and each key's weight.

    ``gaz_context`` gives gazetteer office-holders a context of their own (the states and
    bodies of their offices), so a lone "Bazoum" in an article on Niger finds Mohamed
    Bazoum even when the corpus never names him in full.
    """
    article_keys: list[frozenset[str]] = []
    df: Counter[str] = Counter()
    root_keys: dict[Key, set[str]] = defaultdict(set)
    texts: dict[tuple[str, Key], str] = {}  # one string per key, not one per article

    def text(prefix: str, toks: Key) -> str:
        found = texts.get((prefix, toks))
        if found is None:
            found = texts[prefix, toks] = prefix + " ".join(toks)
        return found

    for i, doc in enumerate(docs):
        keys: set[str] = set()
        for c, toks, kind in zip(doc.candidates, names.doc_toks[i], names.doc_kinds[i],
                                 strict=True):
            if kind == PERSON and len(toks) >= 2 and toks in roots.root_of:
                keys.add(text("p:", roots.root_of[toks]))
            elif c.entry_id:
                keys.add(c.entry_id)
            elif c.type == "group":
                keys.add(text("ner:", toks))
        frozen = frozenset(keys)
        article_keys.append(frozen)
        df.update(frozen)
        for toks in names.doc_full[i]:
            root_keys[roots.root_of[toks]].update(frozen)
    if gaz_context:
        for toks, gid in names.key_gaz.items():
            extra = gaz_context.get(gid)
            if extra and toks in roots.root_of:
                root_keys[roots.root_of[toks]].update(extra)
    for root, keys in root_keys.items():
        keys.discard("p:" + " ".join(root))
    n = max(1, len(docs))
    weight = {k: math.log(n / c) for k, c in df.items()}
    for keys in root_keys.values():
        for k in keys:
            weight.setdefault(k, math.log(n))
    return Context(article_keys, dict(root_keys), weight)


def attach(toks: Key, local: Counter[Key], clusters: NameClusters, roots: Roots,
           index: int = -1, corpus: bool = True, person: bool = True) -> Key | None:
    """The full-name cluster a surname-only mention belongs to.

    Full names in the same article decide: the only one that fits, else the only
    notable office-holder among them, else one named at least twice as often as the
    others; if still undecided the mention is :data:`AMBIGUOUS`. With no full name
    in the article (and ``corpus``), the evidence must come from the article's other
    actors (:meth:`Context.score` at least :data:`MIN_CONTEXT`): the only full name
    of the corpus that fits and is named with them (:func:`_by_context`); the only one
    that fits needs less evidence when it is a gazetteer office-holder and NER called
    the mention a ``person`` (``person``); a mention NER gave another type joins only
    people named in full at least :data:`MIN_FULL_FOR_NON_PERSON` times. Fame or
    frequency alone never picks among several, and a name several people of the corpus
    bear that the context does not settle is :data:`UNSETTLED` (a node of its own would
    fold them together). None when nothing fits.
    """
    if len(toks) >= 3:
        return None
    cands = roots.with_surname(toks, clusters)
    if not cands:
        return None
    if local:
        here = {r for r in local if r in cands}
        if len(here) == 1:
            return here.pop()
        if here:
            return pick(here, local, roots.gaz_roots, 2) or AMBIGUOUS
    if not corpus or roots.context is None or index < 0:
        return None
    if not person:  # NER saw a place or an organisation: only a well-known name will do
        cands = {r for r in cands if roots.full_count[r] >= MIN_FULL_FOR_NON_PERSON}
        if not cands:
            return None
    known = roots.gaz_roots if person else set()
    found = _by_context(cands, index, roots.context, known, roots.full_count)
    if found is None and len(cands) >= 2:
        return UNSETTLED  # a lone "Le Pen" no context settles: several people, so nobody
    return found


def _by_context(cands: set[Key], index: int, context: Context, known: set[Key],
                counts: Counter[Key]) -> Key | None:
    """The candidate root named with the same actors as article ``index``, if clear.

    Among the candidates whose context fits (:data:`MIN_CONTEXT`): the only one, else
    the one whose context fits twice as well as any other's, else the one the corpus
    names in full three times as often as any other (``counts``). The only candidate,
    when it is a gazetteer office-holder (``known``), needs only some shared context
    (the states of their offices count): a lone "Haftar" in an article on Libya.
    """
    scored = sorted(((context.score(index, r), r) for r in cands), reverse=True)
    if len(cands) == 1 and cands <= known and scored[0][0] > 0:
        return scored[0][1]
    fit = [(s, r) for s, r in scored if s >= MIN_CONTEXT]
    if not fit:
        return None
    if len(fit) == 1 or fit[1][0] * 2 <= fit[0][0]:
        return fit[0][1]
    return pick({r for _, r in fit}, counts, set(), 3)


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
        elif kind == PERSON and is_full_name(toks, c.text):
            out[ci] = roots.root_of[toks]
        elif kind:
            root = _attach_short(toks, kind, index, local_counts, by_given, names, roots,
                                 c.text)
            if (root is not None and root != toks and len(toks) == 1
                    and root not in local_counts and not _spelled_as(c.text, root, names,
                                                                     roots)):
                root = toks if kind == PERSON else None  # "Russell" is not Roussel
            if (root is not None and len(toks) == 1 and root[-1] != toks[0]
                    and root in by_given.get(toks[0], ())
                    and doc.cues.get(ci) == "relative"):
                root = None  # "Michel Lenoir … son fils Michel": the son, not Michel Lenoir
            out[ci] = root
    return out


def _spelled_as(text: str, root: Key, names: Names, roots: Roots) -> bool:
    """Whether a one-word mention joined to a person of other articles is spelled as a
    surname of that person (accents and case aside): the sound-alike key that merges
    "Sergueï" and "Sergey" in full names is not evidence enough for a lone word."""
    spellings = roots.raw_of_root.get(root)
    if spellings is None:
        spellings = roots.raw_of_root[root] = set()
        for toks in roots.members.get(root, (root,)):
            spellings |= names.raw_surnames.get(toks, set())
    return not spellings or _raw_last(text) in spellings


def _attach_short(toks: Key, kind: int, index: int, local: Counter[Key],
                  by_given: dict[str, set[Key]], names: Names, roots: Roots,
                  text: str = "") -> Key | None:
    """The root of a one- or two-word mention that is not a full name of its own.

    A name that is a known place, organisation, medium or car maker, a first name of
    the corpus or a French common noun ("Raison", "Noël"), joins only a full name of its
    own article: the one it ends, else the one
    it begins ("Greta" for Greta Thunberg), else nobody; a one-letter name joins nobody.
    Other names may look beyond their article (:func:`attach`); a span NER called a
    person that finds nobody stands for itself, unless it is a lone common word
    (:func:`_a_common_word`) or a one-word name NER calls an organisation or a medium
    elsewhere in the corpus at least as often ("Enedis"); one NER gave another type keeps
    that type. A name several people of other articles bear, whom the context does not
    settle, names nobody, unless it is the name a famous person is called by alone
    (``text``, the mention as written).
    """
    if any(len(t) < 2 for t in toks) or len(toks) == 1 and _NUMERAL.match(text):
        return None  # "B", "J. K.": initials name nobody, nor "Ier" a regnal number alone
    given = (len(toks) == 1 and names.is_given_name(toks[0])
             # a compound first name in one word ("Marie-Thérèse"), no surname
             or len(toks) >= 2 and " " not in text.strip()
             and all(t in names.first_names for t in toks))
    corpus = not given and toks not in names.places and toks not in names.brands
    common = len(toks) == 1 and toks[0] in names.common_words
    # the article's own people first: the full name it ends, else the one it begins
    # ("Lee" for Lee Jae-yong, "Greta" for Greta Thunberg), and only then other articles'
    root = attach(toks, local, names.clusters, roots, index, False, kind == PERSON)
    if root is None and len(toks) == 1 and len(by_given.get(toks[0], ())) == 1:
        root = next(iter(by_given[toks[0]]))
    if root is None and corpus and not common:
        root = attach(toks, local, names.clusters, roots, index, True, kind == PERSON)
    if len(toks) == 1 and (root is UNSETTLED or root is None and corpus) \
            and is_famous(text):
        # "Hitler" alone, whom no context settles: the one office-holder of the corpus
        # the gazetteer knows by that name, else the famous name stands alone ("Picasso")
        known = _famous_office_holder(toks, text, names, roots)
        root = known if known is not None or root is not UNSETTLED else None
    if root is AMBIGUOUS or root is UNSETTLED:
        return None  # "Obama" in an article about several Obamas: nobody
    if (root is None and corpus and kind == PERSON and not _a_common_word(toks, names)
            and not (len(toks) == 1 and toks[0] in names.org_words)):
        root = toks  # a lone name stands for itself, unless the corpus reads it as a group
    return root


def _famous_office_holder(toks: Key, text: str, names: Names, roots: Roots) -> Key | None:
    """The only gazetteer office-holder of the corpus whose surname is ``toks``, a name
    famous in history ("Hitler": Adolf Hitler, whatever relatives the corpus names), or
    among several the only one whose offices began before 1960, else None. Fame alone
    picks nobody; fame and the gazetteer's knowledge together do (not for a painter:
    "Manet" is not Hun Manet)."""
    if famous_field(text) != "history":
        return None
    cands = roots.with_surname(toks, names.clusters)
    known = [r for r in cands if r in roots.gaz_roots]
    if len(known) > 1:  # "Mussolini": the dictator, not his granddaughter the MEP
        known = [r for r in known if r in roots.historic]
    return known[0] if len(known) == 1 else None


def _a_common_word(toks: Key, names: Names) -> bool:
    """A lone French common noun or infinitive ("Anecdote", "Toucher") that no full name
    of the corpus has as its first name or surname: no one's name."""
    return (len(toks) == 1 and toks[0] in names.common_words
            and toks[0] not in names.surnames and toks[0] not in names.first_names)


# -- pass 5 ---------------------------------------------------------------------------
def gather_people(docs: Sequence[ArticleAnalysis], assign: Sequence[Sequence[Key | None]],
                  names: Names, roots: Roots,
                  office_start: Mapping[str, str] | None = None) -> dict[Key, Person]:
    """Per root: the names it is given and the offices given to it in context.

    A root that is a gazetteer office-holder's is an official whatever the context,
    unless every article naming them predates their first office (``office_start``:
    entry id -> ISO start, "2024" for a spokesperson appointed that year: in 2019
    articles they hold no office); another is one when enough of its mentions come with
    a public office (:func:`is_official`).
    """
    people: dict[Key, Person] = defaultdict(Person)
    for doc, doc_roots in zip(docs, assign, strict=True):
        date = doc.meta.date or ""
        for ci, (c, root) in enumerate(zip(doc.candidates, doc_roots, strict=True)):
            if root is None:
                continue
            p = people[root]
            if date > p.last_date:
                p.last_date = date
            p.names[c.text] += 1
            role = doc.roles.get(ci) if doc.roles else None
            if role and role.official:
                p.roles[role.text] += 1
    gaz_of_root: dict[Key, str] = {}
    for toks, gid in names.key_gaz.items():
        if toks in roots.root_of:
            gaz_of_root.setdefault(roots.root_of[toks], gid)
    for root, p in people.items():
        gid = gaz_of_root.get(root, "")
        if gid:
            p.gaz_id = gid
        p.official = (bool(gid) and not _before_office(p, (office_start or {}).get(gid, ""))
                      or is_official(sum(p.roles.values()), sum(p.names.values()))
                      or any(_sovereign(n, names) for n in p.names))
    return dict(people)


def _before_office(p: Person, start: str) -> bool:
    """Whether every dated article naming ``p`` predates their first office ``start``
    (ISO, a year or a month); undated articles say nothing."""
    return bool(start and p.last_date) and p.last_date[:len(start)] < start


#: A regnal number alone ("Ier", "XIV"): the rest of a sovereign's name NER cut off.
_NUMERAL = re.compile(r"^(?:Ier|Ire|[IVX]+)$")


def _sovereign(name: str, names: Names) -> bool:
    """A name and a regnal number: a monarch or a pope ("Louis XIV", "Childebert IV");
    not a government named for its head, whose name is a surname of the corpus and
    nobody's first name ("le gouvernement Fillon II")."""
    toks = name_tokens(name)
    return (bool(_REGNAL.search(name)) and bool(toks)
            and (toks[0] not in names.surnames or toks[0] in names.first_names))


#: A given name and a regnal number: a monarch or a pope ("Louis XIV", "Napoléon Ier",
#: "Benoît XVI"); a bare "X" is left out ("Malcolm X").
_REGNAL = re.compile(r"^[A-ZÀ-Þ][\w'’-]+ "
                     r"(?:Ier|Ire|I{2,3}|IV|VI{0,3}|IX|X(?:I{1,3}|IV|VI{0,3}|IX|X{1,2}))$")


#: Of a person's mentions, the share that must come with a public office for the corpus
#: to call them an official (one office in 50 mentions: a stray title given by mistake
#: to a much-named person does not make them one).
MIN_OFFICE_SHARE = 0.02


def is_official(offices: int, mentions: int) -> bool:
    """Whether ``offices`` of ``mentions`` given a public office make an official."""
    return offices >= 1 and offices >= MIN_OFFICE_SHARE * mentions
