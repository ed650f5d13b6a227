"""The graph inside a Jupyter notebook: the interactive view inline, and HTML cards.

An :class:`~graph.model.ActorGraph` at the end of a cell shows the interactive view of
:mod:`graph.html` — the same self-contained page, with its Content-Security-Policy, no
network and text only ever shown as text — inside a sandboxed ``<iframe srcdoc=…>``
(scripts allowed, no same-origin access to the notebook, no forms, no pop-ups), limited
to the most connected actors with a note saying so. :func:`inline_view` (``g.show()``)
takes the page's options. Actors, relations, interactions and period diffs render as
compact cards; every string from the articles is HTML-escaped.

>>> from graph.model import example
>>> g = example()
>>> view = g.show(max_nodes=5, type="state")
>>> view
<InlineView: 4 of 8 actors, 5 edges>
>>> '<iframe' in view._repr_html_() and 'sandbox="allow-scripts"' in view._repr_html_()
True
>>> "<script" in view._repr_html_()   # the page is inside srcdoc, escaped
False
>>> view._repr_html_().count("'")        # srcdoc='…': the only single quotes
2
>>> print(actor_card(g.actor("Lavrov")))  # doctest: +ELLIPSIS
<div class="actorgraph-card" ...><b>Sergueï Lavrov</b>...official...
"""

from __future__ import annotations

import html
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from .schema import TYPE_COLOURS

if TYPE_CHECKING:  # pragma: no cover
    from .html import RenderInfo
    from .interactions import Interaction
    from .model import Actor, Relation
    from .timeline import GraphDiff

__all__ = ["InlineView", "inline_view", "actor_card", "relation_card", "interaction_card",
           "diff_card", "NOTEBOOK_MAX_NODES"]

#: Actors a graph shows inline by default (the page stays light in the notebook file).
NOTEBOOK_MAX_NODES = 100
#: Evidence sentences per link in the inline view (the page file has up to five).
NOTEBOOK_EVIDENCE = 2
_CARD = ("font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;"
         "font-size:13px;line-height:1.45;color:#1d2330;border:1px solid #d0d4dc;"
         "border-radius:6px;padding:8px 12px;margin:2px 0;max-width:46em;background:#fff")
_MUTED = "color:#5b6473"
_KIND_COLOURS = {"verbal_cooperation": "#2c7bb6", "material_cooperation": "#2c7bb6",
                 "verbal_conflict": "#d7301f", "material_conflict": "#d7301f"}


def _srcdoc(page: str) -> str:
    """``page`` as the value of a single-quoted attribute: ``&`` and ``'`` escaped (all
    that attribute needs), and ``<`` ``>`` too, so no tag appears even to a naive reader.
    Single quotes, because the page's JSON is full of double ones."""
    return (page.replace("&", "&amp;").replace("'", "&#39;").replace("<", "&lt;")
            .replace(">", "&gt;"))


def _e(value: Any) -> str:
    """Any value as escaped HTML text (quotes too: it may end up in an attribute)."""
    return html.escape("" if value is None else str(value), quote=True)


