"""Build the actor co-occurrence graph from resolved mentions.

This module is the boundary between ``pipelines`` (which turns text into mentions) and
``graph``: it takes plain records and never touches spaCy.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import combinations, groupby
from operator import itemgetter
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
    by_article = window == "article"
    actor_types = frozenset(ACTOR_TYPES)
    # One record per node and per edge, in first-seen order (which is the graph's order):
    # node: [article ids, mentions per article, dates, fallback label, fallback type]
    # edge: [a, b, article ids, sentences, evidence, dates], ``a < b``
    nodes: dict[str, list] = {}
    # ``links[a][b]`` is the record of edge (a, b) with ``a < b``
    links: dict[str, dict[str, list]] = {}
    edges: list[list] = []
    aliases: Counter[tuple[str, str]] = Counter()  # (entity, text) -> mentions
    article_index: dict[str, dict[str, str]] = {}

    for doc in docs:
        actors = [m for m in doc.mentions if m.type in actor_types]
        if not actors:
            continue
        meta = doc.meta
        art_id = meta.id
        date = meta.date
        article_index[art_id] = {"title": meta.title, "date": date or ""}
        ents = [m.entity for m in actors]
        per_article = Counter(ents)  # first-mention order
        aliases.update(zip(ents, [m.text for m in actors], strict=True))
        for ent, count in per_article.items():
            node = nodes.get(ent)
            if node is None:
                first = actors[ents.index(ent)]
                node = nodes[ent] = [[], [], [], first.label, first.type]
                links[ent] = {}
            node[0].append(art_id)
            node[1].append(count)
            if date:
                node[2].append(date)
        if len(per_article) < 2:
            continue

        # entities of each sentence naming two or more, by sentence then entity
        groups: list[tuple[int, list[str]]] = []
        sents = [m.sentence for m in actors]
        cells = set(zip(sents, ents, strict=True))
        if len(cells) > len(set(sents)):
            for sent_index, cell in groupby(sorted(cells), itemgetter(0)):
                members = [e for _, e in cell]
                if len(members) > 1:
                    groups.append((sent_index, members))

        if by_article:
            pairs: Iterable[tuple[str, str]] = combinations(sorted(per_article), 2)
        elif not groups:
            continue
        elif len(groups) == 1:
            pairs = combinations(groups[0][1], 2)
        else:  # sorted: the same graph whatever the hash seed
            pairs = sorted({p for _, members in groups for p in combinations(members, 2)})
        for a, b in pairs:
            row = links[a]
            edge = row.get(b)
            if edge is None:
                edge = row[b] = [a, b, [art_id], 0, None, [date] if date else []]
                edges.append(edge)
            else:
                edge[2].append(art_id)
                if date:
                    edge[5].append(date)

        for sent_index, members in groups:
            text = _sentence_text(doc, sent_index)
            for a, b in combinations(members, 2):
                edge = links[a][b]
                edge[3] += 1
                evidence = edge[4]
                if evidence is None:
                    evidence = edge[4] = []
                if len(evidence) < max_evidence:
                    evidence.append({
                        "article": art_id,
                        "title": meta.title,
                        "date": date or "",
                        "text": text,
                    })

    node_aliases: dict[str, list[tuple[str, int]]] = {}
    for (ent, text), count in aliases.items():
        found = node_aliases.get(ent)
        if found is None:
            node_aliases[ent] = [(text, count)]
        else:
            found.append((text, count))

    def node_rows() -> Iterator[tuple[str, dict[str, object]]]:
        for ent, (arts, counts, dates, fb_label, fb_type) in nodes.items():
            info = entities.get(ent)
            label, etype = (info.label, info.type) if info else (fb_label, fb_type)
            texts = node_aliases[ent]
            if len(texts) > 1:  # as Counter.most_common: by count, ties in first-seen order
                texts = sorted(texts, key=itemgetter(1), reverse=True)
            attrs: dict[str, object] = {
                "label": label,
                "type": etype,
                "aliases": [t for t, _ in texts],
                "mentions": sum(counts),
                "articles": len(arts),
                "article_ids": arts,
                "article_mentions": counts,
            }
            if info:
                for key in ("role", "affiliation", "wikidata"):
                    value = getattr(info, key)
                    if value:
                        attrs[key] = value
            if dates:
                attrs["first_seen"], attrs["last_seen"] = min(dates), max(dates)
            yield ent, attrs

    def edge_rows() -> Iterator[tuple[str, str, dict[str, object]]]:
        for a, b, arts, sentences, evidence, dates in edges:
            attrs: dict[str, object] = {
                "weight": len(arts),
                "sentences": sentences,
                "evidence": evidence if evidence is not None else [],
                "article_ids": arts,
            }
            if dates:
                attrs["first_seen"], attrs["last_seen"] = min(dates), max(dates)
            yield a, b, attrs

    g = nx.Graph()
    g.add_nodes_from(node_rows())
    g.add_edges_from(edge_rows())

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
