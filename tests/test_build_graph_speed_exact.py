"""``build_graph`` gives exactly the graph of its first, simpler implementation.

The first implementation is kept below as the oracle. "Exactly" means everything a
caller could observe: node order, edge order, each node's neighbour order, attribute
values and their key order (evidence items included), and ``g.graph``; for both windows.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from itertools import combinations

import networkx as nx
import pytest

from graph.build import (
    ArticleMentions,
    ArticleMeta,
    EntityInfo,
    Mention,
    Window,
    _sentence_text,
    build_graph,
)
from graph.schema import ACTOR_TYPES, OTHER_TYPES


def _reference_build_graph(
    docs: Iterable[ArticleMentions],
    entities: Mapping[str, EntityInfo] | None = None,
    *,
    window: Window = "article",
    max_evidence: int = 3,
    title: str = "actorgraph",
) -> nx.Graph:
    """``graph.build.build_graph`` as it was before it was made faster."""
    if window not in ("article", "sentence"):
        raise ValueError(f"window must be 'article' or 'sentence', not {window!r}")
    entities = dict(entities or {})
    g = nx.Graph()
    node_mentions: Counter[str] = Counter()
    node_articles: dict[str, list[str]] = defaultdict(list)
    node_article_mentions: dict[str, list[int]] = defaultdict(list)
    node_aliases: dict[str, Counter[str]] = defaultdict(Counter)
    node_dates: dict[str, list[str]] = defaultdict(list)
    fallback: dict[str, tuple[str, str]] = {}
    edge_articles: dict[tuple[str, str], list[str]] = defaultdict(list)
    edge_sentences: Counter[tuple[str, str]] = Counter()
    edge_evidence: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    edge_dates: dict[tuple[str, str], list[str]] = defaultdict(list)
    article_index: dict[str, dict[str, str]] = {}

    for doc in docs:
        meta = doc.meta
        actors = [m for m in doc.mentions if m.type in ACTOR_TYPES]
        if not actors:
            continue
        article_index[meta.id] = {"title": meta.title, "date": meta.date or ""}
        by_sentence: dict[int, set[str]] = defaultdict(set)
        present: set[str] = set()
        for m in actors:
            node_mentions[m.entity] += 1
            node_aliases[m.entity][m.text] += 1
            fallback.setdefault(m.entity, (m.label, m.type))
            by_sentence[m.sentence].add(m.entity)
            present.add(m.entity)
        per_article = Counter(m.entity for m in actors)
        for ent in sorted(present):
            node_articles[ent].append(meta.id)
            node_article_mentions[ent].append(per_article[ent])
            if meta.date:
                node_dates[ent].append(meta.date)
        for sent_index, ents in sorted(by_sentence.items()):
            for a, b in combinations(sorted(ents), 2):
                edge_sentences[(a, b)] += 1
                ev = edge_evidence[(a, b)]
                if len(ev) < max_evidence:
                    ev.append({
                        "article": meta.id,
                        "title": meta.title,
                        "date": meta.date or "",
                        "text": _sentence_text(doc, sent_index),
                    })
        if window == "article":
            pairs: set[tuple[str, str]] = set(combinations(sorted(present), 2))
        else:
            pairs = {p for ents in by_sentence.values() for p in combinations(sorted(ents), 2)}
        for pair in sorted(pairs):  # sorted: the same graph whatever the hash seed
            edge_articles[pair].append(meta.id)
            if meta.date:
                edge_dates[pair].append(meta.date)

    for ent, count in node_mentions.items():
        info = entities.get(ent)
        label, etype = (info.label, info.type) if info else fallback[ent]
        aliases = [a for a, _ in node_aliases[ent].most_common()]
        attrs: dict[str, object] = {
            "label": label,
            "type": etype,
            "aliases": aliases,
            "mentions": count,
            "articles": len(node_articles[ent]),
            "article_ids": node_articles[ent],
            "article_mentions": node_article_mentions[ent],
        }
        if info:
            for key in ("role", "affiliation", "wikidata"):
                value = getattr(info, key)
                if value:
                    attrs[key] = value
        dates = node_dates.get(ent)
        if dates:
            attrs["first_seen"], attrs["last_seen"] = min(dates), max(dates)
        g.add_node(ent, **attrs)

    for (a, b), arts in edge_articles.items():
        attrs = {
            "weight": len(arts),
            "sentences": edge_sentences.get((a, b), 0),
            "evidence": edge_evidence.get((a, b), []),
            "article_ids": arts,
        }
        dates = edge_dates.get((a, b))
        if dates:
            attrs["first_seen"], attrs["last_seen"] = min(dates), max(dates)
        g.add_edge(a, b, **attrs)

    all_dates = sorted(d["date"] for d in article_index.values() if d["date"])
    g.graph.update({
        "title": title,
        "window": window,
        "articles": len(article_index),
        "date_min": all_dates[0] if all_dates else "",
        "date_max": all_dates[-1] if all_dates else "",
        "article_index": article_index,
    })
    return g


def _snapshot(g: nx.Graph) -> list[object]:
    """Everything observable about a graph, orders and dict key orders included."""
    def deep(value: object) -> object:
        if isinstance(value, dict):
            return [(k, deep(v)) for k, v in value.items()]
        if isinstance(value, list):
            return [deep(v) for v in value]
        return (type(value).__name__, value)

    return [
        deep(dict(g.graph)),
        [(n, deep(d)) for n, d in g.nodes(data=True)],
        [(u, v, deep(d)) for u, v, d in g.edges(data=True)],
        [(n, list(g.adj[n])) for n in g],
    ]


def _assert_same(docs: list[ArticleMentions], entities: dict[str, EntityInfo] | None,
                 **kwargs: object) -> nx.Graph:
    got = build_graph(docs, entities, **kwargs)  # type: ignore[arg-type]
    want = _reference_build_graph(docs, entities, **kwargs)  # type: ignore[arg-type]
    assert _snapshot(got) == _snapshot(want)
    return got


def _random_docs(rng: random.Random, n_docs: int, n_entities: int,
                 ) -> tuple[list[ArticleMentions], dict[str, EntityInfo]]:
    # names whose sorted order differs from first-seen order, and type changes
    names = [f"{rng.choice('zyxabc')}{i}" for i in range(n_entities)]
    types = list(ACTOR_TYPES) + list(OTHER_TYPES)
    docs = []
    for i in range(n_docs):
        n_sent = rng.randint(0, 5)
        sentences = [f"  phrase {j} de {i} " for j in range(n_sent)]
        mentions = []
        for _ in range(rng.choice((0, 1, 2, 3, 5, 8, 13))):
            ent = rng.choice(names)
            mentions.append(Mention(
                article=f"a{i}", entity=ent, label=f"L{ent}{rng.randint(0, 1)}",
                type=rng.choice(types), text=rng.choice((ent, ent.upper(), "x", "y")),
                start=0, end=1, sentence=rng.randint(-1, n_sent + 1)))
        art = f"a{rng.randint(0, n_docs)}"  # article ids may repeat
        date = rng.choice((None, "", "2020-01-01", "2021-05-03", f"2019-0{i % 9 + 1}-02"))
        docs.append(ArticleMentions(ArticleMeta(art, f"T{i}", date), sentences, mentions))
    entities = {
        ent: EntityInfo(ent, f"Label {ent}", rng.choice(ACTOR_TYPES),
                        role=rng.choice(("", "chef")), affiliation=rng.choice(("", "org")),
                        wikidata=rng.choice(("", "Q1")))
        for ent in names if rng.random() < 0.6
    }
    return docs, entities


@pytest.mark.parametrize("window", ["article", "sentence"])
@pytest.mark.parametrize("seed", range(40))
def test_random_corpora_give_the_reference_graph(seed: int, window: str) -> None:
    rng = random.Random(seed)
    docs, entities = _random_docs(rng, rng.randint(0, 60), rng.randint(1, 25))
    max_evidence = rng.choice((0, 1, 3, 100))
    _assert_same(docs, entities, window=window, max_evidence=max_evidence, title="t")
    _assert_same(docs, None, window=window)


@pytest.mark.parametrize("window", ["article", "sentence"])
def test_handmade_corpus_gives_the_reference_graph(window: str) -> None:
    def m(art: str, ent: str, text: str, sentence: int, type_: str = "state") -> Mention:
        return Mention(art, ent, ent.title(), type_, text, 0, len(text), sentence)

    docs = [
        ArticleMentions(ArticleMeta("a1", "Un", "2021-03-01"), ["s0 ", " s1", "s2"], [
            m("a1", "mali", "Mali", 0), m("a1", "france", "France", 0),
            m("a1", "mali", "Bamako", 1), m("a1", "wagner", "Wagner", 1, "group"),
            m("a1", "mali", "Mali", 1), m("a1", "gao", "Gao", 1, "place"),
            m("a1", "russie", "Moscou", 2), m("a1", "france", "Paris", 7),
        ]),
        ArticleMentions(ArticleMeta("a2", "Deux"), ["seule"], [
            m("a2", "russie", "Russie", 0), m("a2", "wagner", "Wagner", 0, "group"),
            m("a2", "mali", "Mali", 0),
        ]),
        ArticleMentions(ArticleMeta("a3", "Trois", "2020-01-01"), [], []),
        ArticleMentions(ArticleMeta("a4", "Quatre", "2022-01-01"), ["x"], [
            m("a4", "gao", "Gao", 0, "place"), m("a4", "mali", "Bamako", 0),
        ]),
        ArticleMentions(ArticleMeta("a1", "Un bis", "2019-12-31"), ["a", "b"], [
            m("a1", "france", "France", 1), m("a1", "mali", "Mali", 1),
            m("a1", "mali", "Bamako", 0),
        ]),
    ]
    entities = {"mali": EntityInfo("mali", "Mali", "state", wikidata="Q912"),
                "wagner": EntityInfo("wagner", "Groupe Wagner", "group", role="milice")}
    for max_evidence in (0, 1, 3):
        g = _assert_same(docs, entities, window=window, max_evidence=max_evidence)
    assert list(g.nodes["mali"]["aliases"]) == ["Mali", "Bamako"]
    assert g.graph["articles"] == 3


def test_empty_and_generator_input() -> None:
    _assert_same([], None)
    docs, entities = _random_docs(random.Random(7), 30, 10)
    got = build_graph(iter(docs), entities, window="sentence")
    assert _snapshot(got) == _snapshot(_reference_build_graph(docs, entities, window="sentence"))
    with pytest.raises(ValueError):
        build_graph([], window="paragraph")  # type: ignore[arg-type]


def test_garbage_collector_state_is_restored() -> None:
    import gc

    was_enabled = gc.isenabled()
    try:
        for enabled in (True, False):
            (gc.enable if enabled else gc.disable)()
            build_graph(_random_docs(random.Random(3), 10, 5)[0])
            assert gc.isenabled() is enabled
            with pytest.raises(AttributeError):
                build_graph([None])  # type: ignore[list-item]
            assert gc.isenabled() is enabled
    finally:
        (gc.enable if was_enabled else gc.disable)()
