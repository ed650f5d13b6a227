"""Append office-holders written in a compact form to ``pipelines/data/officials.jsonl``.

One person per line (``#`` starts a comment)::

    Label;Variant | role @AFF start..end | role @AFF start.. | =ACR;ACR

``AFF`` is an ISO 3166-1 alpha-3 code (``FRA`` -> ``state:FRA``) or a group id (``onu`` ->
``group:onu``); ``start`` and ``end`` are ``YYYY`` or ``YYYY-MM`` and an empty end means in
office as far as the data knows.  Roles are stored oldest first, the offices still held
last (the resolver reads the last one as the current office).  A person whose label or one
of whose names is already in the file (compared folded: case, accents, hyphens) is left out
and reported.

Usage: ``python3 scripts/add_officials.py batch.txt [...]``.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipelines.nlp.gazetteer import normalize  # noqa: E402
from pipelines.text import slug  # noqa: E402

DATA = ROOT / "pipelines" / "data"
OUT = DATA / "officials.jsonl"
_ROLE = re.compile(r"^(?P<role>.+?)\s+@(?P<aff>[\w-]+)\s+(?P<start>\d{4}(?:-\d\d)?)\.\."
                   r"(?P<end>\d{4}(?:-\d\d)?)?$")


def _affiliation(code: str) -> str:
    return f"state:{code}" if code.isupper() else f"group:{code}"


def parse_line(line: str) -> dict:
    """One compact line -> an officials record (``ValueError`` on a malformed line)."""
    fields = [f.strip() for f in line.split("|")]
    names = [n.strip() for n in fields[0].split(";") if n.strip()]
    acronyms: list[str] = []
    roles = []
    for field in fields[1:]:
        if field.startswith("="):
            acronyms = [a.strip() for a in field[1:].split(";") if a.strip()]
            continue
        m = _ROLE.match(field)
        if m is None:
            raise ValueError(f"bad role {field!r} in {line!r}")
        roles.append({"role": m["role"], "affiliation": _affiliation(m["aff"]),
                      "start": m["start"], "end": m["end"] or ""})
    # oldest first, offices still held last: the resolver falls back on the last role
    roles.sort(key=lambda r: (r["end"] == "", r["start"]))
    if not roles or not names:
        raise ValueError(f"no role or name in {line!r}")
    rec = {"id": f"person:{slug(names[0])}", "type": "official", "label": names[0],
           "names": names, "roles": roles}
    if acronyms:
        rec["acronyms"] = acronyms
    return rec


def main(paths: list[str]) -> None:
    """Append the new people of the given batch files."""
    lines = OUT.read_text(encoding="utf-8").splitlines()
    known_ids = set()
    known_names: dict[str, str] = {}
    for line in lines:
        rec = json.loads(line)
        known_ids.add(rec["id"])
        for name in [rec["label"], *rec.get("names", [])]:
            known_names[normalize(name)] = rec["id"]
    groups = {json.loads(x)["id"] for x in (DATA / "groups.jsonl").read_text("utf-8").splitlines()}
    states = {json.loads(x)["id"] for x in (DATA / "states.jsonl").read_text("utf-8").splitlines()}
    added = 0
    with OUT.open("a", encoding="utf-8") as fh:
        for path in paths:
            for raw in Path(path).read_text(encoding="utf-8").splitlines():
                raw = raw.split("#", 1)[0].strip() if raw.lstrip().startswith("#") else raw.strip()
                if not raw:
                    continue
                rec = parse_line(raw)
                bad = [r["affiliation"] for r in rec["roles"]
                       if r["affiliation"] not in groups | states]
                if bad:
                    print(f"unknown affiliation {bad} for {rec['label']}", file=sys.stderr)
                    continue
                dup = next((known_names[normalize(n)] for n in rec["names"]
                            if normalize(n) in known_names), None)
                if dup or rec["id"] in known_ids:
                    print(f"already known: {rec['label']} ({dup or rec['id']})", file=sys.stderr)
                    continue
                for name in rec["names"]:
                    known_names[normalize(name)] = rec["id"]
                known_ids.add(rec["id"])
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                added += 1
    print(f"{added} officials added", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
