"""The analysis fingerprint covers the per-article stage: its version constant, and the
source of every module the stage imports (a module left out would silently reuse stale
cached analyses after it changes)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import pipelines.nlp
from pipelines.build import cache
from pipelines.build.cache import analysis_fingerprint
from pipelines.nlp.extract import Options

ROOT = Path(__file__).resolve().parents[1]
#: The per-article stage's entry point: process_chunk (spaCy, analyse_article, the
#: interactions, the stored form).
ENTRY = "pipelines.nlp.chunk"
#: Modules the stage imports that cannot change what it returns, and why.
NOT_OUTPUT = {
    "graph/records.py": "ArticleMeta only: a record the cache does not store",
    "graph/gc_pause.py": "switches the garbage collector",
    "graph/interactions.py": "InteractionRow: the corpus-level rows (to_entities)",
    "pipelines/errors.py": "exception classes",
}


def _file(module: str) -> Path | None:
    base = ROOT / module.replace(".", "/")
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    return None


def _imports(module: str) -> set[str]:
    """The project modules ``module`` names in an import, anywhere in its code (imports
    inside functions too)."""
    path = _file(module)
    assert path is not None, module
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            found.add(base)
            found.update(f"{base}.{a.name}" for a in node.names)  # a submodule imported
    return {m for m in found if m.split(".")[0] in ("graph", "pipelines") and _file(m)}


def _path(module: str) -> str:
    return str(_file(module).relative_to(ROOT))  # type: ignore[union-attr]


def stage_modules() -> set[str]:
    """Every project module the stage reaches through imports, as repository paths (not
    through a module of NOT_OUTPUT: what it imports serves what the stage does not use)."""
    seen: set[str] = set()
    todo = [ENTRY]
    while todo:
        module = todo.pop()
        if module not in seen:
            seen.add(module)
            if _path(module) not in NOT_OUTPUT:
                todo.extend(_imports(module))
    return {_path(m) for m in seen}


def covered(path: str) -> bool:
    for source in cache._EXTRACTION_SOURCES:  # noqa: SLF001
        if path == source or (ROOT / source).is_dir() and path.startswith(source + "/"):
            return True
    return False


def test_every_module_of_the_stage_is_in_the_fingerprint():
    modules = stage_modules()
    assert "pipelines/nlp/analysis.py" in modules and "pipelines/interactions/parse.py" in \
        modules  # the walk finds the stage (imports inside functions included)
    missing = sorted(m for m in modules if not covered(m) and m not in NOT_OUTPUT)
    assert missing == [], "add them to _EXTRACTION_SOURCES in pipelines/build/cache.py"


def test_every_source_exists_and_is_used():
    """No stale entry: each names an existing file or folder the stage imports from
    (an extra one would re-analyse every article for an unrelated change)."""
    modules = stage_modules()
    for source in cache._EXTRACTION_SOURCES:  # noqa: SLF001
        assert (ROOT / source).exists(), source
        assert any(m == source or m.startswith(source + "/") for m in modules), source
    assert set(NOT_OUTPUT) <= modules  # the exceptions are still imported


def _fingerprint_changes(monkeypatch, patch) -> bool:
    """Whether the analysis fingerprint differs while ``patch()`` holds; it is undone
    after, and the fingerprint must then be the first one again."""
    analysis_fingerprint.cache_clear()
    before = analysis_fingerprint(Options())
    patch()
    analysis_fingerprint.cache_clear()
    try:
        changed = analysis_fingerprint(Options()) != before
    finally:
        monkeypatch.undo()
        analysis_fingerprint.cache_clear()
    assert analysis_fingerprint(Options()) == before
    return changed


def test_extraction_version_is_in_the_fingerprint(monkeypatch):
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}\.\d+", pipelines.nlp.EXTRACTION_VERSION)
    assert _fingerprint_changes(monkeypatch, lambda: monkeypatch.setattr(
        pipelines.nlp, "EXTRACTION_VERSION", "2099-01-01.1"))


@pytest.mark.parametrize("source", ["pipelines/nlp/roles.py", "graph/schema.py"])
def test_a_source_edit_changes_the_fingerprint(source, monkeypatch):
    """The folder hash stays as the safety net for a forgotten version bump."""
    from importlib import resources

    real = resources.files

    class Edited:
        def __init__(self, inner):
            self.inner = inner

        def joinpath(self, *parts):
            return Edited(self.inner.joinpath(*parts))

        def iterdir(self):
            return (Edited(p) for p in self.inner.iterdir())

        def is_dir(self):
            return self.inner.is_dir()

        def is_file(self):
            return self.inner.is_file()

        @property
        def name(self):
            return self.inner.name

        def read_bytes(self):
            data = self.inner.read_bytes()
            if str(self.inner).endswith(source):
                data += b"\n# edited\n"
            return data

    assert _fingerprint_changes(monkeypatch, lambda: monkeypatch.setattr(
        cache.resources, "files", lambda pkg: Edited(real(pkg))))
