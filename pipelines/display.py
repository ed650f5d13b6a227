"""Text from the corpus shown on a terminal: never raw control sequences.

File names, article ids and rule values come from outside: a name holding an ESC
sequence (``\\x1b[2J``…) would drive the terminal, a lone surrogate (a file name byte that
is not UTF-8) would make printing fail. :func:`shown` escapes both, and the bidirectional
overrides that reorder what is displayed, the way Python's ``repr`` does (``\\x1b``,
``\\udce9``, ``\\u202e``); everything else is left as it is.
"""

from __future__ import annotations

import re

__all__ = ["shown"]

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
                     "\ud800-\udfff]")


def _escape(m: re.Match[str]) -> str:
    cp = ord(m.group(0))
    return f"\\x{cp:02x}" if cp < 0x100 else f"\\u{cp:04x}"


def shown(text: object) -> str:
    """``text`` (or ``str(text)``) safe to print on a terminal.

    >>> shown("a\\x1b[31mb\\udce9.txt")
    'a\\\\x1b[31mb\\\\udce9.txt'
    >>> shown("Sergueï Lavrov")
    'Sergueï Lavrov'
    """
    return _UNSAFE.sub(_escape, str(text))
