"""Build the actor co-occurrence graph from resolved mentions.

This module is the boundary between ``pipelines`` (which turns text into mentions) and
``graph``: it takes plain records and never touches spaCy.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import combinations
from typing import Literal

import networkx as nx

from .schema import ACTOR_TYPES

Window = Literal["article", "sentence"]


@dataclass(frozen=True, slots=True)
class Mention:
    """One resolved mention of an entity in an article (a row of ``mentions.csv``)."""

    article: str
    entity: str
    label: str
    type: str
    text: str
    start: int
    end: int
    sentence: int


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What the graph keeps of an article: its id, title and date (ISO, may be None)."""

    id: str
    title: str = ""
    date: str | None = None
    source: str = ""
    url: str = ""


@dataclass(slots=True)
class EntityInfo:
    """Corpus-level facts about a canonical entity."""

    id: str
    label: str
    type: str
    role: str = ""
    affiliation: str = ""
    wikidata: str = ""
    aliases: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ArticleMentions:
    """One article's contribution to the graph: metadata, sentence texts, mentions."""

    meta: ArticleMeta
    sentences: list[str]
    mentions: list[Mention]


def _sentence_text(doc: ArticleMentions, index: int) -> str:
    if 0 <= index < len(doc.sentences):
        return doc.sentences[index].strip()
    return ""


def build_graph(
    docs: Iterable[ArticleMentions],
    entities: Mapping[str, EntityInfo] | None = None,
    *,
    window: Window = "article",
    max_evidence: int = 3,
    title: str = "actorgraph",
) -> nx.Graph:
    """Build a :class:`networkx.Graph` with one node per actor and co-occurrence edges.

    ``window="article"`` links actors that appear in the same article (``weight`` counts
    those articles); ``window="sentence"`` links only actors that share a sentence.
    Every edge keeps ``sentences`` (the number of sentences naming both) and up to
    ``max_evidence`` of those sentences as ``evidence``.
    """
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
