"""Corpus readers: turn a folder or a file into clean :class:`Article` records.

A corpus is either a folder, read recursively in sorted order, or a single file. Supported
files:

* ``.txt`` and ``.md`` — one article per file; the title is the first non-empty line and
  the date comes from a header line ("date 2021-11", "Publié le 3 mars 2021", …).
* ``.html`` / ``.htm`` — one article per page; the text is extracted with trafilatura
  (falling back to the page's visible text), the title from ``og:title``/``<title>``, the
  date from ``article:published_time``/``<time datetime>``.
* ``.jsonl`` and ``.jsonl.gz`` — one JSON object per line with ``text`` (or ``body``,
  ``content``, ``article``) and optionally ``id``, ``title``, ``date``, ``source``, ``url``.
* ``.csv`` — the same columns; the delimiter (``,``, ``;``, tab, ``|``) is detected.

Without a metadata or header date, a date stated in the first lines of the text ("Le 3 mars
2021, …") is used and the article is marked ``date_inferred`` (see
:func:`pipelines.readers.dates.infer_text_date`); otherwise the article stays undated.

Other extensions, hidden files and hidden folders are ignored silently. Symbolic links are
followed, but each real folder and file is read once, so link loops end. A folder that is
an actorgraph output folder (or given in ``exclude``) is skipped and reported; the root of
the file system is refused, and a walk over more than :data:`MAX_WALK_ENTRIES` entries
stops with a :class:`~pipelines.errors.CorpusError`.

Every input that yields no article is reported in :attr:`Corpus.skipped` with a short
reason; smaller problems (an article cut to the length limit, a renamed duplicate id, an
unreadable metadata date) are listed in :attr:`Corpus.notes`. Both are
:class:`~pipelines.readers.problems.ProblemList`: per file and kind of reason the first
few are kept and the rest counted, so memory never grows with the number of bad rows.

Limits:

* :data:`MAX_FILE_BYTES` (20 MB): a single-article file (.txt, .md, .html) above this size
  is skipped, and so is a single JSONL line or CSV record above it, checked while it is
  read (in every encoding), so it is never held whole. JSONL and CSV files themselves may
  be of any size: they are streamed line by line, never loaded whole. A CSV quoted field
  running away is one bad row (see :mod:`pipelines.readers.csvrows`).
* :data:`MAX_ARTICLE_CHARS` (200,000 characters): a longer article is cut at a paragraph
  boundary (reported in :attr:`Corpus.notes`) so that spaCy is never fed a huge document.

Text is normalised: Unicode NFC, ``\\r\\n`` and ``\\r`` to ``\\n``, non-breaking and other
fixed-width spaces to a plain space, control characters (except newline and tab), lone
surrogates, soft hyphens, zero-width spaces and byte-order marks removed, outer whitespace
stripped. Encodings: UTF-8 (with or without BOM), UTF-16/32 with a BOM, and legacy 8-bit
encodings (Windows-1252/Latin-1 French above all) detected with charset-normalizer.
"""

from __future__ import annotations

import codecs
import csv
import errno
import gzip
import io
import json
import os
import re
import stat
import sys
import unicodedata
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import IO, Any

from pipelines.errors import CorpusError
from pipelines.readers.dates import find_header_date, infer_text_date, parse_date
from pipelines.readers.problems import ProblemList, Skipped

__all__ = [
    "Article",
    "Skipped",
    "Corpus",
    "sample_path",
    "normalize_text",
    "MAX_FILE_BYTES",
    "MAX_ARTICLE_CHARS",
    "SUPPORTED_SUFFIXES",
]

#: Single-article files (and single JSONL lines / CSV records) above this size are skipped.
MAX_FILE_BYTES = 20 * 1024 * 1024
#: Articles longer than this are cut at a paragraph boundary.
MAX_ARTICLE_CHARS = 200_000
#: Files and folders a corpus folder walk looks at, at most (a corpus given as ``/`` or a
#: link to it, or a huge tree, fails at once with a clear error instead of walking it).
MAX_WALK_ENTRIES = 1_000_000
#: Files that mark a folder as an actorgraph output folder (never read as articles).
OUTPUT_MARKERS = (".actorgraph.lock", "cache.sqlite", "report.json")
#: File types read in a folder, and accepted as a corpus path.
SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl", ".jsonl.gz", ".csv")

MAX_TITLE_CHARS = 200
_SAMPLE_BYTES = 64 * 1024
# Column / key names, lower-cased; the first present and non-empty one wins.
_TEXT_KEYS = ("text", "body", "content", "article", "texte", "contenu", "corps")
_META_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "doc_id", "article_id", "identifiant", "_id"),
    "title": ("title", "titre", "headline"),
    "date": ("date", "published", "published_at", "publication_date", "date_publication",
             "pubdate", "datetime"),
    "source": ("source", "media", "média", "journal", "site", "publisher"),
    "url": ("url", "link", "lien", "href"),
}
# In a folder, .md/.txt files with these names document the corpus; they are not articles.
_DOC_NAMES = frozenset({
    "readme", "license", "licence", "copying", "notice", "changelog", "changes",
    "contributing", "authors", "source", "sources", "citation",
})


