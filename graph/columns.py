"""Mentions held column by column: the compact form of a corpus's resolved mentions.

A big corpus has millions of mentions; as :class:`~graph.records.Mention` objects each
costs about 150 bytes (the object, its list slot, its offsets as ints). A
:class:`MentionTable` keeps them as six arrays of 32-bit ints (article, entity with its
label and type, text, start, end, sentence: 24 bytes a mention), every string once.

Each article's share is a :class:`MentionSlice`, a read-only sequence of
:class:`~graph.records.Mention` made on demand, so code written for ``list[Mention]``
keeps working; the hot loops (:func:`graph.build.build_graph`, ``mentions.csv``) read the
columns of a slice (:func:`mention_columns`) without making any object per mention.
"""

from __future__ import annotations

import os
import tempfile
from array import array
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate
from typing import Any, NamedTuple, overload

from .records import Mention

__all__ = ["MentionColumns", "MentionSlice", "MentionTable", "PackedSentences", "RawColumns",
           "SentenceStore", "SpilledSentences", "mention_columns"]

#: One article's mentions as parallel lists: entity ids, labels, types, texts, starts,
#: ends, sentence indexes.
MentionColumns = tuple[list[str], list[str], list[str], list[str], list[int], list[int],
                       list[int]]


class _Numbers(dict):  # type: ignore[type-arg]
    """``numbers[value]``: the value's number, a new one (its place in ``values``) for a
    value not seen before."""

    __slots__ = ("values",)

    def __init__(self, values: list[Any]) -> None:
        super().__init__()
        self.values = values

    def __missing__(self, value: Any) -> int:
        number = self[value] = len(self.values)
        self.values.append(value)
        return number


class MentionTable:
    """Every resolved mention of a corpus, article after article, column by column.

    Fill it with :meth:`add_article` (rows), or, without a tuple per mention, with
    :meth:`add_columns` (numbers from :attr:`refs` and :attr:`texts`).
    """

    def __init__(self) -> None:
        self._strings: list[str] = []
        self._refs: list[tuple[str, str, str]] = []  # (entity, label, type)
        #: ``texts[text]``: the number of a mention text (a new one for a new text).
        self.texts = _Numbers(self._strings)
        #: ``refs[entity, label, type]``: the number of an entity with its label and type.
        self.refs = _Numbers(self._refs)
        self._articles: list[str] = []
        self._article = array("i")
        self._ref = array("i")
        self._text = array("i")
        self._start = array("i")
        self._end = array("i")
        self._sentence = array("i")

    def __len__(self) -> int:
        return len(self._ref)

    def __repr__(self) -> str:
        return (f"<MentionTable: {len(self)} mentions of {len(self._articles)} articles, "
                f"{len(self._refs)} entity labels, {len(self._strings)} texts>")

    def add_article(self, article: str,
                    rows: Iterable[tuple[str, str, str, str, int, int, int]]) -> MentionSlice:
        """Append one article's mentions, each ``(entity, label, type, text, start, end,
        sentence)``; return them as a slice of the table."""
        refs, texts = self.refs, self.texts
        ref_col: list[int] = []
        text_col: list[int] = []
        starts: list[int] = []
        ends: list[int] = []
        sentences: list[int] = []
        for entity, label, etype, text, start, end, sentence in rows:
            ref_col.append(refs[entity, label, etype])
            text_col.append(texts[text])
            starts.append(start)
            ends.append(end)
            sentences.append(sentence)
        return self.add_columns(article, ref_col, text_col, starts, ends, sentences)

    def add_columns(self, article: str, refs: Sequence[int], texts: Sequence[int],
                    starts: Sequence[int], ends: Sequence[int],
                    sentences: Sequence[int]) -> MentionSlice:
        """Append one article's mentions as parallel columns: entity numbers
        (:attr:`refs`), text numbers (:attr:`texts`), starts, ends and sentence indexes;
        return them as a slice of the table."""
        n = len(refs)
        if not len(texts) == len(starts) == len(ends) == len(sentences) == n:
            raise ValueError("the columns of an article's mentions differ in length")
        if n and not (0 <= min(refs) and max(refs) < len(self._refs)
                      and 0 <= min(texts) and max(texts) < len(self._strings)):
            raise ValueError("an entity or text number that the table never gave")
        lo = len(self._ref)
        self._article.extend([len(self._articles)] * n)
        self._articles.append(article)
        self._ref.extend(refs)
        self._text.extend(texts)
        self._start.extend(starts)
        self._end.extend(ends)
        self._sentence.extend(sentences)
        return MentionSlice(self, article, lo, lo + n)

    def columns(self, lo: int, hi: int) -> MentionColumns:
        """The mentions ``lo:hi`` as parallel lists (see :data:`MentionColumns`)."""
        refs, strings = self._refs, self._strings
        rows = [refs[r] for r in self._ref[lo:hi]]
        return ([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows],
                [strings[t] for t in self._text[lo:hi]], self._start[lo:hi].tolist(),
                self._end[lo:hi].tolist(), self._sentence[lo:hi].tolist())

    def raw(self, lo: int, hi: int) -> RawColumns:
        """The mentions ``lo:hi`` as the table holds them: ids into its lists of articles,
        of ``(entity, label, type)`` and of texts (for writers that format each distinct
        value once, see ``mentions.csv``). Read only: the whole table's are its own."""
        columns = (self._article, self._ref, self._text, self._start, self._end,
                   self._sentence)
        if (lo, hi) != (0, len(self._ref)):  # the whole table: its own arrays, no copy
            columns = tuple(column[lo:hi] for column in columns)
        return RawColumns(self._articles, self._refs, self._strings, *columns)

    def nbytes(self) -> int:
        """The bytes the columns take (strings and labels aside)."""
        return sum(a.itemsize * len(a) for a in (self._article, self._ref, self._text,
                                                 self._start, self._end, self._sentence))


