"""The build cache: per-article results in an SQLite database in the output folder.

``cache.sqlite`` (WAL mode) holds three tables, the first two keyed by the SHA-256 of an
article's text, so renaming or re-dating an article, or moving it to another file, costs
nothing:

``nlp``
    The spaCy output (:meth:`pipelines.nlp.model.NlpResult.to_json`), under the NLP
    version (:func:`pipelines.nlp.model.nlp_version`: :data:`~pipelines.nlp.model.NLP_VERSION`,
    the model and spaCy versions). Only a new text, or a new model, runs spaCy again.
``analysis``
    The article's candidates, roles, acronyms and interactions (see
    :func:`encode_analysis`, the one stored form of an analysis), under a fingerprint of
    everything extraction reads besides the text: the NLP version, the gazetteer, rule and
    trigger data files, the extraction and interaction source code, the options and
    whether interactions are on. Editing the gazetteer changes the fingerprint, so
    articles are re-analysed from the cached spaCy output, without spaCy.
``files``
    Per corpus file, what reading it gave (its articles' metadata and text keys, the
    problems reported), under a key made of the file's path, the SHA-256 of its bytes and
    the version of the readers (:func:`corpus_file_key`), and the analysis fingerprint. A
    file that has not changed since the last build is not parsed again: the next build
    takes its articles in one read and their analyses from the ``analysis`` table by
    their text keys, a few hundred a query (:class:`FileRecord`).

A change to the stored form of an analysis bumps :data:`ANALYSIS_FORMAT`, which is part of
the fingerprint: analyses and file records of the old form are then simply not found
(the articles are re-analysed from the cached spaCy output) and pruned at the end of the
build. :data:`SCHEMA_VERSION` is for the database layout and empties every table,
spaCy output included.

Writes are committed in batches (one per chunk of articles), so a build killed with
``kill -9`` loses at most the batches in flight; the next build resumes from the rest. A
damaged database file — found when it is opened, read or written (``database disk image
is malformed``) — is moved aside (``cache.sqlite.broken``) and a new one started: the
build goes on, it only loses what was cached. A full disk while the cache is written is
an :class:`~pipelines.errors.OutputError` (a one-line ``Error:`` in the CLI).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import io
import json
import os
import pickle
import sqlite3
import time
import zlib
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

try:  # orjson is a dependency (twice as fast to read); the stdlib is the fallback
    from orjson import loads as _fast_loads
except ImportError:  # pragma: no cover
    _fast_loads = None

from graph.gc_pause import gc_paused
from graph.records import ArticleMeta
from pipelines.errors import OutputError
from pipelines.nlp.analysis import ArticleAnalysis
from pipelines.nlp.extract import Candidate, Options
from pipelines.nlp.model import NlpResult, nlp_version
from pipelines.nlp.roles import Role

#: The cache file's name inside the output folder.
CACHE_NAME = "cache.sqlite"
#: Bumped when the database layout changes (every table is emptied, spaCy output too).
SCHEMA_VERSION = "1"
#: Bumped when the stored form of an analysis (:func:`encode_analysis`) changes; part of
#: the analysis fingerprint, so old analyses are re-made from the cached spaCy output.
#: 2: one positional form for the ``analysis`` table and the file records alike.
#: 3: the human cues of one-word persons (``[index, kind]`` pairs) after the interactions.
ANALYSIS_FORMAT = 3

#: Sources whose code decides what the per-article work
#: (:func:`pipelines.nlp.chunk.process_chunk`) returns, as ``package/path``: not the
#: corpus-level resolver's, so changing that re-uses every cached analysis. A folder stands
#: for every ``.py`` file in it, so a module added to the per-article stages is never left
#: out; ``tests/test_cache.py`` checks that every module the stage imports is covered.
_EXTRACTION_SOURCES = ("pipelines/nlp", "pipelines/interactions", "pipelines/text.py",
                       "pipelines/build/cache.py", "graph/schema.py")


def text_key(text: str) -> str:
    """The cache key of an article text: the hex SHA-256 of its UTF-8 bytes."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@lru_cache(maxsize=8)