@dataclass(frozen=True, slots=True)
class Article:
    """One article.

    ``id`` is the file's path relative to the corpus (posix) for a plain file, or the row's
    ``id`` (else ``"<file>#<line>"``) for a JSONL/CSV row; ids are unique within a corpus.
    ``date`` is ISO ``YYYY-MM-DD`` or ``YYYY-MM``, or ``None``; ``date_inferred`` is true
    when it was read from the first lines of the text (no metadata or header date).
    """

    id: str
    text: str
    title: str = ""
    date: str | None = None
    source: str = ""
    url: str = ""
    date_inferred: bool = False


def sample_path() -> Path:
    """The bundled sample corpus folder (``pipelines/sample/``)."""
    return Path(str(resources.files("pipelines").joinpath("sample")))


# --------------------------------------------------------------------------- normalisation

_SPACES = (
    "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a"
    "\u205f\u3000"
)


def _build_table() -> dict[int, int | None]:
    table: dict[int, int | None] = {}
    for cp in list(range(0x00, 0x20)) + [0x7F] + list(range(0x80, 0xA0)):
        if cp not in (0x09, 0x0A):
            table[cp] = None
    for cp in range(0xD800, 0xE000):  # lone surrogates (from JSON "\ud800" escapes)
        table[cp] = None
    for ch in "\u00ad\u200b\u2060\ufeff\ufffe":
        table[ord(ch)] = None
    for ch in _SPACES:
        table[ord(ch)] = 0x20
    table[0x2028] = 0x0A  # line separator
    table[0x2029] = 0x0A  # paragraph separator
    return table


_TRANSLATE = _build_table()
# str.translate is slow on long strings; a regex search tells whether it is needed at all.
_NEEDS_TRANSLATE = re.compile(
    "[" + "".join(re.escape(chr(cp)) for cp in sorted(_TRANSLATE) if cp < 0xD800)
    + "\ud800-\udfff]"
)


def normalize_text(text: str) -> str:
    """NFC, newlines to ``\\n``, odd spaces to ``' '``, control characters dropped, stripped."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _NEEDS_TRANSLATE.search(text):
        text = text.translate(_TRANSLATE)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text.strip()


def _clean_line(value: str) -> str:
    """A one-line metadata value: normalised, inner whitespace collapsed."""
    if value.isascii() and value.isprintable():  # ids, dates, URLs: nothing to normalise
        return " ".join(value.split())
    return " ".join(normalize_text(value).split())


_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_DATE_ONLY_LINE = re.compile(
    r"^\s*(?:date|publi[ée]e?(?:\s+le)?|mis\s+à\s+jour(?:\s+le)?)\s*[:\-–—]?\s*"
    r"(?P<date>[\w/.\-: ]{4,40}?)\s*$",
    re.IGNORECASE,
)
_DATE_PREFIX = re.compile(
    r"^\s*date\s*[:\-–—]?\s*(?:\d{4}-\d{1,2}(?:-\d{1,2})?|\d{1,2}/\d{1,2}/\d{4})\s+",
    re.IGNORECASE,
)


def _title_from_text(text: str) -> str:
    """The first non-empty line that is not a bare date header, without a date prefix."""
    for line in text.split("\n", 20)[:20]:
        line = line.strip()
        if not line:
            continue
        m = _DATE_ONLY_LINE.match(line)
        if m and parse_date(m["date"]):
            continue
        line = _DATE_PREFIX.sub("", line)
        line = _MD_HEADING.sub("", line).strip()
        if any(ch.isalnum() for ch in line):  # not a rule such as "---" or "***"
            return _cap_title(line)
    return ""


def _cap_title(title: str) -> str:
    title = " ".join(title.split())
    if len(title) <= MAX_TITLE_CHARS:
        return title
    cut = title.rfind(" ", 0, MAX_TITLE_CHARS)
    if cut < MAX_TITLE_CHARS // 2:
        cut = MAX_TITLE_CHARS
    return title[:cut].rstrip(" ,;:") + "…"


def _cut(text: str, limit: int) -> str:
    """Cut ``text`` to at most ``limit`` characters at a paragraph (else line, sentence,
    word) boundary."""
    floor = limit // 2
    for sep in ("\n\n", "\n", ". ", " "):
        pos = text.rfind(sep, 0, limit)
        if pos >= floor:
            return text[: pos + (1 if sep == ". " else 0)].rstrip()
    return text[:limit]


_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)",
                           re.S)
_FRONT_LINE = re.compile(r"^([A-Za-z_][\w -]*?)\s*:\s*(.*?)\s*$")


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """Simple YAML front matter of a Markdown/text file: (title/date/source/url, body).

    Only flat ``key: value`` lines are read (no YAML library); the block is removed from the
    text only when it names at least one known field.
    """
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    raw: dict[str, str] = {}
    for line in m.group(1).splitlines():
        lm = _FRONT_LINE.match(line)
        if lm:
            raw.setdefault(lm.group(1).strip().lower(), lm.group(2).strip().strip("'\""))
    meta = {field: next((raw[k] for k in keys if raw.get(k)), "")
            for field, keys in _META_ALIASES.items() if field != "id"}
    meta = {k: _clean_line(v) for k, v in meta.items() if v}
    if not meta:
        return {}, text
    return meta, text[m.end():]


# --------------------------------------------------------------------------- decoding

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Characters that legacy-encoded French text decodes to when the guess is right.
_FRENCH = set("àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ«»’‘“”„—–…€°·•´¨\u00a0²³§µ×÷¼½¾©®™")
_WESTERN = ("cp1252", "latin_1", "iso8859_15")


class _Undecodable(Exception):
    """Bytes that are not text; ``args[0]`` is the reason."""


def _bom_encoding(data: bytes) -> str | None:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit at every other byte like ASCII in UTF-16."""
    n = len(data) - len(data) % 2
    if n < 8:
        return None
    even_nul = data[0:n:2].count(0)
    odd_nul = data[1:n:2].count(0)
    half = n // 2
    if odd_nul > 0.6 * half and even_nul < 0.05 * half:
        return "utf-16-le"
    if even_nul > 0.6 * half and odd_nul < 0.05 * half:
        return "utf-16-be"
    return None


