"""Corpus-level entity resolution: candidate spans -> canonical actors.

Per article (:func:`pipelines.analysis.analyse_article`, a pure function, re-exported
here): typed candidates plus the role each person is given in context. Over the corpus
(:class:`Resolver`): person names are clustered across spellings, surname-only mentions
joined to their full name, offices propagated to every mention of the person, and each
entity given a stable id, a label, a type, and for officials a ``role`` and an
``affiliation``.
"""

from __future__ import annotations

import gc
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from graph.build import ArticleMentions, EntityInfo, Mention

from .analysis import ArticleAnalysis
from .extract import Candidate, _resources
from .gazetteer import Entry, Gazetteer
from .matcher import Match
from .people import NameClusters, name_tokens
from .text import is_acronym, name_key, slug

_PERSON_TYPES = ("person", "official")
_SURNAME_LIKE_TYPES = ("place", "group", "media")  # NER types a surname may be given


@dataclass
class _Person:
    names: Counter[str] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)
    official: bool = False
    gaz_id: str = ""


_AMBIGUOUS: tuple[str, ...] = ("\x00ambiguous",)


def _pick(cands: set[tuple[str, ...]], counts: Counter[tuple[str, ...]],
          known: set[tuple[str, ...]], ratio: int) -> tuple[str, ...] | None:
    """The notable one among ``cands``, else one named ``ratio`` times as often."""
    notable = cands & known
    if len(notable) == 1:
        return next(iter(notable))
    ranked = sorted(cands, key=lambda r: (-counts[r], r))
    if counts[ranked[0]] >= ratio * max(1, counts[ranked[1]]):
        return ranked[0]
    return None


