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

from graph.build import ArticleMeta, build_graph
from graph.readwrite import read, write
from pipelines.build import keep_evidence_sentences
from pipelines.cache import analysis_from_json, analysis_to_json
from pipelines.nlp import NlpResult
from pipelines.resolve import Resolver, analyse_article

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
            assert 0 <= m.sentence < max(1, len(nlp.sentences))

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
