"""Name normalisation for actor look-ups: case, accents, hyphens, apostrophes, articles.

>>> fold("L'Élysée")
'elysee'
>>> fold("  Jean-Yves   LE DRIAN ")
'jean yves le drian'
>>> fold("la Côte d’Ivoire")
'cote d ivoire'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

try:  # anyascii also folds ligatures and non-Latin scripts (œ → oe, Лавров → Lavrov)
    from anyascii import anyascii as _ascii

    _PER_CHARACTER = True  # anyascii maps each character on its own
except ImportError:  # pragma: no cover - anyascii is a dependency
    def _ascii(text: str) -> str:
        decomposed = unicodedata.normalize("NFKD", text)
        return "".join(c for c in decomposed if not unicodedata.combining(c))

    _PER_CHARACTER = False

_SEPARATORS = re.compile(r"[\s\-‐‑‒–—'’ʼ`´.,;:_/()\"«»]+")
_ARTICLE = re.compile(r"^(?:la|le|les|l)\s+")


def fold(name: str) -> str:
    """Fold a name for comparison: lower case, no accents, separators as single spaces,
    and no leading French article (``la``, ``le``, ``les``, ``l'``)."""
    text = _ascii(unicodedata.normalize("NFKC", str(name))).lower()
    text = _SEPARATORS.sub(" ", text).strip()
    folded = _ARTICLE.sub("", text, count=1)
    return folded or text


def fold_many(names: Iterable[str]) -> list[str]:
    """``[fold(name) for name in names]``, several times faster for many names.

    The names are folded as one text, joined by NUL characters: Unicode normalisation
    never carries across a NUL (it composes with nothing), anyascii maps each character
    on its own (applied here with one ``str.translate`` table), and the separator pattern
    does not match NUL; the pieces then lose their ends and leading article one by one.
    Names holding a NUL themselves are folded one by one.

    >>> fold_many(["L'Élysée", "la Côte d’Ivoire", "ŒUVRE"])
    ['elysee', 'cote d ivoire', 'oeuvre']
    """
    names = [str(name) for name in names]
    joined = "\x00".join(names)
    if not _PER_CHARACTER or joined.count("\x00") != len(names) - 1 or not names:
        return [fold(name) for name in names]
    text = unicodedata.normalize("NFKC", joined)
    table = {ord(c): _ascii(c) for c in set(text) if ord(c) > 0x7F}
    pieces = _SEPARATORS.sub(" ", text.translate(table).lower()).split("\x00")
    if len(pieces) != len(names):  # pragma: no cover - a character became a NUL
        return [fold(name) for name in names]
    out: list[str] = []
    append, article = out.append, _ARTICLE.sub
    for piece in pieces:
        piece = piece.strip()
        append(article("", piece, count=1) or piece)
    return out
