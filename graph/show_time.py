"""``actorgraph diff``: what changed between two periods of a saved graph, as tables."""

from __future__ import annotations

import os

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .model import ActorGraph
from .timeline import ActorChange, GraphDiff, LinkChange


def _titled(title: str, shown: int, total: int) -> Table:
    """An empty table titled with how many of its rows it shows."""
    return Table(title=f"{title} ({min(shown, total)} of {total})", title_justify="left")


def _actor_table(title: str, rows: list[ActorChange], top: int, before: str,
                 after: str) -> Table:
    table = _titled(title, top, len(rows))
    table.add_column("Actor")
    table.add_column("Type")
    table.add_column(f"Articles {before}", justify="right")
    table.add_column(f"Articles {after}", justify="right")
    for c in rows[:top]:
        table.add_row(Text(c.actor.label), c.actor.type, str(c.before), str(c.after))
    return table


def _link_table(title: str, rows: list[LinkChange], top: int, before: str,
                after: str) -> Table:
    table = _titled(title, top, len(rows))
    table.add_column("Actor")
    table.add_column("Actor")
    table.add_column(f"Weight {before}", justify="right")
    table.add_column(f"Weight {after}", justify="right")
    tone = any(c.cooperation is not None for c in rows)
    if tone:
        table.add_column("Cooperation", justify="right")
        table.add_column("Conflict", justify="right")
    for c in rows[:top]:
        cells = [Text(c.a.label), Text(c.b.label), str(c.before), str(c.after)]
        if tone:
            cells += [f"{x[0]} → {x[1]}" if x else "" for x in (c.cooperation, c.conflict)]
        table.add_row(*cells)
    return table


def diff_tables(d: GraphDiff, top: int = 10) -> list[Table]:
    """The six lists of a :class:`GraphDiff` as tables (the ``top`` first rows of each)."""
    b, a = d.before, d.after
    return [
        _actor_table("Actors appeared", d.actors_appeared, top, b, a),
        _actor_table("Actors disappeared", d.actors_disappeared, top, b, a),
        _link_table("Links appeared", d.links_appeared, top, b, a),
        _link_table("Links disappeared", d.links_disappeared, top, b, a),
        _link_table("Links strengthened", d.links_strengthened, top, b, a),
        _link_table("Links weakened", d.links_weakened, top, b, a),
    ]


def show_diff(path: str | os.PathLike[str], before: str, after: str, *,
              top: int = 10) -> GraphDiff:
    """Print the comparison of two periods of a saved graph (see
    :meth:`graph.ActorGraph.diff`) and return it. Errors are
    :class:`graph.errors.ActorGraphError` (missing file, bad period)."""
    d = ActorGraph.load(path).diff(before, after)
    console = Console(highlight=False, soft_wrap=False)
    console.print(Text(f"{d.before} → {d.after}: "
                       f"{len(d.actors_appeared)} actors appeared, "
                       f"{len(d.actors_disappeared)} disappeared; "
                       f"{len(d.links_appeared)} links appeared, "
                       f"{len(d.links_disappeared)} disappeared, "
                       f"{len(d.links_strengthened)} strengthened, "
                       f"{len(d.links_weakened)} weakened."))
    for table in diff_tables(d, top):
        console.print(table)
    return d
