"""Progress reporters: how a build tells its caller how far it got.

The library never builds one: the caller passes a :class:`Progress` (the ``actorgraph``
command passes a :class:`RichProgress` bar on stderr), or nothing. A reporter is any
object with these four methods; a build calls :meth:`~Progress.start` for its counted
phase (reading and analysing the articles), :meth:`~Progress.advance` per article,
:meth:`~Progress.phase` when an uncounted phase begins (resolving, the graph, writing)
and :meth:`~Progress.close` at the end, also after an error.
"""

from __future__ import annotations

import sys
from typing import Any, Protocol, runtime_checkable


@runtime_checkable
class Progress(Protocol):
    """What a build reports to (see the module doc)."""

    def start(self, total: int | None, phase: str) -> None:
        """A counted phase begins: about ``total`` units (None: unknown)."""

    def advance(self, n: int = 1) -> None:
        """``n`` more units of the counted phase are done."""

    def phase(self, name: str) -> None:
        """An uncounted phase begins: the counted one, if any, is over."""

    def close(self) -> None:
        """The build is over (finished or failed)."""


class NoProgress:
    """Reports nothing."""

    def start(self, total: int | None, phase: str) -> None:
        pass

    def advance(self, n: int = 1) -> None:
        pass

    def phase(self, name: str) -> None:
        pass

    def close(self) -> None:
        pass


class RichProgress:
    """A rich progress bar on stderr (articles/s, ETA) for the counted phase."""

    def __init__(self) -> None:
        self._bar: Any = None
        self._task: Any = None

    def start(self, total: int | None, phase: str) -> None:
        self._end_task()
        if self._bar is None:
            self._bar = _rich_bar()
            self._bar.start()
        self._task = self._bar.add_task(phase, total=total)

    def advance(self, n: int = 1) -> None:
        if self._task is not None:
            self._bar.advance(self._task, n)

    def phase(self, name: str) -> None:
        self.close()  # the bar shows the counted phase only

    def close(self) -> None:
        self._end_task()
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def _end_task(self) -> None:
        """Show the counted phase complete at what was done (its total was an estimate)."""
        if self._task is not None:
            done = next(t.completed for t in self._bar.tasks if t.id == self._task)
            self._bar.update(self._task, total=done, completed=done)
            self._task = None


def _rich_bar() -> Any:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class _Rate(TextColumn):
        def __init__(self) -> None:
            super().__init__("")

        def render(self, task):  # type: ignore[override]
            speed = task.finished_speed or task.speed
            return Text(f"{speed:.1f} art/s" if speed else "… art/s")

    return Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), _Rate(),
        TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
        console=Console(file=sys.stderr), transient=False,
    )
