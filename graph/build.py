"""Build the actor co-occurrence graph from resolved mentions.

This module is the boundary between ``pipelines`` (which turns text into mentions) and
``graph``: it takes plain records and never touches spaCy.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from itertools import combinations
from operator import itemgetter
from types import SimpleNamespace
from typing import Any, Literal

import networkx as nx
import numpy as np

from .build_table import Columns, one_table, scan_table
from .columns import mention_columns
from .gc_pause import gc_paused
from .pairs import EdgeGroups, PairLog
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
    with gc_paused():  # a big graph is millions of new containers: no cycles to collect
        return _build_graph(docs, dict(entities or {}), window, max_evidence, title)


class _Scan:
    """What one pass over the articles gathers: nodes, co-occurrences, sentence counts."""

    def __init__(self, by_article: bool, max_evidence: int) -> None:
        self.by_article, self.max_evidence = by_article, max_evidence
        # node: [article ids, mentions per article, dates, fallback label, fallback type]
        self.nodes: dict[str, list] = {}
        self.number: dict[str, int] = {}  # node -> its number (first-seen order)
        self.names: list[str] = []  # number -> node
        self.aliases: Counter[tuple[str, str]] = Counter()  # (entity, text) -> mentions
        self.article_index: dict[str, dict[str, str]] = {}
        self.log = PairLog()  # the co-occurrences, by article number
        self.articles: list[str] = []  # article number -> id
        self.dates: list[str | None] = []
        # pair key -> [sentences naming both, evidence]
        self.sentences: dict[int, list] = {}

    def add(self, doc: ArticleMentions, actor_types: frozenset[str]) -> None:
        """One article."""
        # the actors' mentions as parallel lists (columns: no object per mention)
        ents, labels, types, texts, _, _, sents = mention_columns(doc.mentions)
        if not ents:
            return
        if not actor_types.issuperset(types):
            keep = [i for i, t in enumerate(types) if t in actor_types]
            if not keep:
                return
            ents, labels, types, texts, sents = ([col[i] for i in keep] for col in
                                                 (ents, labels, types, texts, sents))
        meta = doc.meta
        art_id, date = meta.id, meta.date
        self.article_index[art_id] = {"title": meta.title, "date": date or ""}
        if meta.date_inferred:
            self.article_index[art_id]["inferred"] = True
        per_article = Counter(ents)  # first-mention order
        self.aliases.update(zip(ents, texts, strict=True))
        nodes = self.nodes
        for ent, count in per_article.items():
            node = nodes.get(ent)
            if node is None:
                first = ents.index(ent)
                node = nodes[ent] = [[], [], [], labels[first], types[first]]
                self.number[ent] = len(self.names)
                self.names.append(ent)
            node[0].append(art_id)
            node[1].append(count)
            if date:
                node[2].append(date)
        if len(per_article) >= 2:
            self._pairs(doc, ents, sents, per_article)

    def _pairs(self, doc: ArticleMentions, ents: list[str], sents: list[int],
               per_article: Counter[str]) -> None:
        """An article's co-occurrences, and its sentences naming two or more actors."""
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
        number = self.number
        article = len(self.articles)
        if self.by_article:
            self.log.clique(article, [number[e] for e in sorted(per_article)])
        elif not groups:
            return
        elif len(groups) == 1:
            self.log.clique(article, [number[e] for e in groups[0][1]])
        else:  # sorted: the same graph whatever the hash seed
            pairs = sorted({p for _, members in groups for p in combinations(members, 2)})
            self.log.pairs(article, [(number[a], number[b]) for a, b in pairs])
        self.articles.append(doc.meta.id)
        self.dates.append(doc.meta.date)
        if groups:
            self._sentences(doc, groups)

    def _sentences(self, doc: ArticleMentions, groups: list[tuple[int, list[str]]]) -> None:
        """Count the sentences naming each pair, and keep the first as evidence."""
        meta, number, table, cap = doc.meta, self.number, self.sentences, self.max_evidence
        for sent_index, members in groups:
            text = None
            for a, b in combinations(members, 2):
                key = number[a] << 32 | number[b]
                row = table.get(key)
                if row is None:
                    row = table[key] = [0, []]
                row[0] += 1
                if len(row[1]) < cap:
                    if text is None:
                        text = _sentence_text(doc, sent_index)
                    row[1].append({"article": meta.id, "title": meta.title,
                                   "date": meta.date or "", "text": text})


