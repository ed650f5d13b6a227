"""Mentions held column by column (graph.columns) give the same graph and mentions.csv as
lists of Mention objects."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.build import build_graph
from graph.columns import MentionSlice, MentionTable, PackedSentences, mention_columns
from graph.readwrite import graphml
from graph.records import ArticleMentions, ArticleMeta, EntityInfo, Mention
from pipelines.build.outputs import write_mentions

ROWS = {
    "a1": [("state:ruritanie", "Ruritanie", "state", "la Ruritanie", 0, 12, 0),
           ("person:ada-vorn", "Ada Vorn", "official", "Ada Vorn", 20, 28, 0),
           ("place:port-sel", "Port-Sel", "place", "Port-Sel", 40, 48, 1),
           ("state:ruritanie", "Ruritanie", "state", "Ruritanie", 60, 69, 1)],
    "a2": [],
    "a3": [("person:ada-vorn", "Ada Vorn", "official", "Vorn", 3, 7, 0),
           ("group:ligue-bleue", "Ligue bleue", "group", "la Ligue bleue", 15, 29, 0)],
}
SENTENCES = ["Ruritanie et Ada Vorn.", "Port-Sel et Ruritanie."]


def _docs() -> tuple[list[ArticleMentions], list[ArticleMentions]]:
    table = MentionTable()
    columnar, plain = [], []
    for i, (art, rows) in enumerate(ROWS.items()):
        meta = ArticleMeta(art, f"Titre {i}", f"2021-0{i + 1}-01")
        columnar.append(ArticleMentions(meta, SENTENCES, table.add_article(art, rows)))
        plain.append(ArticleMentions(meta, SENTENCES, [Mention(art, *r) for r in rows]))
    return columnar, plain


def test_a_slice_is_a_sequence_of_mentions() -> None:
    columnar, plain = _docs()
    for c, p in zip(columnar, plain, strict=True):
        assert isinstance(c.mentions, MentionSlice)
        assert len(c.mentions) == len(p.mentions)
        assert list(c.mentions) == p.mentions
        assert c.mentions == p.mentions
        assert mention_columns(c.mentions) == mention_columns(p.mentions)
        for i in range(-len(p.mentions), len(p.mentions)):
            assert c.mentions[i] == p.mentions[i]
        assert c.mentions[1:] == p.mentions[1:]
        with pytest.raises(IndexError):
            c.mentions[len(p.mentions)]


def test_strings_are_stored_once() -> None:
    table = MentionTable()
    for k in range(50):
        table.add_article(f"x{k}", ROWS["a1"])
    assert len(table) == 200
    assert "3 entity labels" in repr(table) and "4 texts" in repr(table)
    assert table.nbytes() == 200 * 6 * 4


@pytest.mark.parametrize("window", ["article", "sentence"])
def test_same_graph_and_mentions_csv(window: str, tmp_path: Path) -> None:
    columnar, plain = _docs()
    entities = {"person:ada-vorn": EntityInfo("person:ada-vorn", "Ada Vorn", "official",
                                              role="ministre", affiliation="Ruritanie")}
    a = build_graph(columnar, entities, window=window)  # type: ignore[arg-type]
    b = build_graph(plain, entities, window=window)  # type: ignore[arg-type]
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))
    assert list(a.edges(data=True)) == list(b.edges(data=True))
    graphml.write(a, tmp_path / "a.graphml")
    graphml.write(b, tmp_path / "b.graphml")
    assert (tmp_path / "a.graphml").read_bytes() == (tmp_path / "b.graphml").read_bytes()
    assert write_mentions(tmp_path / "a.csv", columnar, entities) == 6
    assert write_mentions(tmp_path / "b.csv", plain, entities) == 6
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()


def test_packed_sentences_read_as_the_list() -> None:
    texts = ["", "Ada Vorn l’a dit « hier ».", "", "naïve \ud800 surrogate", "x"]
    packed = PackedSentences(texts)
    assert len(packed) == len(texts)
    assert list(packed) == texts and packed == texts
    assert [packed[i] for i in range(-5, 5)] == texts + texts
    assert packed[1:3] == texts[1:3]
    with pytest.raises(IndexError):
        packed[5]
    assert PackedSentences([]) == []


@pytest.mark.parametrize("mixed", [False, True])
@pytest.mark.parametrize("chunk", [1, 4, 17, 1000])
def test_graphml_spilled_in_chunks_writes_the_same_bytes(chunk: int, mixed: bool,
                                                          tmp_path: Path, monkeypatch) -> None:
    """The GraphML rows and sidecar segments go to disk a chunk of edges at a time: any
    chunk size writes the bytes of the general writer (uniform edges: the column writer;
    ``mixed``, edges of two signatures: the column writer for each, per chunk)."""
    from graph.model import example
    from graph.readwrite import sidecar

    g = example().nx  # 18 edges
    datas = [d for _, _, d in g.edges(data=True)]
    common = [k for k in datas[0] if all(k in d for d in datas)]
    for i, data in enumerate(datas):
        kept = {k: data[k] for k in common}  # one signature: the column writer
        data.clear()
        data.update(kept)
        data["evidence"].append({"text": f"s{i} & <b>"})
        if mixed and i % 2:
            data["x_extra"] = 0.5 * i
    calls: list[object] = []
    columns = graphml._edge_columns
    monkeypatch.setattr(graphml, "_edge_columns",
                        lambda *args: calls.append(columns(*args)) or calls[-1])
    monkeypatch.setattr(graphml, "_CHUNK", chunk)
    fast, general = tmp_path / "fast.graphml", tmp_path / "general.graphml"
    graphml.write(g, fast)
    graphml._write_general(g, general, graphml.viz_attributes(g), True)
    assert fast.read_bytes() == general.read_bytes()
    skip = sidecar._HEADER.size + sidecar._MAC_SIZE  # the header stamps the file's mtime
    a, b = sidecar.sidecar_path(fast).read_bytes(), sidecar.sidecar_path(general).read_bytes()
    assert a[skip:] == b[skip:]
    loaded = sidecar.load(fast)
    assert loaded is not None
    assert list(loaded[0].edges(data=True)) == list(graphml.read(fast).edges(data=True))
    assert calls and all(c is not None for c in calls)
    if not mixed:
        assert len(calls) == -(-18 // chunk)
    else:  # each chunk's edges of each signature
        assert len(calls) == sum(len({i % 2 for i in range(lo, min(18, lo + chunk))})
                                 for lo in range(0, 18, chunk))
