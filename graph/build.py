"""Build the actor co-occurrence graph from resolved mentions.

This module is the boundary between ``pipelines`` (which turns text into mentions) and
``graph``: it takes plain records and never touches spaCy.
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from itertools import combinations
from operator import itemgetter
from typing import Any, Literal

import networkx as nx

from .columns import mention_columns
from .records import ArticleMentions, ArticleMeta, EntityInfo, Mention
from .schema import ACTOR_TYPES

#: The record types used to live here; they are re-exported for code that imports them
#: from this module (new code: :mod:`graph.records`).
__all__ = ["ArticleMentions", "ArticleMeta", "EntityInfo", "Mention", "Window", "build_graph"]

Window = Literal["article", "sentence"]


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
    gc_was_enabled = gc.isenabled()
    gc.disable()  # a big graph is millions of new containers: no cycles to collect
    try:
        return _build_graph(docs, dict(entities or {}), window, max_evidence, title)
    finally:
        if gc_was_enabled:
            gc.enable()


def _build_graph(
    docs: Iterable[ArticleMentions],
    entities: dict[str, EntityInfo],
    window: Window,
    max_evidence: int,
    title: str,
) -> nx.Graph:
    """:func:`build_graph` itself. It must give exactly the graph of the plain version kept
    in ``tests/test_build_graph_speed_exact.py`` (node, edge and neighbour orders, attribute
    values and key orders), only with fewer look-ups and containers per article and pair.
    """
    by_article = window == "article"
    actor_types = frozenset(ACTOR_TYPES)
    # node: [article ids, mentions per article, dates, fallback label, fallback type]
    nodes: dict[str, list] = {}
    # ``links[a][b]`` is the attribute dict of edge (a, b), ``a < b``, filled as articles
    # come (``weight`` is set at the end); ``edges`` has them in first-seen order, which
    # is the order the graph gets them in
    links: dict[str, dict[str, dict[str, Any]]] = {}
    edges: list[tuple[str, str, dict[str, Any]]] = []
    aliases: Counter[tuple[str, str]] = Counter()  # (entity, text) -> mentions
    article_index: dict[str, dict[str, str]] = {}

    for doc in docs:
        # the actors' mentions as parallel lists (columns: no object per mention)
        ents, labels, types, texts, _, _, sents = mention_columns(doc.mentions)
        if not ents:
            continue
        if not actor_types.issuperset(types):
            keep = [i for i, t in enumerate(types) if t in actor_types]
            if not keep:
                continue
            ents, labels, types, texts, sents = ([col[i] for i in keep] for col in
                                                 (ents, labels, types, texts, sents))
        meta = doc.meta
        art_id = meta.id
        date = meta.date
        article_index[art_id] = {"title": meta.title, "date": date or ""}
        if meta.date_inferred:
            article_index[art_id]["inferred"] = True
        per_article = Counter(ents)  # first-mention order
        aliases.update(zip(ents, texts, strict=True))
        for ent, count in per_article.items():
            node = nodes.get(ent)
            if node is None:
                first = ents.index(ent)
                node = nodes[ent] = [[], [], [], labels[first], types[first]]
                links[ent] = {}
            node[0].append(art_id)
            node[1].append(count)
            if date:
                node[2].append(date)
        if len(per_article) < 2:
            continue

        # (sentence, its entities sorted) for the sentences naming two or more, in order
        groups: list[tuple[int, list[str]]] = []
        by_sentence: dict[int, set[str]] = {}
        for sentence, ent in zip(sents, ents, strict=True):
            found = by_sentence.get(sentence)
            if found is None:
                by_sentence[sentence] = {ent}
            else:
                found.add(ent)
        if len(by_sentence) < len(ents):  # else one mention per sentence: no pairs
            groups = [(i, sorted(e)) for i, e in sorted(by_sentence.items()) if len(e) > 1]

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
                edge = row[b] = {"weight": 0, "sentences": 0, "evidence": [],
                                 "article_ids": [art_id]}
                if date:
                    edge["first_seen"] = date
                    edge["last_seen"] = date
                edges.append((a, b, edge))
            else:
                edge["article_ids"].append(art_id)
                if date:
                    first = edge.get("first_seen")
                    if first is None:
                        edge["first_seen"] = date
                        edge["last_seen"] = date
                    elif date < first:
                        edge["first_seen"] = date
                    elif date > edge["last_seen"]:
                        edge["last_seen"] = date

        for sent_index, members in groups:
            text = _sentence_text(doc, sent_index)
            for a, b in combinations(members, 2):
                edge = links[a][b]
                edge["sentences"] += 1
                evidence = edge["evidence"]
                if len(evidence) < max_evidence:
                    evidence.append({
                        "article": art_id,
                        "title": meta.title,
                        "date": date or "",
                        "text": text,
                    })

    node_aliases: dict[str, list[tuple[str, int]]] = {}
    for (ent, text), count in aliases.items():
        found_aliases = node_aliases.get(ent)
        if found_aliases is None:
            node_aliases[ent] = [(text, count)]
        else:
            found_aliases.append((text, count))

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
                "mentions": sum(counts),  # every mention is counted in its article
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

    for _, _, edge in edges:
        edge["weight"] = len(edge["article_ids"])

    g = nx.Graph()
    g.add_nodes_from(node_rows())
    g.add_edges_from(edges)

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