def _french_score(text: str) -> float:
    """Share of the non-ASCII characters that commonly occur in French text."""
    non_ascii = [ch for ch in text if ord(ch) > 127]
    if not non_ascii:
        return 1.0
    return sum(ch in _FRENCH for ch in non_ascii) / len(non_ascii)


def _guess_encoding(data: bytes) -> str:
    """Encoding of non-UTF-8 bytes without a BOM (charset-normalizer, biased to French)."""
    from charset_normalizer import from_bytes

    results = list(from_bytes(data[: 4 * _SAMPLE_BYTES]))
    candidates: list[str] = [r.encoding for r in results]
    best = candidates[0] if candidates else None
    best_score = -1.0
    if best is not None:
        try:
            best_score = _french_score(data[: 4 * _SAMPLE_BYTES].decode(best, errors="replace"))
        except LookupError:
            best = None
    # charset-normalizer often mistakes short French text for Baltic or Central European
    # code pages; prefer a Western code page when it decodes into French-looking letters.
    for enc in _WESTERN:
        try:
            decoded = data[: 4 * _SAMPLE_BYTES].decode(enc)
        except UnicodeDecodeError:
            continue
        score = _french_score(decoded)
        if score >= 0.9 and score > best_score and _control_share(decoded) < 0.01:
            return enc
    if best is None:
        raise _Undecodable("not valid text in any encoding")
    return best


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(
        1 for ch in text
        if (ord(ch) < 32 and ch not in "\n\r\t\f\v") or 0x7F <= ord(ch) < 0xA0
    )
    return bad / len(text)


_UTF8_SEQ = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}")


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: bytes that are not UTF-8 are read as Windows-1252."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    chunk = exc.object[exc.start:exc.end]
    try:
        return chunk.decode("cp1252"), exc.end
    except UnicodeDecodeError:
        return chunk.decode("latin-1"), exc.end


#: UTF-8 with a Windows-1252 fallback for stray bytes (files pasted together from both).
UTF8_MIXED = "actorgraph-cp1252-fallback"
codecs.register_error(UTF8_MIXED, _cp1252_fallback)


def _mostly_utf8(sample: bytes) -> bool:
    """True when the bytes hold at least as many UTF-8 sequences as invalid bytes."""
    valid = len(_UTF8_SEQ.findall(sample))
    if not valid:
        return False
    bad = sample.decode("utf-8", errors="replace").count("\ufffd") - sample.count(
        b"\xef\xbf\xbd")
    return bad <= valid


def _sniff_encoding(sample: bytes, complete: bool, *, lines: bool = False) -> str:
    """The encoding of a file from its first bytes (``complete``: the sample is the file).

    Raises :class:`_Undecodable` for binary data.
    """
    enc = _bom_encoding(sample)
    if enc:
        return enc
    nuls = sample.count(0)
    if nuls:
        enc = _utf16_without_bom(sample)
        if enc:
            return enc
        if nuls > max(1, 0.005 * len(sample)):  # a stray NUL in text is removed, not fatal
            raise _Undecodable("binary file")
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=complete)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(sample) or (lines and _UTF8_SEQ.search(sample)):
        # UTF-8 with a few stray Windows-1252 bytes or lines: decoded with UTF8_MIXED.
        return "utf-8"
    return _guess_encoding(sample)


def decode_bytes(data: bytes) -> str:
    """Decode a whole file's bytes; raises :class:`_Undecodable` with a reason."""
    enc = _sniff_encoding(data, complete=True)
    if enc == "utf-8":
        text = data.decode("utf-8", errors=UTF8_MIXED)
    else:
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            try:
                text = data.decode(_guess_encoding(data), errors="replace")
            except (UnicodeDecodeError, LookupError) as exc:
                raise _Undecodable("not valid text in any encoding") from exc
    if _control_share(text[:100_000]) > 0.05:
        raise _Undecodable("binary file")
    return text


# --------------------------------------------------------------------------- rows


def _as_text(value: Any) -> tuple[str | None, str | None]:
    """(text, problem) for a row's text value."""
    if value is None:
        return None, "text is null"
    if isinstance(value, str):
        return value, None
    if isinstance(value, bool | int | float):
        return None, f"text is a {'boolean' if isinstance(value, bool) else 'number'}"
    if isinstance(value, list):
        parts = [p for p in value if isinstance(p, str)]
        if len(parts) != len(value):
            return None, "text is a list with non-string items"
        return "\n\n".join(parts), None
    return None, f"text is a JSON {type(value).__name__}, not a string"


