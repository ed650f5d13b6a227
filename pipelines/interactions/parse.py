"""The dependency parser, run only on the sentences that name two or more actors.

The build's own spaCy stage (:mod:`pipelines.nlp.model`) keeps only ``senter`` and ``ner``.
Here the same model is loaded a second time, lazily and once per process, with the
components the grammar of :mod:`pipelines.interactions.rules` reads (``tok2vec``,
``morphologizer``, ``parser``, ``attribute_ruler``, ``lemmatizer``) and without ``ner``:
it parses single sentences, in batches, with ``nlp.pipe``.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from pipelines.errors import ModelNotInstalled
from pipelines.nlp.model import MODEL

#: What the parser pipeline leaves out, and what it loads but does not run: the
#: lemmatiser, the slowest component, lemmatises on demand only the words the rules look
#: at (:func:`lemma_of`).
_EXCLUDED = ["ner", "senter"]
_DISABLED = ["lemmatizer"]
#: Seconds spent parsing in this process (read by the speed benchmark).
PARSE_SECONDS = [0.0]


@lru_cache(maxsize=1)
def load_parser() -> Any:
    """The French model with tagger and parser (its lemmatiser loaded but not run),
    without NER (cached)."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spacy is a dependency
        raise ModelNotInstalled("spaCy is not installed: pip install spacy") from exc
    from pipelines.nlp.regex_cache import reusing_compiled_regexes

    try:
        with reusing_compiled_regexes():
            nlp = spacy.load(MODEL, exclude=_EXCLUDED, disable=_DISABLED)
    except OSError as exc:
        raise ModelNotInstalled(f"the spaCy model {MODEL!r} is not installed") from exc
    return nlp


def parse(sentences: Sequence[str], *, batch_size: int = 64) -> list[Any]:
    """Parse ``sentences`` (each one a sentence) in order: spaCy ``Doc`` objects."""
    if not sentences:
        return []
    nlp = load_parser()
    t0 = time.perf_counter()
    try:
        return list(nlp.pipe(sentences, batch_size=batch_size))
    finally:
        PARSE_SECONDS[0] += time.perf_counter() - t0


def lemma_of(token: Any) -> str:
    """The lemma of one parsed token, by the model's own (rule-based, cached) lemmatiser."""
    lemmatizer = load_parser().get_pipe("lemmatizer")
    forms = lemmatizer.lemmatize(token)
    return forms[0] if forms else token.text.lower()
