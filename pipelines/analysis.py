"""Per-article analysis: one article's text and spaCy output -> its candidates.

:func:`analyse_article` is a pure function of one article (what the worker processes,
or a distributed engine, run): typed candidates from :mod:`pipelines.extract`, the role
each person is given in context, and the acronyms the article defines. Its results are
cached per article (:mod:`pipelines.cache`); the corpus-level pass is
:class:`pipelines.resolve.Resolver`, whose code can change without invalidating them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.build import ArticleMeta

from .extract import Candidate, Options, extract
from .nlp import NlpResult
from .roles import Role, find_role
from .text import is_acronym

_PERSON_TYPES = ("person", "official")


@dataclass(slots=True)
class ArticleAnalysis:
    """Everything the corpus-level resolver needs from one article."""

    meta: ArticleMeta
    sentences: list[str]
    candidates: list[Candidate]
    roles: dict[int, Role] = field(default_factory=dict)  # candidate index -> role
    acronyms: dict[str, str] = field(default_factory=dict)  # "ACRO" -> long name
    #: Interactions between candidates (:data:`pipelines.interactions.article.Row`).
    interactions: list[tuple] = field(default_factory=list)
    #: Sentence spans in the text (not cached: only the interaction step reads them).
    offsets: list[tuple[int, int]] = field(default_factory=list, compare=False, repr=False)


def split_at_lines(text: str, nlp: NlpResult) -> NlpResult:
    """Never let a sentence run over a line break (a title glued to the lead)."""
    out: list[tuple[int, int]] = []
    for a, b in nlp.sentences:
        start = a
        while True:
            nl = text.find("\n", start, b)
            if nl < 0:
                break
            if text[start:nl].strip():
                out.append((start, nl))
            start = nl + 1
        if text[start:b].strip():
            out.append((start, b))
    if not out:
        out = [(0, len(text))]
    return NlpResult(tuple(out), nlp.ents)


def analyse_article(meta: ArticleMeta, text: str, nlp: NlpResult,
                    options: Options | None = None) -> ArticleAnalysis:
    """Candidates, roles and acronym definitions of one article (pure)."""
    nlp = split_at_lines(text, nlp)
    cands = extract(text, nlp, options)
    roles: dict[int, Role] = {}
    for i, c in enumerate(cands):
        if c.type in _PERSON_TYPES:
            role = find_role(text, c.start, c.end)
            if role:
                roles[i] = role
    acronyms: dict[str, str] = {}
    for c in cands:
        if c.type != "group" or c.entry_id:
            continue
        tail = text[c.end:c.end + 16]
        if tail.startswith(" (") and ")" in tail:
            acro = tail[2:tail.index(")")].strip()
            if is_acronym(acro):
                acronyms[acro] = c.text
    sentences = [text[a:b] for a, b in nlp.sentences]
    return ArticleAnalysis(meta, sentences, cands, roles, acronyms,
                           offsets=list(nlp.sentences))
