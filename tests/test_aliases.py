"""Analyst overrides and the duplicates review."""

from __future__ import annotations

import csv

import pytest
from typer.testing import CliRunner

from graph.records import ArticleMentions, ArticleMeta, EntityInfo, Mention
from pipelines.cli import app
from pipelines.errors import AliasesError
from pipelines.resolution.aliases import apply_overrides, load_overrides
from pipelines.resolution.duplicates import find_duplicates, format_duplicates


def _corpus():
    ents = {
        "person:jean-kabore": EntityInfo("person:jean-kabore", "Jean Kaboré", "official"),
        "person:kabore": EntityInfo("person:kabore", "Kaboré", "person"),
        "group:fps": EntityInfo("group:fps", "FPS", "group"),
        "state:NER": EntityInfo("state:NER", "Niger", "state"),
    }
    ms = [
        Mention("a1", "person:jean-kabore", "Jean Kaboré", "official", "Jean Kaboré", 0, 11, 0),
        Mention("a1", "person:kabore", "Kaboré", "person", "Kaboré", 20, 26, 1),
        Mention("a1", "group:fps", "FPS", "group", "FPS", 30, 33, 1),
        Mention("a1", "state:NER", "Niger", "state", "Niger", 40, 45, 1),
    ]
    return [ArticleMentions(ArticleMeta("a1"), ["s0", "s1"], ms)], ents


def _write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_csv_merge_rename_retype_drop(tmp_path):
    f = _write(tmp_path, "aliases.csv",
               "name,action,value\nKaboré,merge,Jean Kaboré\n"
               "group:fps,rename,Front patriotique du Sud\nniger,retype,place\n"
               "Inconnu,drop,\n")
    docs, ents = _corpus()
    ov = load_overrides(f)
    docs, ents = apply_overrides(docs, ents, ov)
    ids = [m.entity for m in docs[0].mentions]
    assert ids.count("person:jean-kabore") == 2 and "person:kabore" not in ents
    assert ents["group:fps"].label == "Front patriotique du Sud"
    assert docs[0].mentions[2].label == "Front patriotique du Sud"
    assert ents["state:NER"].type == "place" and docs[0].mentions[3].type == "place"
    assert [r.name for r in ov.unmatched] == ["Inconnu"]


def test_jsonl_drop(tmp_path):
    f = _write(tmp_path, "a.jsonl", '{"name": "FPS", "action": "drop"}\n')
    docs, ents = apply_overrides(*_corpus(), load_overrides(f))
    assert all(m.entity != "group:fps" for m in docs[0].mentions)


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("a.csv", "name,action,value\nX,explode,Y\n", "unknown action"),
        ("a.csv", "nom,action\nX,drop\n", "header"),
        ("a.csv", "name,action,value\nX,retype,alien\n", "unknown type"),
        ("a.csv", "name,action,value\nX,merge,\n", "needs a value"),
        ("a.jsonl", "{not json}\n", "malformed JSON"),
    ],
)
def test_malformed_files(tmp_path, name, text, message):
    with pytest.raises(AliasesError, match=message):
        load_overrides(_write(tmp_path, name, text))


def test_missing_file_via_cli(tmp_path):
    result = CliRunner().invoke(app, ["build", "--out", str(tmp_path), "--aliases",
                                      str(tmp_path / "none.csv"), "--no-progress"])
    assert result.exit_code == 1
    assert "Error: aliases file not found" in result.output


def _mentions_csv(tmp_path, rows):
    p = tmp_path / "mentions.csv"
    with p.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["article", "entity", "label", "type", "text", "start", "end", "sentence"])
        for r in rows:
            w.writerow(r)
    return tmp_path


def test_duplicates_finds_similar_names_and_acronyms(tmp_path):
    out = _mentions_csv(tmp_path, [
        ("a", "person:jean-kabore", "Jean Kaboré", "official", "Jean Kaboré", 0, 1, 0),
        ("a", "person:kabore", "Kaboré", "person", "Kaboré", 0, 1, 0),
        ("a", "group:fps", "FPS", "group", "FPS", 0, 1, 0),
        ("a", "group:front", "Front patriotique du Sud", "group", "Front", 0, 1, 0),
        ("a", "state:NER", "Niger", "state", "Niger", 0, 1, 0),
        ("a", "state:NGA", "Nigeria", "state", "Nigeria", 0, 1, 0),
        ("a", "place:x", "Kaboré", "place", "Kaboré", 0, 1, 0),
    ])
    pairs = find_duplicates(out)
    found = {frozenset((p.a, p.b)) for p in pairs}
    assert frozenset({"person:jean-kabore", "person:kabore"}) in found
    assert frozenset({"group:fps", "group:front"}) in found
    assert all("place:x" not in pair for pair in found)
    assert "merge" in format_duplicates(pairs)


