"""The per-article work of a build, a chunk of articles at a time: what an engine runs.

:func:`process_chunk` takes :data:`Job` tuples (a text and its cached spaCy output, if
any) and returns one :data:`Outcome` per job: spaCy (``senter`` + ``ner`` only) where
nothing is cached, :func:`~pipelines.nlp.analysis.analyse_article`, and the interactions
(the dependency parser on the sentences naming two or more actors, then a grammar, see
:mod:`pipelines.interactions`). It is pure apart from the models it loads, so any engine
(:mod:`pipelines.engines`) can run it in any process, on any machine.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from graph.records import ArticleMeta
from pipelines.build.cache import analysis_to_json
from pipelines.nlp.analysis import ArticleAnalysis, analyse_article
from pipelines.nlp.extract import Options
from pipelines.nlp.model import NlpResult

#: A unit of work: (text key, text, cached spaCy output as JSON or None).
Job = tuple[str, str, "dict[str, Any] | None"]
#: Its outcome: (spaCy output to cache or None, analysis JSON, or None and an error).
Outcome = tuple["dict[str, Any] | None", "dict[str, Any] | None", str]

_NO_META = ArticleMeta("")


def keep_evidence_sentences(analysis: ArticleAnalysis) -> ArticleAnalysis:
    """Blank the sentences that name fewer than two candidates (in place; returned).

    The graph only quotes a sentence as an edge's evidence when two actors share it, and
    resolution never adds a mention, so nothing else is needed. Indexes are kept.
    """
    per_sentence = Counter(c.sentence for c in analysis.candidates)
    analysis.sentences = [s if per_sentence[i] >= 2 else ""
                          for i, s in enumerate(analysis.sentences)]
    return analysis


def _nlp_results(texts: list[str], batch_size: int) -> list[NlpResult | str]:
    """spaCy over ``texts``; a text that makes spaCy fail gets its error message instead."""
    from pipelines.nlp.model import analyse, analyse_one

    try:
        return list(analyse(texts, batch_size=batch_size))
    except Exception:  # noqa: BLE001 - find the culprit text by text
        out: list[NlpResult | str] = []
        for text in texts:
            try:
                out.append(analyse_one(text))
            except Exception as exc:  # noqa: BLE001
                out.append(f"spaCy failed: {type(exc).__name__}: {exc}")
        return out


def process_chunk(jobs: list[Job], options: Options, batch_size: int = 32) -> list[Outcome]:
    """spaCy where there is no cached output, then :func:`analyse_article`, per job.

    Pure apart from the model it loads: what a worker process (or a distributed engine)
    runs. Never raises for one bad article: its outcome carries the error instead.
    """
    need = [i for i, (_, _, cached) in enumerate(jobs) if cached is None]
    fresh = dict(zip(need, _nlp_results([jobs[i][1] for i in need], batch_size),
                     strict=True)) if need else {}
    out: list[Outcome] = []
    done: list[tuple[int, str, ArticleAnalysis]] = []
    for i, (_, text, cached) in enumerate(jobs):
        got = fresh.get(i)
        if isinstance(got, str):
            out.append((None, None, got))
            continue
        nlp = got if got is not None else NlpResult.from_json(cached or {"s": [], "e": []})
        try:
            done.append((len(out), text, analyse_article(_NO_META, text, nlp, options)))
            out.append((nlp.to_json() if got is not None else None, None, ""))
        except Exception as exc:  # noqa: BLE001 - one article must not stop the build
            out.append((nlp.to_json() if got is not None else None, None,
                        f"extraction failed: {type(exc).__name__}: {exc}"))
    _interactions(done)
    for k, _, analysis in done:
        out[k] = (out[k][0], analysis_to_json(keep_evidence_sentences(analysis)), "")
    return out


def _interactions(done: list[tuple[int, str, ArticleAnalysis]]) -> None:
    """Parse the sentences naming two or more actors and find their interactions
    (:mod:`pipelines.interactions`), for a chunk at once; article by article if the batch
    fails (an article the parser fails on gets none)."""
    from pipelines.interactions.article import annotate, enabled

    if not enabled():
        return
    try:
        annotate([t for _, t, _ in done], [a for _, _, a in done])
    except Exception:  # noqa: BLE001 - find the culprit article by article
        for _, text, analysis in done:
            try:
                annotate([text], [analysis])
            except Exception:  # noqa: BLE001
                analysis.interactions = []
