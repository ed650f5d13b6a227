"""Things named after people: "l'hôpital Robert-Debré", "l'affaire Benalla", "l'ouragan Irma".

A name right after one of the common nouns of ``data/named_after.jsonl`` (a building or a
street, a vessel, a storm, a case, a law, a prize…), or a span that NER opened with such
a noun ("Hôpital Robert Debré"), names that thing, not a person: it is no person mention.
The nouns are general French vocabulary, not names of particular things.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from .text import fold


@lru_cache(maxsize=1)
def load_nouns() -> frozenset[str]:
    """The folded nouns of ``data/named_after.jsonl``."""
    raw = resources.files("pipelines").joinpath("data/named_after.jsonl").read_text("utf-8")
    return frozenset(fold(json.loads(line)["noun"]) for line in raw.splitlines() if line.strip())


_LAST_WORD = re.compile(r"([^\W\d_]+(?:-[^\W\d_]+)*)[ \t]+$")


def after_a_thing(text: str, start: int) -> bool:
    """Whether the word right before ``start`` is a lower-case thing noun ("rue X")."""
    m = _LAST_WORD.search(text[max(0, start - 40):start])
    return bool(m) and m.group(1).islower() and fold(m.group(1)) in load_nouns()


def opens_with_a_thing(surface: str) -> bool:
    """Whether a span starts with a thing noun followed by a capitalised name
    ("Hôpital Robert Debré", "Affaire Benalla")."""
    parts = surface.split(maxsplit=1)
    return (len(parts) == 2 and parts[1][:1].isupper()
            and fold(parts[0]) in load_nouns())


def names_a_thing(text: str, start: int, surface: str) -> bool:
    """Whether the person-looking span ``surface`` at ``start`` names a thing."""
    return after_a_thing(text, start) or opens_with_a_thing(surface)
