"""One node per person across spellings.

Names are compared on folded keys: ASCII, lower case, and a few transliteration
variants made equal (Sergueï/Serguei/Sergey/Sergei; Goïta/Goita; Choguel/Chogel).
Two full names are the same person when their surnames agree and their first names
are one edit apart (a typo: Gérard/Gérald; never a masculine and its feminine,
Michel/Michèle; Marion and Marine are two edits apart), or when one is the other with a
middle name left out. Across the corpus, a spelling one edit off (first name or surname)
joins only a name the same article gives, or a much more common one
(:meth:`NameClusters.settle_fuzzy`); an initial ("J. Dupont") joins the only full name it fits but
never bridges two. Where a surname-only mention goes is decided by
:mod:`pipelines.resolution.attach`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from pipelines.text import word_key, word_texts

_PARTICLES = frozenset({"le", "la", "de", "du", "des", "di", "da", "van", "von", "ben", "ould",
                        "ag", "al", "el", "ibn", "bin", "abu", "abou", "d", "l"})
# (pattern, replacement, a substring every match contains: no need to search without it)
_TRANSLIT = [
    (re.compile(r"gu(?=[eiy])"), "g", "gu"),
    (re.compile(r"(?<=[aeiou])y(?=[aeiou]|$)"), "i", "y"),
    (re.compile(r"y$"), "i", "y"),
    (re.compile(r"ou"), "u", "ou"),
    (re.compile(r"ph"), "f", "ph"),
    (re.compile(r"kh"), "h", "kh"),
    (re.compile(r"(?<=[a-z])h(?=[^aeiou]|$)"), "", "h"),
    (re.compile(r"([a-z])\1"), r"\1", ""),
]


@lru_cache(maxsize=200_000)
def fold_token(token: str) -> str:
    """Phonetic-ish key of one name token (``Sergueï`` and ``Sergey`` -> ``sergei``)."""
    key = word_key(token)
    for pattern, repl, needed in _TRANSLIT:
        if needed in key:
            key = pattern.sub(repl, key)
    return key


@lru_cache(maxsize=200_000)
def name_tokens(name: str) -> tuple[str, ...]:
    """Folded tokens of a name: ``Jean-Yves Le Drian`` -> (jean, yves, le, drian)."""
    return tuple(map(fold_token, word_texts(name)))


def surname_key(tokens: Sequence[str]) -> str:
    """The block key: the last token (particles such as ``Le`` kept with it)."""
    return tokens[-1] if tokens else ""


def _given(tokens: Sequence[str]) -> tuple[str, ...]:
    toks = list(tokens[:-1])
    while toks and toks[-1] in _PARTICLES:
        toks.pop()
    return tuple(toks)


#: Endings that make a feminine first name of a masculine one (Michel -> Michèle,
#: Jean -> Jeanne, Gabriel -> Gabrielle, Antoine -> Antoinette, Henri -> Henriette).
_FEMININE_ENDINGS = ("e", "ne", "le", "tte", "ette")


def _gendered_pair(a: str, b: str) -> bool:
    """Whether two folded first names are the masculine and feminine of one name."""
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and long[len(short):] in _FEMININE_ENDINGS


def same_person(a: Sequence[str], b: Sequence[str], threshold: float = 80.0) -> bool:
    """Whether two full names (folded tokens, 2+ each) denote the same person."""
    if tuple(a) == tuple(b):
        return True
    if len(a) < 2 or len(b) < 2 or a[-1] != b[-1]:
        return False
    ga, gb = _given(a), _given(b)
    if not ga or not gb:
        return False
    if ga[0] != gb[0] and _gendered_pair(ga[0], gb[0]):
        return False  # Michel / Michèle, Jean / Jeanne: two people
    if ga[0] != gb[0] and Levenshtein.distance(ga[0], gb[0], score_cutoff=2) > 1:
        # initials: "J. Dupont" ~ "Jean Dupont"
        if not ((len(ga[0]) == 1 and gb[0].startswith(ga[0]))
                or (len(gb[0]) == 1 and ga[0].startswith(gb[0]))):
            return False
    # Middle names may be left out, but may not contradict.
    rest_a, rest_b = set(ga[1:]), set(gb[1:])
    if rest_a and rest_b and not (rest_a <= rest_b or rest_b <= rest_a):
        return fuzz.ratio(" ".join(ga), " ".join(gb)) >= threshold
    return True


def close_spelling(a: Sequence[str], b: Sequence[str]) -> bool:
    """Same given names, surnames one edit apart (``Droukdal`` / ``Droukdel``).

    One edit only: ``Martin`` and ``Martinez``, or ``Réault`` and ``Raoult``, are
    different families.
    """
    return (
        len(a) >= 2 and len(b) >= 2 and tuple(a[:-1]) == tuple(b[:-1])
        and len(a[0]) >= 3 and min(len(a[-1]), len(b[-1])) >= 5
        and Levenshtein.distance(a[-1], b[-1], score_cutoff=1) <= 1
    )


# rapidfuzz's ratio of two 5-letter words one substitution apart: the prefilter misses none
_CLOSE_PREFILTER = 80.0


def _initial(key: Sequence[str]) -> bool:
    """Whether a full name's first given name is a lone initial ("J. Dupont")."""
    given = _given(key)
    return bool(given) and len(given[0]) == 1


