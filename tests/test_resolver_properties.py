"""Property-based tests: any text with any NER spans gives valid mentions and a valid graph.

spaCy is not needed: the :class:`NlpResult` of each article is made up by hypothesis
(sentence cuts and entity spans at random places, any label).
"""

from __future__ import annotations

import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.build import ArticleMentions, ArticleMeta, EntityInfo, Mention, build_graph
from graph.readwrite import read, write
from pipelines.analysis import ArticleAnalysis, analyse_article
from pipelines.attach import AMBIGUOUS as _AMBIGUOUS
from pipelines.attach import Person as _Person
from pipelines.attach import pick as _pick
from pipelines.build import keep_evidence_sentences
from pipelines.cache import analysis_from_json, analysis_to_json
from pipelines.extract import Candidate
from pipelines.nlp import NlpResult
from pipelines.people import NameClusters, name_tokens
from pipelines.resolve import Resolver
from pipelines.roles import Role
from pipelines.text import name_key, slug

# Words that exercise the gazetteer, titles, names and acronyms, mixed with noise.
WORDS = [
    "le", "la", "de", "du", "des", "et", "a", "dit", "Mali", "Russie", "France", "Moscou",
    "Bamako", "Paris", "malien", "russe", "ministre", "président", "colonel", "général",
    "porte-parole", "affaires", "étrangères", "M.", "Mme", "Jean", "Claire", "Dupont",
    "Martin", "Koné", "Traoré", "Union", "africaine", "ONU", "CEDEAO", "Wagner", "groupe",
    "Front", "national", "(", ")", ",", ".", "«", "»", "\n", "\n\n", "l'", "d'", "Nations",
    "unies", "www.exemple.fr", "Lire", "aussi", "AFP", "Etat", "islamique", "É", "ŒUVRE",
    "x" * 30, "🙂", "\t", "-", "—",
]
LABELS = ["PER", "LOC", "ORG", "MISC"]

texts = st.one_of(
    st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join),
    st.text(max_size=200),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), max_size=40).map(" ".join),
)


@st.composite
def article(draw: st.DrawFn) -> tuple[str, NlpResult]:
    text = draw(texts)
    n = len(text)
    cuts = sorted(set(draw(st.lists(st.integers(0, n), max_size=6))) - {0, n})
    bounds = [0, *cuts, n]
    sentences = tuple((a, b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a)
    ents = []
    if n:
        for _ in range(draw(st.integers(0, 8))):
            a = draw(st.integers(0, n - 1))
            b = draw(st.integers(a + 1, min(n, a + 40)))
            ents.append((a, b, draw(st.sampled_from(LABELS))))
    ents.sort()
    return text, NlpResult(sentences, tuple(ents))


def _graph_sig(g: nx.Graph) -> tuple[object, object]:
    nodes = sorted((n, sorted((k, repr(v)) for k, v in d.items())) for n, d in g.nodes(data=True))
    edges = sorted((tuple(sorted((u, v))), sorted((k, repr(x)) for k, x in d.items()))
                   for u, v, d in g.edges(data=True))
    return nodes, edges


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(article(), min_size=1, max_size=3),
       st.sampled_from(["article", "sentence"]))
def test_any_text_gives_valid_mentions_and_an_exportable_graph(arts, window):
    analyses = []
    texts_by_id = {}
    for i, (text, nlp) in enumerate(arts):
        meta = ArticleMeta(f"a{i}", title=f"t{i}", date="2020-01-0" + str(i + 1))
        texts_by_id[meta.id] = (text, nlp)
        a = analyse_article(meta, text, nlp)
        # what the cache stores and gives back is the same analysis
        assert analysis_from_json(meta, analysis_to_json(a)) == a
        analyses.append(a)

    docs, entities = Resolver().resolve(analyses)
    for doc in docs:
        text, nlp = texts_by_id[doc.meta.id]
        for m in doc.mentions:
            assert 0 <= m.start < m.end <= len(text)
            assert text[m.start:m.end] == m.text
            assert m.text.strip() == m.text and m.text
            assert m.entity in entities
            assert m.type == entities[m.entity].type
            # the index of a sentence of the article (spaCy's, split again at line
            # breaks): the evidence the graph quotes
            assert 0 <= m.sentence < len(doc.sentences)

    g = build_graph(docs, entities, window=window)
    with tempfile.TemporaryDirectory() as tmp:
        path = write(g, Path(tmp) / "graph.graphml")
        back = read(path)
        assert set(back.nodes) == {str(n) for n in g.nodes}
        assert back.number_of_edges() == g.number_of_edges()


@settings(max_examples=40, deadline=None)
@given(st.lists(article(), min_size=1, max_size=3))
def test_keeping_only_evidence_sentences_does_not_change_the_graph(arts):
    full, pruned = [], []
    for i, (text, nlp) in enumerate(arts):
        meta = ArticleMeta(f"a{i}")
        full.append(analyse_article(meta, text, nlp))
        pruned.append(keep_evidence_sentences(analyse_article(meta, text, nlp)))
    for window in ("article", "sentence"):
        g1 = build_graph(*Resolver().resolve(full), window=window)
        g2 = build_graph(*Resolver().resolve(pruned), window=window)
        assert _graph_sig(g1) == _graph_sig(g2)