def _first_meta(row: dict[str, Any], keys: tuple[str, ...]) -> str:
    for key in keys:
        if key in row:
            value = _as_meta(row[key])
            if value:
                return value
    return ""


def _as_meta(value: Any) -> str:
    """A metadata value as a one-line string ('' for null, objects, …)."""
    if type(value) is str:  # the usual case
        return _clean_line(value)
    if value is None or isinstance(value, dict):
        return ""
    if isinstance(value, bool):
        return ""
    if isinstance(value, int | float):
        if isinstance(value, float) and not value == value:  # NaN
            return ""
        return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
    if isinstance(value, list):
        return " ".join(_as_meta(v) for v in value if v is not None).strip()
    return _clean_line(str(value))


# --------------------------------------------------------------------------- corpus


def _suffix(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(".jsonl.gz"):
        return ".jsonl.gz"
    return path.suffix.lower()


def _fmt_bytes(n: int) -> str:
    mb = 1024 * 1024
    if n % mb == 0:
        return f"{n // mb} MB"
    if n >= mb:
        return f"{n / mb:.1f} MB"
    return f"{n:,} bytes"


class Corpus:
    """A lazily read, re-iterable corpus of :class:`Article` records.

    ``path`` is a folder or a .txt/.md/.html/.htm/.jsonl/.jsonl.gz/.csv file; ``None``
    means the bundled sample corpus. ``max_bytes`` (default 20 MB) is the size limit of a
    single-article file, JSONL line or CSV record; ``max_chars`` (default 200,000) is the
    length at which an article is cut at a paragraph boundary.

    Iterating yields articles one at a time (files are streamed). :attr:`skipped` lists
    every input that gave no article, :attr:`notes` smaller problems, and
    :attr:`duplicate_ids` counts ids renamed to stay unique; all three are reset at the
    start of each iteration.

    Raises :class:`~pipelines.errors.CorpusError` when ``path`` does not exist, is not a
    supported file type, or is a folder without any supported file.
    """

    skipped: ProblemList
    notes: ProblemList
    duplicate_ids: int

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        max_bytes: int = MAX_FILE_BYTES,
        max_chars: int = MAX_ARTICLE_CHARS,
        exclude: Iterable[str | os.PathLike[str]] = (),
        max_entries: int = MAX_WALK_ENTRIES,
    ) -> None:
        self.path = sample_path() if path is None else Path(os.fspath(path)).expanduser()
        self.max_bytes = int(max_bytes)
        self.max_chars = int(max_chars)
        self.max_entries = int(max_entries)
        self._exclude = {Path(os.fspath(p)).expanduser().resolve() for p in exclude}
        self.skipped = ProblemList()
        self.notes = ProblemList()
        self.duplicate_ids = 0
        try:
            st = self.path.stat()
        except FileNotFoundError:
            if self.path.is_symlink():
                raise CorpusError(f"corpus path is a broken symbolic link: {self.path}") from None
            raise CorpusError(f"corpus path does not exist: {self.path}") from None
        except PermissionError:
            raise CorpusError(f"corpus path is not accessible (permission denied): "
                              f"{self.path}") from None
        except OSError as exc:
            raise CorpusError(f"corpus path cannot be read: {self.path} "
                              f"({exc.strerror or exc})") from None
        if stat.S_ISDIR(st.st_mode):
            if self.path.resolve() == Path(self.path.resolve().anchor):
                raise CorpusError(f"the corpus folder is the root of the file system "
                                  f"({self.path}): give the folder of the articles")
            self._is_dir = True
            self.root = self.path
            files, problems = self._walk()
            if not files:
                detail = ""
                if problems:
                    first = problems[0]
                    more = f" and {len(problems) - 1} more" if len(problems) > 1 else ""
                    detail = f" ({first.where}: {first.reason}{more})"
                raise CorpusError(
                    f"corpus folder has no readable .txt, .md, .html, .jsonl, .jsonl.gz or "
                    f".csv file: {self.path}{detail}"
                )
        elif stat.S_ISREG(st.st_mode):
            self._is_dir = False
            self.root = self.path.parent
            if _suffix(self.path) not in SUPPORTED_SUFFIXES:
                raise CorpusError(
                    f"unsupported corpus file type '{_suffix(self.path) or self.path.name}': "
                    f"expected a folder or a .jsonl, .jsonl.gz, .csv, .txt, .md or .html file "
                    f"({self.path})"
                )
        else:
            raise CorpusError(f"corpus path is neither a folder nor a regular file: {self.path}")

    def __repr__(self) -> str:
        return f"Corpus({str(self.path)!r})"

    # ------------------------------------------------------------------ files

    def files(self) -> list[Path]:
        """The files that iteration will read, in order."""
        if not self._is_dir:
            return [self.path]
        return self._walk()[0]

    def _walk(self) -> tuple[list[Path], list[Skipped]]:
        """Supported files under the folder (sorted, links followed once) and problems."""
        files: list[Path] = []
        problems: list[Skipped] = []
        walked = [0]
        seen_dirs: set[tuple[int, int]] = set()
        seen_files: dict[tuple[int, int], Path] = {}

        def visit(folder: Path, ancestors: tuple[tuple[int, int], ...]) -> None:
            try:
                with os.scandir(folder) as it:
                    entries = sorted(it, key=lambda e: e.name)
            except PermissionError:
                problems.append(Skipped(str(folder), "permission denied"))
                return
            except OSError as exc:
                problems.append(Skipped(str(folder), f"cannot list folder: "
                                                      f"{exc.strerror or exc}"))
                return
            walked[0] += len(entries)
            if walked[0] > self.max_entries:
                raise CorpusError(
                    f"the corpus folder {self.path} holds more than {self.max_entries:,} "
                    f"files and folders: is it the right folder (not a link to / or to a "
                    f"whole disk)? Pass max_entries (--max-entries) to read it anyway")
            if self._is_output(folder, entries):
                problems.append(Skipped(str(folder), "an actorgraph output folder, not "
                                                     "articles: not read"))
                return
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                path = folder / entry.name
                try:
                    st = os.stat(path)  # follows symbolic links
                except FileNotFoundError:
                    if entry.is_symlink():
                        problems.append(Skipped(str(path), "broken symbolic link"))
                    continue
                except PermissionError:
                    problems.append(Skipped(str(path), "permission denied"))
                    continue
                except OSError as exc:
                    if exc.errno == errno.ELOOP:
                        problems.append(Skipped(str(path), "symlink loop"))
                    else:
                        problems.append(Skipped(str(path), f"cannot read: "
                                                            f"{exc.strerror or exc}"))
                    continue
                key = (st.st_dev, st.st_ino)
                if stat.S_ISDIR(st.st_mode):
                    if key in ancestors:
                        problems.append(Skipped(str(path), "symlink loop"))
                    elif key in seen_dirs:
                        problems.append(Skipped(str(path), "folder already read through "
                                                            "another path (symbolic link)"))
                    else:
                        seen_dirs.add(key)
                        visit(path, (*ancestors, key))
                elif stat.S_ISREG(st.st_mode):
                    suffix = _suffix(path)
                    if suffix not in SUPPORTED_SUFFIXES:
                        continue
                    if suffix in (".md", ".txt") and path.stem.lower() in _DOC_NAMES:
                        problems.append(Skipped(str(path), "documentation file "
                                                            "(README, LICENSE, SOURCE…), "
                                                            "not an article"))
                        continue
                    if key in seen_files:
                        problems.append(Skipped(
                            str(path), f"same file as {seen_files[key]} (symbolic link)"))
                        continue
                    seen_files[key] = path
                    files.append(path)

        try:
            root_st = os.stat(self.path)
            root_key = (root_st.st_dev, root_st.st_ino)
        except OSError:
            root_key = (0, 0)
        seen_dirs.add(root_key)
        visit(self.path, (root_key,))
        return files, problems

    def _is_output(self, folder: Path, entries: list[os.DirEntry[str]]) -> bool:
        """Whether ``folder`` is an output folder of a build (one given in ``exclude``,
        or one holding the lock or cache of a build and its report)."""
        if self._exclude and folder.resolve() in self._exclude:
            return True
        names = {e.name for e in entries}
        return OUTPUT_MARKERS[0] in names or set(OUTPUT_MARKERS[1:]) <= names

    def estimate(self) -> int | None:
        """A cheap estimate of the number of articles (for a progress bar)."""
        total = 0
        try:
            for path in self.files():
                suffix = _suffix(path)
                if suffix == ".jsonl":
                    total += _count_lines(path)
                elif suffix == ".csv":
                    total += max(0, _count_lines(path) - 1)
                elif suffix == ".jsonl.gz":
                    total += _estimate_gz_lines(path)
                else:
                    total += 1
        except OSError:
            return None
        return total

    # ------------------------------------------------------------------ iteration

    def __iter__(self) -> Iterator[Article]:
        return self._iterate()

    def _iterate(self) -> Iterator[Article]:
        used: set[str] = set()
        for _, _, articles in self.iter_files():
            for art in articles:
                ident = self.unique_id(art.id, used)
                if ident != art.id:
                    art = Article(ident, art.text, art.title, art.date, art.source, art.url,
                                  art.date_inferred)
                yield art

    def iter_files(self) -> Iterator[tuple[Path, str, Iterator[Article]]]:
        """Each file to read, as ``(path, relative path, its articles)``, in order.

        The lower layer of iteration, for callers that cache work per file: the articles
        keep the ids their file gives them (make them unique with :meth:`unique_id`, in
        corpus order), each file's articles are read only when its iterator is consumed
        (in any order), and each file's problems are added to :attr:`skipped` and
        :attr:`notes` while it is read. Starting resets all three counters.
        """
        self.skipped = ProblemList()
        self.notes = ProblemList()
        self.duplicate_ids = 0
        if self._is_dir:
            files, problems = self._walk()
            self.skipped.extend(problems)
        else:
            files = [self.path]
        for path in files:
            yield path, self._rel(path), self._file_articles(path)

    def _file_articles(self, path: Path) -> Iterator[Article]:
        rel = self._rel(path)
        suffix = _suffix(path)
        if suffix in (".jsonl", ".jsonl.gz"):
            articles: Iterable[Article] = self._read_jsonl(path, rel)
        elif suffix == ".csv":
            articles = self._read_csv(path, rel)
        else:
            articles = self._read_single(path, rel, html=suffix in (".html", ".htm"))
        reported = len(self.skipped)
        count = 0
        for art in articles:
            count += 1
            yield art
        if count == 0 and len(self.skipped) == reported:
            # e.g. a CSV with a header only, or a JSONL file of blank lines
            self.skipped.append(Skipped(str(path), "no rows" if suffix in (
                ".jsonl", ".jsonl.gz", ".csv") else "no text"))

    def unique_id(self, ident: str, used: set[str],
                  notes: list[Skipped] | None = None) -> str:
        """``ident``, or ``ident~2``, ``~3``… when already in ``used`` (which it joins).

        A renamed id is counted in :attr:`duplicate_ids` and noted in ``notes``
        (default :attr:`notes`).
        """
        if ident in used:
            n = 2
            while f"{ident}~{n}" in used:
                n += 1
            self.duplicate_ids += 1
            new_id = f"{ident}~{n}"
            target = self.notes if notes is None else notes
            note = Skipped(new_id, f"duplicate id {ident!r} renamed to {new_id!r}")
            if isinstance(target, ProblemList):  # one group for the whole corpus
                target.append(note, group=("", "duplicate id"))
            else:
                target.append(note)
            ident = new_id
        used.add(ident)
        return ident

    def _rel(self, path: Path) -> str:
        """The id-making path of a file: relative to the corpus, posix, and always valid
        text (a file name byte that is not UTF-8 is read as Windows-1252)."""
        try:
            rel = path.relative_to(self.root).as_posix()
        except ValueError:
            rel = path.as_posix()
        if _NEEDS_TRANSLATE.search(rel):
            rel = os.fsencode(rel).decode("utf-8", errors=UTF8_MIXED)
        return rel

    def _finish(
        self, where: str, ident: str, text: str, *, title: str = "", date: str | None = None,
        source: str = "", url: str = "", raw_date: str = "",
    ) -> Article | None:
        """Normalise and build an article; ``None`` (and a Skipped) when there is no text."""
        text = normalize_text(text)
        if not text:
            return None
        if len(text) > self.max_chars:
            original = len(text)
            text = _cut(text, self.max_chars)
            self.notes.append(Skipped(
                where, f"article cut to {len(text):,} of {original:,} characters "
                       f"(limit {self.max_chars:,})"))
        if date is None and raw_date:
            self.notes.append(Skipped(where, f"unrecognised date {raw_date[:60]!r}"))
        if date is None:
            date = find_header_date(text)
        inferred = False
        if date is None:
            date = infer_text_date(text)
            inferred = date is not None
        title = _cap_title(title) if title else _title_from_text(text)
        return Article(ident, text, title, date, source, url, inferred)

    # ------------------------------------------------------------------ single files

    def _read_bytes(self, path: Path) -> bytes | None:
        where = str(path)
        try:
            size = os.stat(path).st_size
        except OSError as exc:
            self.skipped.append(Skipped(where, _os_reason(exc)))
            return None
        if size > self.max_bytes:
            self.skipped.append(Skipped(
                where, f"file larger than {_fmt_bytes(self.max_bytes)} limit "
                       f"({_fmt_bytes(size)})"))
            return None
        try:
            with open(path, "rb") as fh:
                data = fh.read(self.max_bytes + 1)
        except OSError as exc:
            self.skipped.append(Skipped(where, _os_reason(exc)))
            return None
        if len(data) > self.max_bytes:
            self.skipped.append(Skipped(
                where, f"file larger than {_fmt_bytes(self.max_bytes)} limit"))
            return None
        if not data.strip():
            self.skipped.append(Skipped(where, "empty file"))
            return None
        return data

    def _read_single(self, path: Path, rel: str, *, html: bool) -> Iterator[Article]:
        where = str(path)
        data = self._read_bytes(path)
        if data is None:
            return
        if html:
            from pipelines.readers.htmltext import extract_html

            try:
                page = extract_html(data)
            except _Undecodable as exc:
                self.skipped.append(Skipped(where, exc.args[0]))
                return
            if not page.text.strip():
                self.skipped.append(Skipped(where, "HTML page without article text"))
                return
            art = self._finish(where, rel, page.text, title=_clean_line(page.title),
                               date=parse_date(page.date) if page.date else None,
                               source=_clean_line(page.source), url=_clean_line(page.url),
                               raw_date=page.date)
        else:
            try:
                text = decode_bytes(data)
            except _Undecodable as exc:
                self.skipped.append(Skipped(where, exc.args[0]))
                return
            meta, text = _front_matter(text)
            raw_date = meta.get("date", "")
            art = self._finish(where, rel, text, title=meta.get("title", ""),
                               date=parse_date(raw_date) if raw_date else None,
                               source=meta.get("source", ""), url=meta.get("url", ""),
                               raw_date=raw_date)
        if art is None:
            self.skipped.append(Skipped(where, "empty file"))
            return
        yield art

    # ------------------------------------------------------------------ rows

    def _row_article(self, row: dict[str, Any], where: str, fallback_id: str) -> Article | None:
        """An article from a JSONL/CSV row (keys already lower-cased); reports problems."""
        value: Any = None
        present = False
        for key in _TEXT_KEYS:
            if key in row:
                present = True
                value = row[key]
                if value not in (None, ""):
                    break
        if not present:
            self.skipped.append(Skipped(where, "row without text"))
            return None
        text, problem = _as_text(value)
        if problem:
            reason = "row without text" if value is None else problem
            self.skipped.append(Skipped(where, reason))
            return None
        assert text is not None
        meta = {field: _first_meta(row, keys) for field, keys in _META_ALIASES.items()}
        raw_date = meta["date"]
        art = self._finish(
            where, meta["id"] or fallback_id, text, title=meta["title"],
            date=parse_date(raw_date) if raw_date else None,
            source=meta["source"], url=meta["url"], raw_date=raw_date,
        )
        if art is None:
            self.skipped.append(Skipped(where, "row with empty text"))
        return art

    def _open_binary(self, path: Path) -> IO[bytes]:
        if _suffix(path) == ".jsonl.gz":
            return gzip.open(path, "rb")
        return open(path, "rb")

    def _read_jsonl(self, path: Path, rel: str) -> Iterator[Article]:
        where = str(path)
        line_no = 0
        try:
            with self._open_binary(path) as fh:
                sample, complete = _content_sample(fh)
                if not sample.strip():
                    self.skipped.append(Skipped(where, "empty file"))
                    return
                try:
                    enc = _sniff_encoding(sample, complete=complete, lines=True)
                except _Undecodable as exc:
                    self.skipped.append(Skipped(where, exc.args[0]))
                    return
                fh.seek(0)
                for line_no, line in _lines(fh, enc, self.max_bytes):
                    if line is None:
                        self.skipped.append(Skipped(
                            f"{where}:{line_no}",
                            f"line {line_no} larger than {_fmt_bytes(self.max_bytes)} limit"))
                        continue
                    if not line.strip():
                        continue
                    art = self._jsonl_row(line, where, rel, line_no)
                    if art is not None:
                        yield art
        except (EOFError, gzip.BadGzipFile, zlib.error, OSError) as exc:
            self.skipped.append(Skipped(where, _stream_reason(exc, path, line_no)))

    def _jsonl_row(self, line: str, where: str, rel: str, line_no: int) -> Article | None:
        here = f"{where}:{line_no}"
        try:
            row = json.loads(line)
        except (json.JSONDecodeError, RecursionError):
            self.skipped.append(Skipped(here, f"malformed JSON on line {line_no}"))
            return None
        if not isinstance(row, dict):
            kind = {list: "a list", str: "a string"}.get(type(row), "not an object")
            if kind != "not an object":
                kind = f"{kind}, not an object"
            self.skipped.append(Skipped(here, f"line {line_no} is {kind}"))
            return None
        row = {str(k).strip().lower(): v for k, v in row.items()}
        return self._row_article(row, here, f"{rel}#{line_no}")

    def _read_csv(self, path: Path, rel: str) -> Iterator[Article]:
        where = str(path)
        line_no = 0
        try:
            with open(path, "rb") as raw:
                sample, complete = _content_sample(raw)
                if not sample.strip():
                    self.skipped.append(Skipped(where, "empty file"))
                    return
                try:
                    enc = _sniff_encoding(sample, complete=complete)
                except _Undecodable as exc:
                    self.skipped.append(Skipped(where, exc.args[0]))
                    return
                raw.seek(0)
                text = io.TextIOWrapper(
                    raw, encoding=enc, newline="",
                    errors=UTF8_MIXED if enc == "utf-8" else "replace")
                dialect = _csv_dialect(sample.decode(enc, errors="replace").lstrip())
                if dialect is None:
                    self.skipped.append(Skipped(where, "CSV without a text column"))
                    return
                # Raised once for the process (never lowered: other readers may be running).
                csv.field_size_limit(max(csv.field_size_limit(), min(self.max_bytes, sys.maxsize)))
                yield from self._csv_rows(text, dialect, where, rel)
        except OSError as exc:
            self.skipped.append(Skipped(where, _stream_reason(exc, path, line_no)))

    def _csv_rows(
        self, text: IO[str], dialect: type[csv.Dialect] | csv.Dialect, where: str, rel: str,
    ) -> Iterator[Article]:
        from pipelines.readers.csvrows import records

        keys: list[str] | None = None
        for start, record, problem in records(text, dialect, self.max_bytes):
            if record is None:
                self.skipped.append(Skipped(f"{where}:{start}", problem))
                continue
            if not any(field.strip() for field in record):
                continue
            if keys is None:
                keys = [h.lstrip("\ufeff").strip().lower() for h in record]
                if not any(k in _TEXT_KEYS for k in keys):
                    shown = ", ".join(k for k in keys[:8] if k)
                    self.skipped.append(Skipped(
                        where, f"CSV without a text column (columns: {shown})"))
                    return
                continue
            row = {k: v for k, v in zip(keys, record, strict=False) if k}
            art = self._row_article(row, f"{where}:{start}", f"{rel}#{start}")
            if art is not None:
                yield art
        if keys is None:
            self.skipped.append(Skipped(where, "CSV without a header row"))