class RawColumns(NamedTuple):
    """A run of a :class:`MentionTable` as ids (see :meth:`MentionTable.raw`); the three
    lists are the table's own (read only)."""

    articles: list[str]
    refs: list[tuple[str, str, str]]  # (entity, label, type)
    texts: list[str]
    article: array  # index into ``articles``, one per mention
    ref: array  # index into ``refs``
    text: array  # index into ``texts``
    start: array
    end: array
    sentence: array


class _ListLike(Sequence[Any]):
    """A read-only sequence that compares equal to any sequence of the same items (as the
    ``list`` it stands for would) and is not hashable."""

    __slots__ = ()

    def _position(self, index: int) -> int:
        """``index`` as a position from the start (negative from the end), or IndexError."""
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError(f"{type(self).__name__} index out of range")
        return index

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str | bytes):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({list(self)!r})"


class _TextRuns(_ListLike, Sequence[str]):
    """Texts stored end to end as UTF-8 bytes, ``_ends`` their end offsets: a read-only
    sequence of ``str``. Subclasses say where the bytes are (:meth:`_bytes`)."""

    __slots__ = ()
    _ends: array

    def _bytes(self, start: int, size: int) -> bytes:
        raise NotImplementedError

    def __len__(self) -> int:
        return len(self._ends)

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return list(self)[index]
        ends = self._ends
        index = self._position(index)
        start = ends[index - 1] if index else 0
        if ends[index] == start:
            return ""
        return self._bytes(start, ends[index] - start).decode("utf-8", "surrogatepass")

    def __iter__(self) -> Iterator[str]:
        total = self._ends[-1] if self._ends else 0
        blob = self._bytes(0, total) if total else b""
        start = 0
        for end in self._ends:
            yield blob[start:end].decode("utf-8", "surrogatepass")
            start = end


class MentionSlice(_ListLike, Sequence[Mention]):
    """One article's mentions in a :class:`MentionTable`: a read-only sequence of
    :class:`~graph.records.Mention`, each made when asked for."""

    __slots__ = ("_table", "article", "_lo", "_hi")

    def __init__(self, table: MentionTable, article: str, lo: int, hi: int) -> None:
        self._table, self.article, self._lo, self._hi = table, article, lo, hi

    def __len__(self) -> int:
        return self._hi - self._lo

    def columns(self) -> MentionColumns:
        return self._table.columns(self._lo, self._hi)

    @property
    def span(self) -> tuple[MentionTable, int, int]:
        """The table and the range of it that this slice is."""
        return self._table, self._lo, self._hi

    def __iter__(self) -> Iterator[Mention]:
        article = self.article
        for entity, label, etype, text, start, end, sentence in zip(*self.columns(),
                                                                     strict=True):
            yield Mention(article, entity, label, etype, text, start, end, sentence)

    @overload
    def __getitem__(self, index: int) -> Mention: ...
    @overload
    def __getitem__(self, index: slice) -> list[Mention]: ...

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return list(self)[index]
        at = self._lo + self._position(index)
        cols = self._table.columns(at, at + 1)
        return Mention(self.article, *(c[0] for c in cols))



def mention_columns(mentions: Sequence[Mention]) -> MentionColumns:
    """Any article's mentions as parallel lists: straight from the table for a
    :class:`MentionSlice`, attribute by attribute otherwise."""
    if isinstance(mentions, MentionSlice):
        return mentions.columns()
    return ([m.entity for m in mentions], [m.label for m in mentions],
            [m.type for m in mentions], [m.text for m in mentions],
            [m.start for m in mentions], [m.end for m in mentions],
            [m.sentence for m in mentions])


class PackedSentences(_TextRuns):
    """An article's sentence texts as one UTF-8 buffer and their end offsets: a read-only
    sequence of ``str``, each decoded when asked for.

    Once analysed, an article keeps its sentences only to quote them as evidence (most
    are blanked: see ``keep_evidence_sentences``); as a list of ``str`` each costs its
    pointer, its object header and, for a text with one character beyond Latin-1 (a
    typographic apostrophe), two bytes a character. Packed, about half.
    """

    __slots__ = ("_blob", "_ends")

    def __init__(self, texts: Iterable[str]) -> None:
        encoded = [t.encode("utf-8", "surrogatepass") for t in texts]
        self._blob = b"".join(encoded)
        self._ends = array("L", accumulate(map(len, encoded)))

    def _bytes(self, start: int, size: int) -> bytes:
        return self._blob[start:start + size]



#: Positional reads and writes (a forked reader never moves the writer's offset).
_POSITIONAL = hasattr(os, "pread") and hasattr(os, "pwrite")


class SentenceStore:
    """An append-only temporary file of sentence texts, read back a sentence at a time.

    A big corpus's analyses wait for the corpus-level pass with their sentences, which
    are only read again to quote a few as evidence: in memory, packed, they are still a
    third of what the analyses take. Spilled here (:meth:`pack`), each article keeps only
    its sentences' end offsets. The file is deleted as soon as it is made (it lives as
    long as this object; forked processes read it through the same descriptor).
    """

    def __init__(self, folder: str | os.PathLike[str] | None = None) -> None:
        self._fh = tempfile.TemporaryFile(dir=folder, buffering=0)
        self._fd = self._fh.fileno()
        self._size = 0  # bytes written (unbuffered: a forked reader sees them all)

    def pack(self, texts: Iterable[str]) -> SpilledSentences:
        """Spill an article's sentence texts; return them as a sequence of ``str``."""
        encoded = [t.encode("utf-8", "surrogatepass") for t in texts]
        blob = memoryview(b"".join(encoded))
        offset = self._size
        while blob:
            if _POSITIONAL:
                written = os.pwrite(self._fd, blob, self._size)
            else:  # pragma: no cover - systems without pwrite (Windows): no fork either
                self._fh.seek(self._size)
                written = self._fh.write(blob)
            self._size += written
            blob = blob[written:]
        return SpilledSentences(self, offset, array("I", accumulate(map(len, encoded))))

    def read(self, offset: int, n: int) -> bytes:
        """``n`` bytes at ``offset``."""
        if _POSITIONAL:
            data = os.pread(self._fd, n, offset)
        else:  # pragma: no cover - systems without pread (Windows)
            self._fh.seek(offset)
            data = self._fh.read(n)
        if len(data) != n:
            raise OSError(f"the sentence store lost data at {offset} ({len(data)}/{n} bytes)")
        return data

    def close(self) -> None:
        self._fh.close()


class SpilledSentences(_TextRuns):
    """An article's sentence texts in a :class:`SentenceStore`: a read-only sequence of
    ``str``, each read and decoded when asked for (a blank one without reading)."""

    __slots__ = ("_store", "_offset", "_ends")

    def __init__(self, store: SentenceStore, offset: int, ends: array) -> None:
        self._store, self._offset, self._ends = store, offset, ends

    def _bytes(self, start: int, size: int) -> bytes:
        return self._store.read(self._offset + start, size)
