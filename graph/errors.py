"""The project's own exceptions. The CLI turns any of them into ``Error: …``."""

from __future__ import annotations


class ActorGraphError(Exception):
    """Base class for every error actorgraph reports to a user."""


class GraphFormatError(ActorGraphError):
    """A graph file is missing, unreadable, or of an unknown format."""


class ActorNotFound(ActorGraphError, KeyError):
    """No actor matches a name; the message suggests close names."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""
