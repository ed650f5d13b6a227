"""How a long build tells its progress: a small reporter interface and three reporters.

The build (:func:`pipelines.build.orchestrate.build_corpus`) only calls a
:class:`ProgressReporter`; the caller decides what that shows:

* :class:`TerminalProgress`: a rich progress bar on stderr (articles/s and ETA), for a
  person watching a terminal;
* :class:`LogProgress`: plain lines through :mod:`logging`, at most one every
  ``interval`` seconds (10 by default) while articles are analysed, and one per phase,
  for a build whose output goes to a file (``nohup``, a scheduler, CI);
* :class:`NullProgress`: nothing.

The ``actorgraph`` command picks one (:func:`choose_reporter`): the bar when stderr is a
terminal, log lines otherwise, nothing with ``--quiet`` or ``--no-progress``.

>>> import logging, io
>>> stream = io.StringIO()
>>> log = logging.getLogger("doctest.progress")
>>> log.addHandler(logging.StreamHandler(stream)); log.setLevel(logging.INFO)
>>> clock = iter([0.0, 5.0, 12.0, 13.0]).__next__
>>> with LogProgress(log, clock=clock) as p:
...     p.start("analyse", 100)
...     p.advance(10)     # 5 s: too soon after the start line
...     p.advance(30)     # 12 s: a line
...     p.done(100)
>>> print(stream.getvalue(), end="")
analyse: 100 articles to read
analyse: 40/100 articles (40%), 3.3 articles/s, ETA 18 s
analyse: 100 articles in 13 s (7.7 articles/s)
"""

from __future__ import annotations

import logging
import sys
import time
from collections import deque
from collections.abc import Callable, Mapping
from types import TracebackType
from typing import Any, Protocol, runtime_checkable

__all__ = ["ProgressReporter", "NullProgress", "LogProgress", "TerminalProgress",
           "choose_reporter", "format_duration", "format_timings", "LOGGER_NAME"]

#: The logger the build's progress lines go to (the CLI configures ``actorgraph``).
LOGGER_NAME = "actorgraph.build"


@runtime_checkable
class ProgressReporter(Protocol):
    """What the build calls. A reporter is a context manager around the counted phase."""

    def __enter__(self) -> ProgressReporter: ...

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None: ...

    def start(self, phase: str, total: int | None) -> None:
        """A counted phase begins: ``total`` articles (an estimate; None: unknown)."""

    def advance(self, n: int = 1) -> None:
        """``n`` more articles are done."""

    def done(self, completed: int) -> None:
        """The counted phase ended with ``completed`` articles (the exact total)."""

    def phase(self, name: str) -> None:
        """An uncounted phase begins (``resolve``, ``graph``, ``write``)."""


class NullProgress:
    """Reports nothing."""

    def __enter__(self) -> NullProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def start(self, phase: str, total: int | None) -> None:
        return None

    def advance(self, n: int = 1) -> None:
        return None

    def done(self, completed: int) -> None:
        return None

    def phase(self, name: str) -> None:
        return None


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
    """Progress as log lines: one when a phase starts, then at most one every
    ``interval`` seconds while articles are done (done/total, rate, ETA), one when the
    counted phase ends. ``clock`` is :func:`time.monotonic` (tests pass their own)."""

    def __init__(self, logger: logging.Logger | None = None, *, interval: float = 10.0,
                 window: float = 60.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.log = logger or logging.getLogger(LOGGER_NAME)
        self.interval = interval
        self.clock = clock
        self.name = ""
        self.total: int | None = None
        self.completed = 0
        self.started = 0.0
        self.last = 0.0
        self.window = window
        #: (time, articles done) at each line, for the rate: see :meth:`line`
        self.samples: deque[tuple[float, int]] = deque([(0.0, 0)])

    def __enter__(self) -> LogProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def start(self, phase: str, total: int | None) -> None:
        self.name, self.total, self.completed = phase, total, 0
        self.started = self.last = self.clock()
        self.samples = deque([(self.started, 0)])
        about = f"{total:,} articles to read" if total is not None else "reading articles"
        self.log.info("%s: %s", phase, about)

    def advance(self, n: int = 1) -> None:
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
            share = min(self.completed / self.total, 1.0)
            text += f"/{self.total:,} articles ({share:.0%})"
        else:
            text += " articles"
        text += f", {rate:.1f} articles/s"
        if self.total and rate > 0 and self.completed < self.total:
            text += f", ETA {format_duration((self.total - self.completed) / rate)}"
        return text

    def done(self, completed: int) -> None:
        self.completed = completed
        elapsed = max(self.clock() - self.started, 1e-9)
        self.log.info("%s: %s articles in %s (%.1f articles/s)", self.name,
                      f"{completed:,}", format_duration(elapsed), completed / elapsed)

    def phase(self, name: str) -> None:
        self.name = name
        self.log.info("%s: started", name)


class TerminalProgress:
    """A rich progress bar on stderr (articles/s, ETA) for the counted phase."""

    def __init__(self) -> None:
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> TerminalProgress:
        self._bar = _rich_bar()
        self._bar.__enter__()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.__exit__(exc_type, exc, tb)
            self._bar = None

    def start(self, phase: str, total: int | None) -> None:
        if self._bar is not None:
            self._task = self._bar.add_task(phase.capitalize().replace("Analyse", "Analysing"),
                                            total=total)

    def advance(self, n: int = 1) -> None:
        if self._bar is not None and self._task is not None:
            self._bar.advance(self._task, n)

    def done(self, completed: int) -> None:
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, total=completed, completed=completed)

    def phase(self, name: str) -> None:
        return None


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

        def render(self, task: Any) -> Text:  # type: ignore[override]
            speed = task.finished_speed or task.speed
            return Text(f"{speed:.1f} art/s" if speed else "… art/s")

    return Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), _Rate(),
        TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
        console=Console(file=sys.stderr), transient=False,
    )


def choose_reporter(*, enabled: bool = True, terminal: bool | None = None,
                    interval: float = 10.0) -> ProgressReporter:
    """The reporter for a command: nothing when not ``enabled``, the bar when stderr is a
    terminal (``terminal`` None: ask ``sys.stderr.isatty()``), log lines otherwise."""
    if not enabled:
        return NullProgress()
    if terminal is None:
        try:
            terminal = sys.stderr.isatty()
        except (AttributeError, ValueError):
            terminal = False
    return TerminalProgress() if terminal else LogProgress(interval=interval)


def as_reporter(progress: bool | ProgressReporter | None) -> ProgressReporter:
    """What the build takes for its ``progress`` argument: a reporter as is, ``True``
    the terminal bar, ``False``/None nothing."""
    if progress is None or progress is False:
        return NullProgress()
    if progress is True:
        return TerminalProgress()
    return progress


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