def ends_with(full: Sequence[str], part: Sequence[str]) -> bool:
    """Whether ``part`` (a surname-only mention) ends the full name ``full``."""
    return 0 < len(part) < len(full) and tuple(full[-len(part):]) == tuple(part)


def _typo_apart(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two names :func:`same_person` matches differ by a typo in the first given
    name (Marc/Mary) rather than by a transliteration, an initial or a middle name."""
    ga, gb = _given(a), _given(b)
    return bool(ga and gb) and ga[0] != gb[0] and len(ga[0]) > 1 and len(gb[0]) > 1


#: A one-edit spelling joins a name named in other articles only when that name is this
#: common, and this many times more common than the spelling (a variant of a well-known
#: name: "Droukdel" for "Droukdal"); two rare spellings are two people (Stevens, Stephens).
#: Counts are of articles: a name repeated through one long story is not common.
VARIANT_MIN_COUNT = 4
VARIANT_RATIO = 3


def _matches(key: tuple[str, ...], block: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The names of ``block`` that :func:`same_person` matches with ``key``.

    An initial ("M. Le Pen") may join a full name, but never bridges two full names
    (Marion Maréchal-Le Pen and Marine Le Pen through it): a spelled-out name ignores the
    initials.
    """
    spelled = not _initial(key)
    return [other for other in block
            if not (spelled and _initial(other)) and same_person(key, other)]


class NameClusters:
    """Union-find over full names, blocked by surname.

    With ``defer_fuzzy``, names one edit apart (:func:`close_spelling`, or a first name one
    edit off) are only noted by :meth:`add`; :meth:`settle_fuzzy` joins them once the
    corpus is read: when one article names both, or one is a rare variant of a common name.
    """

    def __init__(self, defer_fuzzy: bool = False,
                 gaz_of: Mapping[tuple[str, ...], str] | None = None) -> None:
        self._defer = defer_fuzzy
        #: full name -> its gazetteer entry: two entries' names never share a cluster
        #: ("George H. W. Bush" is not "George W. Bush", "François Ier" not
        #: "François-Joseph Ier")
        self._gaz_of: Mapping[tuple[str, ...], str] = gaz_of if gaz_of is not None else {}
        self._root_gaz: dict[tuple[str, ...], str] = {}
        self.fuzzy: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
        self._parent: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._blocks: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        # full names by their given names (all but the surname): the only names
        # :func:`close_spelling` can match
        self._given: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
        self._given_last: dict[tuple[str, ...], list[str]] = defaultdict(list)  # surnames

    def __contains__(self, key: object) -> bool:
        return key in self._parent

    def find(self, key: tuple[str, ...]) -> tuple[str, ...]:
        parent = self._parent
        root = key
        while parent[root] != root:
            root = parent[root]
        while parent[key] != root:
            parent[key], key = root, parent[key]
        return root

    def add(self, key: tuple[str, ...]) -> None:
        if key in self._parent:
            return
        self._parent[key] = key
        block = self._blocks[surname_key(key)]
        roots = (self._strict_roots(key, block) if self._defer
                 else self._same_person_roots(key, block))
        given = self._given[key[:-1]] if len(key) >= 2 else []
        if not roots and given and len(key[0]) >= 3 and len(key[-1]) >= 5:
            # Only names whose surname is about as close qualify: rapidfuzz finds them
            # (with a looser cutoff), close_spelling() decides.
            near = process.extract(key[-1], self._given_last[key[:-1]], scorer=fuzz.ratio,
                                   score_cutoff=_CLOSE_PREFILTER, limit=None)
            close = [given[i] for _, _, i in near if close_spelling(key, given[i])]
            if self._defer:
                self.fuzzy.extend((key, other) for other in close)
            else:
                roots = {self.find(other) for other in close}
        gid = self._gaz_of.get(key, "")
        if gid:
            self._root_gaz[key] = gid
        if len(roots) == 1:  # an ambiguous name ("J. Dupont") bridges nobody
            root = roots.pop()
            if self._may_join(key, root):
                self._parent[key] = root
                if gid:
                    self._root_gaz.setdefault(root, gid)
        self._absorb_initials(key, block)
        block.append(key)
        if len(key) >= 2:
            given.append(key)
            self._given_last[key[:-1]].append(key[-1])

    def _same_person_roots(self, key: tuple[str, ...],
                           block: list[tuple[str, ...]]) -> set[tuple[str, ...]]:
        """Roots of the names of ``block`` that :func:`same_person` matches with ``key``."""
        return {self.find(other) for other in _matches(key, block)}

    def _strict_roots(self, key: tuple[str, ...],
                      block: list[tuple[str, ...]]) -> set[tuple[str, ...]]:
        """:meth:`_same_person_roots` without first names one edit apart, which are noted
        in :attr:`fuzzy` when nothing else matches."""
        matches = _matches(key, block)
        strict = {self.find(other) for other in matches if not _typo_apart(key, other)}
        if not strict:
            self.fuzzy.extend((key, other) for other in matches)
        return strict

    def settle_fuzzy(self, counts: Counter[tuple[str, ...]],
                     together: Callable[[tuple[str, ...], tuple[str, ...]], bool]) -> None:
        """Join the names :meth:`add` noted as one edit apart when ``together`` (one article
        names both) or one is a rare variant of a common name (:data:`VARIANT_RATIO`); a
        name that would so join two different people joins neither."""
        joins: dict[tuple[str, ...], set[tuple[str, ...]]] = defaultdict(set)
        for a, b in self.fuzzy:
            rare, common = sorted((a, b), key=lambda k: counts[k])
            if together(a, b) or (counts[common] >= VARIANT_MIN_COUNT
                                  and counts[common] >= VARIANT_RATIO * counts[rare]):
                joins[rare].add(common)
        for rare, commons in joins.items():
            roots = {self.find(c) for c in commons}
            if len(roots) == 1:
                self.union(rare, commons.pop())
        self.fuzzy = []

    def _absorb_initials(self, key: tuple[str, ...], block: list[tuple[str, ...]]) -> None:
        """Initials seen before any full name they fit ("J. Dupont", then "Jean Dupont")
        join ``key`` now, if they fit no other full name."""
        if _initial(key):
            return
        root = self.find(key)
        for other in block:
            if _initial(other) and _initial(self.find(other)) and same_person(key, other):
                fits = [o for o in block if o != key and not _initial(o)
                        and same_person(o, other) and self.find(o) != root]
                if not fits and self._may_join(self.find(other), root):
                    self._parent[self.find(other)] = root

    def _may_join(self, a: tuple[str, ...], b: tuple[str, ...]) -> bool:
        """Whether the clusters of roots ``a`` and ``b`` are not two gazetteer entries."""
        ga, gb = self._root_gaz.get(a, ""), self._root_gaz.get(b, "")
        return not (ga and gb and ga != gb)

    def union(self, a: tuple[str, ...], b: tuple[str, ...]) -> None:
        self.add(a)
        self.add(b)
        ra, rb = self.find(a), self.find(b)
        if ra != rb and self._may_join(ra, rb):
            self._parent[ra] = rb
            if ra in self._root_gaz:
                self._root_gaz.setdefault(rb, self._root_gaz[ra])

    def keys(self) -> Iterable[tuple[str, ...]]:
        return self._parent.keys()

    def with_surname(self, part: Sequence[str]) -> set[tuple[str, ...]]:
        """Roots of clusters holding a full name that ends with ``part``."""
        if not part:
            return set()
        return {self.find(k) for k in self._blocks.get(part[-1], ()) if ends_with(k, part)}