# --------------------------------------------------------------------------- helpers


def _lines(
    fh: IO[bytes], enc: str, max_bytes: int,
) -> Iterator[tuple[int, str | None]]:
    """(line number, decoded line) of a binary stream; ``None`` for an over-long line."""
    if enc in ("utf-8", "utf-8-sig") or enc.replace("_", "").lower() in ("ascii", "latin1"):
        first = True
        line_no = 0
        while True:
            line = fh.readline(max_bytes + 1)
            if not line:
                return
            line_no += 1
            if len(line) > max_bytes and not line.endswith(b"\n"):
                while line and not line.endswith(b"\n"):  # drain the rest of the line
                    line = fh.readline(max_bytes + 1)
                yield line_no, None
                continue
            if first:
                first = False
                if line.startswith(codecs.BOM_UTF8):
                    line = line[3:]
            if enc in ("utf-8", "utf-8-sig"):
                yield line_no, line.decode("utf-8", errors=UTF8_MIXED)
            else:
                yield line_no, line.decode(enc, errors="replace")
        return
    # UTF-16/32 and legacy code pages: decoded in blocks, so a huge line is never whole.
    yield from _decoded_lines(fh, enc, max_bytes)


def _decoded_lines(
    fh: IO[bytes], enc: str, max_chars: int,
) -> Iterator[tuple[int, str | None]]:
    """Like :func:`_lines` for any encoding: (line number, line) with ``\r\n``, ``\r``
    and ``\n`` as line ends; a line longer than ``max_chars`` is ``None`` and never held
    in memory beyond that length."""
    decoder = codecs.getincrementaldecoder(enc)(errors="replace")
    pieces: list[str] = []
    size = 0
    too_long = False
    line_no = 0
    held_cr = False
    while True:
        block = fh.read(1 << 16)
        text = decoder.decode(block, final=not block)
        if held_cr:
            text = "\r" + text
        held_cr = bool(block) and text.endswith("\r")  # may be the first half of \r\n
        if held_cr:
            text = text[:-1]
        parts = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        for part in parts[:-1]:
            line_no += 1
            if too_long or size + len(part) > max_chars:
                yield line_no, None
            else:
                yield line_no, "".join(pieces) + part + "\n"
            pieces, size, too_long = [], 0, False
        last = parts[-1]
        if not too_long:
            if size + len(last) > max_chars:
                pieces, size, too_long = [], 0, True
            elif last:
                pieces.append(last)
                size += len(last)
        if not block:
            if too_long or pieces:
                yield line_no + 1, None if too_long else "".join(pieces)
            return


