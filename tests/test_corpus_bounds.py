"""The corpus and the output folder are kept apart, and a corpus that is a whole file
system fails at once (issue 15, item 6)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipelines.errors import CorpusError
from pipelines.readers.corpus import Corpus

TEXT = "Titre\n\nLe ministre malien a rencontré son homologue russe à Moscou.\n"


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(3):
        (corpus / f"a{i}.txt").write_text(TEXT, encoding="utf-8")
    return corpus


def _output(folder: Path, marker: str) -> None:
    folder.mkdir()
    (folder / "mentions.csv").write_text("article,entity,text\na0.txt,x,Le ministre\n",
                                         encoding="utf-8")
    (folder / "relations.csv").write_text("article,text\na0.txt,Le ministre\n",
                                          encoding="utf-8")
    if marker == "lock":
        (folder / ".actorgraph.lock").write_text("", encoding="utf-8")
    else:
        (folder / "cache.sqlite").write_bytes(b"")
        (folder / "report.json").write_text("{}", encoding="utf-8")


@pytest.mark.parametrize("marker", ["lock", "cache"])
def test_an_output_folder_inside_the_corpus_is_skipped_and_said(tmp_path: Path,
                                                                marker: str) -> None:
    corpus = _corpus(tmp_path)
    _output(corpus / "out", marker)
    reader = Corpus(corpus)
    assert [a.id for a in reader] == ["a0.txt", "a1.txt", "a2.txt"]
    assert [(s.where, s.reason) for s in reader.skipped] == [
        (str(corpus / "out"), "an actorgraph output folder, not articles: not read")]


def test_the_build_output_folder_is_excluded_before_any_build(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    out = corpus / "fresh"
    out.mkdir()
    (out / "notes.csv").write_text("id,text\n1,Un texte.\n", encoding="utf-8")
    assert len(list(Corpus(corpus))) == 4
    assert [a.id for a in Corpus(corpus, exclude=[out])] == ["a0.txt", "a1.txt", "a2.txt"]


def test_building_into_the_corpus_does_not_read_the_outputs_back(tmp_path: Path) -> None:
    from pipelines.build.orchestrate import build_corpus

    corpus = _corpus(tmp_path)
    counts = [build_corpus(corpus, corpus / "out", n_process=1).articles for _ in range(3)]
    assert counts == [3, 3, 3]


def test_the_root_of_the_file_system_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "everything"
    os.symlink("/", link)
    with pytest.raises(CorpusError, match="root of the file system"):
        Corpus(link)


def test_a_huge_tree_fails_at_once_with_a_clear_cap(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    for i in range(30):
        (corpus / f"d{i}").mkdir()
    with pytest.raises(CorpusError, match="more than 20 files and folders"):
        Corpus(corpus, max_entries=20)
    assert len(Corpus(corpus, max_entries=100).files()) == 3
