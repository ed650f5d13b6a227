"""Tests for pipelines.readers.corpus: formats, encodings and every kind of bad input."""

from __future__ import annotations

import builtins
import csv
import gzip
import json
import os
from pathlib import Path

import pytest

from pipelines.errors import CorpusError
from pipelines.readers import corpus as corpus_mod
from pipelines.readers.corpus import Article, Corpus, Skipped, normalize_text, sample_path

ORANGESUM = Path(__file__).parents[2] / "shared" / "corpora" / "orangesum_fr_news"

ARTICLE_FR = (
    "Le ministre a reçu la délégation à Ouagadougou\n\n"
    "La réunion, prévue de longue date, s'est achevée tard dans la soirée. Les élus ont "
    "évoqué la sécurité, l'économie et la coopération régionale.\n\n"
    "Aucune déclaration commune n'a été publiée à l'issue des échanges."
)


def read(path: Path, **kw: object) -> tuple[list[Article], list[Skipped]]:
    c = Corpus(path, **kw)  # type: ignore[arg-type]
    arts = list(c)
    return arts, c.skipped


def reasons(skipped: list[Skipped]) -> list[str]:
    return [s.reason for s in skipped]


def write_jsonl(path: Path, rows: list[object]) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                    encoding="utf-8")
    return path


# --------------------------------------------------------------------------- basics


def test_sample_corpus() -> None:
    folder = sample_path()
    assert folder.is_dir()
    c = Corpus()
    arts = list(c)
    assert len(arts) == len(list(folder.glob("*.txt"))) >= 1
    assert c.skipped == []
    assert all(a.text and a.title for a in arts)
    assert [a.id for a in arts] == sorted(a.id for a in arts)
    assert c.estimate() == len(arts)


