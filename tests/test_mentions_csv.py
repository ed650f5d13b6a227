"""``mentions.csv`` written straight from a MentionTable's columns is byte for byte what
the csv module writes row by row, whatever the cells hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.columns import MentionTable
from graph.records import ArticleMentions, ArticleMeta, EntityInfo, Mention
from pipelines.build.outputs import write_mentions

#: Cells csv quotes, formula triggers the guard quotes, empty cells, odd characters.
TEXTS = ["Ada Vorn", "", "=SOMME(1)", "-tiret", "'=x", "a,b", 'dit "non"', "deux\nlignes",
         "retour\r", "+33", "@lui", "\tonglet", "l’été", "x\ud800y", " "]


def _rows(k: int) -> list[tuple[str, str, str, str, int, int, int]]:
    out = []
    for i in range(k % 5):
        text = TEXTS[(k + i) % len(TEXTS)]
        entity = ["person:ada-vorn", "group:=ligue", "place:x,y", "state:"][(k + i) % 4]
        label = TEXTS[(k * 3 + i) % len(TEXTS)]
        out.append((entity, label, ["person", "group", "place", "state"][i % 4], text,
                    i * 10, i * 10 + len(text), i - 1))
    return out


def _docs(n: int, plain_every: int = 0) -> tuple[list[ArticleMentions], list[ArticleMentions]]:
    table = MentionTable()
    columnar, plain = [], []
    for k in range(n):
        art = ["a", "=b", "c,d", ""][k % 4] + str(k)
        rows = _rows(k)
        meta = ArticleMeta(art)
        mentions = [Mention(art, *r) for r in rows]
        plain.append(ArticleMentions(meta, [], mentions))
        if plain_every and k % plain_every == 0:  # not from the table: row by row
            columnar.append(ArticleMentions(meta, [], list(mentions)))
        else:
            columnar.append(ArticleMentions(meta, [], table.add_article(art, rows)))
    return columnar, plain


ENTITIES = {
    "person:ada-vorn": EntityInfo("person:ada-vorn", "Ada Vorn", "official",
                                  role="=ministre", affiliation="Ruritanie, Nord"),
    "group:=ligue": EntityInfo("group:=ligue", "Ligue", "group", role="", affiliation="-x"),
}


@pytest.mark.parametrize("raw", [False, True])
@pytest.mark.parametrize("plain_every", [0, 3])
def test_columnar_rows_are_the_csv_modules(tmp_path: Path, raw: bool, plain_every: int
                                           ) -> None:
    columnar, plain = _docs(60, plain_every)
    assert write_mentions(tmp_path / "a.csv", columnar, ENTITIES, raw=raw) == \
        write_mentions(tmp_path / "b.csv", plain, ENTITIES, raw=raw)
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()


def test_a_filtered_table_and_two_tables(tmp_path: Path) -> None:
    columnar, plain = _docs(40)
    other_c, other_p = _docs(7)
    keep = [i for i in range(40) if i % 4 != 1]  # gaps in the table (a date range)
    a = [columnar[i] for i in keep] + other_c + columnar[:3]
    b = [plain[i] for i in keep] + other_p + plain[:3]
    assert write_mentions(tmp_path / "a.csv", a, ENTITIES) == write_mentions(
        tmp_path / "b.csv", b, ENTITIES)
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()


def test_a_build_writes_the_same_mentions_csv_from_another_process(
        sample_build, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipelines.build import orchestrate

    calls = []
    real = orchestrate.in_new_process

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(orchestrate, "NEW_PROCESS_MENTIONS", 0)
    monkeypatch.setattr(orchestrate, "in_new_process", counted)
    out = tmp_path / "out"
    result = orchestrate.build_corpus(None, out)
    assert calls == [1]
    reference, _ = sample_build
    assert (out / "mentions.csv").read_bytes() == (reference / "mentions.csv").read_bytes()
    assert result.mentions == len((out / "mentions.csv").read_text(encoding="utf-8")
                                  .splitlines()) - 1


def test_rows_in_small_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipelines.build import mentions_csv

    monkeypatch.setattr(mentions_csv, "_PART_ROWS", 7)
    monkeypatch.setattr(mentions_csv, "_ROWS_AT_ONCE", 3)
    columnar, plain = _docs(50, 4)
    assert write_mentions(tmp_path / "a.csv", columnar, ENTITIES) == write_mentions(
        tmp_path / "b.csv", plain, ENTITIES)
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