def analysis_fingerprint(options: Options | None = None) -> str:
    """A digest of everything besides the text that extraction depends on.

    The NLP version, :data:`pipelines.nlp.EXTRACTION_VERSION`, the stored form of an
    analysis, the bundled data files (gazetteer, titles, noise rules), the source of the
    extraction modules and the options: a change to any of them re-analyses every article
    (from the cached spaCy output).
    """
    from pipelines.interactions.article import enabled
    from pipelines.nlp import EXTRACTION_VERSION

    h = hashlib.sha256()
    h.update(f"schema={SCHEMA_VERSION};format={ANALYSIS_FORMAT};nlp={nlp_version()};"
             f"extraction={EXTRACTION_VERSION};{options or Options()!r}".encode())
    h.update(f"interactions={enabled()}".encode())
    root = resources.files("pipelines")
    data = root.joinpath("data")
    for item in sorted(data.iterdir(), key=lambda p: p.name):
        if item.is_file():
            h.update(item.name.encode())
            h.update(item.read_bytes())
    for name in _EXTRACTION_SOURCES:
        package, _, rest = name.partition("/")
        src = resources.files(package).joinpath(rest)
        files = sorted((f for f in src.iterdir() if f.name.endswith(".py")),
                       key=lambda f: f.name) if src.is_dir() else [src]
        for f in files:
            h.update(f"{name}/{f.name}".encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:32]


# ------------------------------------------------------------------- (de)serialisation


#: An analysis as the cache stores it (:func:`encode_analysis`): plain lists, JSON- and
#: pickle-safe.
EncodedAnalysis = list[Any]


class Shared(dict):  # type: ignore[type-arg]
    """One object per distinct value: ``shared[x]`` is the first ``x`` seen equal to it.

    The analyses of a big corpus name the same few types, kinds and gazetteer ids and the
    same names and offsets millions of times; decoded apart, each would be a new string
    or int (about 60 bytes each, five to eight per candidate). A build decodes every
    analysis through one of these. Strings and ints only (``True == 1``).
    """

    __slots__ = ()

    def __missing__(self, key: Any) -> Any:
        self[key] = key
        return key


def encode_analysis(a: ArticleAnalysis) -> EncodedAnalysis:
    """The cacheable part of an :class:`ArticleAnalysis` (everything but its metadata):
    ``[sentences, candidates, roles, acronyms, interactions, cues]``, a candidate as its
    eight fields in order, a role as ``[sentence, text, official]``, an interaction as its
    row, a human cue as ``[candidate, kind]``.

    The one stored form: the ``analysis`` table (as JSON), the file records (pickled) and
    the workers' results (:func:`pipelines.nlp.chunk.process_chunk`) all use it.
    """
    return [a.sentences,
            [[c.start, c.end, c.text, c.type, c.entry_id, c.kind, c.ner, c.sentence]
             for c in a.candidates],
            [[i, r.text, r.official] for i, r in sorted(a.roles.items())],
            a.acronyms,
            [list(r) for r in a.interactions],
            [[i, kind] for i, kind in sorted(a.cues.items())]]


def decode_analysis(meta: ArticleMeta, data: EncodedAnalysis,
                    shared: Shared | None = None) -> ArticleAnalysis:
    """Rebuild an :class:`ArticleAnalysis` for ``meta`` from :func:`encode_analysis` (the
    candidates' strings and ints taken from ``shared`` when given). Raises (ValueError,
    TypeError…) on data of another form."""
    if not isinstance(data, list):
        raise TypeError(f"an encoded analysis is a list, not {type(data).__name__}")
    sentences, cands, roles, acronyms, interactions, cues = data
    v = Shared() if shared is None else shared
    return ArticleAnalysis(meta, list(sentences), _candidates(cands, v),
                           {int(i): Role(v[t], o) for i, t, o in roles},
                           {v[k]: v[x] for k, x in acronyms.items()},
                           [tuple(r) for r in interactions],
                           {int(i): v[kind] for i, kind in cues})


def _slot_setters() -> tuple[Callable[[Any, Any], None], ...] | None:
    """The setters of :class:`Candidate`'s eight slots in field order, or None when it
    is no longer a plain slotted record (then :func:`_candidates` calls its constructor)."""
    names = tuple(f.name for f in dataclasses.fields(Candidate))
    if (len(names) != 8 or getattr(Candidate, "__slots__", ()) != names
            or hasattr(Candidate, "__post_init__")):
        return None
    return tuple(getattr(Candidate, name).__set__ for name in names)


