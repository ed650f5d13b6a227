"""``actorgraph show``: the top actors of a saved graph, or one actor's card, as tables."""

from __future__ import annotations

import os
from typing import Literal

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .model import ActorGraph, _plural
from .schema import TYPE_COLOURS, TYPE_LABELS


def _type_text(kind: str) -> Text:
    colour = TYPE_COLOURS.get(kind)
    return Text(kind, style=colour or "")


def _shorten(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def overview_table(g: ActorGraph, top: int = 15) -> Table:
    """The most mentioned actors: label, type, mentions, articles, degree."""
    table = Table(title=f"Top {top} actors by mentions", title_justify="left")
    table.add_column("#", justify="right", style="dim")
    table.add_column("Actor")
    table.add_column("Type")
    table.add_column("Mentions", justify="right")
    table.add_column("Articles", justify="right")
    table.add_column("Degree", justify="right")
    for i, ranked in enumerate(g.top(top, by="mentions"), start=1):
        a = ranked.actor
        table.add_row(str(i), Text(a.label), _type_text(a.type), str(a.mentions),
                      str(a.articles), str(g.nx.degree(a.id)))
    return table


def actor_card(g: ActorGraph, name: str, top: int = 15,
               by: Literal["weight", "association"] = "weight") -> list[Table | Text]:
    """One actor's card: who it is, and its strongest neighbours (by shared articles, or
    by association strength) with one sentence each."""
    a = g.actor(name)
    head = Text()
    head.append(a.label, style="bold")
    head.append(f"  ({TYPE_LABELS.get(a.type, a.type)})", style=TYPE_COLOURS.get(a.type, ""))
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="dim")
    facts.add_column()
    facts.add_row("id", Text(a.id))
    if a.role:
        facts.add_row("role", Text(a.role))
    if a.affiliation:
        facts.add_row("affiliation", Text(a.affiliation))
    if a.aliases:
        shown = ", ".join(a.aliases[:10]) + (" …" if len(a.aliases) > 10 else "")
        facts.add_row("aliases", Text(shown))
    facts.add_row("mentions", Text(f"{_plural(a.mentions, 'mention')} in "
                                   f"{_plural(a.articles, 'article')}"))
    if a.first_seen:
        span = a.first_seen if a.first_seen == a.last_seen else f"{a.first_seen} → {a.last_seen}"
        facts.add_row("seen", Text(span))
    facts.add_row("links", Text(str(g.nx.degree(a.id))))

    neighbours = g.neighbors(a.id, by=by)
    what = "Strongest links" if by == "weight" else "Most associated"
    table = Table(title=f"{what} ({min(top, len(neighbours))} of "
                        f"{len(neighbours)})", title_justify="left")
    table.add_column("Actor")
    table.add_column("Type")
    table.add_column("Weight", justify="right")
    table.add_column("Assoc.", justify="right")
    table.add_column("Evidence", ratio=1)
    for n in neighbours[:top]:
        edge = g.nx.edges[a.id, n.actor.id]
        evidence = edge.get("evidence") or []
        sentence = Text()
        if evidence:
            ev = evidence[0]
            if ev.get("date"):
                sentence.append(f"{ev['date']} ", style="dim")
            sentence.append(_shorten(str(ev.get("text", ""))))
        elif edge.get("article_ids"):  # same article, never the same sentence
            first = str(edge["article_ids"][0])
            meta = (g.nx.graph.get("article_index") or {}).get(first) or {}
            title = meta.get("title") or first
            sentence.append(f"same article: {_shorten(str(title), 100)}", style="dim")
        table.add_row(Text(n.actor.label), _type_text(n.actor.type), str(n.weight),
                      f"{n.association:.2f}", sentence)
    found = interactions_table(g, a.id, top)
    return [head, facts, table] + ([found] if found is not None else [])


def interactions_table(g: ActorGraph, node: str, top: int = 15) -> Table | None:
    """An actor's interactions by kind (see :mod:`graph.interactions`), up to ``top`` of
    each kind, oldest first; None when it has none."""
    from .interactions import KIND_LABELS, KINDS, TONE_COLOURS

    found = g.interactions(node)
    if not found:
        return None
    colour = {k: TONE_COLOURS[2] if k.endswith("cooperation") else TONE_COLOURS[0]
              for k in KINDS}
    table = Table(title=f"Interactions ({len(found)})", title_justify="left")
    table.add_column("Kind")
    table.add_column("Who → whom")
    table.add_column("Trigger")
    table.add_column("Sentence", ratio=1)
    for kind in KINDS:
        rows = [i for i in found if i.kind == kind]
        for i in rows[:top]:
            arrow = " → " if i.directed else " — "
            sentence = Text(f"{i.date} " if i.date else "", style="dim")
            sentence.append(_shorten(i.text))
            table.add_row(Text(f"{KIND_LABELS[kind]} ({i.event})", style=colour[kind]),
                          Text(i.source + arrow + i.target), Text(i.trigger), sentence)
        if len(rows) > top:
            table.add_row(Text(f"… {len(rows) - top} more", style="dim"), "", "", "")
    return table


def show_graph(path: str | os.PathLike[str], name: str | None = None, *, top: int = 15,
               by: Literal["weight", "association"] = "weight") -> None:
    """Print a saved graph's top actors, or the card of the actor called ``name`` (its
    neighbours ranked ``by`` shared articles or association strength).

    Raises :class:`graph.errors.GraphFormatError` for a missing or unreadable file and
    :class:`graph.errors.ActorNotFound` (with close names) for an unknown actor.
    """
    g = ActorGraph.load(path)
    console = Console(highlight=False, soft_wrap=False)
    if name is None:
        console.print(Text(repr(g)))
        console.print(overview_table(g, top))
        return
    for part in actor_card(g, name, top, by):
        console.print(part)
