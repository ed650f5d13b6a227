""":func:`graph.build.build_graph` straight from a mention table's columns, with numpy.

When every article's mentions are consecutive slices of one
:class:`~graph.columns.MentionTable` (what corpus-level resolution gives), the graph is
computed on the table's integer columns for the whole corpus at once: per (article,
actor) counts, aliases, the articles' actor cliques and the sentences naming two or more
actors are sorts and group-bys, not Python work per mention and pair. The result is the
graph of the per-article code, exactly (same orders, same values:
``tests/test_build_table.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from .columns import MentionSlice, MentionTable
from .pairs import PairLog
from .records import ArticleMentions
from .schema import ACTOR_TYPES

__all__ = ["Columns", "one_table", "scan_table"]


def one_table(docs: Sequence[ArticleMentions]) -> MentionTable | None:
    """The table whose consecutive slices, in order, are all the articles' mentions (None
    when the mentions are anything else)."""
    table: MentionTable | None = None
    at = -1
    for doc in docs:
        m = doc.mentions
        if not isinstance(m, MentionSlice):
            return None
        if table is None:
            table, at = m._table, m._lo
        if m._table is not table or m._lo != at:
            return None
        at = m._hi
    return table


class Columns:
    """The actor mentions of ``docs`` (consecutive slices of ``table``) as numpy columns:
    article number, entity rank (entities numbered in the sorted order of their ids),
    text number, sentence index and table row (of the entity, label and type)."""

    def __init__(self, docs: Sequence[ArticleMentions], table: MentionTable) -> None:
        lo = docs[0].mentions._lo if docs else 0  # type: ignore[attr-defined]
        hi = docs[-1].mentions._hi if docs else 0  # type: ignore[attr-defined]
        refs = table._refs
        self.names: list[str] = sorted({e for e, _, _ in refs})
        rank = {e: i for i, e in enumerate(self.names)}
        actor = frozenset(ACTOR_TYPES)
        ent_of_ref = np.array([rank[e] if t in actor else -1 for e, _, t in refs] or [0],
                              dtype=np.int32)
        ref = np.frombuffer(table._ref, np.int32)[lo:hi] if hi > lo else \
            np.empty(0, np.int32)
        sizes = np.array([len(d.mentions) for d in docs], dtype=np.int64)
        ent = ent_of_ref[ref]
        keep = np.flatnonzero(ent >= 0)
        self.article = np.repeat(np.arange(len(docs), dtype=np.int32), sizes)[keep]
        self.entity = ent[keep]
        self.ref = ref[keep]
        self.text = np.frombuffer(table._text, np.int32)[lo:hi][keep] if hi > lo else ref
        self.sentence = (np.frombuffer(table._sentence, np.int32)[lo:hi][keep] if hi > lo
                         else ref)
        self.table = table


def _runs(*cols: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Rows sorted by ``cols`` (the last column the primary key, as :func:`np.lexsort`;
    stable), and the start of each run of equal keys in that order."""
    n = len(cols[0])
    if not n:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    key = np.zeros(n, np.int64)
    span = 1
    for col in reversed(cols):  # one integer key, primary column first, when it fits
        lo, hi = int(col.min()), int(col.max())
        width = hi - lo + 1
        if span * width >= 1 << 62:
            return _lexsorted_runs(cols)
        key = key * width + (col.astype(np.int64) - lo)
        span *= width
    order = np.argsort(key, kind="stable")
    key = key[order]
    return order, np.flatnonzero(np.r_[True, key[1:] != key[:-1]])


def _lexsorted_runs(cols: tuple[np.ndarray, ...]) -> tuple[np.ndarray, np.ndarray]:
    """:func:`_runs` for keys too wide to combine into one integer."""
    order = np.lexsort(cols)
    change = np.zeros(len(order), dtype=bool)
    change[0] = True
    for col in cols:
        s = col[order]
        change[1:] |= s[1:] != s[:-1]
    return order, np.flatnonzero(change)


def scan_table(docs: Sequence[ArticleMentions], cols: Columns, by_article: bool,
               max_evidence: int) -> dict[str, Any]:
    """What :class:`graph.build._Scan` gathers, from the columns: ``nodes`` (entity ->
    [article ids, mentions per article, dates, fallback label, fallback type], first
    seen first), ``aliases`` (entity -> [(text, count)], most common first),
    ``article_index``, ``log`` (a :class:`PairLog` over article numbers), ``articles``
    (article number -> id), ``dates``, ``names`` (entity numbers -> ids) and
    ``sentences`` (pair key -> [sentences naming both, evidence])."""
    metas = [d.meta for d in docs]
    out: dict[str, Any] = {"names": cols.names, "articles": [m.id for m in metas],
                           "dates": [m.date for m in metas]}
    out["article_index"] = _article_index(metas, cols)
    # per (article, entity): its mentions, in article then entity order
    order, starts = _runs(cols.entity, cols.article)
    pair_art = cols.article[order][starts]
    pair_ent = cols.entity[order][starts]
    pair_count = np.diff(np.r_[starts, len(order)])
    out["nodes"] = _nodes(cols, out, pair_art, pair_ent, pair_count)
    out["aliases"] = _aliases(cols)
    out["log"] = log = PairLog()
    sentence_pairs = _sentence_pairs(cols)
    if by_article:
        log.cliques(pair_art, pair_ent)
    else:
        log.explicit(*sentence_pairs.distinct_by_article())
    out["sentences"] = sentence_pairs.counts(docs, max_evidence)
    return out


