"""Web boilerplate and generic words: what must never become an actor.

Rules live in ``data/noise.jsonl``: ``boilerplate`` line patterns (comment forms, tag
lists, share buttons), ``generic`` capitalised words that NER mistakes for entities
(``État``, ``Gouvernement``), ``org_keyword`` first words that make an unknown span an
organisation (``Comité …``, ``Front …``), and ``media_pattern`` (web domains).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .text import fold, name_key


@dataclass(frozen=True)
class NoiseRules:
    boilerplate: tuple[re.Pattern[str], ...]
    generic: frozenset[str]
    org_keywords: tuple[tuple[str, ...], ...]
    media: tuple[re.Pattern[str], ...]

    def is_generic(self, text: str) -> bool:
        return name_key(text) in self.generic

    def looks_like_org(self, text: str) -> bool:
        key = tuple(name_key(text).split())
        return any(key[: len(k)] == k and len(key) > len(k) for k in self.org_keywords)

    def looks_like_media(self, text: str) -> bool:
        return any(p.search(text) for p in self.media)


@lru_cache(maxsize=1)
def load_noise() -> NoiseRules:
    """Load ``data/noise.jsonl`` (cached)."""
    boiler: list[re.Pattern[str]] = []
    generic: set[str] = set()
    orgs: list[tuple[str, ...]] = []
    media: list[re.Pattern[str]] = []
    text = resources.files("pipelines").joinpath("data/noise.jsonl").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        kind = row["kind"]
        if kind == "boilerplate":
            boiler.append(re.compile(fold(row["pattern"]), re.IGNORECASE))
        elif kind == "generic":
            generic.add(name_key(row["text"]))
        elif kind == "org_keyword":
            orgs.append(tuple(name_key(row["text"]).split()))
        elif kind == "media_pattern":
            media.append(re.compile(row["pattern"], re.IGNORECASE))
    return NoiseRules(tuple(boiler), frozenset(generic), tuple(orgs), tuple(media))


def masked_ranges(text: str, rules: NoiseRules | None = None) -> list[tuple[int, int]]:
    """Character ranges to ignore: boilerplate lines and a repeated lead paragraph.

    A paragraph is a repeated lead when it ends in an ellipsis and the rest of it opens
    a later paragraph (the teaser that web pages print above the article).
    """
    rules = rules or load_noise()
    out: list[tuple[int, int]] = []
    folded = fold(text)
    pos = 0
    lines: list[tuple[int, int]] = []
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    for a, b in lines:
        seg = folded[a:b]
        if seg.strip() and any(p.search(seg) for p in rules.boilerplate):
            out.append((a, b))
    for i, (a, b) in enumerate(lines):
        seg = text[a:b].strip()
        if not seg.endswith(("…", "...")):
            continue
        head = seg.rstrip("….").strip()
        if len(head) < 20:
            continue
        if any(text[c:d].strip().startswith(head) for c, d in lines[i + 1:]):
            out.append((a, b))
    return out