# -- the corpus pass against a plain reference implementation ---------------------------
# ``Resolver.resolve`` memoizes per pass (tokens, surname attachment, entity of each
# candidate) and pauses the garbage collector; it must give exactly what the plain
# version below gives (the code before those optimisations), dict orders included.

_PERSON_TYPES = ("person", "official")


def _reference_attach(toks, local, clusters, counts, known):
    if len(toks) >= 3:
        return None
    cands = clusters.with_surname(toks)
    here = {r for r in cands if r in local}
    if len(here) == 1:
        return here.pop()
    if here:
        return _pick(here, local, known, 2) or _AMBIGUOUS
    if not cands:
        return None
    if len(cands) == 1:
        return next(iter(cands))
    return _pick(cands, counts, known, 3)


def _reference_other_info(self, c, acronyms):
    if c.entry_id:
        entry = self.gaz.entries[c.entry_id]
        return EntityInfo(entry.id, entry.label, entry.type, wikidata=entry.wikidata)
    key = name_key(c.text)
    if c.type == "group":
        known = self._fuzzy_group(key)
        if known is not None:
            return EntityInfo(known.id, known.label, known.type, wikidata=known.wikidata)
        acro = acronyms.get(key)
        label = acro or c.text
        return EntityInfo("group:" + slug(label), label, "group")
    prefix = c.type if c.type in ("place", "media") else "other"
    return EntityInfo(f"{prefix}:{slug(c.text)}", c.text, c.type)


def _reference_resolve(self, analyses):  # noqa: C901 - kept as it was, as an oracle
    docs = list(analyses)
    clusters = NameClusters()
    key_gaz = {}
    gaz_key = {}
    short_names = set()
    first_names = set()
    for doc in docs:
        for c in doc.candidates:
            if c.type in _PERSON_TYPES or self._surname_like(c):
                toks = name_tokens(c.text)
                if c.entry_id:
                    entry = self.gaz.entries.get(c.entry_id)
                    label = name_tokens(entry.label) if entry else ()
                    if len(label) >= 2:
                        clusters.add(label)
                        key_gaz[label] = c.entry_id
                        gaz_key[c.entry_id] = label
                if len(toks) >= 2 and c.type in _PERSON_TYPES:
                    clusters.add(toks)
                    first_names.add(toks[0])
                    if c.entry_id:
                        key_gaz[toks] = c.entry_id
                elif len(toks) == 1:
                    short_names.add(toks[0])
    for surname in {k[-1] for k in list(clusters.keys())} | (short_names - first_names):
        for toks, gid in self._surnames.get(surname, ()):
            if toks not in key_gaz:
                key_gaz[toks] = gid
            clusters.add(toks)
    full_count = Counter()
    given_names = set()
    surnames = set()
    for doc in docs:
        for c in doc.candidates:
            toks = name_tokens(c.text)
            if c.type in _PERSON_TYPES and len(toks) >= 2:
                full_count[clusters.find(toks)] += 1
                given_names.add(toks[0])
                surnames.add(toks[-1])
    gaz_roots = {clusters.find(t) for t in key_gaz}
    assign = {}
    for di, doc in enumerate(docs):
        local_full = [name_tokens(c.text) for c in doc.candidates
                      if c.type in _PERSON_TYPES and len(name_tokens(c.text)) >= 2]
        local_counts = Counter(clusters.find(t) for t in local_full)
        by_given = defaultdict(set)
        for t in local_full:
            by_given[t[0]].add(clusters.find(t))
        for ci, c in enumerate(doc.candidates):
            toks = name_tokens(c.text)
            if not toks:
                continue
            if c.entry_id in gaz_key:
                assign[(di, ci)] = clusters.find(gaz_key[c.entry_id])
                continue
            if c.type in _PERSON_TYPES and len(toks) >= 2:
                assign[(di, ci)] = clusters.find(toks)
                continue
            if c.type not in _PERSON_TYPES and not self._surname_like(c):
                continue
            root = _reference_attach(toks, local_counts, clusters, full_count, gaz_roots)
            if root is None and len(toks) == 1 and len(by_given.get(toks[0], ())) == 1:
                root = next(iter(by_given[toks[0]]))
            if root is _AMBIGUOUS:
                continue
            if root is not None:
                assign[(di, ci)] = root
            elif c.type in _PERSON_TYPES:
                if len(toks) == 1 and toks[0] in given_names and toks[0] not in surnames:
                    continue
                assign[(di, ci)] = toks
    people = defaultdict(_Person)
    for (di, ci), root in assign.items():
        doc = docs[di]
        c = doc.candidates[ci]
        p = people[root]
        p.names[c.text] += 1
        role = doc.roles.get(ci)
        if role and role.official:
            p.official = True
            p.roles[role.text] += 1
    gaz_of_root = {}
    for toks, gid in key_gaz.items():
        if toks in clusters:
            gaz_of_root.setdefault(clusters.find(toks), gid)
    for root, p in people.items():
        gid = gaz_of_root.get(root, "")
        if gid:
            p.gaz_id = gid
            p.official = True
    entities = {}
    person_id = {}
    for root, p in people.items():
        info = self._person_info(root, p)
        person_id[root] = info.id
        entities.setdefault(info.id, info)
    acronyms = {}
    for doc in docs:
        for acro, long in doc.acronyms.items():
            acronyms.setdefault(name_key(long), acro)
    out = []
    for di, doc in enumerate(docs):
        mentions = []
        for ci, c in enumerate(doc.candidates):
            root = assign.get((di, ci))
            if root is not None:
                info = entities[person_id[root]]
            elif c.type in _PERSON_TYPES:
                continue
            else:
                info = _reference_other_info(self, c, acronyms)
                entities.setdefault(info.id, info)
                info = entities[info.id]
            mentions.append(Mention(doc.meta.id, info.id, info.label, info.type, c.text,
                                    c.start, c.end, c.sentence))
        out.append(ArticleMentions(doc.meta, doc.sentences, mentions))
    return out, entities