def test_txt_folder_recursive_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Titre Z\n\nCorps de l'article Z.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Titre A\n\nCorps A.", encoding="utf-8")
    (tmp_path / "c.md").write_text("# Titre C\n\nCorps C.", encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04 ignored")  # other extensions
    (tmp_path / ".hidden.txt").write_text("caché", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("caché", encoding="utf-8")
    c = Corpus(tmp_path)
    arts = list(c)
    assert [a.id for a in arts] == ["a.txt", "b/z.txt", "c.md"]
    assert [a.title for a in arts] == ["Titre A", "Titre Z", "Titre C"]
    assert arts[1].text == "Titre Z\n\nCorps de l'article Z."
    assert c.skipped == []
    assert [p.name for p in c.files()] == ["a.txt", "z.txt", "c.md"]
    assert c.estimate() == 3


def test_reiterable_and_skipped_reset(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Titre\n\nTexte.", encoding="utf-8")
    (tmp_path / "vide.txt").write_bytes(b"")
    c = Corpus(tmp_path)
    first = list(c)
    assert len(c.skipped) == 1
    second = list(c)
    assert first == second
    assert len(c.skipped) == 1  # reset, not accumulated


def test_single_txt_file(tmp_path: Path) -> None:
    f = tmp_path / "un.txt"
    f.write_text(ARTICLE_FR, encoding="utf-8")
    (arts, skipped) = read(f)
    assert skipped == []
    assert arts[0].id == "un.txt"
    assert arts[0].title == "Le ministre a reçu la délégation à Ouagadougou"
    assert arts[0].date is None


def test_header_date_and_title(tmp_path: Path) -> None:
    f = tmp_path / "d.txt"
    f.write_text("Date : 12/05/2022\nSommet à Accra\n\nLes chefs d'État se sont réunis.",
                 encoding="utf-8")
    (art,), _ = read(f)
    assert art.date == "2022-05-12"
    assert art.title == "Sommet à Accra"  # the bare date line is not the title
    g = tmp_path / "e.txt"
    g.write_text(" date 2021-11 Alors que les négociations reprennent à Bamako, les "
                 "partenaires attendent un calendrier.", encoding="utf-8")
    (art,), _ = read(g)
    assert art.date == "2021-11"
    assert art.title.startswith("Alors que les négociations")


def test_markdown_front_matter(tmp_path: Path) -> None:
    f = tmp_path / "fm.md"
    f.write_text('---\ntitle: "Visite officielle à Rabat"\ndate: 2023-04-18\n'
                 "tags: [diplomatie]\n---\n\n# Titre du corps\n\nLe texte de l'article.\n",
                 encoding="utf-8")
    (art,), skipped = read(f)
    assert skipped == []
    assert art.title == "Visite officielle à Rabat"
    assert art.date == "2023-04-18"
    assert art.text == "# Titre du corps\n\nLe texte de l'article."
    g = tmp_path / "rule.md"  # a horizontal rule, not front matter
    g.write_text("---\nRien de spécial\n---\nCorps.", encoding="utf-8")
    (art,), _ = read(g)
    assert art.text.startswith("---")
    assert art.title == "Rien de spécial"


def test_long_first_line_title_is_capped(tmp_path: Path) -> None:
    f = tmp_path / "long.txt"
    f.write_text("mot " * 500, encoding="utf-8")
    (art,), _ = read(f)
    assert len(art.title) <= corpus_mod.MAX_TITLE_CHARS + 1
    assert art.title.endswith("…")


# --------------------------------------------------------------------------- errors


def test_missing_path() -> None:
    with pytest.raises(CorpusError, match="does not exist"):
        Corpus("/nonexistent/corpus/folder")


def test_unsupported_file(tmp_path: Path) -> None:
    f = tmp_path / "data.parquet"
    f.write_bytes(b"PAR1")
    with pytest.raises(CorpusError, match="unsupported corpus file type '.parquet'"):
        Corpus(f)


def test_folder_without_articles(tmp_path: Path) -> None:
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    with pytest.raises(CorpusError, match="no readable .txt"):
        Corpus(tmp_path)


def test_unlistable_folder_raises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("Titre\n\nTexte.", encoding="utf-8")

    def fake_scandir(path):  # type: ignore[no-untyped-def]
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(os, "scandir", fake_scandir)
    with pytest.raises(CorpusError, match="permission denied"):
        Corpus(tmp_path)


def test_corpus_error_is_actorgraph_error() -> None:
    from graph.errors import ActorGraphError

    assert issubclass(CorpusError, ActorGraphError)


# --------------------------------------------------------------------------- normalisation


def test_normalize_text() -> None:
    raw = "e\u0301te\u0301\r\nligne\u00a0deux\rtrois\x00\x07\u200b\ufeff\tfin\u202f!  "
    assert normalize_text(raw) == "été\nligne deux\ntrois\tfin !"
    assert normalize_text("\ud800abc") == "abc"  # lone surrogate from a JSON escape


def test_text_is_normalised_in_articles(tmp_path: Path) -> None:
    f = tmp_path / "n.txt"
    f.write_bytes("Titre\u00a0ici\r\n\r\nCorps\x00 du texte.".encode())
    (art,), _ = read(f)
    assert art.text == "Titre ici\n\nCorps du texte."
    assert art.title == "Titre ici"


# --------------------------------------------------------------------------- encodings

FRENCH = "Élèves à l'école : déjà été, Noël à Besançon, cœur — « très » cher ; garçon ému."


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),  # UTF-8 with BOM
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("cp1252", b""),
        ("latin-1", b""),
    ],
)
def test_encodings(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    text = FRENCH if encoding != "latin-1" else FRENCH.replace("œ", "oe").replace("—", "-")
    f = tmp_path / "enc.txt"
    f.write_bytes(prefix + (text + "\n\nSuite du texte.").encode(encoding))
    (art,), skipped = read(f)
    assert skipped == []
    assert art.title == text
    assert "\ufeff" not in art.text


def test_cp1252_longer_article(tmp_path: Path) -> None:
    text = ARTICLE_FR + "\n\nLes députés ont exprimé leur inquiétude ; « c'est grave », a dit l'un."
    f = tmp_path / "w.txt"
    f.write_bytes(text.encode("cp1252"))
    (art,), _ = read(f)
    assert art.text == normalize_text(text)


def test_utf8_with_stray_cp1252_bytes(tmp_path: Path) -> None:
    f = tmp_path / "mixte.txt"
    f.write_bytes("Première partie écrite en UTF-8, déjà.\n\n".encode()
                  + "Seconde partie collée depuis Windows : élève.".encode("cp1252"))
    (art,), skipped = read(f)
    assert skipped == []
    assert art.text == ("Première partie écrite en UTF-8, déjà.\n\n"
                        "Seconde partie collée depuis Windows : élève.")


def test_utf16_without_bom(tmp_path: Path) -> None:
    f = tmp_path / "u16.txt"
    f.write_bytes(("Titre sans BOM\n\n" + FRENCH).encode("utf-16-le"))
    (art,), skipped = read(f)
    assert skipped == []
    assert art.title == "Titre sans BOM"


def test_jsonl_cp1252_and_bom(tmp_path: Path) -> None:
    f = tmp_path / "w.jsonl"
    row = json.dumps({"id": "x", "text": FRENCH}, ensure_ascii=False)
    f.write_bytes(row.encode("cp1252") + b"\n")
    (art,), _ = read(f)
    assert art.text == FRENCH
    g = tmp_path / "bom.jsonl"
    g.write_bytes(b"\xef\xbb\xbf" + row.encode("utf-8") + b"\n")
    (art,), skipped = read(g)
    assert skipped == [] and art.id == "x"
    h = tmp_path / "u16.jsonl"
    h.write_bytes((row + "\n" + row.replace('"x"', '"y"') + "\n").encode("utf-16"))
    arts, skipped = read(h)
    assert skipped == [] and [a.id for a in arts] == ["x", "y"]
    assert arts[0].text == FRENCH


# --------------------------------------------------------------------------- bad files


def test_empty_and_blank_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(b"  \n\n\t ")
    (tmp_path / "c.jsonl").write_bytes(b"")
    (tmp_path / "d.csv").write_bytes(b"\n")
    (tmp_path / "e.html").write_bytes(b"")
    (tmp_path / "f.txt").write_bytes(b"\x00\x00")  # NULs only: binary, not text
    (tmp_path / "g.txt").write_bytes("\u00a0\u200b\n".encode())  # only invisible characters
    arts, skipped = read(tmp_path)
    assert arts == []
    got = {Path(s.where).name: s.reason for s in skipped}
    assert got == {
        "a.txt": "empty file", "b.txt": "empty file", "c.jsonl": "empty file",
        "d.csv": "empty file", "e.html": "empty file", "f.txt": "binary file",
        "g.txt": "empty file",
    }


def test_binary_files(tmp_path: Path) -> None:
    (tmp_path / "png.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "zip.jsonl").write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" * 20)
    (tmp_path / "x.csv").write_bytes(b"text\n\x00\x01\x02\x03\x00\x00\x00\xff\xfe")
    (tmp_path / "ctrl.txt").write_bytes(bytes(range(1, 32)) * 50)  # controls, no NUL
    (tmp_path / "ok.txt").write_text("Titre\n\nTexte.", encoding="utf-8")
    arts, skipped = read(tmp_path)
    assert [a.id for a in arts] == ["ok.txt"]
    got = {Path(s.where).name: s.reason for s in skipped}
    assert got == {"png.txt": "binary file", "zip.jsonl": "binary file",
                   "x.csv": "binary file", "ctrl.txt": "binary file"}


def test_random_bytes_not_text(tmp_path: Path) -> None:
    import random

    rnd = random.Random(7)
    data = bytes(rnd.choice(range(128, 256)) for _ in range(3000))
    (tmp_path / "r.txt").write_bytes(data)
    arts, skipped = read(tmp_path / "r.txt")
    # either rejected, or decoded into text: never a crash, never a silent loss
    assert len(arts) + len(skipped) == 1
    if skipped:
        assert skipped[0].reason in {"binary file", "not valid text in any encoding"}


def test_file_larger_than_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Titre\n\n" + "x" * 5000, encoding="utf-8")
    (tmp_path / "small.txt").write_text("Petit\n\nTexte.", encoding="utf-8")
    arts, skipped = read(tmp_path, max_bytes=1000)
    assert [a.id for a in arts] == ["small.txt"]
    assert skipped[0].where.endswith("big.txt")
    assert skipped[0].reason.startswith("file larger than 1,000 bytes limit")


def test_default_limit_reason(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with open(big, "wb") as fh:  # sparse file: 21 MB without writing 21 MB
        fh.truncate(21 * 1024 * 1024)
    arts, skipped = read(big)
    assert arts == []
    assert skipped[0].reason.startswith("file larger than 20 MB limit")


def test_long_article_is_cut_at_paragraph(tmp_path: Path) -> None:
    para = "Une phrase de remplissage sur la coopération régionale. " * 20
    text = "Titre long\n\n" + "\n\n".join(f"{i} {para}" for i in range(50))
    f = tmp_path / "long.txt"
    f.write_text(text, encoding="utf-8")
    c = Corpus(f, max_chars=10_000)
    (art,) = list(c)
    assert len(art.text) <= 10_000
    assert len(art.text) > 5_000
    assert text.startswith(art.text)
    # cut at a paragraph boundary (trailing spaces of the last paragraph dropped)
    assert text[len(art.text):].lstrip(" ").startswith("\n\n")
    assert c.skipped == []
    assert len(c.notes) == 1 and "cut" in c.notes[0].reason


def test_long_article_without_paragraphs_is_cut(tmp_path: Path) -> None:
    f = tmp_path / "mur.txt"
    f.write_text("mot " * 5000, encoding="utf-8")
    (art,), _ = read(f, max_chars=1000)
    assert len(art.text) <= 1000 and art.text.endswith("mot")


# --------------------------------------------------------------------------- permissions


def _deny_open(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    real_open = builtins.open

    def fake_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(file).endswith(name):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", fake_open)


def test_unreadable_file_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("Titre\n\nTexte.", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("Titre\n\nTexte.", encoding="utf-8")
    (tmp_path / "secret.jsonl").write_text('{"text": "x"}\n', encoding="utf-8")
    _deny_open(monkeypatch, "secret.txt")
    arts, skipped = read(tmp_path)
    assert [a.id for a in arts] == ["a.txt", "secret.jsonl#1"]
    assert [(Path(s.where).name, s.reason) for s in skipped] == [
        ("secret.txt", "permission denied")]
    _deny_open(monkeypatch, "secret.jsonl")
    arts, skipped = read(tmp_path / "secret.jsonl")
    assert arts == [] and reasons(skipped) == ["permission denied"]


def test_unreadable_folder_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("Titre\n\nTexte.", encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text("Titre\n\nTexte.", encoding="utf-8")
    real_scandir = os.scandir

    def fake_scandir(path):  # type: ignore[no-untyped-def]
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", fake_scandir)
    arts, skipped = read(tmp_path)
    assert [a.id for a in arts] == ["a.txt"]
    assert skipped == [Skipped(str(locked), "permission denied")]


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root can read files whatever their mode")
def test_unreadable_for_real(tmp_path: Path) -> None:  # pragma: no cover - not run as root
    (tmp_path / "a.txt").write_text("Titre\n\nTexte.", encoding="utf-8")
    f = tmp_path / "secret.txt"
    f.write_text("Titre\n\nTexte.", encoding="utf-8")
    d = tmp_path / "locked"
    d.mkdir()
    (d / "b.txt").write_text("Titre\n\nTexte.", encoding="utf-8")
    f.chmod(0)
    d.chmod(0)
    try:
        arts, skipped = read(tmp_path)
    finally:
        f.chmod(0o644)
        d.chmod(0o755)
    assert [a.id for a in arts] == ["a.txt"]
    assert sorted(reasons(skipped)) == ["permission denied", "permission denied"]


# --------------------------------------------------------------------------- symlinks


def test_symlink_loop(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "a.txt").write_text("Titre\n\nTexte.", encoding="utf-8")
    (root / "sub" / "back").symlink_to(root, target_is_directory=True)  # loop to the root
    (root / "self").symlink_to(root / "self")  # a link to itself
    arts, skipped = read(root)
    assert [a.id for a in arts] == ["sub/a.txt"]
    got = {Path(s.where).name: s.reason for s in skipped}
    assert got == {"back": "symlink loop", "self": "symlink loop"}


def test_symlinks_followed_once(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "o.txt").write_text("Dehors\n\nTexte.", encoding="utf-8")
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "a.txt").write_text("Titre\n\nTexte.", encoding="utf-8")
    (root / "link").symlink_to(outside, target_is_directory=True)
    (root / "link2").symlink_to(outside, target_is_directory=True)
    (root / "z.txt").symlink_to(root / "a.txt")
    (root / "broken.txt").symlink_to(tmp_path / "missing.txt")
    arts, skipped = read(root)
    assert [a.id for a in arts] == ["a.txt", "link/o.txt"]
    got = {Path(s.where).name: s.reason for s in skipped}
    assert got["broken.txt"] == "broken symbolic link"
    assert "another path" in got["link2"]
    assert "same file as" in got["z.txt"]


# --------------------------------------------------------------------------- JSONL


def test_jsonl_rows(tmp_path: Path) -> None:
    f = write_jsonl(tmp_path / "news.jsonl", [
        {"id": "n1", "title": "Premier", "date": "2020-03-04", "source": "Agence",
         "url": "https://example.org/1", "text": "Texte un.", "extra": [1, 2]},
        {"text": "Deuxième texte\n\nAvec un paragraphe.", "date": "4 mars 2020"},
        {"id": 17, "body": "Texte via body.", "title": 2020, "date": None},
        {"id": "n4", "content": ["Paragraphe un.", "Paragraphe deux."]},
    ])
    arts, skipped = read(f)
    assert skipped == []
    assert arts[0] == Article("n1", "Texte un.", "Premier", "2020-03-04", "Agence",
                              "https://example.org/1")
    assert arts[1].id == "news.jsonl#2"
    assert arts[1].title == "Deuxième texte" and arts[1].date == "2020-03-04"
    assert arts[2].id == "17" and arts[2].title == "2020" and arts[2].text == "Texte via body."
    assert arts[3].text == "Paragraphe un.\n\nParagraphe deux."


def test_jsonl_bad_lines(tmp_path: Path) -> None:
    f = tmp_path / "bad.jsonl"
    lines = [
        json.dumps({"id": "ok1", "text": "Bon."}),
        '{"id": "cassé", "text": "pas fermé',
        "",
        json.dumps({"id": "sans"}),
        json.dumps({"id": "vide", "text": "   "}),
        json.dumps({"id": "nul", "text": None}),
        json.dumps({"id": "nombre", "text": 42}),
        json.dumps({"id": "objet", "text": {"a": 1}}),
        json.dumps(["une", "liste"]),
        json.dumps("une chaîne"),
        "42",
        json.dumps({"id": "ok2", "text": "Bon aussi.", "title": None, "date": 12}),
        json.dumps({"id": "liste", "text": ["a", 3]}),
    ]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    c = Corpus(f)
    arts = list(c)
    assert [a.id for a in arts] == ["ok1", "ok2"]
    assert arts[1].title == "Bon aussi." and arts[1].date is None
    where = str(f)
    assert c.skipped == [
        Skipped(f"{where}:2", "malformed JSON on line 2"),
        Skipped(f"{where}:4", "row without text"),
        Skipped(f"{where}:5", "row with empty text"),
        Skipped(f"{where}:6", "row without text"),
        Skipped(f"{where}:7", "text is a number"),
        Skipped(f"{where}:8", "text is a JSON dict, not a string"),
        Skipped(f"{where}:9", "line 9 is a list, not an object"),
        Skipped(f"{where}:10", "line 10 is a string, not an object"),
        Skipped(f"{where}:11", "line 11 is not an object"),
        Skipped(f"{where}:13", "text is a list with non-string items"),
    ]


def test_jsonl_invalid_utf8_line_kept(tmp_path: Path) -> None:
    f = tmp_path / "mixed.jsonl"
    good = json.dumps({"id": "a", "text": "déjà vu"}, ensure_ascii=False).encode()
    bad = json.dumps({"id": "b", "text": "très bien"}, ensure_ascii=False).encode("cp1252")
    f.write_bytes(good + b"\n" + bad + b"\n")
    arts, skipped = read(f)
    assert skipped == []
    assert [a.text for a in arts] == ["déjà vu", "très bien"]


def test_jsonl_line_too_long(tmp_path: Path) -> None:
    f = write_jsonl(tmp_path / "l.jsonl", [
        {"id": "a", "text": "court"}, {"id": "b", "text": "x" * 5000}, {"id": "c", "text": "ok"},
    ])
    c = Corpus(f, max_bytes=1000)
    assert [a.id for a in c] == ["a", "c"]
    assert c.skipped == [Skipped(f"{f}:2", "line 2 larger than 1,000 bytes limit")]


def test_duplicate_ids(tmp_path: Path) -> None:
    f = write_jsonl(tmp_path / "d.jsonl", [
        {"id": "x", "text": "un"}, {"id": "x", "text": "deux"}, {"id": "x", "text": "trois"},
        {"id": "x~2", "text": "quatre"},
    ])
    c = Corpus(f)
    ids = [a.id for a in c]
    assert len(set(ids)) == 4
    assert ids == ["x", "x~2", "x~3", "x~2~2"]  # the real "x~2" collides with a renamed id
    assert c.duplicate_ids == 3
    assert c.skipped == []


def test_duplicate_ids_across_files(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "a.jsonl", [{"id": "b.txt", "text": "un"}])
    (tmp_path / "b.txt").write_text("Titre\n\nTexte.", encoding="utf-8")
    c = Corpus(tmp_path)
    assert [a.id for a in c] == ["b.txt", "b.txt~2"]
    assert c.duplicate_ids == 1


def test_metadata_date_falls_back_to_header(tmp_path: Path) -> None:
    f = write_jsonl(tmp_path / "d.jsonl", [
        {"id": "a", "text": "Publié le 3 mars 2021\nLe conseil s'est réuni.", "date": "bientôt"},
        {"id": "b", "text": "Publié le 3 mars 2021\nLe conseil s'est réuni.",
         "date": "2020-01-02"},
    ])
    c = Corpus(f)
    arts = list(c)
    assert [a.date for a in arts] == ["2021-03-03", "2020-01-02"]
    assert any("unrecognised date" in n.reason for n in c.notes)


# --------------------------------------------------------------------------- gzip


def test_jsonl_gz(tmp_path: Path) -> None:
    f = tmp_path / "a.jsonl.gz"
    rows = [{"id": f"r{i}", "text": f"Texte numéro {i}."} for i in range(100)]
    with gzip.open(f, "wt", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    c = Corpus(f)
    assert [a.id for a in c] == [r["id"] for r in rows]
    assert c.skipped == []
    assert c.estimate() == 100


def test_truncated_gzip_keeps_what_was_read(tmp_path: Path) -> None:
    import random

    rnd = random.Random(3)
    rows = [{"id": f"r{i}", "text": " ".join(rnd.choice(["mot", "texte", "phrase", "État"])
                                             for _ in range(200))} for i in range(400)]
    data = gzip.compress(("\n".join(json.dumps(r) for r in rows) + "\n").encode())
    f = tmp_path / "t.jsonl.gz"
    f.write_bytes(data[: len(data) * 2 // 3])
    c = Corpus(f)
    arts = list(c)
    assert 0 < len(arts) < 400
    assert [a.id for a in arts] == [f"r{i}" for i in range(len(arts))]
    assert len(c.skipped) >= 1
    assert c.skipped[-1].where == str(f)
    assert c.skipped[-1].reason.startswith("truncated gzip file")
    assert isinstance(c.estimate(), int)


def test_corrupt_gzip(tmp_path: Path) -> None:
    rows = [json.dumps({"id": f"r{i}", "text": "bonjour " * 50 + str(i)}) for i in range(300)]
    data = bytearray(gzip.compress(("\n".join(rows) + "\n").encode()))
    for i in range(len(data) // 2, len(data) // 2 + 40):
        data[i] ^= 0xFF
    f = tmp_path / "c.jsonl.gz"
    f.write_bytes(bytes(data))
    c = Corpus(f)
    arts = list(c)
    assert len(arts) < 300
    assert any("gzip" in s.reason for s in c.skipped)
    g = tmp_path / "notgz.jsonl.gz"
    g.write_text('{"text": "en clair"}\n', encoding="utf-8")
    arts, skipped = read(g)
    assert arts == [] and "gzip" in skipped[0].reason


# --------------------------------------------------------------------------- CSV


def test_csv_quoted_newlines_and_delimiters(tmp_path: Path) -> None:
    rows = [
        {"id": "c1", "title": "Un", "date": "03/11/2021",
         "text": "Ligne un\nligne deux, avec virgule"},
        {"id": "c2", "title": "Deux; point-virgule", "date": "", "text": 'Il a dit "non".'},
    ]
    for delim, name in ((",", "comma.csv"), (";", "semi.csv"), ("\t", "tab.csv")):
        f = tmp_path / name
        with open(f, "w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=["id", "title", "date", "text"], delimiter=delim)
            w.writeheader()
            w.writerows(rows)
        c = Corpus(f)
        arts = list(c)
        assert c.skipped == [], name
        assert [a.id for a in arts] == ["c1", "c2"], name
        assert arts[0].text == "Ligne un\nligne deux, avec virgule"
        assert arts[0].date == "2021-11-03"
        assert arts[1].title == "Deux; point-virgule"
        assert arts[1].text == 'Il a dit "non".'


def test_csv_bom_and_cp1252(tmp_path: Path) -> None:
    f = tmp_path / "bom.csv"
    f.write_bytes(b"\xef\xbb\xbf" + "Text;Title\n« Élan » retrouvé;Été\n".encode())
    (art,), skipped = read(f)
    assert skipped == [] and art.text == "« Élan » retrouvé" and art.title == "Été"
    g = tmp_path / "win.csv"
    g.write_bytes("id;text\n1;Le député a été élu à Besançon.\n".encode("cp1252"))
    (art,), skipped = read(g)
    assert skipped == [] and art.text == "Le député a été élu à Besançon."


def test_csv_french_column_names(tmp_path: Path) -> None:
    f = tmp_path / "fr.csv"
    f.write_text("identifiant;titre;date_publication;média;lien;texte\n"
                 "a1;Un titre;5 juin 2019;La Gazette;https://exemple.org/a1;Le corps.\n",
                 encoding="utf-8")
    (art,), skipped = read(f)
    assert skipped == []
    assert art == Article("a1", "Le corps.", "Un titre", "2019-06-05", "La Gazette",
                          "https://exemple.org/a1")


def test_csv_problems(tmp_path: Path) -> None:
    f = tmp_path / "p.csv"
    f.write_text('id,text\n1,Bon texte\n2,\n\n3,"  "\n4\n5,Encore bon,colonne en trop\n',
                 encoding="utf-8")
    c = Corpus(f)
    arts = list(c)
    assert [a.id for a in arts] == ["1", "5"]
    assert [(s.where.rsplit(":", 1)[1], s.reason) for s in c.skipped] == [
        ("3", "row with empty text"), ("5", "row with empty text"), ("6", "row without text"),
    ]
    g = tmp_path / "notext.csv"
    g.write_text("a,b\n1,2\n", encoding="utf-8")
    arts, skipped = read(g)
    assert arts == [] and reasons(skipped) == ["CSV without a text column"]


def test_csv_fallback_ids_and_long_field(tmp_path: Path) -> None:
    f = tmp_path / "ids.csv"
    long_text = "mot " * 40_000  # beyond csv's default 131,072 field limit
    with open(f, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["text"])
        w.writerow(["Premier article"])
        w.writerow([long_text])
    arts, skipped = read(f)
    assert skipped == []
    assert [a.id for a in arts] == ["ids.csv#2", "ids.csv#3"]
    assert len(arts[1].text) == len(long_text.strip())


# --------------------------------------------------------------------------- HTML

HTML_PAGE = """<!DOCTYPE html>
<html lang="fr"><head>
<meta charset="utf-8">
<title>Sommet à Niamey | Le Quotidien</title>
<meta property="og:title" content="Sommet à Niamey : les voisins s'accordent">
<meta property="og:site_name" content="Le Quotidien">
<meta property="og:url" content="https://exemple.org/sommet">
<meta property="article:published_time" content="2022-02-14T09:30:00+01:00">
<style>body { color: red; } .menu { display: none; }</style>
<script>var tracking = "ne doit pas apparaître";</script>
</head><body>
<nav class="menu"><ul><li><a href="/">Accueil</a></li><li><a href="/monde">Monde</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<header><p>Abonnez-vous à notre lettre quotidienne</p></header>
<article>
<h1>Sommet à Niamey : les voisins s'accordent</h1>
<p>Les ministres des affaires étrangères de la région se sont retrouvés lundi à Niamey
pour une réunion consacrée à la sécurité des frontières et aux échanges commerciaux.</p>
<p>Après une journée de discussions, ils ont adopté une déclaration commune qui prévoit
la création d'un comité de suivi et un calendrier de rencontres trimestrielles.</p>
<p>Plusieurs délégations ont salué un climat constructif, tout en rappelant que les
engagements devront se traduire par des mesures concrètes dans les prochains mois.</p>
</article>
<footer><p>© Le Quotidien — Mentions légales — Contact</p></footer>
<script>console.log("fin");</script>
</body></html>
"""


def test_html_article(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_text(HTML_PAGE, encoding="utf-8")
    (art,), skipped = read(f)
    assert skipped == []
    assert art.title == "Sommet à Niamey : les voisins s'accordent"
    assert art.date == "2022-02-14"
    assert art.url == "https://exemple.org/sommet"
    assert art.source == "Le Quotidien"
    assert "ministres des affaires étrangères" in art.text
    assert "comité de suivi" in art.text
    for junk in ("tracking", "color: red", "Accueil", "Mentions légales", "console.log"):
        assert junk not in art.text


def test_html_time_and_title_fallback(tmp_path: Path) -> None:
    f = tmp_path / "t.htm"
    f.write_bytes(
        "<html><head><meta charset='windows-1252'><title>Élection à Dakar</title></head>"
        "<body><script>x=1</script><p>Court.</p><time datetime='2019-02-24'>24 février</time>"
        "</body></html>".encode("cp1252"))
    (art,), skipped = read(f)
    assert skipped == []
    assert art.title == "Élection à Dakar"
    assert art.date == "2019-02-24"
    assert "Court." in art.text and "x=1" not in art.text


def test_html_fallback_when_trafilatura_finds_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pipelines.readers import htmltext

    monkeypatch.setattr(htmltext, "_trafilatura_text", lambda text: "")
    f = tmp_path / "p.html"
    f.write_text(HTML_PAGE, encoding="utf-8")
    (art,), _ = read(f)
    assert "comité de suivi" in art.text
    assert "tracking" not in art.text and "Accueil" not in art.text


def test_html_without_text(tmp_path: Path) -> None:
    f = tmp_path / "vide.html"
    f.write_text("<html><head><title>Rien</title><script>a=1</script></head><body></body></html>",
                 encoding="utf-8")
    arts, skipped = read(f)
    assert arts == [] and reasons(skipped) == ["HTML page without article text"]


# --------------------------------------------------------------------------- estimate


def test_estimate_mixed(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "a.jsonl", [{"text": str(i)} for i in range(7)])
    (tmp_path / "b.csv").write_text("text\nun\ndeux\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Titre\n\nTexte.", encoding="utf-8")
    c = Corpus(tmp_path)
    assert c.estimate() == 10
    assert len(list(c)) == 10


# --------------------------------------------------------------------------- OrangeSum


@pytest.mark.slow
@pytest.mark.skipif(not ORANGESUM.is_dir(), reason="shared OrangeSum corpus not available")
def test_orangesum_first_rows() -> None:
    import itertools

    c = Corpus(ORANGESUM / "articles_autres.jsonl.gz")
    arts = list(itertools.islice(iter(c), 500))
    assert len(arts) == 500
    assert c.skipped == []
    assert all(a.id.startswith("orangesum-") for a in arts)
    assert len({a.id for a in arts}) == 500
    assert all(a.title and a.text and a.url.startswith("https://") for a in arts)
    assert all(a.date is not None and len(a.date) == 10 for a in arts)
    assert arts[0].date >= "2011-01-01"
    assert all("\u00a0" not in a.text and "\r" not in a.text for a in arts)
