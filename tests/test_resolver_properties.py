"""Property-based tests: any text with any NER spans gives valid mentions and a valid graph.

spaCy is not needed: the :class:`NlpResult` of each article is made up by hypothesis
(sentence cuts and entity spans at random places, any label).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.build import build_graph
from graph.readwrite import read, write
from graph.records import ArticleMeta
from pipelines.build.cache import analysis_from_json, analysis_to_json
from pipelines.nlp.analysis import ArticleAnalysis, analyse_article
from pipelines.nlp.chunk import keep_evidence_sentences
from pipelines.nlp.extract import Candidate
from pipelines.nlp.model import NlpResult
from pipelines.nlp.roles import Role
from pipelines.resolution.people import name_tokens
from pipelines.resolution.resolve import Resolver

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
_PERSON_TYPES = ("person", "official")

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
def test_one_resolver_gives_what_a_fresh_one_gives(first, second):
    """``Resolver`` memoizes per pass: passes must not leak into each other."""
    resolver = Resolver()
    for corpus in (first, second, first + second):  # one resolver, several passes
        docs, entities = resolver.resolve(corpus)
        ref_docs, ref_entities = Resolver().resolve(corpus)
        assert docs == ref_docs
        assert list(entities.items()) == list(ref_entities.items())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_corpus())
def test_a_lone_name_joins_only_a_person_it_names(corpus):
    """A one-word person mention joins a full name it ends or begins, or stands alone;
    a one-letter one joins nobody."""
    resolver = Resolver()
    docs, entities = resolver.resolve(corpus)
    for doc in docs:
        for m in doc.mentions:
            toks = name_tokens(m.text)
            if m.type not in _PERSON_TYPES or len(toks) != 1 or m.entity in resolver.gaz.entries:
                continue  # a gazetteer term ("IBK") names its entry whatever it reads
            assert len(toks[0]) >= 2
            info = entities[m.entity]
            names = [name_tokens(a) for a in info.aliases] + [name_tokens(info.label)]
            assert any(n == toks or (len(n) >= 2 and toks[0] in (n[0], n[-1]))
                       for n in names), (m.text, info.label)


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
