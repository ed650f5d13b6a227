"""General-knowledge gazetteers used by entity resolution.

The data lives in ``pipelines/data/*.jsonl`` (one JSON object per line):

* ``states.jsonl``    sovereign states: names, acronyms, capitals, demonyms, seats of power;
* ``groups.jsonl``    organisations and their organs, armed groups, PMCs, operations, institutions;
* ``officials.jsonl`` notable office-holders with their roles;
* ``media.jsonl``     news agencies and outlets;
* ``places.jsonl``    continents, regions and cities that are never actors.

Every term (name, acronym, capital, demonym, seat) maps to exactly one entry.  Look-ups go
through :func:`normalize` (case, accents, apostrophes, hyphens and a leading French article are
ignored), except acronyms, which only match on their exact spelling.  Demonyms shared by two
states (``congolais``) are kept apart, in :attr:`Gazetteer.ambiguous`.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from pipelines.text import fold

__all__ = [
    "DATA_FILES",
    "Entry",
    "Gazetteer",
    "Role",
    "Term",
    "load_gazetteer",
    "normalize",
]

DATA_FILES: tuple[str, ...] = (
    "states.jsonl",
    "groups.jsonl",
    "officials.jsonl",
    "media.jsonl",
    "places.jsonl",
)

# Term kinds, in order of priority when one entry lists the same text twice.
TERM_KINDS: tuple[str, ...] = ("acronym", "name", "capital", "seat", "demonym")


@dataclass(frozen=True)
class Role:
    """An office held by an official: ``role`` of ``affiliation`` (an entry id) over a period.

    ``start`` and ``end`` are ``YYYY`` or ``YYYY-MM`` strings; an empty ``end`` means "still in
    office" (as far as the data knows).
    """

    role: str
    affiliation: str
    start: str = ""
    end: str = ""


@dataclass(frozen=True)
class Entry:
    """One entity of the gazetteer (a state, group, official, medium or place)."""

    id: str
    type: str
    label: str
    wikidata: str = ""
    kind: str = ""
    iso2: str = ""
    iso3: str = ""
    parent: str = ""
    roles: tuple[Role, ...] = ()
    risky_names: frozenset[str] = frozenset()
    #: capitals that also name other places ("Vienne", a French département): they stand
    #: for the state only in an article that names the state otherwise
    ambiguous_capitals: frozenset[str] = frozenset()
    #: names of the state that also name a region of another state, folded, with that
    #: state's id ("géorgie" -> "state:USA"): see :func:`pipelines.nlp.extract._corroborated`
    region_homonyms: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Term:
    """A string that designates an entry."""

    text: str
    entry_id: str
    kind: str
    case_sensitive: bool


_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u02bc": "'"})
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "Œ": "oe", "Æ": "ae"})
_DASHES = re.compile(r"[\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212]")
_ARTICLE = re.compile(r"^(?:l'\s*|(?:le|la|les)\s+)")


def normalize(text: str) -> str:
    """Return the look-up key of ``text``.

    Casefolds, removes accents, maps typographic apostrophes to ``'``, turns hyphens and dashes
    into spaces, collapses whitespace and strips one leading French article (le, la, les, l').

    >>> normalize("L’Élysée")
    'elysee'
    >>> normalize("la  Guinée-Bissau")
    'guinee bissau'
    """
    text = text.translate(_APOSTROPHES).translate(_LIGATURES).casefold()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _DASHES.sub(" ", text)
    text = " ".join(text.split())
    text = _ARTICLE.sub("", text, count=1)
    return text.strip()


def _strings(value: object) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]  # type: ignore[union-attr]


def _record_terms(rec: dict) -> Iterator[tuple[str, str]]:
    """Yield ``(text, kind)`` for every term of a data record."""
    # The label is a name, unless it is one of the acronyms (then matched case-sensitively).
    if rec["label"] not in _strings(rec.get("acronyms")):
        yield rec["label"], "name"
    for text in _strings(rec.get("names")):
        yield text, "name"
    for text in _strings(rec.get("acronyms")):
        yield text, "acronym"
    for text in _strings(rec.get("capitals")):
        yield text, "capital"
    for text in _strings(rec.get("seats")):
        yield text, "seat"
    for text in _strings(rec.get("demonyms")):
        yield text, "demonym"


def _entry(rec: dict) -> Entry:
    roles = tuple(
        Role(
            role=r["role"],
            affiliation=r.get("affiliation", ""),
            start=r.get("start", "") or "",
            end=r.get("end", "") or "",
        )
        for r in rec.get("roles", ())
    )
    return Entry(
        id=rec["id"],
        type=rec["type"],
        label=rec["label"],
        wikidata=rec.get("wikidata", "") or "",
        kind=rec.get("kind", "") or "",
        iso2=rec.get("iso2", "") or "",
        iso3=rec.get("iso3", "") or "",
        parent=rec.get("parent", "") or "",
        roles=roles,
        risky_names=frozenset(_strings(rec.get("risky_names"))),
        ambiguous_capitals=frozenset(_strings(rec.get("ambiguous_capitals"))),
        region_homonyms=tuple((fold(name), f"state:{iso3}") for name, iso3
                              in (rec.get("region_homonyms") or {}).items()),
    )


@dataclass
class Gazetteer:
    """All gazetteer entries and the terms that designate them.

    ``conflicts`` lists ``(key, first_entry_id, other_entry_id)`` for every normalized term claimed
    by two different entries (the first one wins); it is empty for consistent data.
    """

    entries: dict[str, Entry] = field(default_factory=dict)
    terms: list[Term] = field(default_factory=list)
    ambiguous: dict[str, tuple[str, ...]] = field(default_factory=dict)
    conflicts: list[tuple[str, str, str]] = field(default_factory=list)
    records: dict[str, dict] = field(default_factory=dict, repr=False)
    _by_key: dict[str, Term] = field(default_factory=dict, repr=False)
    _by_acronym: dict[str, Term] = field(default_factory=dict, repr=False)
    _by_entry: dict[str, list[Term]] = field(default_factory=dict, repr=False)

    @classmethod
    def from_records(cls, records: Iterable[dict]) -> Gazetteer:
        """Build a gazetteer from data records (dicts as stored in the JSONL files)."""
        gaz = cls()
        for rec in records:
            gaz._add(rec)
        # An acronym must not designate another entry than the same text read case-insensitively.
        for key, term in gaz._by_acronym.items():
            other = gaz._by_key.get(normalize(key))
            if other is not None and other.entry_id != term.entry_id:
                gaz.conflicts.append((key, term.entry_id, other.entry_id))
        return gaz

    def _add(self, rec: dict) -> None:
        entry = _entry(rec)
        if entry.id in self.entries:
            self.conflicts.append((entry.id, entry.id, entry.id))
            return
        self.entries[entry.id] = entry
        self.records[entry.id] = rec
        self._by_entry[entry.id] = []
        for text, kind in _record_terms(rec):
            text = text.strip()
            if not text:
                continue
            if kind == "acronym":
                index, key = self._by_acronym, text.translate(_APOSTROPHES)
            else:
                index, key = self._by_key, normalize(text)
            if not key:
                continue
            existing = index.get(key)
            if existing is not None:
                if existing.entry_id != entry.id:
                    self.conflicts.append((key, existing.entry_id, entry.id))
                continue
            term = Term(text=text, entry_id=entry.id, kind=kind, case_sensitive=kind == "acronym")
            index[key] = term
            self.terms.append(term)
            self._by_entry[entry.id].append(term)
        for text in _strings(rec.get("ambiguous_demonyms")):
            key = normalize(text)
            ids = self.ambiguous.get(key, ())
            if entry.id not in ids:
                self.ambiguous[key] = (*ids, entry.id)

    def lookup(self, text: str) -> Term | None:
        """Return the term designated by ``text``, or ``None``.

        Acronyms match only on their exact spelling (``"AES"``, not ``"aes"``); every other term
        matches on :func:`normalize` (``"la Russie"``, ``"RUSSIE"``, ``"Guinée Bissau"``).
        """
        stripped = " ".join(text.translate(_APOSTROPHES).split())
        term = self._by_acronym.get(stripped)
        if term is not None:
            return term
        return self._by_key.get(normalize(text))

    def lookup_ambiguous(self, text: str) -> tuple[str, ...]:
        """Return the ids of the states sharing an ambiguous demonym (``"congolais"``), or ()."""
        return self.ambiguous.get(normalize(text), ())

    def entry(self, entry_id: str) -> Entry:
        """Return the entry with id ``entry_id`` (``KeyError`` if unknown)."""
        return self.entries[entry_id]

    def terms_of(self, entry_id: str) -> list[Term]:
        """Return the terms of one entry, in data order."""
        return list(self._by_entry.get(entry_id, ()))

    def states(self) -> list[Entry]:
        """Return every state entry, sorted by id."""
        return sorted((e for e in self.entries.values() if e.type == "state"), key=lambda e: e.id)

    def by_type(self, type_: str) -> list[Entry]:
        """Return every entry of one type (``state``, ``group``, ``official``, ``media``…)."""
        return sorted((e for e in self.entries.values() if e.type == type_), key=lambda e: e.id)


def read_records(filename: str) -> list[dict]:
    """Read one packaged data file (``states.jsonl``…); a missing file gives no records."""
    path = resources.files("pipelines") / "data" / filename
    if not path.is_file():
        return []
    records = []
    with path.open("r", encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:  # pragma: no cover - data error
                raise ValueError(f"{filename}:{lineno}: {exc}") from exc
    return records


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Load (once) every packaged gazetteer file."""
    records: list[dict] = []
    for filename in DATA_FILES:
        records.extend(read_records(filename))
    return Gazetteer.from_records(records)
