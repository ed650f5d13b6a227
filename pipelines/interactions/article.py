"""Interactions of whole articles: select the sentences, parse them, apply the grammar.

:func:`annotate` is what the build runs per chunk of articles (in the worker processes),
right after :func:`pipelines.nlp.analysis.analyse_article`: it parses, in one batch, only the
sentences that name two or more actor candidates, and stores in each
:class:`~pipelines.nlp.analysis.ArticleAnalysis` its :data:`Row` list, cached with the rest of
the analysis. The rows refer to candidates by their character offsets in the article, so
that the corpus-level resolution can map them to entities (:func:`to_entities`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence

from graph.interactions import InteractionRow
from graph.schema import ACTOR_TYPES
from pipelines.interactions.parse import parse
from pipelines.interactions.rules import Actor, find_interactions

#: One interaction of an article: sentence index, source candidate (start, end), target
#: candidate (start, end), kind, event, directed (0/1), trigger, trigger (start, end), all
#: offsets in the article text.
Row = tuple[int, int, int, int, int, str, str, int, str, int, int]

_ACTORS = frozenset(ACTOR_TYPES)
#: ``ACTORGRAPH_INTERACTIONS=0`` turns the interaction step off (to measure its cost; part
#: of the analysis fingerprint, so the cache never mixes the two).
SWITCH = "ACTORGRAPH_INTERACTIONS"


def enabled() -> bool:
    """Whether the build finds interactions (not ``ACTORGRAPH_INTERACTIONS=0``)."""
    return os.environ.get(SWITCH, "1").strip() != "0"


def _selected(analysis) -> dict[int, list[tuple[int, object]]]:
    """Sentence index -> its actor candidates (index, candidate), for the sentences that
    name two or more different actors."""
    by_sentence: dict[int, list[tuple[int, object]]] = {}
    for i, c in enumerate(analysis.candidates):
        if c.type in _ACTORS:
            by_sentence.setdefault(c.sentence, []).append((i, c))
    return {s: cs for s, cs in by_sentence.items()
            if len({(c.entry_id or c.text) for _, c in cs}) >= 2}


def annotate(texts: Sequence[str], analyses: Sequence, *, batch_size: int = 64) -> None:
    """Find the interactions of each analysed article (in place: ``analysis.interactions``).

    ``analyses[k].offsets`` must hold the sentence spans of ``texts[k]``.
    """
    jobs: list[tuple[int, int, int, list[tuple[int, object]]]] = []
    sentences: list[str] = []
    for k, (text, analysis) in enumerate(zip(texts, analyses, strict=True)):
        analysis.interactions = []
        for s, cands in sorted(_selected(analysis).items()):
            if s >= len(analysis.offsets):
                continue
            a, b = analysis.offsets[s]
            jobs.append((k, s, a, cands))
            sentences.append(text[a:b])
    for (k, s, base, cands), doc in zip(jobs, parse(sentences, batch_size=batch_size),
                                        strict=True):
        actors = [Actor(c.start - base, c.end - base, i, c.type, c.entry_id)
                  for i, c in cands]
        spans = {i: (c.start, c.end) for i, c in cands}
        rows = analyses[k].interactions
        for f in find_interactions(doc, actors):
            (ss, se), (ts, te) = spans[f.source], spans[f.target]
            rows.append((s, ss, se, ts, te, f.kind, f.event, int(f.directed), f.trigger,
                         base + f.start, base + f.end))


def to_entities(article: str, rows: Iterable[Row], mentions: Iterable, sentences: Sequence[str],
                belongs: Callable[[str, str], bool] | None = None) -> list[InteractionRow]:
    """Map an article's rows to entity ids through its resolved ``mentions`` (by offsets).

    Rows whose actors did not become actor entities, or became the same one, are left out,
    and so is a repeat of the same (unordered pair, kind) in one sentence, and a pair
    where ``belongs(a, b)`` (an official and the state it serves: belonging is no
    interaction).
    """
    entity_of = {(m.start, m.end): m.entity for m in mentions if m.type in _ACTORS}
    out: list[InteractionRow] = []
    seen: set[tuple[int, frozenset[str], str]] = set()
    for s, ss, se, ts, te, kind, event, directed, trigger, start, end in rows:
        a, b = entity_of.get((ss, se)), entity_of.get((ts, te))
        if not a or not b or a == b or (belongs and (belongs(a, b) or belongs(b, a))):
            continue
        key = (s, frozenset((a, b)), kind)
        if key in seen:
            continue
        seen.add(key)
        text = sentences[s].strip() if 0 <= s < len(sentences) else ""
        out.append(InteractionRow(article, s, a, b, kind, event, bool(directed), trigger, text,
                               start, end))
    return out