_SETTERS = _slot_setters()


def _candidates(rows: list[list[Any]], v: Shared) -> list[Candidate]:
    """The candidates of encoded rows, each field taken from ``v``.

    Millions of them on a big corpus: each is filled slot by slot (what the frozen
    record's constructor does, without its eight calls of ``object.__setattr__``);
    equal, field for field, to ``Candidate(*row)``. A row of another length raises
    ValueError."""
    get = v.__getitem__
    if _SETTERS is None:  # pragma: no cover - Candidate is a slotted dataclass
        return [Candidate(*map(get, c)) for c in rows]
    s0, s1, s2, s3, s4, s5, s6, s7 = _SETTERS
    new = object.__new__
    out: list[Candidate] = []
    append = out.append
    for start, end, text, ctype, entry, kind, ner, sentence in rows:
        c = new(Candidate)
        s0(c, get(start))
        s1(c, get(end))
        s2(c, get(text))
        s3(c, get(ctype))
        s4(c, get(entry))
        s5(c, get(kind))
        s6(c, get(ner))
        s7(c, get(sentence))
        append(c)
    return out


def _pack(obj: Any) -> bytes:
    return zlib.compress(json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
                         .encode("utf-8"), 1)


def _unpack(blob: bytes) -> Any:
    raw = zlib.decompress(blob)
    if _fast_loads is not None:
        try:
            return _fast_loads(raw)
        except ValueError:  # what orjson refuses (NaN, huge ints): the stdlib reads
            pass
    return json.loads(raw.decode("utf-8"))


# ----------------------------------------------------------------------- corpus files


#: Modules whose code decides which articles a corpus file gives.
_READER_MODULES = ("readers/corpus", "readers/csvrows", "readers/problems", "readers/dates",
                   "readers/htmltext")
_READER_LIBRARIES = ("charset-normalizer", "trafilatura", "dateparser", "lxml")


@lru_cache(maxsize=1)
def _reader_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    h = hashlib.sha256(f"files={_FILES_VERSION}".encode())
    root = resources.files("pipelines")
    for mod in _READER_MODULES:
        src = root.joinpath(f"{mod}.py")
        if src.is_file():
            h.update(mod.encode())
            h.update(src.read_bytes())
    for lib in _READER_LIBRARIES:
        try:
            h.update(f"{lib}={version(lib)}".encode())
        except PackageNotFoundError:
            h.update(lib.encode())
    return h.hexdigest()


def corpus_file_key(path: Path, rel: str, *, max_bytes: int, max_chars: int) -> str | None:
    """The key of a corpus file's :class:`FileRecord`: its path within the corpus, the
    SHA-256 of its bytes, the reader's limits and version (so the same file read from
    another folder, or through a link, is the same record). None when the file cannot be
    read (the reader then reports why)."""
    h = hashlib.sha256(f"{_reader_version()}|{rel}|{max_bytes}|{max_chars}|"
                       .encode("utf-8", "surrogatepass"))
    try:
        with open(path, "rb") as fh:
            while block := fh.read(1 << 20):
                h.update(block)
    except OSError:
        return None
    return h.hexdigest()


#: Bumped when :class:`FileRecord`'s stored form changes.
_FILES_VERSION = 5  # 2: stubs say whether the date was inferred; 3: analyses carry
# interactions; 4: analyses as encode_analysis makes them; 5: no analyses (the text keys
# find them in the analysis table)

#: One article of a file record: id (as the file gives it), title, date, source, url, text
#: key and whether the date was inferred from the text.
Stub = tuple[str, str, "str | None", str, str, str, bool]


