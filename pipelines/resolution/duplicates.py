"""Probable duplicate actors, for an analyst to review (``actorgraph duplicates``).

Reads a build's ``mentions.csv`` and pairs actors of compatible types whose names are
alike (rapidfuzz), where one name ends the other ("Le Goff" / "Jean-Marc Le Goff"), or
where one is the other's initials ("FPS" / "Front patriotique du Sud"). Each pair comes
with counts and the override line that would merge it.
"""

from __future__ import annotations

import csv
import os
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from graph.readwrite.csvsafe import unguard
from pipelines.errors import CorpusError
from pipelines.resolution.people import ends_with, name_tokens
from pipelines.text import name_key

_COMPATIBLE = {"person": "p", "official": "p", "group": "g", "state": "s"}


@dataclass
class _Actor:
    id: str
    label: str
    type: str
    mentions: int = 0
    surfaces: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True)
class DuplicatePair:
    a: str
    a_label: str
    a_type: str
    a_mentions: int
    b: str
    b_label: str
    b_type: str
    b_mentions: int
    score: float
    why: str


def _initials(label: str) -> str:
    return "".join(w[0] for w in name_key(label).split() if len(w) > 2).upper()


def _read(path: Path) -> dict[str, _Actor]:
    if path.is_dir():
        path = path / "mentions.csv"
    if not path.is_file():
        raise CorpusError(f"no mentions.csv at {path} (run 'actorgraph build' first)")
    actors: dict[str, _Actor] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if not {"entity", "label", "type", "text"} <= set(reader.fieldnames or ()):
            raise CorpusError(f"{path} is not a mentions.csv written by actorgraph")
        for row in reader:
            row = {k: unguard(v) if isinstance(v, str) else v for k, v in row.items()}
            if row["type"] not in _COMPATIBLE:
                continue
            a = actors.setdefault(row["entity"], _Actor(row["entity"], row["label"],
                                                        row["type"]))
            a.mentions += 1
            a.surfaces[row["text"]] += 1
    return actors


def _compare(x: _Actor, y: _Actor, threshold: float) -> tuple[float, str] | None:
    kx, ky = name_key(x.label), name_key(y.label)
    score = fuzz.token_sort_ratio(kx, ky)
    if score >= threshold:
        return score, "similar names"
    if x.type in ("person", "official"):
        tx, ty = name_tokens(x.label), name_tokens(y.label)
        if ends_with(tx, ty) or ends_with(ty, tx):
            return 80.0, "one name ends the other"
    if x.type == "group":
        if _initials(x.label) == y.label.replace(".", "") and len(y.label) >= 2:
            return 90.0, "acronym"
        if _initials(y.label) == x.label.replace(".", "") and len(x.label) >= 2:
            return 90.0, "acronym"
    return None


def find_duplicates(
    path: str | os.PathLike[str] = "output", *, threshold: float = 85.0
) -> list[DuplicatePair]:
    """Probable duplicates among the actors of a build (its folder or mentions.csv)."""
    actors = _read(Path(path))
    blocks: dict[str, list[_Actor]] = defaultdict(list)
    for a in actors.values():
        blocks[_COMPATIBLE[a.type]].append(a)
    pairs: list[DuplicatePair] = []
    for group in blocks.values():
        group.sort(key=lambda a: (-a.mentions, a.id))
        for i, x in enumerate(group):
            for y in group[i + 1:]:
                hit = _compare(x, y, threshold)
                if hit:
                    pairs.append(DuplicatePair(x.id, x.label, x.type, x.mentions, y.id,
                                               y.label, y.type, y.mentions, hit[0], hit[1]))
    pairs.sort(key=lambda p: (-p.score, -(p.a_mentions + p.b_mentions)))
    return pairs


def format_duplicates(pairs: list[DuplicatePair]) -> str:
    """A review list, with the aliases-file line that merges each pair."""
    if not pairs:
        return "No probable duplicates."
    lines = [f"{len(pairs)} probable duplicate pair(s):"]
    for p in pairs:
        lines.append(
            f"- {p.a_label} [{p.a_type}, {p.a_mentions}] ~ {p.b_label} [{p.b_type}, "
            f"{p.b_mentions}]  ({p.why}, {p.score:.0f})\n"
            f"    to merge, add to your aliases file:  {p.b},merge,{p.a}"
        )
    return "\n".join(lines)