def test_duplicates_cli(sample_build):
    out, _ = sample_build
    result = CliRunner().invoke(app, ["duplicates", str(out)])
    assert result.exit_code == 0
    result = CliRunner().invoke(app, ["duplicates", str(out / "nothing-here")])
    assert result.exit_code == 1 and "Error:" in result.output


# ---- issue 15 item 10: every unmatched rule reported, cross-type merges warned, new
# targets never collide, 10,000 rules in seconds


def test_every_unmatched_rule_and_cross_type_merge_is_reported(tmp_path):
    f = _write(tmp_path, "aliases.csv",
               "name,action,value\nInconnu,drop,\nPersonne,rename,X\nNiger,merge,Kaboré\n"
               "Kaboré,merge,Jean Kaboré\n")
    ov = load_overrides(f)
    docs, ents = apply_overrides(*_corpus(), ov)
    assert [r.where for r in ov.unmatched] == ["aliases.csv:2", "aliases.csv:3"]
    assert len(ov.warnings) == 1  # the state into a person; person into official is fine
    assert "aliases.csv:4" in ov.warnings[0] and "'Niger' (state)" in ov.warnings[0]
    assert ov.problems()[:2] == ["aliases.csv:2: rule drop 'Inconnu' matched nothing",
                                 "aliases.csv:3: rule rename 'Personne' matched nothing"]


def test_two_new_merge_targets_never_share_an_id(tmp_path):
    f = _write(tmp_path, "aliases.csv",
               "name,action,value\nFPS,merge,Front Sud\n"  # a new group:front-sud…
               "Front Sud,rename,Autre Front\n"  # …now called otherwise
               "Niger,retype,group\nNiger,merge,Front Sud\n")  # a second new "Front Sud"
    docs, ents = _corpus()
    docs, ents = apply_overrides(docs, ents, load_overrides(f))
    by_label = {e.label: eid for eid, e in ents.items()}
    assert by_label["Autre Front"] == "group:front-sud"
    assert by_label["Front Sud"] == "group:front-sud~2"  # not merged into "Autre Front"
    labels = {m.entity: m.label for m in docs[0].mentions}
    assert labels == {"person:jean-kabore": "Jean Kaboré", "person:kabore": "Kaboré",
                      "group:front-sud": "Autre Front", "group:front-sud~2": "Front Sud"}


def test_a_new_target_never_takes_an_existing_entitys_id(tmp_path):
    f = _write(tmp_path, "aliases.csv", "name,action,value\nFPS,merge,Front Sud\n")
    docs, ents = _corpus()
    ents["group:front-sud"] = EntityInfo("group:front-sud", "FS", "group")
    docs, ents = apply_overrides(docs, ents, load_overrides(f))
    assert ents["group:front-sud"].label == "FS"
    assert ents["group:front-sud~2"].label == "Front Sud"


def test_ten_thousand_rules_take_seconds(tmp_path):
    import time

    n_ent = 5000
    ents = {f"person:p{i}": EntityInfo(f"person:p{i}", f"Personne Numéro{i}", "person")
            for i in range(n_ent)}
    mentions = [Mention(f"a{i % 500}", f"person:p{i}", f"Personne Numéro{i}", "person",
                        f"Numéro{i}", 0, 5, 0) for i in range(n_ent)]
    docs = [ArticleMentions(ArticleMeta(f"a{k}"), ["s"],
                            [m for m in mentions if m.article == f"a{k}"]) for k in range(500)]
    lines = ["name,action,value"]
    for i in range(0, n_ent, 2):
        lines.append(f"Numéro{i + 1},merge,Personne Numéro{i}")
    for i in range(0, n_ent, 2):
        lines.append(f"person:p{i},rename,Nom {i}")
    lines += [f"Absent{i},drop," for i in range(5000)]
    f = _write(tmp_path, "many.csv", "\n".join(lines) + "\n")
    ov = load_overrides(f)
    assert len(ov.rules) == 10_000
    t = time.perf_counter()
    docs, ents = apply_overrides(docs, ents, ov)
    assert time.perf_counter() - t < 10
    assert len(ents) == n_ent // 2 and len(ov.unmatched) == 5000
    assert {m.label for d in docs for m in d.mentions} == {f"Nom {i}"
                                                            for i in range(0, n_ent, 2)}
