"""The records the pipeline hands from stage to stage: plain data, no behaviour.

``pipelines`` (readers, per-article analysis, corpus-level resolution) produces them and
:mod:`graph.build` turns them into the graph; they live here, below both, so no earlier
stage imports from a later one. Like the rest of :mod:`graph`, this module never imports
spaCy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = ["ArticleMentions", "ArticleMeta", "EntityInfo", "Mention"]


@dataclass(frozen=True, slots=True)
class Mention:
    """One resolved mention of an entity in an article (a row of ``mentions.csv``)."""

    article: str
    entity: str
    label: str
    type: str
    text: str
    start: int
    end: int
    sentence: int


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What the graph keeps of an article: its id, title and date (ISO, may be None);
    ``date_inferred``: the date was read from the text's first lines, not its metadata."""

    id: str
    title: str = ""
    date: str | None = None
    source: str = ""
    url: str = ""
    date_inferred: bool = False


@dataclass(slots=True)
class EntityInfo:
    """Corpus-level facts about a canonical entity."""

    id: str
    label: str
    type: str
    role: str = ""
    affiliation: str = ""
    wikidata: str = ""
    aliases: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ArticleMentions:
    """One article's contribution to the graph: metadata, sentence texts, mentions (a
    list, or a :class:`graph.columns.MentionSlice` of a corpus's mention table)."""

    meta: ArticleMeta
    sentences: list[str]
    mentions: Sequence[Mention]