class FileRecord:
    """What one corpus file gave: its articles (:data:`Stub`) with their analyses, and the
    problems the reader reported (skipped inputs and notes).

    The record stores the stubs and the problems only: each article's analysis is the
    ``analysis`` table's row of its text key (stored there once, by the build that made
    it), which :meth:`BuildCache.get_file` looks up. So storing a new file's record costs
    nothing however many articles it has, and no analysis is on disk twice."""

    __slots__ = ("stubs", "analyses", "skipped", "notes")

    def __init__(self, stubs: list[Stub], analyses: list[ArticleAnalysis],
                 skipped: list[tuple[str, str]], notes: list[tuple[str, str]]) -> None:
        self.stubs = stubs
        self.analyses = analyses  # not stored (see the class doc)
        self.skipped = skipped
        self.notes = notes

    def to_bytes(self) -> bytes:
        return pickle.dumps((_FILES_VERSION, self.stubs, self.skipped, self.notes),
                            protocol=5)

    @classmethod
    def from_bytes(cls, blob: bytes) -> FileRecord | None:
        """Decode :meth:`to_bytes` (plain data only: no class is ever loaded), without its
        analyses (an empty list); None when the blob is damaged or of another version."""
        try:
            version, stubs, skipped, notes = _PlainUnpickler(io.BytesIO(blob)).load()
            if version != _FILES_VERSION:
                return None
            stubs = [tuple(s) for s in stubs]
            if not all(len(s) == 7 and isinstance(s[5], str) for s in stubs):
                return None
            return cls(stubs, [],  # type: ignore[arg-type]
                       [(str(w), str(r)) for w, r in skipped],
                       [(str(w), str(r)) for w, r in notes])
        except Exception:  # noqa: BLE001 - any damage: read the file again
            return None


