"""Hostile and broken corpus files are read in bounded memory, and nothing readable is lost
(issue 15, items 1 and 7).

The memory tests run the reader in a child process that prints its own peak resident size
(``VmHWM``; ``ru_maxrss`` would include the test process it was forked from, big once
spaCy is loaded), so the numbers are not those of the test process.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import textwrap
from pathlib import Path

from pipelines.readers.corpus import Corpus
from pipelines.readers.problems import EXAMPLES, ProblemList, Skipped, more_count

ROOT = Path(__file__).resolve().parents[1]


def peak_reading(path: Path, max_bytes: int) -> dict[str, int]:
    """Read ``path`` in a child process: its peak memory (MB), articles and problems."""
    code = textwrap.dedent(f"""
        import json, resource
        from pipelines.readers.corpus import Corpus
        def peak_mb():  # this program's own peak: ru_maxrss would count the forked parent
            try:
                with open("/proc/self/status") as fh:
                    for line in fh:
                        if line.startswith("VmHWM:"):
                            return int(line.split()[1]) // 1024
            except OSError:
                pass
            return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        from pipelines.readers.problems import more_count
        c = Corpus({str(path)!r}, max_bytes={max_bytes})
        n = sum(1 for _ in c)
        print(json.dumps({{
            "mb": peak_mb(),
            "articles": n, "entries": len(c.skipped),
            "skipped": sum(map(more_count, c.skipped))}}))
    """)
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, timeout=120, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_problem_list_keeps_examples_and_counts_the_rest() -> None:
    problems = ProblemList()
    for i in range(1, 1001):
        problems.append(Skipped(f"a.jsonl:{i}", f"malformed JSON on line {i}"))
    problems.append(Skipped("b.jsonl:3", "row without text"))
    assert len(problems) == EXAMPLES + 2
    assert problems[:EXAMPLES] == [Skipped(f"a.jsonl:{i}", f"malformed JSON on line {i}")
                                   for i in range(1, EXAMPLES + 1)]
    assert problems[EXAMPLES].reason.startswith(f"… and {1000 - EXAMPLES:,} more like this: ")
    assert problems.total() == 1001 == sum(map(more_count, problems))


def test_millions_of_empty_rows_are_counted_not_kept(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl.gz"
    with gzip.open(path, "wb") as fh:
        fh.write(b"{}\n" * 400_000)
    assert path.stat().st_size < 5_000
    got = peak_reading(path, 20 << 20)
    assert got["articles"] == 0
    assert got["skipped"] == 400_000
    assert got["entries"] <= EXAMPLES + 1
    assert got["mb"] < 100, got  # one record per row: ~180 MB


def test_a_huge_utf16_line_is_never_held_whole(tmp_path: Path) -> None:
    path = tmp_path / "utf16.jsonl.gz"
    good = json.dumps({"id": "a", "text": "Le ministre est arrivé à Bamako."},
                      ensure_ascii=False)
    with gzip.open(path, "wb", compresslevel=1) as fh:
        fh.write((good + "\n").encode("utf-16"))
        block = ("x" * (1 << 20)).encode("utf-16-le")
        fh.write('{"text": "'.encode("utf-16-le"))
        for _ in range(120):  # a 120 M-character line
            fh.write(block)
        fh.write(('"}\n' + good.replace('"a"', '"b"') + "\n").encode("utf-16-le"))
    got = peak_reading(path, 1 << 20)
    assert got["articles"] == 2 and got["skipped"] == 1
    assert got["mb"] < 150, got  # the whole line: well over 300 MB


def test_a_huge_csv_line_is_never_held_whole(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8") as fh:
        fh.write("id,text\n1,Le ministre est arrivé.\n2,")
        chunk = "y" * (1 << 20)
        for _ in range(150):
            fh.write(chunk)
        fh.write("\n3,Le président est reparti.\n")
    got = peak_reading(path, 1 << 20)
    assert got["articles"] == 2 and got["skipped"] == 1
    assert got["mb"] < 120, got  # the whole 150 MB line: over 300 MB


def test_an_unclosed_quote_is_one_bad_row_and_the_rows_after_it_are_kept(
        tmp_path: Path) -> None:
    path = tmp_path / "quote.csv"
    rows = [f'{i},Article numéro {i} sur la réunion des ministres.' for i in range(3, 6003)]
    path.write_text('id,text\n1,Le premier article.\n2,"Une citation jamais fermée\n'
                    + "\n".join(rows) + "\n", encoding="utf-8")
    corpus = Corpus(path, max_bytes=20_000)
    articles = list(corpus)
    assert [a.id for a in articles] == ["1"] + [str(i) for i in range(3, 6003)]
    assert len(corpus.skipped) == 1 and corpus.skipped[0].where == f"{path}:3"


def test_a_quoted_field_closed_far_away_is_one_bad_row(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    inner = "\n".join(f"ligne {i} d'une très longue citation" for i in range(50_000))
    path.write_text(f'id,text\n1,Avant.\n2,"{inner}"\n3,Après.\n4,"Une citation, '
                    f'courte."\n', encoding="utf-8")
    corpus = Corpus(path, max_bytes=100_000)
    articles = list(corpus)
    assert [a.id for a in articles] == ["1", "3", "4"]
    assert articles[2].text == "Une citation, courte."
    assert len(corpus.skipped) == 1
    assert corpus.skipped[0].reason.startswith("record larger than")


def test_a_quote_left_open_at_the_end_of_the_file_loses_no_row(tmp_path: Path) -> None:
    path = tmp_path / "tail.csv"
    path.write_text('id,text\n1,"Ouverte\n2,Deuxième.\n3,Troisième.\n', encoding="utf-8")
    corpus = Corpus(path)
    assert [a.id for a in corpus] == ["2", "3"]
    assert [s.where for s in corpus.skipped] == [f"{path}:2"]


def test_a_jsonl_file_opening_with_blank_space_is_read(tmp_path: Path) -> None:
    row = json.dumps({"id": "x", "text": "Le ministre a parlé."}, ensure_ascii=False)
    for name, opener in (("blank.jsonl", open), ("blank.jsonl.gz", gzip.open)):
        path = tmp_path / name
        with opener(path, "wb") as fh:
            fh.write(b"\n" * 40_000 + b" \t\r\n" * 20_000 + row.encode() + b"\n")
        corpus = Corpus(path)
        assert [a.id for a in corpus] == ["x"], corpus.skipped
        assert not corpus.skipped


def test_a_csv_file_opening_with_blank_lines_is_read(tmp_path: Path) -> None:
    path = tmp_path / "blank.csv"
    path.write_text("\n" * 70_000 + "id,text\n1,Le ministre a parlé.\n", encoding="utf-8")
    corpus = Corpus(path)
    assert [a.id for a in corpus] == ["1"], corpus.skipped


def test_a_wholly_blank_jsonl_file_is_still_empty(tmp_path: Path) -> None:
    path = tmp_path / "void.jsonl"
    path.write_bytes(b"\n" * 200_000)
    corpus = Corpus(path)
    assert list(corpus) == []
    assert [s.reason for s in corpus.skipped] == ["empty file"]