class Resolver:
    """Resolve a corpus of :class:`ArticleAnalysis` into mentions and entities."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        res = _resources()
        self.gaz = gazetteer or res.gaz
        self._surnames = self._gazetteer_surnames()
        self._group_names: dict[str, str] | None = None
        self._group_keys: list[str] = []

    # -- gazetteer officials -------------------------------------------------------
    def _gazetteer_surnames(self) -> dict[str, list[tuple[tuple[str, ...], str]]]:
        out: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        for term in self.gaz.terms:
            entry = self.gaz.entries.get(term.entry_id)
            if entry is None or entry.type != "official":
                continue
            toks = name_tokens(term.text)
            if len(toks) >= 2:
                out[toks[-1]].append((toks, entry.id))
        return out

    # -- corpus pass ----------------------------------------------------------------
    def resolve(
        self, analyses: Iterable[ArticleAnalysis]
    ) -> tuple[list[ArticleMentions], dict[str, EntityInfo]]:
        gc_was_enabled = gc.isenabled()
        gc.disable()  # hundreds of thousands of new mentions, tuples, lists: no cycles
        try:
            return self._resolve(list(analyses))
        finally:
            if gc_was_enabled:
                gc.enable()

    def _resolve(
        self, docs: list[ArticleAnalysis]
    ) -> tuple[list[ArticleMentions], dict[str, EntityInfo]]:
        clusters = NameClusters()
        key_gaz: dict[tuple[str, ...], str] = {}
        # Per candidate, computed once: its name tokens and whether it is a person (1),
        # a surname-like span (2) or neither (0). Both only depend on the candidate.
        tokens_of: dict[str, tuple[str, ...]] = {}
        surname_like: dict[str, bool] = {}  # for NER places, groups and media
        doc_toks: list[list[tuple[str, ...]]] = []
        doc_kinds: list[list[int]] = []
        doc_full: list[list[tuple[str, ...]]] = []  # each article's full person names
        entries = self.gaz.entries
        # 1. full names seen anywhere, and gazetteer officials whose surname occurs
        gaz_key: dict[str, tuple[str, ...]] = {}  # gazetteer id -> its label's tokens
        short_names: set[str] = set()
        first_names: set[str] = set()  # also the given names of the corpus
        surnames: set[str] = set()
        for doc in docs:
            toks_list: list[tuple[str, ...]] = []
            kinds: list[int] = []
            full: list[tuple[str, ...]] = []
            for c in doc.candidates:
                text = c.text
                toks = tokens_of.get(text)
                if toks is None:
                    toks = tokens_of[text] = name_tokens(text)
                toks_list.append(toks)
                ctype = c.type
                if ctype in _PERSON_TYPES:
                    kind = 1
                elif c.kind == "ner" and ctype in _SURNAME_LIKE_TYPES:
                    like = surname_like.get(text)
                    if like is None:
                        like = surname_like[text] = self._surname_like(c)
                    kind = 2 if like else 0
                else:
                    kind = 0
                kinds.append(kind)
                if kind:
                    entry_id = c.entry_id
                    if entry_id:  # a gazetteer office-holder, maybe by acronym ("IBK")
                        entry = entries.get(entry_id)
                        label = name_tokens(entry.label) if entry else ()
                        if len(label) >= 2:
                            clusters.add(label)
                            key_gaz[label] = entry_id
                            gaz_key[entry_id] = label
                    if len(toks) >= 2 and kind == 1:
                        clusters.add(toks)
                        full.append(toks)
                        first_names.add(toks[0])
                        surnames.add(toks[-1])
                        if entry_id:
                            key_gaz[toks] = entry_id
                    elif len(toks) == 1:
                        short_names.add(toks[0])
            doc_toks.append(toks_list)
            doc_kinds.append(kinds)
            doc_full.append(full)
        # A lone word that is somebody's first name here ("Jean") calls up no one.
        for surname in {k[-1] for k in list(clusters.keys())} | (short_names - first_names):
            for toks, gid in self._surnames.get(surname, ()):
                if toks not in key_gaz:
                    key_gaz[toks] = gid
                clusters.add(toks)
        given_names = first_names
        # The clusters are final from here on: each name's root never changes again.
        root_of = {k: clusters.find(k) for k in list(clusters.keys())}
        full_roots = [[(toks[0], root_of[toks]) for toks in full] for full in doc_full]
        all_roots = [root_of[toks] for full in doc_full for toks in full]
        full_count: Counter[tuple[str, ...]] = Counter(all_roots)
        gaz_roots = {root_of[t] for t in key_gaz}
        gaz_root = {gid: root_of[toks] for gid, toks in gaz_key.items()}
        attach_memo: dict[tuple[str, ...], tuple[set[tuple[str, ...]],
                                                 tuple[str, ...] | None]] = {}
        # 2. attach each person mention to a cluster root (per article, per candidate),
        # 3. and gather per-person facts (in article order, then candidate order)
        assign: list[list[tuple[str, ...] | None]] = []
        no_counts: Counter[tuple[str, ...]] = Counter()  # only read
        people: dict[tuple[str, ...], _Person] = defaultdict(_Person)
        for doc, toks_list, kinds, local in zip(docs, doc_toks, doc_kinds, full_roots,
                                               strict=True):
            by_given: dict[str, set[tuple[str, ...]]] = {}
            if local:
                local_counts = Counter([root for _, root in local])
                for given, root in local:
                    by_given.setdefault(given, set()).add(root)
            else:
                local_counts = no_counts
            doc_roles = doc.roles
            roots: list[tuple[str, ...] | None] = [None] * len(toks_list)
            cands = zip(doc.candidates, toks_list, kinds, strict=True)
            for ci, (c, toks, kind) in enumerate(cands):
                if not toks:
                    continue
                entry_id = c.entry_id
                if entry_id and entry_id in gaz_root:
                    root = gaz_root[entry_id]
                elif kind == 1 and len(toks) >= 2:
                    root = root_of[toks]
                elif not kind:
                    continue
                else:
                    root = self._attach(toks, local_counts, clusters, full_count, gaz_roots,
                                        attach_memo)
                    if root is None and len(toks) == 1 and len(by_given.get(toks[0], ())) == 1:
                        root = next(iter(by_given[toks[0]]))  # "Greta" for Greta Thunberg
                    if root is _AMBIGUOUS:
                        continue  # "Obama" in an article about several Obamas: nobody
                    if root is None:
                        if kind != 1:
                            continue
                        if len(toks) == 1 and toks[0] in given_names and toks[0] not in surnames:
                            continue  # a lone first name ("François"): nobody in particular
                        root = toks
                roots[ci] = root
                p = people[root]
                p.names[c.text] += 1
                if doc_roles:
                    role = doc_roles.get(ci)
                    if role and role.official:
                        p.official = True
                        p.roles[role.text] += 1
            assign.append(roots)
        gaz_of_root: dict[tuple[str, ...], str] = {}
        for toks, gid in key_gaz.items():
            if toks in root_of:
                gaz_of_root.setdefault(root_of[toks], gid)
        for root, p in people.items():
            gid = gaz_of_root.get(root, "")
            if gid:
                p.gaz_id = gid
                p.official = True
        # 4. entity table and mentions
        entities: dict[str, EntityInfo] = {}
        person_info: dict[tuple[str, ...], EntityInfo] = {}
        affiliations: dict[str, str] = {}
        for root, p in people.items():
            info = self._person_info(root, p, affiliations)
            person_info[root] = entities.setdefault(info.id, info)
        acronyms: dict[str, str] = {}
        for doc in docs:
            for acro, long in doc.acronyms.items():
                acronyms.setdefault(name_key(long), acro)
        # The entity of a non-person candidate only depends on (entry id, text, type)
        # (and on ``acronyms``, fixed for this pass).
        other_info: dict[tuple[str, str, str], EntityInfo] = {}
        out: list[ArticleMentions] = []
        for doc, roots in zip(docs, assign, strict=True):
            mentions: list[Mention] = []
            add = mentions.append
            article = doc.meta.id
            for c, root in zip(doc.candidates, roots, strict=True):
                if root is not None:
                    info = person_info[root]
                else:
                    ctype = c.type
                    if ctype in _PERSON_TYPES:
                        continue
                    okey = (c.entry_id, c.text, ctype)
                    known = other_info.get(okey)
                    if known is None:
                        found = self._other_info(c, acronyms)
                        known = other_info[okey] = entities.setdefault(found.id, found)
                    info = known
                add(Mention(article, info.id, info.label, info.type, c.text, c.start, c.end,
                            c.sentence))
            out.append(ArticleMentions(doc.meta, doc.sentences, mentions))
        return out, entities

    @staticmethod
    def _surname_like(c: Candidate) -> bool:
        """A one- or two-word capitalised span NER did not call a person (``Macron``)."""
        return (c.kind == "ner" and c.type in _SURNAME_LIKE_TYPES
                and 1 <= len(c.text.split()) <= 2 and not is_acronym(c.text))

    @staticmethod
    def _attach(toks: tuple[str, ...], local: Counter[tuple[str, ...]],
                clusters: NameClusters, counts: Counter[tuple[str, ...]],
                known: set[tuple[str, ...]],
                memo: dict[tuple[str, ...], tuple[set[tuple[str, ...]],
                                                  tuple[str, ...] | None]] | None = None,
                ) -> tuple[str, ...] | None:
        """The full-name cluster a surname-only mention belongs to.

        Full names in the same article decide: the only one that fits, else the only
        notable office-holder among them, else one named at least twice as often as the
        others; if still undecided the mention is :data:`_AMBIGUOUS`. With no full name
        in the article: the only person in the corpus with that surname, else the only
        notable office-holder among them, else one named at least three times as often
        as any other. None when nothing fits.

        ``memo`` (for one corpus pass, once ``clusters``, ``counts`` and ``known`` are
        final) keeps, per ``toks``, the candidate roots and the corpus-level choice.
        """
        if len(toks) >= 3:
            return None
        cached = memo.get(toks) if memo is not None else None
        if cached is None:
            cands = clusters.with_surname(toks)
            if not cands:
                corpus_choice = None
            elif len(cands) == 1:
                corpus_choice = next(iter(cands))
            else:
                corpus_choice = _pick(cands, counts, known, 3)
            if memo is not None:
                memo[toks] = (cands, corpus_choice)
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
                return _pick(here, local, known, 2) or _AMBIGUOUS
        return corpus_choice

    def _person_info(self, root: tuple[str, ...], p: _Person,
                     affiliations: dict[str, str] | None = None) -> EntityInfo:
        """The entity of one person; ``affiliations`` memoizes :meth:`_affiliation`."""
        gaz_entry = self.gaz.entries.get(p.gaz_id) if p.gaz_id else None
        if gaz_entry is not None:
            label, pid = gaz_entry.label, gaz_entry.id
        else:
            full = [n for n in p.names if len(n.split()) >= 2] or list(p.names)
            label = max(full, key=lambda n: (p.names[n], len(n)))
            pid = "person:" + slug(label)
        role, affiliation = "", ""
        if p.roles:
            role = max(p.roles, key=lambda r: (p.roles[r], len(r)))
            roles = " ".join(p.roles)
            if affiliations is None:
                affiliation = self._affiliation(roles)
            elif roles in affiliations:
                affiliation = affiliations[roles]
            else:
                affiliation = affiliations[roles] = self._affiliation(roles)
        if gaz_entry is not None and gaz_entry.roles:
            g_role = gaz_entry.roles[-1]
            role = role or g_role.role
            affiliation = affiliation or self._label(g_role.affiliation)
        etype = "official" if p.official else "person"
        aliases = [n for n, _ in p.names.most_common()]
        wikidata = gaz_entry.wikidata if gaz_entry is not None else ""
        return EntityInfo(pid, label, etype, role, affiliation, wikidata, aliases)

    def _fuzzy_group(self, key: str) -> Entry | None:
        """A known organisation whose long name is spelled a little differently."""
        if len(key.split()) < 3:
            return None
        if self._group_names is None:
            names: dict[str, str] = {}
            for term in self.gaz.terms:
                entry = self.gaz.entries.get(term.entry_id)
                if entry is not None and entry.type == "group" and term.kind != "acronym":
                    k = name_key(term.text)
                    if len(k.split()) >= 3:
                        names[k] = entry.id
            self._group_names = names
            self._group_keys = list(names)  # built once: this runs for every unknown group
        hit = process.extractOne(key, self._group_keys, scorer=fuzz.ratio, score_cutoff=86)
        return self.gaz.entries[self._group_names[hit[0]]] if hit else None

    def _label(self, entry_id: str) -> str:
        entry = self.gaz.entries.get(entry_id)
        return entry.label if entry else ""

    def _affiliation(self, role_text: str) -> str:
        """The state named in a role ("ministre malien des …" -> Mali), else a group."""
        res = _resources()
        found: list[Match] = res.matcher.find(role_text)
        for kind in ("state", "group"):
            for m in found:
                entry = self.gaz.entries.get(m.entry_id)
                if entry is not None and entry.type == kind:
                    return entry.label
        return ""

    def _other_info(self, c: Candidate, acronyms: dict[str, str]) -> EntityInfo:
        if c.entry_id:
            entry = self.gaz.entries[c.entry_id]
            return EntityInfo(entry.id, entry.label, entry.type, wikidata=entry.wikidata)
        if c.type == "group":
            key = name_key(c.text)
            known = self._fuzzy_group(key)
            if known is not None:
                return EntityInfo(known.id, known.label, known.type, wikidata=known.wikidata)
            acro = acronyms.get(key)
            label = acro or c.text
            return EntityInfo("group:" + slug(label), label, "group")
        prefix = c.type if c.type in ("place", "media") else "other"
        return EntityInfo(f"{prefix}:{slug(c.text)}", c.text, c.type)


