"""The compiled-pattern cache: same pattern objects, damaged files ignored, never fails."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from re import _compiler

import pytest

from pipelines.nlp import regex_cache
from pipelines.nlp.regex_cache import cache_dir, reusing_compiled_regexes

# Small stand-ins for spaCy's huge pattern: named and unnamed groups, flags, classes.
WORDS = ["porte-parole", "vice-président", "arrière-pays", "chef-lieu", "Île-de-France"]
PATTERN = "(?iu)" + "|".join(f"(?:^{re.escape(w)}[a-zé]*$)" for w in WORDS)
GROUPED = r"(?P<ville>[A-ZÉ][a-zé]+)-(?P<suite>sur|sous)-(\w+)"


@pytest.fixture
def small(monkeypatch):
    """Make the cache take patterns of any length (and start with an empty re cache).
    It runs whatever this Python is, so that the tests below tell whether it works on a
    version not yet in TESTED_PYTHONS."""
    monkeypatch.setattr(regex_cache, "MIN_PATTERN_CHARS", 1)
    monkeypatch.setattr(regex_cache, "TESTED_PYTHONS",
                        regex_cache.TESTED_PYTHONS | {sys.version_info[:2]})
    re.purge()
    yield
    re.purge()


def _files(folder):
    return sorted(folder.glob("*.bin"))


@pytest.mark.parametrize("pattern, flags", [(PATTERN, 0), (GROUPED, re.IGNORECASE),
                                            (r"\bÉtat\b|\bétat\b", re.MULTILINE)])
def test_cached_pattern_equals_a_fresh_compilation(small, tmp_path, pattern, flags):
    fresh = _compiler.compile(pattern, flags)
    with reusing_compiled_regexes(tmp_path):
        first = re.compile(pattern, flags)  # compiled, then saved
    assert len(_files(tmp_path)) == 1
    re.purge()
    with reusing_compiled_regexes(tmp_path):
        second = re.compile(pattern, flags)  # read back from the file
    assert first == fresh and second == fresh
    assert second.groupindex == fresh.groupindex and second.groups == fresh.groups
    for text in ["Porte-parole", "chef-lieux", "Saint-sur-Mer", "Ville-sous-Bois", "état"]:
        assert bool(second.search(text)) == bool(fresh.search(text))
        m1, m2 = second.search(text), fresh.search(text)
        assert (m1 and m1.groups()) == (m2 and m2.groups())


def test_the_file_is_what_is_read(small, tmp_path, monkeypatch):
    with reusing_compiled_regexes(tmp_path):
        re.compile(GROUPED)
    re.purge()
    calls = []
    monkeypatch.setattr(regex_cache, "_program", lambda *a: calls.append(a))
    with reusing_compiled_regexes(tmp_path):
        assert re.compile(GROUPED).match("Châlons-sur-Marne") is None  # capital Â
        assert re.compile(GROUPED).match("Boulogne-sur-Mer").group("ville") == "Boulogne"
    assert calls == []  # nothing compiled afresh


@pytest.mark.parametrize("damage", ["flip", "truncate", "magic", "head", "empty"])
def test_a_damaged_file_is_ignored(small, tmp_path, damage):
    with reusing_compiled_regexes(tmp_path):
        re.compile(PATTERN)
    [path] = _files(tmp_path)
    data = bytearray(path.read_bytes())
    if damage == "flip":
        data[-3] ^= 0xFF
    elif damage == "truncate":
        data = data[: len(data) - 5]
    elif damage == "magic":
        data[:5] = b"XXXXX"
    elif damage == "head":
        start = data.index(b"\n") + 1
        data[start:start + 1] = b"["
    else:
        data = bytearray()
    path.write_bytes(bytes(data))
    re.purge()
    with reusing_compiled_regexes(tmp_path):
        again = re.compile(PATTERN)
    assert again == _compiler.compile(PATTERN, 0)
    assert path.read_bytes() != bytes(data)  # rewritten with a good program


def test_a_program_the_matcher_refuses_falls_back(small, tmp_path):
    with reusing_compiled_regexes(tmp_path):
        re.compile(PATTERN)
    [path] = _files(tmp_path)
    raw = path.read_bytes()
    magic_end = len(b"actorgraph-regex 1\n")
    head_end = raw.index(b"\n", magic_end)
    head = json.loads(raw[magic_end:head_end])
    import hashlib
    body = b"\xff\xff\xff\x7f" * head["words"]  # a checksum-valid nonsense program
    head["sha256"] = hashlib.sha256(body).hexdigest()
    path.write_bytes(raw[:magic_end] + json.dumps(head).encode() + b"\n" + body)
    re.purge()
    with reusing_compiled_regexes(tmp_path):
        again = re.compile(PATTERN)
    assert again == _compiler.compile(PATTERN, 0)


def test_short_patterns_and_bad_patterns_take_the_usual_way(tmp_path):
    re.purge()
    with reusing_compiled_regexes(tmp_path):
        assert re.compile(r"ministre\s+\w+").match("ministre Dupont")
        with pytest.raises(re.error):
            re.compile("(?P<x>" + "a" * regex_cache.MIN_PATTERN_CHARS)
    assert _files(tmp_path) == []


def test_an_unwritable_folder_only_means_compiling(small, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with reusing_compiled_regexes(blocker / "regex"):
        assert re.compile(GROUPED) == _compiler.compile(GROUPED, 0)


def test_the_compiler_is_restored(small, tmp_path):
    original = _compiler.compile
    with pytest.raises(KeyError), reusing_compiled_regexes(tmp_path):
        assert _compiler.compile is not original
        raise KeyError("boom")
    assert _compiler.compile is original


def test_cache_dir_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(regex_cache.CACHE_DIR_VAR, str(tmp_path))
    assert cache_dir() == tmp_path
    monkeypatch.setenv(regex_cache.CACHE_DIR_VAR, "")
    assert cache_dir() is None
    monkeypatch.delenv(regex_cache.CACHE_DIR_VAR)
    assert cache_dir() is not None and cache_dir().name == "regex"


def test_turned_off_writes_nothing(small, tmp_path, monkeypatch):
    monkeypatch.setenv(regex_cache.CACHE_DIR_VAR, "")
    monkeypatch.chdir(tmp_path)
    with reusing_compiled_regexes():
        re.compile(PATTERN)
    assert list(tmp_path.rglob("*")) == []


def test_the_french_tokenizer_pattern_matches_a_fresh_compilation(nlp):
    """The model's hyphenated-words pattern, however it was loaded, is the real one."""
    pattern = nlp.tokenizer.token_match.__self__
    assert len(pattern.pattern) >= regex_cache.MIN_PATTERN_CHARS
    assert pattern == _compiler.compile(pattern.pattern, 0)