# Spellings that cluster, collide, differ by one letter, abbreviate, or are also a place.
_GIVEN = ["Jean", "Jean-Yves", "J.", "Amadou", "Amadu", "Sergueï", "Sergey", "Ibrahim",
          "Mohamed", "Mohammed", "Abdelmalek", "Abdelmalik", "Dioncounda", "Greta", "Bah"]
_MIDDLE = ["", "", "", "Toumani", "Boubacar", "Sékou", "Haya"]
_SURNAMES = ["Dupont", "Dupond", "Traoré", "Traore", "Touré", "Droukdal", "Droukdel",
             "Keïta", "Le Drian", "Obama", "Sanogo", "Thunberg", "N'Daw", "Bamako", "Jean"]
_OTHER_TEXTS = ["Bamako", "Mali", "Front national", "Front National", "Union africaine",
                "Organisation des Nations unies", "Organisation des Nations-Unies",
                "Conseil de sécurité de l'ONU", "Conseil de securite de l ONU", "CEDEAO",
                "FN", "ATT", "IBK", "Wagner", "Le Monde", "-", "(", "Ouagadougou"]
_LONG = {"FN": "Front national", "UA": "Union africaine", "CDS": "Conseil de sécurité",
         "AG": "Front National"}


def _names() -> st.SearchStrategy[str]:
    full = st.builds(lambda g, m, s: " ".join(x for x in (g, m, s) if x),
                     st.sampled_from(_GIVEN), st.sampled_from(_MIDDLE), st.sampled_from(_SURNAMES))
    return st.one_of(full, st.sampled_from(_SURNAMES), st.sampled_from(_GIVEN),
                     st.sampled_from(_OTHER_TEXTS))


@st.composite
def _corpus(draw: st.DrawFn) -> list:
    gaz = Resolver().gaz
    entry_ids = sorted(gaz.entries)
    officials = [e for e in entry_ids if gaz.entries[e].type == "official"][:12]
    docs = []
    for di in range(draw(st.integers(1, 5))):
        cands, roles = [], {}
        for ci in range(draw(st.integers(0, 14))):
            text = draw(_names())
            ctype = draw(st.sampled_from(["person", "person", "official", "place", "group",
                                          "media", "state"]))
            entry_id = draw(st.one_of(st.just(""), st.just(""), st.sampled_from(officials),
                                      st.sampled_from(entry_ids)))
            kind = "ner" if not entry_id else draw(st.sampled_from(["ner", "name", "acronym"]))
            cands.append(Candidate(ci * 10, ci * 10 + len(text), text, ctype, entry_id, kind,
                                   "", ci % 3))
            if ctype in _PERSON_TYPES and draw(st.booleans()):
                roles[ci] = Role(draw(st.sampled_from(["président", "ministre malien des "
                                                       "Affaires étrangères", "chef rebelle",
                                                       "porte-parole de l'ONU"])),
                                 draw(st.booleans()))
        acronyms = draw(st.dictionaries(st.sampled_from(sorted(_LONG)),
                                        st.sampled_from(sorted(_LONG.values())), max_size=2))
        docs.append(ArticleAnalysis(ArticleMeta(f"a{di}"), ["s0", "s1", "s2"], cands, roles,
                                    acronyms))
    return docs


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_corpus(), _corpus())
def test_resolve_gives_exactly_what_the_reference_gives(first, second):
    resolver = Resolver()
    for corpus in (first, second, first + second):  # one resolver, several passes
        docs, entities = resolver.resolve(corpus)
        ref_docs, ref_entities = _reference_resolve(Resolver(), corpus)
        assert docs == ref_docs
        assert list(entities.items()) == list(ref_entities.items())


def test_resolve_leaves_the_garbage_collector_as_it_found_it():
    import gc

    was = gc.isenabled()
    try:
        gc.enable()
        Resolver().resolve([])
        assert gc.isenabled()
        gc.disable()
        Resolver().resolve([])
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()
