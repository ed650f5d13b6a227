"""Progress of long builds: log lines at most every 10 s when stderr is not a terminal,
the reporter the CLI chooses, --quiet and --verbose, and the phase timings at the end."""

from __future__ import annotations

import json
import logging
import re

import pytest
from typer.testing import CliRunner

from pipelines.cli import app
from pipelines.progress import (
    LogProgress,
    NoProgress,
    Progress,
    RichProgress,
    choose_reporter,
)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


#: The tests' own logger (the CLI's ``actorgraph`` logger does not propagate to pytest's).
LOG = logging.getLogger("tests.progress")


def _records(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == LOG.name]


def test_log_lines_at_most_every_interval(caplog: pytest.LogCaptureFixture) -> None:
    clock = Clock()
    caplog.set_level(logging.INFO, logger=LOG.name)
    p = LogProgress(LOG, clock=clock)
    p.start(1000, "Analysing")
    for _ in range(100):  # 100 chunks of 10 articles, one every 0.7 s: 70 s in all
        clock.now += 0.7
        p.advance(10)
    p.phase("Resolving")
    p.close()
    lines = _records(caplog)
    assert lines[0] == "Analysing: 1,000 articles to read"
    progress = [x for x in lines if re.match(r"Analysing: \d[\d,]*/1,000 articles", x)]
    assert 5 <= len(progress) <= 7  # 70 s at most one per 10 s
    first = progress[0]
    assert re.fullmatch(r"Analysing: 150/1,000 articles \(15%\), 14\.3 articles/s, "
                        r"ETA (59 s|1 min 00 s)", first), first
    assert lines[-2] == "Analysing: 1,000 articles in 1 min 10 s (14.3 articles/s)"
    assert lines[-1] == "Resolving"


def test_unknown_total_has_no_eta(caplog: pytest.LogCaptureFixture) -> None:
    clock = Clock()
    caplog.set_level(logging.INFO, logger=LOG.name)
    p = LogProgress(LOG, clock=clock)
    p.start(None, "Analysing")
    clock.now += 20
    p.advance(40)
    assert _records(caplog)[-1] == "Analysing: 40 articles, 2.0 articles/s"


def test_the_cli_chooses_the_reporter() -> None:
    assert isinstance(choose_reporter(terminal=True), RichProgress)
    assert isinstance(choose_reporter(terminal=False), LogProgress)
    assert isinstance(choose_reporter(enabled=False, terminal=True), NoProgress)
    for reporter in (NoProgress(), LogProgress(), RichProgress()):
        assert isinstance(reporter, Progress)


def _corpus(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir(exist_ok=True)
    (corpus / "a.txt").write_text(
        "Sommet à Port-Lune\ndate 2023-05\n\nLa France et le Mali ont signé un accord "
        "de coopération à Bamako.\n", encoding="utf-8")
    return corpus


@pytest.mark.slow
def test_non_terminal_build_logs_phases_and_timings(tmp_path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["build", str(_corpus(tmp_path)), "--out", str(out)])
    assert result.exit_code == 0, result.output
    err = result.stderr
    assert re.search(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d INFO actorgraph\.build: Analysing: "
                     r"1 articles to read$", err, re.M), err
    assert re.search(r"actorgraph\.build: Analysing: 1 articles in \d+ s", err), err
    for phase in ("Resolving", "Building the graph", "Writing"):
        assert re.search(f"actorgraph\\.build: {phase}$", err, re.M), err
    timings = json.loads((out / "report.json").read_text(encoding="utf-8"))["timings"]
    line = re.search(r"actorgraph\.build: timings: (.*); total ([\d.]+) s$", err, re.M)
    assert line, err
    logged = dict(re.findall(r"(\w+) ([\d.]+) s", line.group(1)))
    assert {k: float(v) for k, v in logged.items()} == timings
    assert "Read 1 article(s)" in result.stdout

    quiet = CliRunner().invoke(app, ["build", str(_corpus(tmp_path)), "--out", str(out),
                                     "--quiet"])
    assert quiet.exit_code == 0 and quiet.output == ""
    verbose = CliRunner().invoke(app, ["build", str(_corpus(tmp_path)), "--out", str(out),
                                       "-v"])
    assert verbose.exit_code == 0 and "timings:" in verbose.stderr
    assert "DEBUG actorgraph.build: build " in verbose.stderr
    assert "DEBUG" not in result.stderr


def test_every_command_takes_quiet_and_verbose() -> None:
    for cmd in ("build", "render", "export", "show", "diff", "duplicates"):
        result = CliRunner().invoke(app, [cmd, "--help"])
        assert "--quiet" in result.output and "--verbose" in result.output, cmd