class _PlainUnpickler(pickle.Unpickler):
    """Loads plain data only: every class or function reference is refused."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"refused: {module}.{name}")


_NO_META = ArticleMeta("")

#: Text keys looked up in one query (SQLite allows 32,766 parameters, old builds 999).
_KEYS_A_QUERY = 500


# ------------------------------------------------------------------------------ cache


class BuildCache:
    """Per-article NLP and analysis results, keyed by text hash (see the module doc).

    Use as a context manager; :meth:`put_many` commits one batch. Reads never raise on a
    damaged row: it is treated as missing.
    """

    def __init__(self, path: str | os.PathLike[str], *, fingerprint: str,
                 version: str | None = None) -> None:
        self.path = Path(path)
        self.version = version or nlp_version()
        self.fingerprint = fingerprint
        #: What happened to the file, for the build report ("" when nothing unusual).
        self.note = ""
        try:
            self._db = self._open()
        except sqlite3.DatabaseError as exc:
            if _full(exc):
                raise _disk_full(self.path) from exc
            self._move_aside(exc)
            self._db = self._open()

    def _move_aside(self, exc: BaseException) -> None:
        """Move the damaged database (and its WAL) to ``cache.sqlite.broken``."""
        broken = self.path.with_name(self.path.name + ".broken")
        for suffix in ("", "-wal", "-shm"):
            src = Path(str(self.path) + suffix)
            if src.exists():
                os.replace(src, Path(str(broken) + suffix))
            else:
                Path(str(broken) + suffix).unlink(missing_ok=True)
        note = f"the cache was unreadable ({exc}); moved aside to {broken.name}"
        self.note = f"{self.note}; {note}" if self.note else note

    def _recover(self, exc: sqlite3.DatabaseError) -> None:
        """After damage found while reading or writing: start a new database (or raise
        :class:`OutputError` for a full disk, re-raise anything else)."""
        if _full(exc):
            raise _disk_full(self.path) from exc
        if not _damaged(exc):
            raise exc
        try:
            self._db.close()
        except sqlite3.Error:
            pass
        self._move_aside(exc)
        self._db = self._open()

    def _read(self, sql: str, args: tuple[Any, ...]) -> Any:
        """``fetchone()`` of a query; a damaged database is replaced and gives None."""
        try:
            return self._db.execute(sql, args).fetchone()
        except sqlite3.DatabaseError as exc:
            self._recover(exc)
            return None

    def _read_all(self, sql: str, args: tuple[Any, ...]) -> list[Any]:
        """``fetchall()`` of a query; a damaged database is replaced and gives []."""
        try:
            return self._db.execute(sql, args).fetchall()
        except sqlite3.DatabaseError as exc:
            self._recover(exc)
            return []

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.executescript("""
                CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID;
                CREATE TABLE IF NOT EXISTS nlp (
                    hash TEXT, version TEXT, value BLOB, PRIMARY KEY (hash, version)
                ) WITHOUT ROWID;
                CREATE TABLE IF NOT EXISTS analysis (
                    hash TEXT, fp TEXT, value BLOB, PRIMARY KEY (hash, fp)
                ) WITHOUT ROWID;
                CREATE TABLE IF NOT EXISTS files (
                    key TEXT, fp TEXT, value BLOB, PRIMARY KEY (key, fp)
                ) WITHOUT ROWID;
            """)
            row = db.execute("SELECT v FROM meta WHERE k='schema'").fetchone()
            if row is None:
                db.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
            elif row[0] != SCHEMA_VERSION:
                db.executescript("DELETE FROM nlp; DELETE FROM analysis; DELETE FROM files;")
                db.execute("UPDATE meta SET v=? WHERE k='schema'", (SCHEMA_VERSION,))
            db.execute("SELECT count(*) FROM nlp").fetchone()
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    # -- context manager -----------------------------------------------------------
    def __enter__(self) -> BuildCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Checkpoint the WAL into the database file and close."""
        try:
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.DatabaseError:
            pass
        self._db.close()

    # -- reads ---------------------------------------------------------------------
    def get_nlp(self, key: str) -> NlpResult | None:
        """The cached spaCy output for a text key, or None."""
        row = self._read("SELECT value FROM nlp WHERE hash=? AND version=?",
                         (key, self.version))
        if row is None:
            return None
        try:
            return NlpResult.from_json(_unpack(row[0]))
        except (ValueError, KeyError, TypeError, zlib.error):
            return None

    def get_analysis(self, key: str, meta: ArticleMeta | None = None,
                     shared: Shared | None = None) -> ArticleAnalysis | None:
        """The cached analysis of a text key (for ``meta``: default, none yet), or None
        (``shared``: see :func:`decode_analysis`)."""
        row = self._read("SELECT value FROM analysis WHERE hash=? AND fp=?",
                         (key, self.fingerprint))
        return None if row is None else self._decoded(row[0], meta or _NO_META, shared)

    @gc_paused()  # hundreds of thousands of new objects, no cycles
    def get_analyses(self, keys: Sequence[str], shared: Shared | None = None
                     ) -> list[ArticleAnalysis | None]:
        """:meth:`get_analysis` of each text key (for no metadata yet), in order, read a
        few hundred keys a query (a key given twice is decoded twice: two analyses)."""
        out: list[ArticleAnalysis | None] = []
        v = Shared() if shared is None else shared
        for i in range(0, len(keys), _KEYS_A_QUERY):
            part = keys[i:i + _KEYS_A_QUERY]
            blobs = dict(self._read_all(
                f"SELECT hash, value FROM analysis WHERE fp=? AND hash IN "
                f"({','.join('?' * len(part))})", (self.fingerprint, *part)))
            for key in part:
                blob = blobs.get(key)
                out.append(None if blob is None else self._decoded(blob, _NO_META, v))
        return out

    @staticmethod
    def _decoded(blob: bytes, meta: ArticleMeta, shared: Shared | None
                 ) -> ArticleAnalysis | None:
        try:
            return decode_analysis(meta, _unpack(blob), shared)
        except (ValueError, TypeError, KeyError, AttributeError, zlib.error):
            return None

    def __len__(self) -> int:
        row = self._read("SELECT count(*) FROM nlp WHERE version=?", (self.version,))
        return int(row[0]) if row else 0

    # -- writes --------------------------------------------------------------------
    def put_many(self, rows: Iterable[tuple[str, dict[str, Any] | None,
                                            EncodedAnalysis | None]]) -> None:
        """Store ``(key, nlp_json, encoded analysis)`` rows (None: leave it) in one commit."""
        nlp_rows: list[tuple[str, str, bytes]] = []
        ana_rows: list[tuple[str, str, bytes]] = []
        for key, nlp_json, ana_json in rows:
            if nlp_json is not None:
                nlp_rows.append((key, self.version, _pack(nlp_json)))
            if ana_json is not None:
                ana_rows.append((key, self.fingerprint, _pack(ana_json)))
        if not nlp_rows and not ana_rows:
            return

        def insert() -> None:
            self._db.executemany("INSERT OR REPLACE INTO nlp VALUES (?, ?, ?)", nlp_rows)
            self._db.executemany("INSERT OR REPLACE INTO analysis VALUES (?, ?, ?)", ana_rows)

        self._write(insert)

    def prune(self) -> int:
        """Drop rows of other NLP versions and analysis fingerprints; return how many."""
        try:
            cur = self._db.execute("DELETE FROM nlp WHERE version<>?", (self.version,))
            n = cur.rowcount
            cur = self._db.execute("DELETE FROM analysis WHERE fp<>?", (self.fingerprint,))
            n += cur.rowcount
            cur = self._db.execute("DELETE FROM files WHERE fp<>?", (self.fingerprint,))
            return n + cur.rowcount
        except sqlite3.DatabaseError as exc:
            self._recover(exc)
            return 0

    # -- whole corpus files ----------------------------------------------------------
    def has_file(self, key: str) -> bool:
        """Whether a corpus file with this :func:`corpus_file_key` is stored."""
        return self._read("SELECT 1 FROM files WHERE key=? AND fp=?",
                          (key, self.fingerprint)) is not None

    def get_file(self, key: str, shared: Shared | None = None) -> FileRecord | None:
        """What a corpus file gave at the last build (see :class:`FileRecord`), with the
        analyses of its articles, or None (also when one of them is no longer in the
        ``analysis`` table; ``shared``: see :func:`decode_analysis`)."""
        row = self._read("SELECT value FROM files WHERE key=? AND fp=?",
                         (key, self.fingerprint))
        record = None if row is None else FileRecord.from_bytes(row[0])
        if record is None:
            return None
        analyses = self.get_analyses([s[5] for s in record.stubs], shared)
        if any(a is None for a in analyses):  # rows lost: read the file again
            return None
        record.analyses = analyses  # type: ignore[assignment]
        return record

    def put_files(self, records: Iterable[tuple[str, FileRecord]]) -> None:
        """Store corpus files' records (one commit)."""
        # one record pickled at a time: a big file's is hundreds of megabytes
        rows = ((key, self.fingerprint, rec.to_bytes()) for key, rec in records)
        self._write(lambda: self._db.executemany(
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?)", rows))

    def keep_files(self, keys: Iterable[str]) -> int:
        """Forget the records of every corpus file but ``keys``; return how many."""
        keep = set(keys)
        try:
            gone = [(k,) for (k,) in self._db.execute("SELECT key FROM files")
                    if k not in keep]
        except sqlite3.DatabaseError as exc:
            self._recover(exc)
            return 0
        if gone:
            self._write(lambda: self._db.executemany("DELETE FROM files WHERE key=?", gone))
        return len(gone)

    def _write(self, work: Callable[[], object]) -> None:
        """Run ``work`` in one transaction; a damaged database is replaced and the work
        done again in the new one; a full disk is an :class:`OutputError`."""
        try:
            self._transaction(work)
        except sqlite3.DatabaseError as exc:
            self._recover(exc)
            try:
                self._transaction(work)
            except sqlite3.DatabaseError as again:
                if _full(again):
                    raise _disk_full(self.path) from again
                raise

    def _transaction(self, work: Callable[[], object]) -> None:
        for attempt in range(5):
            try:
                self._db.execute("BEGIN IMMEDIATE")
                break
            except sqlite3.OperationalError:  # locked by a reader: wait a little
                if attempt == 4:
                    raise
                time.sleep(0.2 * (attempt + 1))
        try:
            work()
            self._db.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")
            raise

    def keys(self, keys: Sequence[str]) -> set[str]:
        """Which of ``keys`` have a cached NLP result."""
        found: set[str] = set()
        for i in range(0, len(keys), 500):
            part = list(keys[i:i + 500])
            marks = ",".join("?" * len(part))
            try:
                found.update(r[0] for r in self._db.execute(
                    f"SELECT hash FROM nlp WHERE version=? AND hash IN ({marks})",
                    [self.version, *part]))
            except sqlite3.DatabaseError as exc:
                self._recover(exc)
                return set()
        return found


def _code(exc: BaseException) -> int:
    return getattr(exc, "sqlite_errorcode", -1) & 0xFF


def _damaged(exc: sqlite3.DatabaseError) -> bool:
    """Damage (corrupt page, not a database) rather than a busy or full database."""
    code = _code(exc)
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return True
    text = str(exc).lower()
    return code == -1 and ("malformed" in text or "not a database" in text)


def _full(exc: BaseException) -> bool:
    return _code(exc) == sqlite3.SQLITE_FULL or "disk is full" in str(exc).lower()


def _disk_full(path: Path) -> OutputError:
    return OutputError(f"the disk is full: cannot write the build cache {path} (free some "
                       f"space and run the same command again; what was cached is kept)")
