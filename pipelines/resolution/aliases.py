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
    rules: list[Rule]
    unmatched: list[Rule] = field(default_factory=list)


def _rule(row: dict[str, object], where: str) -> Rule:
    if not isinstance(row, dict):
        raise AliasesError(f"{where}: expected an object with name, action, value")
    name = str(row.get("name") or "").strip()
    action = str(row.get("action") or "").strip().lower()
    value = str(row.get("value") or "").strip()
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


def _index(entities: dict[str, EntityInfo], docs: list[ArticleMentions]) -> dict[str, set[str]]:
    idx: dict[str, set[str]] = {}
    for eid, info in entities.items():
        idx.setdefault(eid, set()).add(eid)
        idx.setdefault(name_key(info.label), set()).add(eid)
    for doc in docs:
        for m in doc.mentions:
            idx.setdefault(name_key(m.text), set()).add(m.entity)
    return idx


def _pick(idx: dict[str, set[str]], name: str) -> set[str]:
    return set(idx.get(name, ())) or set(idx.get(name_key(name), ()))


def apply_overrides(
    docs: list[ArticleMentions], entities: dict[str, EntityInfo], overrides: Overrides
) -> tuple[list[ArticleMentions], dict[str, EntityInfo]]:
    """Apply the rules in order; unmatched rules are listed in ``overrides.unmatched``."""
    entities = dict(entities)
    for rule in overrides.rules:
        idx = _index(entities, docs)
        picked = _pick(idx, rule.name) & set(entities)
        if not picked:
            overrides.unmatched.append(rule)
            continue
        remap: dict[str, str | None] = {}
        if rule.action == "drop":
            remap = dict.fromkeys(picked)
        elif rule.action == "rename":
            for eid in picked:
                entities[eid] = replace(entities[eid], label=rule.value)
        elif rule.action == "retype":
            for eid in picked:
                entities[eid] = replace(entities[eid], type=rule.value)
        else:  # merge
            targets = _pick(idx, rule.value) & set(entities)
            if len(targets) == 1:
                target = targets.pop()
            else:
                first = entities[sorted(picked)[0]]
                target = f"{first.type}:{slug(rule.value)}" if first.type != "official" \
                    else f"person:{slug(rule.value)}"
                entities.setdefault(target, replace(first, id=target, label=rule.value))
            remap = {eid: target for eid in picked if eid != target}
        if rule.action in ("rename", "retype"):
            remap = {eid: eid for eid in picked}
        docs = [_remap(doc, remap, entities) for doc in docs]
        for eid, new in remap.items():
            if new != eid:
                entities.pop(eid, None)
    return docs, entities


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