def _content_sample(fh: IO[bytes]) -> tuple[bytes, bool]:
    """The first block of a stream holding more than whitespace (``b""`` when it is all
    blank, however long), and whether that block reaches the end of the stream.

    A file is judged on its content, not on a prefix: a JSONL file opening with 64 KiB of
    blank lines still has articles after them.
    """
    while True:
        block = fh.read(_SAMPLE_BYTES)
        if block.strip():
            return block, len(block) < _SAMPLE_BYTES
        if len(block) < _SAMPLE_BYTES:
            return b"", True


def _csv_dialect(head: str) -> type[csv.Dialect] | csv.Dialect | None:
    """The dialect whose header row names a text column (Sniffer first, then , ; tab |)."""
    head = head.lstrip("\ufeff")
    candidates: list[type[csv.Dialect] | csv.Dialect] = []
    try:
        candidates.append(csv.Sniffer().sniff(head, delimiters=",;\t|"))
    except csv.Error:
        pass
    for delim in (",", ";", "\t", "|"):
        candidates.append(type("_Delimited", (csv.excel,), {"delimiter": delim}))
    for dialect in candidates:
        try:
            header = next(csv.reader(io.StringIO(head), dialect))
        except (StopIteration, csv.Error):
            continue
        if any(h.strip().lower() in _TEXT_KEYS for h in header):
            return dialect
    return None


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a folder"
    if exc.errno == errno.ELOOP:
        return "symlink loop"
    return f"cannot read: {exc.strerror or exc}"


