"""docs/architecture.md matches the code: every module, file and name it writes in
backquotes exists, and every stage package is placed in it."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "architecture.md"
_QUOTED = re.compile(r"`([^`\n]+)`")
_DOTTED = re.compile(r"(graph|pipelines)(\.[A-Za-z_]\w*)+")
_PATH = re.compile(r"[\w.-]+(/[\w.-]*)+|[\w-]+\.(py|md|jsonl|csv)")


def _outputs() -> set[str]:
    """What a build writes: named in the doc, not files of the repository."""
    from pipelines.build.cache import CACHE_NAME
    from pipelines.build.outputs import OUTPUT_NAMES

    return {*OUTPUT_NAMES, CACHE_NAME}


def quoted() -> list[str]:
    return _QUOTED.findall(DOC.read_text(encoding="utf-8"))


def resolves(dotted: str) -> bool:
    """A module, or a module's attribute (a class's, too)."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for name in parts[cut:]:
            if not hasattr(obj, name):
                return False
            obj = getattr(obj, name)
        return True
    return False


def test_every_named_module_and_name_exists():
    names = [q for q in quoted() if _DOTTED.fullmatch(q) and q not in _outputs()]
    assert len(names) > 20
    assert [n for n in names if not resolves(n)] == []


def test_every_named_path_exists():
    paths = [q for q in quoted() if _PATH.fullmatch(q) and not _DOTTED.fullmatch(q)
             and q not in _outputs()]
    assert len(paths) > 20
    missing = []
    for p in paths:
        if "/" in p:
            if not (ROOT / p).exists():
                missing.append(p)
        elif not any(ROOT.glob(f"**/{p}")):  # a bare file name: anywhere in the tree
            missing.append(p)
    assert missing == []


def test_every_stage_package_is_placed():
    text = DOC.read_text(encoding="utf-8")
    packages = [str(p.parent.relative_to(ROOT)) for base in ("pipelines", "graph")
                for p in (ROOT / base).glob("*/__init__.py")]
    assert packages
    assert [p for p in packages if f"`{p}/" not in text] == []