def _article_index(metas: list[Any], cols: Columns) -> dict[str, dict[str, Any]]:
    index: dict[str, dict[str, Any]] = {}
    for a in np.unique(cols.article).tolist():
        meta = metas[a]
        index[meta.id] = {"title": meta.title, "date": meta.date or ""}
        if meta.date_inferred:
            index[meta.id]["inferred"] = True
    return index


def _nodes(cols: Columns, out: dict[str, Any], pair_art: np.ndarray, pair_ent: np.ndarray,
           pair_count: np.ndarray) -> dict[str, list]:
    """Per entity, in first-seen order: its articles, mentions per article, dates and
    the label and type of its first mention."""
    ids, dates, names = out["articles"], out["dates"], cols.names
    refs = cols.table._refs
    ents, first = np.unique(cols.entity, return_index=True)
    by_ent = np.argsort(pair_ent, kind="stable")  # per entity, in article order
    bounds = np.searchsorted(pair_ent[by_ent], ents).tolist() + [len(by_ent)]
    arts = pair_art[by_ent]
    counts = pair_count[by_ent].tolist()
    # the ids and the dates (of the dated articles) of every (entity, article), in that
    # order, each entity's a slice: no Python work per pair
    art_ids = np.array(ids, dtype=object)[arts].tolist() if len(arts) else []
    dated = np.array([bool(d) for d in dates], dtype=bool)[arts] if len(arts) else \
        np.zeros(0, bool)
    art_dates = np.array(dates, dtype=object)[arts[dated]].tolist() if dated.any() else []
    dated_before = np.r_[0, np.cumsum(dated)].tolist()
    nodes: dict[str, list] = {}
    for k in np.argsort(first, kind="stable").tolist():
        lo, hi = bounds[k], bounds[k + 1]
        _, label, etype = refs[int(cols.ref[first[k]])]
        nodes[names[int(ents[k])]] = [art_ids[lo:hi], counts[lo:hi],
                                      art_dates[dated_before[lo]:dated_before[hi]], label,
                                      etype]
    return nodes


def _aliases(cols: Columns) -> dict[str, list[tuple[str, int]]]:
    """Per entity, its mention texts and their counts: most common first, ties in the
    order they were first seen."""
    order, starts = _runs(cols.text, cols.entity)
    if not len(order):
        return {}
    first = np.minimum.reduceat(order, starts)
    count = np.diff(np.r_[starts, len(order)])
    ent = cols.entity[order][starts]
    text = cols.text[order][starts]
    by = np.lexsort((first, -count, ent))
    strings, names = cols.table._strings, cols.names
    out: dict[str, list[tuple[str, int]]] = {}
    for e, t, c in zip(ent[by].tolist(), text[by].tolist(), count[by].tolist(),
                       strict=True):
        name = names[e]
        row = out.get(name)
        if row is None:
            out[name] = [(strings[t], c)]
        else:
            row.append((strings[t], c))
    return out


class _SentencePairs:
    """The pairs of actors named in one sentence: every (article, sentence) naming two
    or more actors as a clique of its actors, in article then sentence order."""

    def __init__(self, cols: Columns) -> None:
        order, starts = _runs(cols.entity, cols.sentence, cols.article)
        art = cols.article[order][starts]
        sent = cols.sentence[order][starts]
        ent = cols.entity[order][starts]
        # runs of (article, sentence), their distinct entities
        group_start = np.flatnonzero(np.r_[True, (art[1:] != art[:-1])
                                            | (sent[1:] != sent[:-1])]) if len(art) else \
            np.empty(0, np.int64)
        size = np.diff(np.r_[group_start, len(art)])
        many = size >= 2
        member_rows = np.repeat(many, size)
        self.group_article = art[group_start][many]
        self.group_sentence = sent[group_start][many]
        self.log = PairLog()
        self.log.cliques(np.repeat(np.arange(int(many.sum()), dtype=np.int32),
                                   size[many]), ent[member_rows])

    def distinct_by_article(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per article, its distinct sentence pairs sorted: articles, firsts, seconds."""
        a, b, group = self.log.columns()
        art = self.group_article[group]
        order, starts = _runs(b, a, art)
        return art[order][starts], a[order][starts], b[order][starts]

    def counts(self, docs: Sequence[ArticleMentions], cap: int) -> dict[int, list]:
        """Pair key -> [sentences naming both, the first ``cap`` of them as evidence]."""
        from .build import _sentence_text

        groups = self.log.edges()
        out: dict[int, list] = {}
        # per pair, only its first ``cap`` sentences (a big corpus logs millions)
        sizes = np.diff(groups.starts)
        take = np.minimum(sizes, max(cap, 0))
        ends = np.cumsum(take)
        chosen = groups.articles[np.repeat(groups.starts[:-1] - (ends - take), take)
                                 + np.arange(int(ends[-1]) if len(ends) else 0)]
        bounds = np.r_[0, ends].tolist()
        of_chosen = chosen.tolist()
        arts = self.group_article[chosen].tolist()
        sents = self.group_sentence[chosen].tolist()
        counts = sizes.tolist()
        texts: dict[int, str] = {}  # per sentence: its text, decoded once
        for i, (a, b) in enumerate(zip(groups.a.tolist(), groups.b.tolist(), strict=True)):
            evidence = []
            for k in range(bounds[i], bounds[i + 1]):
                g = of_chosen[k]
                doc = docs[arts[k]]
                meta = doc.meta
                text = texts.get(g)
                if text is None:
                    text = texts[g] = _sentence_text(doc, sents[k])
                evidence.append({"article": meta.id, "title": meta.title,
                                 "date": meta.date or "", "text": text})
            out[a << 32 | b] = [counts[i], evidence]
        return out


def _sentence_pairs(cols: Columns) -> _SentencePairs:
    return _SentencePairs(cols)
