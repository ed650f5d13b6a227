"""Every third-party package the code imports is declared in pyproject.toml."""

from __future__ import annotations

import ast
import importlib.metadata as md
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: Distributions declared under another name than the one that provides the import.
ALSO_KNOWN_AS = {"igraph": "python-igraph"}


def _imported_top_level() -> set[str]:
    names: set[str] = set()
    for pkg in ("graph", "pipelines"):
        for path in (ROOT / pkg).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    names.update(a.name.split(".")[0] for a in node.names)
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names.add(node.module.split(".")[0])
    return {n for n in names if n not in sys.stdlib_module_names
            and n not in ("graph", "pipelines") and not n.startswith("_")}


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        specs.extend(extra)
    return {re.split(r"[<>=!~\[; ]", s, maxsplit=1)[0].lower().replace("_", "-")
            for s in specs}


def test_every_imported_package_is_declared():
    providers = md.packages_distributions()
    declared = _declared()
    missing = []
    for name in sorted(_imported_top_level()):
        dists = {d.lower().replace("_", "-") for d in providers.get(name, [name])}
        dists |= {ALSO_KNOWN_AS[d] for d in dists if d in ALSO_KNOWN_AS}
        if not dists & declared:
            missing.append(name)
    assert missing == []


def test_numpy_is_a_dependency():
    assert "numpy" in {re.split(r"[<>=]", s)[0] for s in tomllib.loads(
        (ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]}
