"""Spreadsheet-safe CSV cells (CSV or formula injection, as OWASP describes it).

Article ids, file names, labels and sentences come from the corpus, so a cell may begin
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return: a spreadsheet program opening
``mentions.csv`` or an exported ``nodes.csv``/``edges.csv`` would take it for a formula
(``=HYPERLINK(…)``, ``=cmd|' /C calc'!A0``…). Following OWASP, such a text cell is written
with a leading single quote (``'=HYPERLINK(…)``), which spreadsheets show as text. The
project's own CSV reader (:mod:`graph.readwrite.csv`) and
:func:`pipelines.resolution.duplicates.find_duplicates` remove the quote again
(:func:`unguard`), so every value round-trips exactly: a text that itself begins with
quotes before such a character gets one more quote.

Only text cells are changed, never numbers (``-3`` stays a number). Pipelines that need
the raw values pass ``raw=True`` (``--raw-csv`` on the command line).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = ["TRIGGERS", "guard", "guard_row", "unguard"]

#: First characters a spreadsheet may read as the start of a formula.
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def _risky(text: str) -> bool:
    return text.lstrip("'").startswith(TRIGGERS)


def guard(value: Any) -> Any:
    """A text cell with a leading ``'`` when it could start a formula; anything else as
    it is.

    >>> guard("=1+1"), guard("-  tiret"), guard("Mali"), guard(-3), guard("'=x")
    ("'=1+1", "'-  tiret", 'Mali', -3, "''=x")
    """
    if isinstance(value, str) and value and _risky(value):
        return "'" + value
    return value


def unguard(value: str) -> str:
    """The inverse of :func:`guard` for a cell read back as text.

    >>> unguard("'=1+1"), unguard("''=x"), unguard("'quoted'")
    ('=1+1', "'=x", "'quoted'")
    """
    if value.startswith("'") and _risky(value):
        return value[1:]
    return value


def guard_row(row: Iterable[Any]) -> list[Any]:
    """Every cell of a row through :func:`guard`."""
    return [guard(cell) for cell in row]
