"""Progress reporters: how a build tells its caller how far it got.

The library never builds one: the caller passes a :class:`Progress`, or nothing. The
``actorgraph build`` command picks one with :func:`choose_reporter`: a :class:`RichProgress`
bar when stderr is a terminal, :class:`LogProgress` lines through :mod:`logging` (at most
one every 10 s) when it is not (``nohup``, a scheduler, CI), nothing with ``--quiet`` or
``--no-progress``. A reporter is any
object with these four methods; a build calls :meth:`~Progress.start` for its counted
phase (reading and analysing the articles), :meth:`~Progress.advance` per article,
:meth:`~Progress.phase` when an uncounted phase begins (resolving, the graph, writing)
and :meth:`~Progress.close` at the end, also after an error.
"""

from __future__ import annotations

import logging
import sys
import time
from collections import deque
from collections.abc import Callable, Mapping
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


# ----------------------------------------------------------------------------- log lines

#: The logger the build's progress lines go to (the CLI configures ``actorgraph``).
LOGGER_NAME = "actorgraph.build"


def format_duration(seconds: float) -> str:
    """``42 s``, ``3 min 05 s``, ``1 h 02 min``.

    >>> format_duration(4.2), format_duration(185), format_duration(3725)
    ('4 s', '3 min 05 s', '1 h 02 min')
    """
    seconds = max(0, int(round(seconds)))
    if seconds < 60:
        return f"{seconds} s"
    minutes, sec = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {sec:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def format_timings(timings: Mapping[str, float], total: float | None = None) -> str:
    """One line of phase timings, rounded as ``report.json`` rounds them.

    >>> format_timings({"analyse": 12.345, "resolve": 1.0}, 14.0)
    'timings: analyse 12.35 s, resolve 1.0 s; total 14.0 s'
    """
    parts = ", ".join(f"{name} {round(value, 2)} s" for name, value in timings.items())
    line = f"timings: {parts or 'none'}"
    if total is not None:
        line += f"; total {round(total, 2)} s"
    return line


class LogProgress:
    """Progress as log lines, for a build whose output is not a terminal: one when a phase
    starts, at most one every ``interval`` seconds while the counted phase goes on
    (done/total, the rate over about the last ``window`` seconds, ETA), and one when it
    ends. ``clock`` is :func:`time.monotonic` (tests pass their own).

    >>> import io, logging
    >>> stream = io.StringIO()
    >>> log = logging.getLogger("doctest.progress")
    >>> log.addHandler(logging.StreamHandler(stream)); log.setLevel(logging.INFO)
    >>> p = LogProgress(log, clock=iter([0.0, 5.0, 12.0, 13.0, 13.0]).__next__)
    >>> p.start(100, "Analysing")
    >>> p.advance(10)     # 5 s: too soon after the first line
    >>> p.advance(30)     # 12 s: a line
    >>> p.advance(60)     # 13 s: too soon
    >>> p.phase("Resolving")
    >>> p.close()
    >>> print(stream.getvalue(), end="")
    Analysing: 100 articles to read
    Analysing: 40/100 articles (40%), 3.3 articles/s, ETA 18 s
    Analysing: 100 articles in 13 s (7.7 articles/s)
    Resolving
    """

    def __init__(self, logger: logging.Logger | None = None, *, interval: float = 10.0,
                 window: float = 60.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.log = logger or logging.getLogger(LOGGER_NAME)
        self.interval, self.window, self.clock = interval, window, clock
        self.name: str | None = None  # the counted phase, while it goes on
        self.total: int | None = None
        self.completed = 0
        self.started = self.last = 0.0
        #: (time, units done) at each line, for the rate: see :meth:`line`
        self.samples: deque[tuple[float, int]] = deque()

    def start(self, total: int | None, phase: str) -> None:
        self._end()
        self.name, self.total, self.completed = phase, total, 0
        self.started = self.last = self.clock()
        self.samples = deque([(self.started, 0)])
        self.log.info("%s: %s", phase, f"{total:,} articles to read" if total is not None
                      else "reading articles")

    def advance(self, n: int = 1) -> None:
        if self.name is None:
            return
        self.completed += n
        now = self.clock()
        if now - self.last >= self.interval:
            self.log.info("%s", self.line(now))
            self.last = now
            self.samples.append((now, self.completed))

    def line(self, now: float) -> str:
        """The progress line at time ``now``. The rate (and so the ETA) is measured over
        about the last ``window`` seconds, so a slow start (loading the model) does not
        skew it for long and chunks finishing in bursts do not make it jump."""
        while len(self.samples) > 1 and now - self.samples[1][0] >= self.window:
            self.samples.popleft()
        since, done_then = self.samples[0]
        rate = (self.completed - done_then) / max(now - since, 1e-9)
        text = f"{self.name}: {self.completed:,}"
        if self.total:
            text += f"/{self.total:,} articles ({min(self.completed / self.total, 1.0):.0%})"
        else:
            text += " articles"
        text += f", {rate:.1f} articles/s"
        if self.total and rate > 0 and self.completed < self.total:
            text += f", ETA {format_duration((self.total - self.completed) / rate)}"
        return text

    def phase(self, name: str) -> None:
        self._end()
        self.log.info("%s", name)

    def close(self) -> None:
        self._end()

    def _end(self) -> None:
        """The counted phase is over: say how many units it did, in how long."""
        if self.name is None:
            return
        elapsed = max(self.clock() - self.started, 1e-9)
        self.log.info("%s: %s articles in %s (%.1f articles/s)", self.name,
                      f"{self.completed:,}", format_duration(elapsed),
                      self.completed / elapsed)
        self.name = None


def choose_reporter(*, enabled: bool = True, terminal: bool | None = None,
                    interval: float = 10.0) -> Progress:
    """The reporter for the ``actorgraph build`` command: nothing when not ``enabled``,
    the bar when stderr is a terminal (``terminal`` None: ask ``sys.stderr.isatty()``),
    log lines (:class:`LogProgress`) otherwise."""
    if not enabled:
        return NoProgress()
    if terminal is None:
        try:
            terminal = sys.stderr.isatty()
        except (AttributeError, ValueError):
            terminal = False
    return RichProgress() if terminal else LogProgress(interval=interval)


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """A handler that writes to whatever ``sys.stderr`` is when a record comes (test
    runners swap it)."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    @property  # type: ignore[override]
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, value: Any) -> None:
        return None


_HANDLER: logging.Handler | None = None


def configure_logging(*, quiet: bool = False, verbose: bool = False) -> int:
    """Send the ``actorgraph`` loggers to stderr as ``time level name: message``, at
    INFO (``verbose``: DEBUG, ``quiet``: WARNING). Returns the level set. Calling it
    again replaces the previous set-up."""
    global _HANDLER
    level = logging.WARNING if quiet else logging.DEBUG if verbose else logging.INFO
    log = logging.getLogger("actorgraph")
    if _HANDLER is not None:
        log.removeHandler(_HANDLER)
    _HANDLER = _StderrHandler()
    _HANDLER.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s",
                                            "%Y-%m-%d %H:%M:%S"))
    log.addHandler(_HANDLER)
    log.setLevel(level)
    log.propagate = False
    return level
