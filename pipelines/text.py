"""Small text helpers shared by the matcher and the resolver.

``fold`` is length-preserving (one output character per input character), so offsets
found in folded text are valid in the original text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from anyascii import anyascii

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_APOS = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    base = unicodedata.normalize("NFD", ch)[0]
    low = base.lower()
    return low if len(low) == 1 else base


def fold(text: str) -> str:
    """Lower-case and strip accents, keeping one character per input character."""
    return "".join(_fold_char(c) for c in text.translate(_APOS))


def words(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each word (letters and digits; apostrophes, hyphens and
    spaces separate words)."""
    for m in _WORD.finditer(text):
        yield m.start(), m.end()


def word_texts(text: str) -> list[str]:
    """The words of ``text`` themselves, as :func:`words` cuts them."""
    return _WORD.findall(text)


def word_key(word: str) -> str:
    """The comparison key of one word: ASCII, lower case."""
    return anyascii(word).lower()


def name_key(text: str) -> str:
    """Comparison key of a name: ASCII words, lower case, joined by single spaces."""
    return " ".join(word_key(text[a:b]) for a, b in words(text))


def slug(text: str) -> str:
    """A stable id fragment: ``Sergueï Lavrov`` -> ``serguei-lavrov``."""
    return "-".join(word_key(text[a:b]) for a, b in words(text)) or "x"


def is_capitalised(text: str) -> bool:
    """True when the first letter of ``text`` is upper case."""
    for ch in text:
        if ch.isalpha():
            return ch.isupper()
    return False


def is_acronym(text: str) -> bool:
    """``CEDEAO``, ``M5-RFP``, ``MPR``: one ASCII word of 2 to 8 capitals and digits."""
    if " " in text.strip() or not text.isascii():
        return False
    core = text.replace(".", "").replace("-", "")
    return (
        2 <= len(core) <= 8
        and any(c.isalpha() for c in core)
        and all(c.isupper() or c.isdigit() for c in core)
        and sum(c.isupper() for c in core) >= 2
        and sum(c.isdigit() for c in core) <= sum(c.isalpha() for c in core) // 2
    )
