"""Measure the name-shape rules of :mod:`pipelines.nlp.thing_names` on a finished build.

Reads a build's ``mentions.csv`` and the corpus it was built from, applies
``not_actor._shape_type`` to every person, official, group and media mention at its
offsets, and prints per rule the mentions it changes, the nodes left with no mention
(removed), and a seeded sample of hits with their context, for a person to judge.

    python3 scripts/scan_thing_names.py BUILD_DIR CORPUS_DIR [--sample 30]
"""

from __future__ import annotations

import argparse
import collections
import csv
import gzip
import json
import random
from pathlib import Path

from pipelines.nlp import thing_names as tn
from pipelines.nlp.named_after import type_cue
from pipelines.nlp.noise import load_noise
from pipelines.nlp.not_actor import ArticleContext, _brand_inside, fold_whole
from pipelines.nlp.thing_cues import governed_list

_LABEL = {"person": "PER", "official": "PER", "group": "ORG", "media": "ORG"}


def _articles(corpus: Path, wanted: set[str]) -> dict[str, str]:
    """The texts of the wanted articles of a folder of JSONL files (maybe gzipped)."""
    out: dict[str, str] = {}
    for path in sorted(corpus.glob("*.jsonl*")):
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                ident = str(row.get("id", ""))
                if ident in wanted:
                    out[ident] = row["text"]
    return out


def _rule(ctx: ArticleContext, a: int, b: int, label: str, shapes: tn.NameShapes) -> str:
    """Which rule fires on the span, by name ("" if none), in the order cue_type uses."""
    text, folded, surface = ctx.text, ctx.folded, ctx.text[a:b]
    noise = load_noise()
    maker = noise.is_car_brand(surface) or noise.looks_like_company(surface)
    checks = [("press", tn.press_title(surface, shapes)),
              ("event", tn.event_name(surface, shapes) and not type_cue(text, a)),
              ("fictional", (tn.fictional_character(surface, shapes) or (
                  label == "PER" and tn.part_of_a_character(surface, folded, shapes)))
               and not type_cue(text, a)
               and governed_list(text, a, b, noise, folded) in ("", "thing")),
              ("spacecraft", not maker and tn.spacecraft(text, folded, a, shapes)),
              ("car_platform", tn.car_platform(text, folded, a, b)),
              ("time_zone", tn.time_zone(text, a, b, shapes)),
              ("role", label == "PER" and tn.played_role(folded, a, b)),
              ("held_event", tn.held_event(folded, a, b)),
              ("space_mission", not maker and tn.space_mission(folded, a, shapes)),
              ("vessel", not maker and tn.vessel(text, folded, a, b, shapes)),
              ("car_inside", " " in surface and not maker
               and _brand_inside(text, a, b, noise))]
    return next((name for name, hit in checks if hit), "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build")
    parser.add_argument("corpus")
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--articles", help="write the ids of the articles with a hit here")
    args = parser.parse_args()
    rows = [r for r in csv.DictReader(open(Path(args.build) / "mentions.csv", encoding="utf-8"))
            if r["type"] in _LABEL]
    texts = _articles(Path(args.corpus), {r["article"] for r in rows})
    shapes = tn.load_shapes()
    per_node = collections.Counter(r["entity"] for r in rows)
    hits: dict[str, list[dict[str, str]]] = collections.defaultdict(list)
    ctxs: dict[str, ArticleContext] = {}
    for r in rows:
        text = texts.get(r["article"])
        if text is None:
            continue
        ctx = ctxs.get(r["article"])
        if ctx is None:
            lines = [0, *(i + 1 for i, ch in enumerate(text) if ch == "\n")]
            ctx = ctxs.setdefault(r["article"], ArticleContext(text, [0], lines, frozenset(),
                                                               fold_whole(text)))
        a, b = int(r["start"]), int(r["end"])
        if text[a:b] != r["text"]:
            continue
        rule = _rule(ctx, a, b, _LABEL[r["type"]], shapes)
        if rule and not (rule == "press" and r["type"] == "media"):
            hits[rule].append({**r, "context": text[max(0, a - 70):b + 50].replace("\n", " ")})
    if args.articles:
        ids = sorted({h["article"] for found in hits.values() for h in found})
        Path(args.articles).write_text("".join(i + "\n" for i in ids), encoding="utf-8")
    rng = random.Random(15)
    for rule, found in sorted(hits.items()):
        changed = collections.Counter(h["entity"] for h in found)
        removed = [e for e, n in changed.items() if n == per_node[e]]
        types = collections.Counter(h["type"] for h in found)
        print(f"== {rule}: {len(found)} mentions, {len(changed)} nodes touched, "
              f"{len(removed)} nodes left without mentions; types {dict(types)}")
        for h in rng.sample(found, min(args.sample, len(found))):
            print(f"  [{h['type']}] {h['label']!r} <{h['text']}> … {h['context']}")


if __name__ == "__main__":
    main()
