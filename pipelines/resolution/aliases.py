"""Analyst overrides: merge, rename, retype or drop entities after resolution.

The file is CSV (with a header) or JSONL, one rule per row, applied in order::

    name,action,value
    Lavrov,merge,Sergueï Lavrov
    person:jean-dupont,rename,Jean-Baptiste Dupont
    MPR,retype,media
    Time will,drop,

``name`` picks entities by id, label or any surface form (case, accents, hyphens and a
leading article do not matter). ``action`` is one of:

- ``merge``: the picked entities become the entity named by ``value`` (an id, label or
  surface form; if nothing is called that, a new entity with that label is made);
- ``rename``: ``value`` becomes the label (the id stays, so links keep working);
- ``retype``: ``value`` becomes the type (state, official, person, group, place, media);
- ``drop``: every mention of the picked entities is removed.
"""

from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from graph.records import ArticleMentions, EntityInfo, Mention
from pipelines.errors import AliasesError
from pipelines.readers.corpus import normalize_text
from pipelines.text import name_key, slug

ACTIONS = ("merge", "rename", "retype", "drop")
TYPES = ("state", "official", "person", "group", "place", "media")


@dataclass(frozen=True)
class Rule:
    name: str
    action: str
    value: str
    where: str  # "file:line", for messages


@dataclass
class Overrides:
    """The rules of an overrides file, and after :func:`apply_overrides` the rules that
    matched nothing and the warnings (merges across actor types)."""

    rules: list[Rule]
    unmatched: list[Rule] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        """One line per rule that matched nothing, then the warnings."""
        lines = [f"{r.where}: rule {r.action} {r.name!r} matched nothing"
                 for r in self.unmatched]
        return lines + self.warnings


def _clean_line(value: str) -> str:
    return " ".join(normalize_text(value).split())


def _rule(row: dict[str, object], where: str) -> Rule:
    if not isinstance(row, dict):
        raise AliasesError(f"{where}: expected an object with name, action, value")
    # one-line text: no control characters, no lone surrogates (JSON "\ud800")
    name = _clean_line(str(row.get("name") or ""))
    action = _clean_line(str(row.get("action") or "")).lower()
    value = _clean_line(str(row.get("value") or ""))
    if not name:
        raise AliasesError(f"{where}: 'name' is empty")
    if action not in ACTIONS:
        raise AliasesError(f"{where}: unknown action {action!r} (use one of: "
                           f"{', '.join(ACTIONS)})")
    if action != "drop" and not value:
        raise AliasesError(f"{where}: action {action!r} needs a value")
    if action == "retype" and value not in TYPES:
        raise AliasesError(f"{where}: unknown type {value!r} (use one of: {', '.join(TYPES)})")
    return Rule(name, action, value, where)


