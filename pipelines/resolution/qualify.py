"""Which state a lower-case institution belongs to: "le ministère de la Santé" of France,
of Egypt, of Brazil are three actors.

An institution of :mod:`pipelines.nlp.institutions` names no state of its own unless its
complement does ("parquet de Paris"). Its state is the one state its sentence names
outside the institution itself (by name, capital, demonym or seat): "En Égypte, le
ministère de la Santé a annoncé…"; when its sentence names none, the state the article is
about (two thirds of its state mentions). A mention still without a state, or whose
sentence names several, takes the state the corpus most often gives that institution
(for a French corpus, its own ministries are France's). Each (institution, state) pair
is one node; the node of the usual state keeps the bare name, the others carry their
state: "ministère de la Santé (Égypte)".
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from pipelines.nlp.analysis import ArticleAnalysis
from pipelines.text import name_key

INSTITUTION = "institution"  # the candidate kind pipelines.nlp.extract gives them


def sentence_states(docs: Sequence[ArticleAnalysis],
                    state_ids: frozenset[str]) -> list[dict[int, str]]:
    """Per article, per institution candidate: the one state its sentence names, if one."""
    out: list[dict[int, str]] = []
    for doc in docs:
        by_sentence: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
        for c in doc.candidates:
            if c.entry_id in state_ids:
                by_sentence[c.sentence].append((c.start, c.end, c.entry_id))
        found: dict[int, str] = {}
        dominant = ""
        for i, c in enumerate(doc.candidates):
            if c.kind != INSTITUTION:
                continue
            states = {sid for s, e, sid in by_sentence.get(c.sentence, ())
                      if not (c.start <= s and e <= c.end)}
            if len(states) == 1:
                found[i] = states.pop()
            elif not states:
                dominant = dominant or _dominant(by_sentence) or "-"
                if dominant != "-":
                    found[i] = dominant
        out.append(found)
    return out


def _dominant(by_sentence: dict[int, list[tuple[int, int, str]]]) -> str:
    """The state an article is about: at least two thirds of its state mentions."""
    counts = Counter(sid for spans in by_sentence.values() for _, _, sid in spans)
    if not counts:
        return ""
    sid, n = counts.most_common(1)[0]
    return sid if n * 3 >= 2 * sum(counts.values()) else ""


def usual_states(docs: Sequence[ArticleAnalysis],
                 found: Sequence[dict[int, str]]) -> dict[str, str]:
    """Per institution name, the state the corpus gives it most often (at least half the
    time it gives one)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for doc, states in zip(docs, found, strict=True):
        for i, sid in states.items():
            counts[name_key(doc.candidates[i].text)][sid] += 1
    usual: dict[str, str] = {}
    for key, c in counts.items():
        sid, n = c.most_common(1)[0]
        if n * 2 >= sum(c.values()):
            usual[key] = sid
    return usual
