"""Errors raised by the pipelines (all are :class:`graph.errors.ActorGraphError`)."""

from __future__ import annotations

from graph.errors import ActorGraphError


class CorpusError(ActorGraphError):
    """The corpus path does not exist or holds nothing readable."""


class ModelNotInstalled(ActorGraphError):
    """The spaCy model is missing."""


class OutputError(ActorGraphError):
    """The output folder cannot be written, or another build holds it."""


class AliasesError(ActorGraphError):
    """The analyst's aliases file is malformed."""


class EngineError(ActorGraphError):
    """The engine running the per-article analysis cannot start or failed (e.g. Dask
    is not installed, its scheduler cannot be reached, a worker runs another version)."""
