"""The project's own exceptions. The CLI turns any of them into ``Error: …``."""

from __future__ import annotations


class ActorGraphError(Exception):
    """Base class for every error actorgraph reports to a user."""


class GraphFormatError(ActorGraphError):
    """A graph file is missing, unreadable, or of an unknown format."""


class GraphWriteError(ActorGraphError):
    """A graph file or page cannot be written (a read-only or missing folder, a full
    disk…); nothing half-written is left behind."""

    @classmethod
    def of(cls, path: object, exc: OSError) -> GraphWriteError:
        """The error for ``exc`` met while writing ``path``."""
        return cls(f"cannot write {path}: {exc.strerror or exc}")


class ActorNotFound(ActorGraphError, KeyError):
    """No actor matches a name; the message suggests close names."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""