# ------------------------------------------------------------- which Pythons it runs on


def test_supported_versions():
    assert regex_cache.supported((3, 11, 7)) and regex_cache.supported((3, 13))
    assert not regex_cache.supported((3, 10, 13)) and not regex_cache.supported((4, 0))
    assert regex_cache.supported() == (sys.version_info[:2] in regex_cache.TESTED_PYTHONS)


def test_an_untested_python_compiles_as_usual(small, tmp_path, monkeypatch):
    monkeypatch.setattr(regex_cache, "TESTED_PYTHONS", frozenset())
    original = _compiler.compile
    with reusing_compiled_regexes(tmp_path):
        assert _compiler.compile is original  # the private compiler is left alone
        assert re.compile(GROUPED) == original(GROUPED, 0)
    assert _files(tmp_path) == []


#: Run by another Python: the module loaded from its file (no project import needed).
OTHER_PYTHON_CHECK = """
import importlib.util, re, sys, tempfile
from pathlib import Path
spec = importlib.util.spec_from_file_location("regex_cache", sys.argv[1])
rc = importlib.util.module_from_spec(spec)
spec.loader.exec_module(rc)
assert rc.supported(), sys.version
rc.MIN_PATTERN_CHARS = 1
from re import _compiler
with tempfile.TemporaryDirectory() as folder:
    for pattern, flags in [(sys.argv[2], 0), (sys.argv[3], re.IGNORECASE)]:
        fresh = _compiler.compile(pattern, flags)
        copies = []
        for _ in range(2):  # compiled and saved, then read back
            re.purge()
            with rc.reusing_compiled_regexes(Path(folder)):
                copies.append(re.compile(pattern, flags))
        assert copies == [fresh, fresh] and copies[1].groupindex == fresh.groupindex
        assert copies[1].search("Boulogne-sur-Mer") or pattern != sys.argv[3]
    assert len(list(Path(folder).glob("*.bin"))) == 2
print("ok")
"""


def _interpreter(major: int, minor: int) -> str | None:
    """An installed Python ``major.minor`` that starts, or None."""
    name = f"python{major}.{minor}"
    candidates = [shutil.which(name)] + sorted(
        str(p) for p in Path(os.path.expanduser("~/.pyenv/versions")).glob(
            f"{major}.{minor}.*/bin/{name}"))
    for exe in filter(None, candidates):
        try:
            if subprocess.run([exe, "-c", "pass"], capture_output=True,
                              timeout=60).returncode == 0:
                return exe
        except OSError:
            continue
    return None


@pytest.mark.parametrize("version", sorted(regex_cache.TESTED_PYTHONS))
def test_on_every_tested_python(version):
    """The claim of TESTED_PYTHONS, checked under each one installed here."""
    exe = sys.executable if version == sys.version_info[:2] else _interpreter(*version)
    if exe is None:
        pytest.skip(f"Python {version[0]}.{version[1]} is not installed")
    proc = subprocess.run([exe, "-c", OTHER_PYTHON_CHECK, regex_cache.__file__, PATTERN,
                           GROUPED], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "ACTORGRAPH_CACHE_DIR": ""})
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr
