"""Find gazetteer terms in text: longest match over word sequences.

Matching works on word keys (ASCII, lower case, see :mod:`pipelines.text`), so
accents, apostrophe styles and hyphens never matter (``Nations-Unies`` = ``Nations
unies``, ``N’Djamena`` = ``N'Djamena``). Case does matter where it should: acronyms
must match exactly, names of states, capitals, seats and organisations must start with
a capital letter, and demonyms may be written in any case.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from pipelines.text import word_key, words


@dataclass(frozen=True, slots=True)
class TermSpec:
    """One term to look for."""

    text: str
    entry_id: str
    kind: str  # name | capital | demonym | seat | acronym | alias
    case_sensitive: bool = False


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    text: str
    entry_id: str
    kind: str


def _key(text: str) -> tuple[str, ...]:
    return tuple(word_key(text[a:b]) for a, b in words(text))


class TermMatcher:
    """Longest-match finder for a fixed set of terms."""

    def __init__(self, terms: Iterable[TermSpec]) -> None:
        self._index: dict[str, dict[tuple[str, ...], list[TermSpec]]] = defaultdict(dict)
        self.max_len = 1
        for term in terms:
            key = _key(term.text)
            if not key:
                continue
            self._index[key[0]].setdefault(key, []).append(term)
            self.max_len = max(self.max_len, len(key))

    def __len__(self) -> int:
        return sum(len(v) for v in self._index.values())

    @staticmethod
    def _accepts(term: TermSpec, surface: str) -> bool:
        if term.case_sensitive:
            return _norm_case(surface) == _norm_case(term.text)
        if term.kind == "demonym":
            return True
        first_term = next((c for c in term.text if c.isalpha()), "")
        if first_term.islower():  # written in lower case in the data: "talibans"
            return True
        first = next((c for c in surface if c.isalpha()), "")
        if not (first.isupper() or first.isdigit()):
            return False
        # "En Marche" (a party) is not "En marche vers…" at a sentence start: where the
        # term capitalises later words, the text must capitalise at least one of them.
        term_words = [term.text[a:b] for a, b in words(term.text)][1:]
        text_words = [surface[a:b] for a, b in words(surface)][1:]
        caps = [i for i, w in enumerate(term_words) if w[0].isupper()]
        if caps and len(text_words) == len(term_words):
            return any(text_words[i][0].isupper() for i in caps)
        return True

    def find(self, text: str) -> list[Match]:
        """All non-overlapping matches in ``text``, longest first, left to right."""
        spans = list(words(text))
        keys = [word_key(text[a:b]) for a, b in spans]
        out: list[Match] = []
        i, n = 0, len(spans)
        while i < n:
            bucket = self._index.get(keys[i])
            hit: Match | None = None
            if bucket:
                for length in range(min(self.max_len, n - i), 0, -1):
                    cands = bucket.get(tuple(keys[i:i + length]))
                    if not cands:
                        continue
                    start, end = spans[i][0], spans[i + length - 1][1]
                    surface = text[start:end]
                    if _crosses_line(surface):
                        continue
                    term = next((t for t in cands if self._accepts(t, surface)
                                 and not _crosses_punctuation(surface, t.text)), None)
                    if term is not None:
                        hit = Match(start, end, surface, term.entry_id, term.kind)
                        i += length
                        break
            if hit is None:
                i += 1
            else:
                out.append(hit)
        return out


def _norm_case(text: str) -> str:
    return "".join(c for c in text if c.isalnum())


def _crosses_line(surface: str) -> bool:
    return "\n" in surface


_BREAK = re.compile(r"[.!?;:,)(»«\"“”]\s")


def _crosses_punctuation(surface: str, term: str) -> bool:
    """Whether the words of a match run over a mark the term does not have: "Paris.
    Première étape" is no "Paris Première", "à Lyon, Mairie" no "Lyon Mairie"."""
    return any(m.group(0)[0] not in term for m in _BREAK.finditer(surface))