#: Co-occurrences turned into edges at a time (bounds the article-id lists in flight).
_EDGE_CHUNK = 1 << 21


def _edges(scan: _Scan) -> list[tuple[str, str, dict[str, Any]]]:
    """The edges with their attributes, in the order their pair was first seen."""
    groups = scan.log.edges()
    n = len(groups)
    if not n:
        return []
    first_seen, last_seen = _date_bounds(scan.dates, groups)
    starts = groups.starts.tolist()
    a_col, b_col = groups.a.tolist(), groups.b.tolist()
    names, sentences, ids = scan.names, scan.sentences, np.array(scan.articles, dtype=object)
    rows: list[tuple[str, str, dict[str, Any]]] = []
    g = 0
    while g < n:  # a chunk of groups at a time: their article ids as one list
        lo = starts[g]
        end = int(np.searchsorted(groups.starts, lo + _EDGE_CHUNK, side="right")) - 1
        end = min(n, max(end, g + 1))
        flat = ids[groups.articles[lo:starts[end]]].tolist()
        for i in range(g, end):
            a, b = a_col[i], b_col[i]
            arts = flat[starts[i] - lo:starts[i + 1] - lo]
            row = sentences.get(a << 32 | b)
            edge: dict[str, Any] = {"weight": len(arts), "sentences": row[0] if row else 0,
                                    "evidence": row[1] if row else [], "article_ids": arts}
            if first_seen[i] is not None:
                edge["first_seen"], edge["last_seen"] = first_seen[i], last_seen[i]
            rows.append((names[a], names[b], edge))
        g = end
    return [rows[i] for i in groups.first.tolist()]


def _date_bounds(dates: list[str | None], groups: EdgeGroups
                 ) -> tuple[list[str | None], list[str | None]]:
    """Per group, the earliest and latest date of its articles (None: none dated)."""
    known = sorted({d for d in dates if d})
    rank = {d: i for i, d in enumerate(known)}
    ranks = np.array([rank[d] if d else -1 for d in dates], dtype=np.int32)[groups.articles]
    big = np.int32(len(known))
    lows = np.minimum.reduceat(np.where(ranks < 0, big, ranks), groups.starts[:-1])
    highs = np.maximum.reduceat(ranks, groups.starts[:-1])
    lookup = [*known, None]
    return [lookup[i] for i in lows.tolist()], [lookup[i] for i in highs.tolist()]


def _node_aliases(aliases: Counter[tuple[str, str]]) -> dict[str, list[tuple[str, int]]]:
    """Per entity, its (text, mentions) in first-seen order."""
    node_aliases: dict[str, list[tuple[str, int]]] = {}
    for (ent, text), count in aliases.items():
        found_aliases = node_aliases.get(ent)
        if found_aliases is None:
            node_aliases[ent] = [(text, count)]
        else:
            found_aliases.append((text, count))
    return node_aliases


def _build_graph(
    docs: Iterable[ArticleMentions],
    entities: dict[str, EntityInfo],
    window: Window,
    max_evidence: int,
    title: str,
) -> nx.Graph:
    """:func:`build_graph` itself. It must give exactly the graph of the plain version kept
    in ``tests/test_build_graph_speed_exact.py`` (node, edge and neighbour orders, attribute
    values and key orders), only with fewer look-ups and containers per article and pair:
    the co-occurrences are logged as integers (:class:`graph.pairs.PairLog`) and grouped
    into edges at the end.
    """
    docs = docs if isinstance(docs, list) else list(docs)
    table = one_table(docs)
    scan: Any
    if table is not None:  # the resolved corpus: the whole table at once
        scan = SimpleNamespace(**scan_table(docs, Columns(docs, table), window == "article",
                                            max_evidence))
        node_aliases = scan.aliases
    else:
        actor_types = frozenset(ACTOR_TYPES)
        scan = _Scan(window == "article", max_evidence)
        for doc in docs:
            scan.add(doc, actor_types)
        node_aliases = _node_aliases(scan.aliases)
    nodes, article_index = scan.nodes, scan.article_index

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

    g = nx.Graph()
    g.add_nodes_from(node_rows())
    g.add_edges_from(_edges(scan))
    del scan

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
