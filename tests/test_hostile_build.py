"""A build over a hostile corpus (issue 15): odd file names (a byte that is not UTF-8,
terminal escapes, a leading ``=``), a lone surrogate in the aliases file, millions of
empty rows, and cells a spreadsheet would run as formulas. One build, shared by the
tests (spaCy runs once)."""

from __future__ import annotations

import csv
import gzip
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph import load
from graph.model import example
from graph.readwrite import csv as csv_format
from graph.readwrite.csvsafe import guard, unguard
from pipelines.cli import app

TEXT = ("Le ministre malien des Affaires étrangères a rencontré son homologue russe Sergueï "
        "Lavrov à Moscou. La France et le Mali discutent de la sécurité.\n")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Path, Path, object]:
    corpus = tmp_path_factory.mktemp("hostile")
    root = os.fsencode(corpus)
    with open(root + b"/latin\xe9.txt", "wb") as fh:
        fh.write(("Premier\n\n" + TEXT).encode())
    (corpus / "esc\x1b[31mred.txt").write_text("Deuxième\n\n" + TEXT.replace("Moscou", "Dakar"),
                                               encoding="utf-8")
    (corpus / "=HYPERLINK(1).txt").write_text("Troisième\n\n" + TEXT.replace("Moscou", "Niamey"),
                                              encoding="utf-8")
    (corpus / "\x1b[2Jvide.jsonl").write_text("{}\n", encoding="utf-8")
    with gzip.open(corpus / "empty.jsonl.gz", "wb") as fh:
        fh.write(b"{}\n" * 200_000)
    (corpus / "blank.jsonl").write_text(
        "\n" * 70_000 + json.dumps({"id": "+blank", "text": TEXT.replace("Moscou", "Alger")},
                                   ensure_ascii=False) + "\n", encoding="utf-8")
    aliases = tmp_path_factory.mktemp("aliases") / "aliases.jsonl"
    aliases.write_text('{"name": "Mali", "action": "rename", "value": "Ma\\ud800li\\u001b[0m"}\n'
                       '{"name": "Inconnu", "action": "drop"}\n'
                       '{"name": "Russie", "action": "merge", "value": "Sergueï Lavrov"}\n',
                       encoding="utf-8")
    out = tmp_path_factory.mktemp("hostile_out")
    result = CliRunner().invoke(app, ["build", str(corpus), "--out", str(out), "--no-progress",
                                      "--aliases", str(aliases)])
    return corpus, out, result


def _mentions(out: Path) -> list[dict[str, str]]:
    with (out / "mentions.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_odd_file_names_build(hostile) -> None:
    _, out, result = hostile
    assert result.exit_code == 0, result.output
    articles = {row["article"] for row in _mentions(out)}
    assert "latiné.txt" in articles  # the byte read as Windows-1252, valid text everywhere
    assert "'=HYPERLINK(1).txt" in articles  # neutralised for spreadsheets
    assert "'+blank" in articles  # JSONL opening with 70,000 blank lines: read
    g = load(out)
    index = g.nx.graph["article_index"]
    assert {"latiné.txt", "=HYPERLINK(1).txt", "+blank"} <= set(index)
    assert {unguard(a) for a in articles} <= set(index)


def test_terminal_never_gets_raw_escapes(hostile) -> None:
    _, _, result = hostile
    assert "\x1b" not in result.output
    assert "\\x1b[2Jvide.jsonl" in result.output


def test_lone_surrogate_in_aliases_is_cleaned(hostile) -> None:
    _, out, _ = hostile
    labels = {row["label"] for row in _mentions(out) if row["entity"] == "state:MLI"}
    assert labels == {"Mali[0m"}  # the surrogate and the ESC character removed


def test_report_stays_small_with_many_bad_rows(hostile) -> None:
    _, out, _ = hostile
    raw = (out / "report.json").read_bytes()
    assert len(raw) < 100_000
    report = json.loads(raw)
    where = [s["where"] for s in report["skipped"] if "empty.jsonl.gz" in s["where"]]
    assert len(where) <= 11
    assert any("199,990 more" in s["reason"] for s in report["skipped"])


def test_raw_csv_keeps_values(hostile, tmp_path: Path) -> None:
    corpus, _, _ = hostile
    out = tmp_path / "raw"
    result = CliRunner().invoke(app, ["build", str(corpus), "--out", str(out), "--no-progress",
                                      "--raw-csv"])
    assert result.exit_code == 0, result.output
    articles = {row["article"] for row in _mentions(out)}
    assert "=HYPERLINK(1).txt" in articles and "+blank" in articles


def test_guard_round_trips() -> None:
    for value in ("=1+1", "+33 1", "-x", "@SUM(A1)", "\tx", "\rx", "'=x", "''-y", "'plain",
                  "plain", ""):
        assert unguard(guard(value)) == value
        assert not guard(value).startswith(("=", "+", "-", "@", "\t", "\r"))
    assert guard(-3) == -3


def test_exported_spreadsheets_are_neutralised(tmp_path: Path) -> None:
    g = example().nx.copy()
    g.nodes["mali"]["label"] = "=HYPERLINK(\"http://x\")"
    g.nodes["mali"]["role"] = "@cmd"
    src = tmp_path / "g.graphml"
    from graph.readwrite import write

    write(g, src)
    runner = CliRunner()
    for flag, expect in (([], "'=HYPERLINK"), (["--raw-csv"], "=HYPERLINK")):
        dst = tmp_path / f"x{len(flag)}.csv"
        result = runner.invoke(app, ["export", str(src), "--to", str(dst), *flag])
        assert result.exit_code == 0, result.output
        nodes = dst.with_name(dst.stem + ".nodes.csv")
        with nodes.open(encoding="utf-8", newline="") as fh:
            rows = {r["Id"]: r for r in csv.DictReader(fh)}
        assert rows["mali"]["Label"].startswith(expect)
        for cell in (c for r in rows.values() for c in r.values()):
            if not flag:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
        back = csv_format.read(dst)
        assert back.nodes["mali"]["label"] == "=HYPERLINK(\"http://x\")"


def test_aliases_problems_reach_the_terminal_and_the_report(hostile) -> None:
    _, out, result = hostile
    assert "Warning: aliases.jsonl:2: rule drop 'Inconnu' matched nothing" in result.output
    assert "Warning: aliases.jsonl:3: merges 'Russie' (state) into" in result.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["warnings"][0] == "aliases.jsonl:2: rule drop 'Inconnu' matched nothing"
    assert "actors of different types" in report["warnings"][1]