@dataclass(frozen=True)
class InlineView:
    """The interactive view, ready for a notebook: ``page`` is the complete HTML document
    (the same as ``graph.html``), shown by :meth:`_repr_html_` in a sandboxed iframe."""

    page: str
    info: RenderInfo
    height: int = 620

    def __repr__(self) -> str:
        info = self.info
        actors = (f"{info.nodes_total} actors" if info.nodes_shown == info.nodes_total
                  else f"{info.nodes_shown} of {info.nodes_total} actors")
        return f"<InlineView: {actors}, {info.edges_shown} edges>"

    def note(self) -> str:
        """What the view leaves out, in words ("" when it shows everything)."""
        info = self.info
        parts = []
        if info.left_out:
            parts.append(f"Showing the {info.nodes_shown:,} most connected of "
                         f"{info.nodes_total:,} actors")
        elif info.nodes_shown < info.nodes_total:
            parts.append(f"Showing {info.nodes_shown:,} of {info.nodes_total:,} actors")
        if info.types:
            parts.append("types: " + ", ".join(info.types))
        if not parts:
            return ""
        return "; ".join(parts) + ". g.show(max_nodes=…, type=…, min_weight=…) shows others."

    def _repr_html_(self) -> str:
        note = self.note()
        frame = (f'<iframe class="actorgraph-view" sandbox="allow-scripts" '
                 f'referrerpolicy="no-referrer" title="{_e(self.info.nodes_shown)} actors" '
                 f'style="width:100%;height:{int(self.height)}px;border:1px solid #d0d4dc;'
                 f"border-radius:6px\" srcdoc='{_srcdoc(self.page)}'></iframe>")
        if note:
            frame += (f'<p class="actorgraph-note" style="font-size:12px;margin:4px 0;'
                      f'{_MUTED}">{_e(note)}</p>')
        return f'<div class="actorgraph-inline">{frame}</div>'

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the page to ``path`` (atomically), as ``graph.html`` would be."""
        from .atomic import atomic_path

        target = Path(path)
        with atomic_path(target) as tmp:
            tmp.write_text(self.page, encoding="utf-8", newline="\n")
        return target


def inline_view(G: nx.Graph, *, max_nodes: int = NOTEBOOK_MAX_NODES, min_weight: int = 1,
                types: Iterable[str] | None = None, title: str | None = None,
                height: int = 620, evidence: int = NOTEBOOK_EVIDENCE) -> InlineView:
    """The interactive view of ``G`` for a notebook (see :class:`InlineView`): the page of
    :mod:`graph.html` with at most ``evidence`` sentences per link (the notebook file
    keeps the whole page; ``relation()`` gives them all)."""
    from .html import build_page, page_data

    data, info = page_data(G, title=title, max_nodes=max_nodes, min_weight=min_weight,
                           types=types)
    for edge in data["edges"]:
        if "ev" in edge:
            edge["ev"] = edge["ev"][:max(0, evidence)]
    return InlineView(build_page(data), info, height)


# --------------------------------------------------------------------------- cards


def _card(body: str, kind: str) -> str:
    return f'<div class="actorgraph-card" data-kind="{kind}" style="{_CARD}">{body}</div>'


def _dot(actor_type: str) -> str:
    colour = TYPE_COLOURS.get(actor_type, "#7f7f7f")
    return (f'<span style="display:inline-block;width:10px;height:10px;border-radius:50%;'
            f'background:{colour};margin-right:6px"></span>')


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def _span(first: str | None, last: str | None) -> str:
    if not first and not last:
        return ""
    return str(first or last) if (first or last) == (last or first) else f"{first}..{last}"


def actor_card(actor: Actor) -> str:
    """An actor as a compact HTML card: type, role, affiliation, counts, dates, aliases."""
    head = (f"{_dot(actor.type)}<b>{_e(actor.label)}</b> "
            f'<span style="{_MUTED}">{_e(actor.type)}</span>')
    lines = [f"<div>{head}</div>"]
    about = " · ".join(_e(x) for x in (actor.role, actor.affiliation) if x)
    if about:
        lines.append(f"<div>{about}</div>")
    counts = f"{_plural(actor.mentions, 'mention')} in {_plural(actor.articles, 'article')}"
    span = _span(actor.first_seen, actor.last_seen)
    lines.append(f'<div style="{_MUTED}">{counts}{" · " + _e(span) if span else ""}</div>')
    aliases = [a for a in actor.aliases if a != actor.label]
    if aliases:
        shown = ", ".join(_e(a) for a in aliases[:8])
        more = f" … {len(aliases) - 8} more" if len(aliases) > 8 else ""
        lines.append(f'<div style="{_MUTED};font-size:12px">also: {shown}{more}</div>')
    return _card("".join(lines), "actor")


def _short(text: Any, limit: int = 90) -> str:
    text = "" if text is None else str(text)
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _evidence_line(ev: Mapping[str, Any]) -> str:
    head = " ".join(_e(x) for x in (ev.get("date"), _short(ev.get("title"))) if x)
    text = _e(ev.get("text", ""))
    return (f'<li style="margin:2px 0">{text}'
            + (f' <span style="{_MUTED};font-size:11px">[{head}]</span>' if head else "")
            + "</li>")


def relation_card(relation: Relation, evidence: int = 3) -> str:
    """A relation as a card: both actors, weight, sentences, dates, interactions by kind
    and tone, and the first ``evidence`` sentences."""
    a, b = relation.a, relation.b
    head = (f"{_dot(a.type)}<b>{_e(a.label)}</b> — {_dot(b.type)}<b>{_e(b.label)}</b>")
    span = _span(relation.first_seen, relation.last_seen)
    counts = (f"weight {relation.weight:,} (articles) · "
              f"{_plural(relation.sentences, 'sentence')}{' · ' + _e(span) if span else ''}")
    lines = [f"<div>{head}</div>", f'<div style="{_MUTED}">{counts}</div>']
    kinds = {k: v for k, v in (relation.kinds or {}).items() if v}
    if kinds:
        items = ", ".join(
            f'<span style="color:{_KIND_COLOURS.get(k, "#5b6473")}">'
            f"{_e(k.replace('_', ' '))} {v}</span>" for k, v in kinds.items())
        lines.append(f"<div>{items} · tone {relation.tone:+.2f}</div>")
    shown = list(relation.evidence[:max(0, evidence)])
    if shown:
        lines.append('<ul style="margin:4px 0 0 1.1em;padding:0">'
                     + "".join(_evidence_line(ev) for ev in shown) + "</ul>")
        if len(relation.evidence) > len(shown):
            lines.append(f'<div style="{_MUTED};font-size:12px">… '
                         f"{len(relation.evidence) - len(shown)} more in .evidence</div>")
    return _card("".join(lines), "relation")


def interaction_card(item: Interaction) -> str:
    """An interaction as a card: who does what to whom, the kind and event, and the
    sentence with its trigger in bold."""
    arrow = "→" if item.directed else "—"
    colour = _KIND_COLOURS.get(item.kind, "#5b6473")
    head = (f"<b>{_e(item.source)}</b> {arrow} <b>{_e(item.target)}</b>: "
            f'<span style="color:{colour}">{_e(item.kind.replace("_", " "))}</span> '
            f'<span style="{_MUTED}">{_e(item.event)}</span>')
    text, trigger = item.text or "", item.trigger or ""
    at = text.find(trigger) if trigger else -1
    if at >= 0:
        sentence = (_e(text[:at]) + f"<b>{_e(trigger)}</b>" + _e(text[at + len(trigger):]))
    else:
        sentence = _e(text)
    where = " ".join(_e(x) for x in (item.date, _short(item.title)) if x)
    lines = [f"<div>{head}</div>", f"<div>{sentence}</div>"]
    if where:
        lines.append(f'<div style="{_MUTED};font-size:12px">{where}</div>')
    return _card("".join(lines), "interaction")


def diff_card(diff: GraphDiff, top: int = 5) -> str:
    """A period comparison as a card: each change list with its size and first items."""
    rows = []
    for name in ("actors_appeared", "actors_disappeared", "links_appeared",
                 "links_disappeared", "links_strengthened", "links_weakened"):
        items = getattr(diff, name)
        shown = []
        for x in items[:top]:
            if hasattr(x, "actor"):
                shown.append(f"{_e(x.actor.label)} {x.before}→{x.after}")
            else:
                shown.append(f"{_e(x.a.label)} — {_e(x.b.label)} {x.before}→{x.after}")
        more = f" … {len(items) - top:,} more" if len(items) > top else ""
        rows.append(f'<tr><td style="padding:1px 10px 1px 0;white-space:nowrap">'
                    f"{_e(name.replace('_', ' '))}</td>"
                    f'<td style="padding:1px 10px 1px 0;text-align:right">{len(items):,}</td>'
                    f'<td style="{_MUTED}">{", ".join(shown)}{more}</td></tr>')
    head = f"<div><b>{_e(diff.before)} → {_e(diff.after)}</b></div>"
    table = f'<table style="border-collapse:collapse;font-size:12px">{"".join(rows)}</table>'
    return _card(head + table, "diff")
