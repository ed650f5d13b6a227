"""Corpus-level entity resolution: candidate spans -> canonical actors.

Per article (:func:`pipelines.nlp.analysis.analyse_article`, a pure function, re-exported
here): typed candidates plus the role each person is given in context. Over the corpus
(:class:`Resolver`): person names are clustered across spellings, surname-only mentions
joined to their full name, offices propagated to every mention of the person, and each
entity given a stable id, a label, a type, and for officials a ``role`` and an
``affiliation``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from rapidfuzz import fuzz, process

from graph.columns import MentionTable
from graph.gc_pause import gc_paused
from graph.records import ArticleMentions, EntityInfo
from pipelines.nlp.analysis import ArticleAnalysis
from pipelines.nlp.extract import Candidate, _resources
from pipelines.nlp.gazetteer import Entry, Gazetteer
from pipelines.nlp.matcher import Match
from pipelines.nlp.noise import common_nouns, load_noise
from pipelines.resolution import attach, lone_names, qualify
from pipelines.resolution.acronyms import UNSETTLED, AcronymMeanings
from pipelines.resolution.attach import Key, Person
from pipelines.resolution.people import fold_token, name_tokens
from pipelines.text import is_acronym, name_key, slug


def _common_words() -> frozenset[str]:
    """Folded French common nouns and infinitives (``data/nouns_fr.csv``)."""
    return frozenset(fold_token(w) for w in common_nouns())


#: What a resolver derives from a gazetteer (surnames, places, brands, office contexts),
#: computed once per gazetteer object: resolvers are cheap to make.
_DERIVED: dict[int, tuple[Gazetteer, tuple[Any, ...]]] = {}


class Resolver:
    """Resolve a corpus of :class:`ArticleAnalysis` into mentions and entities."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        res = _resources()
        self.gaz = gazetteer or res.gaz
        known = _DERIVED.get(id(self.gaz))
        if known is None or known[0] is not self.gaz:
            derived = (self._gazetteer_surnames(), self._place_names(), self._brand_names(),
                       self._office_context(), _common_words())
            known = _DERIVED[id(self.gaz)] = (self.gaz, derived)
        (self._surnames, self._places, self._brands, self._gaz_context,
         self._common) = known[1]
        self._group_names: dict[str, str] | None = None
        self._starts: dict[str, str] | None = None  # gazetteer official -> first office
        self._acro_long: dict[str, str] = {}  # per pass: acronym -> its long form's key
        self._state_ids = frozenset(e.id for e in self.gaz.entries.values() if e.type == "state")
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

    def _place_names(self) -> frozenset[tuple[str, ...]]:
        """Name tokens of every place, state and capital: never a person's lone name."""
        out: set[tuple[str, ...]] = set()
        for term in self.gaz.terms:
            entry = self.gaz.entries.get(term.entry_id)
            if entry is None or entry.type not in ("place", "state"):
                continue
            if term.kind in ("name", "capital", "") and term.text not in entry.risky_names:
                out.add(name_tokens(term.text))
        return frozenset(out)

    def _brand_names(self) -> frozenset[tuple[str, ...]]:
        """Name tokens of car makers and of the gazetteer's organisations and media: a lone
        "Porsche" or "Renault" joins a person of its own article only."""
        out = {name_tokens(k) for k in load_noise().car_brands}
        for term in self.gaz.terms:
            entry = self.gaz.entries.get(term.entry_id)
            if entry is not None and entry.type in ("group", "media") and term.kind != "acronym":
                out.add(name_tokens(term.text))
        return frozenset(out)

    def _office_context(self) -> dict[str, set[str]]:
        """Per gazetteer office-holder, the states and bodies of their offices: their
        affiliations and those their role texts name ("armée nationale libyenne")."""
        matcher = _resources().matcher
        out: dict[str, set[str]] = {}
        for entry in self.gaz.entries.values():
            if entry.type != "official" or not entry.roles:
                continue
            keys = {r.affiliation for r in entry.roles if r.affiliation}
            texts = [r.role for r in entry.roles]
            texts += [self._label(k) for k in list(keys)]
            for text in texts:  # lower-cased too: "Armée nationale libyenne" is Libyan
                for m in (*matcher.find(text), *matcher.find(text.lower())):
                    found = self.gaz.entries.get(m.entry_id)
                    if found is not None and found.type in ("state", "group"):
                        keys.add(found.id)
            out[entry.id] = keys
        return out

    # -- corpus pass ----------------------------------------------------------------
    def resolve(
        self, analyses: Iterable[ArticleAnalysis]
    ) -> tuple[list[ArticleMentions], dict[str, EntityInfo]]:
        with gc_paused():  # hundreds of thousands of new mentions, tuples, lists: no cycles
            return self._resolve(list(analyses))

    def _resolve(
        self, docs: list[ArticleAnalysis]
    ) -> tuple[list[ArticleMentions], dict[str, EntityInfo]]:
        """The passes of :mod:`pipelines.resolution.attach`, then the entity table and mentions."""
        names = attach.collect_names(docs, self.gaz, self._surname_like)
        names.places = self._places
        names.brands = self._brands
        names.common_words = self._common
        attach.add_gazetteer_namesakes(names, self._surnames)
        roots = attach.freeze(names)
        starts = self._office_starts()
        roots.historic = {roots.root_of[toks] for toks, gid in names.key_gaz.items()
                          if starts.get(gid, "9") < "1960"}
        roots.context = attach.build_context(docs, names, roots, self._gaz_context)
        assign = [attach.attach_article(doc, i, names, roots) for i, doc in enumerate(docs)]
        roots.context = None  # it only decides the attachments: its memory goes now
        people = attach.gather_people(docs, assign, names, roots, self._office_starts())
        lone_names.drop_roots(assign, people, lone_names.unbacked_roots(docs, assign, people))
        # the passes' per-candidate lists go before the mentions take their place
        del names, roots
        entities: dict[str, EntityInfo] = {}
        person_info = self._people_entities(people, entities)
        del people
        return self._mentions(docs, assign, person_info, entities), entities

    def _people_entities(self, people: dict[Key, Person],
                         entities: dict[str, EntityInfo]) -> dict[Key, EntityInfo]:
        """One entity per person root, added to ``entities``."""
        person_info: dict[Key, EntityInfo] = {}
        affiliations: dict[str, str] = {}
        for root, p in people.items():
            info = self._person_info(root, p, affiliations)
            person_info[root] = entities.setdefault(info.id, info)
        return person_info

    def _mentions(self, docs: list[ArticleAnalysis], assign: list[list[Key | None]],
                  person_info: dict[Key, EntityInfo],
                  entities: dict[str, EntityInfo]) -> list[ArticleMentions]:
        """Every article's mentions; entities of non-person candidates added on the way."""
        acronyms, things = self._acronym_forms(docs)
        meanings = AcronymMeanings.from_definitions(doc.acronyms for doc in docs)
        # The entity of a non-person candidate only depends on (entry id, text, type)
        # (and on ``acronyms``, fixed for this pass), and for an institution on its state.
        keys = qualify.NameKeys()  # name_key once per distinct text
        states = qualify.sentence_states(docs, self._state_ids)
        counts = qualify.state_counts(docs, states, keys)
        usual = qualify.usual_states(counts)
        unsettled = qualify.unsettled_keys(counts, usual)
        regions = qualify.body_regions(docs, keys)
        out: list[ArticleMentions] = []
        table = MentionTable()  # every mention, column by column
        ref_of: dict[int, int] = {}  # id() of an entity's info -> its number in the table

        def ref(info: EntityInfo) -> int:
            """The table's number of an entity (the infos live in ``entities``: their ids
            stay theirs)."""
            number = ref_of.get(id(info))
            if number is None:
                number = ref_of[id(info)] = table.refs[info.id, info.label, info.type]
            return number

        person_ref: dict[Key, int] = {}  # per person root, per other key: the number
        other_ref: dict[tuple[str, str, str, str], int] = {}
        text_of = table.texts
        person_types, institution = attach.PERSON_TYPES, qualify.INSTITUTION
        no_region = ("", "")
        for doc, roots, doc_states, doc_regions in zip(docs, assign, states, regions,
                                                       strict=True):
            refs: list[int] = []
            kept: list[Candidate] = []  # the candidates that are mentions
            for ci, (c, root) in enumerate(zip(doc.candidates, roots, strict=True)):
                if root is not None:
                    number = person_ref.get(root)
                    if number is None:
                        number = person_ref[root] = ref(person_info[root])
                else:
                    ctype = c.type
                    if ctype in person_types or (c.text in things and not c.entry_id):
                        continue
                    state = ""
                    if c.kind == institution:
                        state = doc_states.get(ci, "")
                        if not state and keys[c.text] in unsettled:
                            continue  # a body of several states, whose state nothing gives
                        if state == usual.get(keys[c.text], ""):
                            state = ""  # the usual state keeps the bare name
                    body, region = doc_regions.get(ci, no_region) if doc_regions else no_region
                    if body and not region:
                        continue  # a local body whose place nothing names: no node
                    meaning = (meanings.meaning(c.text, keys[c.text], doc.acronyms)
                               if meanings and ctype == "group" and not c.entry_id else "")
                    if meaning == UNSETTLED:
                        continue  # an acronym of several meanings nothing here settles
                    okey = (c.entry_id, c.text, ctype, state or region or meaning)
                    number = other_ref.get(okey)
                    if number is None:
                        found = (self._of_region(body, region) if region
                                 else self._of_meaning(meaning) if meaning
                                 else self._other_info(c, acronyms))
                        if state:
                            found = self._of_state(found, state)
                        number = other_ref[okey] = ref(entities.setdefault(found.id, found))
                refs.append(number)
                kept.append(c)
            out.append(ArticleMentions(doc.meta, doc.sentences, table.add_columns(
                doc.meta.id, refs, [text_of[c.text] for c in kept], [c.start for c in kept],
                [c.end for c in kept], [c.sentence for c in kept])))
        return out

    def _acronym_forms(self, docs: list[ArticleAnalysis]) -> tuple[dict[str, str], set[str]]:
        """The corpus's acronyms by their long form's key, and the acronyms only ever
        spelled out as common-noun phrases (long form ""); sets ``_acro_long``, each
        acronym's long form's key, for this pass."""
        acronyms: dict[str, str] = {}
        self._acro_long = {}
        things: set[str] = set()
        for doc in docs:
            for acro, long in doc.acronyms.items():
                if not long:
                    things.add(acro)
                    continue
                acronyms.setdefault(name_key(long), acro)
                self._acro_long.setdefault(acro, name_key(long))
        things.difference_update(self._acro_long)
        return acronyms, things

    def _of_meaning(self, meaning: str) -> EntityInfo:
        """The entity of one meaning of an ambiguous acronym (:mod:`.acronyms`): its long
        form, or the known organisation that long form spells."""
        known = self._fuzzy_group(name_key(meaning))
        if known is not None:
            return EntityInfo(known.id, known.label, known.type, wikidata=known.wikidata)
        return EntityInfo("group:" + slug(meaning), meaning, "group")

    def _of_region(self, body: str, region: str) -> EntityInfo:
        """A regional body's entity in one French region (:func:`qualify.body_regions`)."""
        entry = self.gaz.entries.get(body)
        label = (entry.label if entry
                 else qualify.load_regions().labels.get(body) or body.split(":", 1)[-1].upper())
        return EntityInfo(f"{body}-{slug(region)}", f"{label} ({region})", "group")

    def _of_state(self, info: EntityInfo, state: str) -> EntityInfo:
        """An institution's entity for a state other than its usual one."""
        code = state.split(":", 1)[-1].lower()
        label = f"{info.label} ({self._label(state)})"
        return EntityInfo(f"{info.id}-{code}", label, info.type)

    def _office_starts(self) -> dict[str, str]:
        """Per gazetteer office-holder, the start of their first office (ISO)."""
        if self._starts is None:
            self._starts = {e.id: min(r.start for r in e.roles if r.start)
                            for e in self.gaz.by_type("official")
                            if any(r.start for r in e.roles)}
        return self._starts

    def _surname_like(self, c: Candidate) -> bool:
        """A one- or two-word capitalised span NER did not call a person (``Macron``), and
        not the name of a car maker, a known organisation or a medium ("Porsche" beside
        "Ferry Porsche" is the car maker)."""
        return (c.kind == "ner" and c.type in attach.SURNAME_LIKE_TYPES
                and 1 <= len(c.text.split()) <= 2 and not is_acronym(c.text)
                and name_tokens(c.text) not in self._brands)

    def _person_info(self, root: tuple[str, ...], p: Person,
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
            # the state of that one office, never one named in another role string
            if affiliations is None:
                affiliation = self._affiliation(role)
            elif role in affiliations:
                affiliation = affiliations[role]
            else:
                affiliation = affiliations[role] = self._affiliation(role)
        if gaz_entry is not None and gaz_entry.roles and p.official:
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
        entry = self.gaz.entries[c.entry_id] if c.entry_id else None
        # a capital that names only its city keeps its state's id (which state a "parquet
        # de Paris" is) but is a place, not a mention of the state
        if entry is not None and not (c.type == "place" and entry.type == "state"):
            return EntityInfo(entry.id, entry.label, entry.type, wikidata=entry.wikidata)
        if c.type == "group":
            key = name_key(c.text)
            known = self._fuzzy_group(key)
            if known is None and c.text in self._acro_long:
                # an acronym whose long form is a known organisation spelled a little
                # differently goes where that long form goes
                known = self._fuzzy_group(self._acro_long[c.text])
            if known is not None:
                return EntityInfo(known.id, known.label, known.type, wikidata=known.wikidata)
            acro = acronyms.get(key)
            label = acro or c.text
            return EntityInfo("group:" + slug(label), label, "group")
        prefix = c.type if c.type in ("place", "media") else "other"
        return EntityInfo(f"{prefix}:{slug(c.text)}", c.text, c.type)


