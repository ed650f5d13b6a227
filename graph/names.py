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

try:  # anyascii also folds ligatures and non-Latin scripts (œ → oe, Лавров → Lavrov)
    from anyascii import anyascii as _ascii
except ImportError:  # pragma: no cover - anyascii is a dependency
    def _ascii(text: str) -> str:
        decomposed = unicodedata.normalize("NFKD", text)
        return "".join(c for c in decomposed if not unicodedata.combining(c))

_SEPARATORS = re.compile(r"[\s\-‐‑‒–—'’ʼ`´.,;:_/()\"«»]+")
_ARTICLE = re.compile(r"^(?:la|le|les|l)\s+")


def fold(name: str) -> str:
    """Fold a name for comparison: lower case, no accents, separators as single spaces,
    and no leading French article (``la``, ``le``, ``les``, ``l'``)."""
    text = _ascii(unicodedata.normalize("NFKC", str(name))).lower()
    text = _SEPARATORS.sub(" ", text).strip()
    folded = _ARTICLE.sub("", text, count=1)
    return folded or text