def _stream_reason(exc: BaseException, path: Path, line_no: int) -> str:
    after = f" after line {line_no}" if line_no else ""
    if isinstance(exc, EOFError):
        return f"truncated gzip file: read up to line {line_no}" if line_no else \
            "truncated gzip file"
    if isinstance(exc, gzip.BadGzipFile):
        return f"not a gzip file or corrupt gzip header{after}"
    if isinstance(exc, zlib.error):
        return f"corrupt gzip data{after}"
    if isinstance(exc, OSError):
        return _os_reason(exc) + after
    return f"read error{after}: {exc}"  # pragma: no cover


def _count_lines(path: Path) -> int:
    n = 0
    last = b"\n"
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            n += chunk.count(b"\n")
            last = chunk[-1:]
    return n + (0 if last == b"\n" else 1)


def _estimate_gz_lines(path: Path) -> int:
    """Lines in a gzip file: counted exactly in the first 64 MB of uncompressed data (about
    0.3 s), extrapolated beyond that with the uncompressed size in the gzip trailer."""
    size = os.stat(path).st_size
    with open(path, "rb") as raw:
        raw.seek(max(0, size - 4))
        isize = int.from_bytes(raw.read(4), "little")
    budget = 64 << 20
    n = 0
    try:
        with open(path, "rb") as raw, gzip.GzipFile(fileobj=raw) as fh:
            read = 0
            while read < budget:
                chunk = fh.read(1 << 20)
                if not chunk:
                    return n
                n += chunk.count(b"\n")
                read += len(chunk)
            consumed = raw.tell()
    except (EOFError, zlib.error, gzip.BadGzipFile):
        return n
    if isize > read:  # ISIZE is the size modulo 4 GiB; trust it only when plausible
        return int(n * isize / read)
    return int(n * size / max(consumed, 1))
