"""Famous people the press names by one word: ``Goldman``, ``Beethoven``, ``Neymar``.

``data/famous_names.csv`` (``name,field``) lists, one row a name, the surname or the
mononym by which a French newspaper calls a famous person alone (a musician, an actor, a
writer, a painter, a scientist, a sportsman, a host, a designer, a founder, a saint, a
figure of history). Office-holders are not there: ``data/officials.jsonl`` knows them.
Names that are also French words, first names or places when written alone (``Renaud``,
``Hugo``, ``Lyon``) are left out, so a one-word name of the list is a person.
"""

from __future__ import annotations

import csv
import io
from functools import lru_cache
from importlib import resources

from pipelines.text import name_key

#: The fields a famous name belongs to (the ``field`` column).
FIELDS = ("music", "cinema", "literature", "art", "science", "sport", "media", "fashion",
          "business", "religion", "history")


@lru_cache(maxsize=1)
def famous_rows() -> tuple[tuple[str, str], ...]:
    """The ``(name, field)`` rows of ``data/famous_names.csv``, in file order."""
    text = resources.files("pipelines").joinpath("data/famous_names.csv").read_text("utf-8")
    return tuple((row["name"], row["field"]) for row in csv.DictReader(io.StringIO(text)))


@lru_cache(maxsize=1)
def famous_names() -> frozenset[str]:
    """The one-word names of famous people, as written (``Mbappé``, ``Tchaïkovski``)."""
    return frozenset(name for name, _ in famous_rows())


@lru_cache(maxsize=1)
def famous_keys() -> frozenset[str]:
    """The :func:`~pipelines.text.name_key` of every famous name: ``pires`` for ``Pirès``,
    ``n dour`` for ``N'Dour`` (and ``N’Dour``)."""
    return frozenset(name_key(name) for name in famous_names())


def is_famous(name: str) -> bool:
    """Whether ``name`` is one of the famous names, whatever its case, accents or apostrophe
    (``ZOLA``, ``Ozil`` for ``Özil``)."""
    return name_key(name) in famous_keys()


@lru_cache(maxsize=1)
def _fields() -> dict[str, str]:
    return {name_key(name): field for name, field in famous_rows()}


def famous_field(name: str) -> str:
    """The field a famous one-word name is known in ("history", "music"…), else ""."""
    return _fields().get(name_key(name), "")