def load_overrides(path: str | os.PathLike[str]) -> Overrides:
    """Read an overrides file (.csv or .jsonl); raise :class:`AliasesError` if malformed."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise AliasesError(f"aliases file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise AliasesError(f"cannot read aliases file {path}: {exc}") from None
    rules: list[Rule] = []
    if path.suffix.lower() in (".jsonl", ".json"):
        for n, line in enumerate(raw.splitlines(), 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise AliasesError(f"{path.name}:{n}: malformed JSON ({exc.msg})") from None
            rules.append(_rule(row, f"{path.name}:{n}"))
    else:
        reader = csv.DictReader(io.StringIO(raw))
        missing = {"name", "action"} - set(reader.fieldnames or ())
        if missing:
            raise AliasesError(f"{path.name}: the header must have the columns name, action, "
                               f"value (missing: {', '.join(sorted(missing))})")
        for row in reader:
            if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
                continue
            rules.append(_rule(row, f"{path.name}:{reader.line_num}"))
    return Overrides(rules)


class _Index:
    """Which entities each name picks (id, label key, surface keys), kept up to date as
    the rules merge, rename and drop: one index for the whole file, not one per rule."""

    def __init__(self, entities: dict[str, EntityInfo], docs: list[ArticleMentions]) -> None:
        self.by_key: dict[str, set[str]] = {}
        self.keys_of: dict[str, set[str]] = {}
        self.label_key: dict[str, str] = {}
        self.surfaces: dict[str, set[str]] = {}  # the keys of an entity's mention texts
        for eid, info in entities.items():
            self._add(eid, eid)
            self.label_key[eid] = name_key(info.label)
            self._add(self.label_key[eid], eid)
        for doc in docs:
            for m in doc.mentions:
                key = name_key(m.text)
                self._add(key, m.entity)
                self.surfaces.setdefault(m.entity, set()).add(key)

    def _add(self, key: str, eid: str) -> None:
        self.by_key.setdefault(key, set()).add(eid)
        self.keys_of.setdefault(eid, set()).add(key)

    def pick(self, name: str) -> set[str]:
        return set(self.by_key.get(name, ())) or set(self.by_key.get(name_key(name), ()))

    def _remove(self, key: str, eid: str) -> None:
        self.by_key.get(key, set()).discard(eid)
        self.keys_of.get(eid, set()).discard(key)

    def moved(self, eid: str, new: str | None) -> None:
        """``eid`` merged into ``new`` (None: dropped): its mentions' texts now pick
        ``new``; its id and label no longer pick anything."""
        surfaces = self.surfaces.pop(eid, set())
        for key in self.keys_of.pop(eid, set()):
            self.by_key.get(key, set()).discard(eid)
        self.label_key.pop(eid, None)
        if new is not None:
            for key in surfaces:
                self._add(key, new)
            self.surfaces.setdefault(new, set()).update(surfaces)

    def renamed(self, eid: str, label: str) -> None:
        """``eid`` is now called ``label``: its old label picks it only if a mention of
        it reads so."""
        old = self.label_key.get(eid)
        if old is not None and old != eid and old not in self.surfaces.get(eid, ()):
            self._remove(old, eid)
        self.label_key[eid] = name_key(label)
        self._add(self.label_key[eid], eid)

    def created(self, eid: str, label: str) -> None:
        self._add(eid, eid)
        self.renamed(eid, label)


#: Types one entity may be merged across without a warning (an official is a person).
_SAME_KIND = ({"person", "official"},)


def _cross_type(types: set[str]) -> bool:
    return len(types) > 1 and not any(types <= kind for kind in _SAME_KIND)


def _new_target(entities: dict[str, EntityInfo], first: EntityInfo, value: str) -> str:
    """A fresh id for a new merge target named ``value``: never an entity's that goes by
    another name (two new targets never share one id)."""
    kind = "person" if first.type == "official" else first.type
    base = f"{kind}:{slug(value)}"
    target, n = base, 2
    while target in entities and name_key(entities[target].label) != name_key(value):
        target, n = f"{base}~{n}", n + 1
    return target


def apply_overrides(
    docs: list[ArticleMentions], entities: dict[str, EntityInfo], overrides: Overrides
) -> tuple[list[ArticleMentions], dict[str, EntityInfo]]:
    """Apply the rules in order; unmatched rules are listed in ``overrides.unmatched``
    and merges across types (a state into a person) in ``overrides.warnings``.

    One index of names is kept up to date rule after rule and the mentions are rewritten
    once at the end, so 10,000 rules take seconds.
    """
    entities = dict(entities)
    idx = _Index(entities, docs)
    moved: dict[str, str | None] = {}  # merged or dropped entity -> its target (None: gone)
    touched: set[str] = set()  # entities whose label or type changed
    for rule in overrides.rules:
        picked = idx.pick(rule.name) & entities.keys()
        if not picked:
            overrides.unmatched.append(rule)
            continue
        if rule.action == "drop":
            for eid in picked:
                entities.pop(eid)
                idx.moved(eid, None)
                moved[eid] = None
        elif rule.action == "rename":
            for eid in picked:
                entities[eid] = replace(entities[eid], label=rule.value)
                idx.renamed(eid, rule.value)
            touched |= picked
        elif rule.action == "retype":
            for eid in picked:
                entities[eid] = replace(entities[eid], type=rule.value)
            touched |= picked
        else:
            _merge(rule, picked, entities, idx, moved, touched, overrides)
    return _rewrite(docs, moved, touched, entities), entities


def _merge(rule: Rule, picked: set[str], entities: dict[str, EntityInfo], idx: _Index,
           moved: dict[str, str | None], touched: set[str], overrides: Overrides) -> None:
    targets = idx.pick(rule.value) & entities.keys()
    if len(targets) == 1:
        target = targets.pop()
    else:
        first = entities[sorted(picked)[0]]
        target = _new_target(entities, first, rule.value)
        if target not in entities:
            entities[target] = replace(first, id=target, label=rule.value)
            idx.created(target, rule.value)
    types = {entities[eid].type for eid in picked} | {entities[target].type}
    if _cross_type(types):
        names = ", ".join(f"{entities[e].label!r} ({entities[e].type})"
                          for e in sorted(picked) if e != target)
        overrides.warnings.append(
            f"{rule.where}: merges {names} into {entities[target].label!r} "
            f"({entities[target].type}): actors of different types")
    for eid in picked:
        if eid != target:
            entities.pop(eid)
            idx.moved(eid, target)
            moved[eid] = target
    touched.add(target)


def _final(eid: str, moved: dict[str, str | None]) -> str | None:
    """Where ``eid`` ended after every merge (None: dropped); paths are shortened."""
    path = []
    current: str | None = eid
    while current is not None and current in moved:
        path.append(current)
        current = moved[current]
    for step in path:
        moved[step] = current
    return current


def _rewrite(docs: list[ArticleMentions], moved: dict[str, str | None], touched: set[str],
             entities: dict[str, EntityInfo]) -> list[ArticleMentions]:
    """Every mention of a merged, dropped, renamed or retyped entity rewritten, once."""
    remap: dict[str, str | None] = {eid: _final(eid, moved) for eid in list(moved)}
    remap.update({eid: eid for eid in touched if eid in entities and eid not in remap})
    if not remap:
        return docs
    return [_remap(doc, remap, entities) for doc in docs]


def _remap(doc: ArticleMentions, remap: dict[str, str | None],
           entities: dict[str, EntityInfo]) -> ArticleMentions:
    if not any(m.entity in remap for m in doc.mentions):
        return doc
    out: list[Mention] = []
    for m in doc.mentions:
        if m.entity not in remap:
            out.append(m)
            continue
        new = remap[m.entity]
        if new is None:
            continue
        info = entities[new]
        out.append(replace(m, entity=new, label=info.label, type=info.type))
    return ArticleMentions(doc.meta, doc.sentences, out)
