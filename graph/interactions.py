"""Interactions on the graph: what passes between two actors, by kind.

An :class:`InteractionRow` is one thing an actor does or says to another that a sentence
reports (found by :mod:`pipelines.interactions`, which this module never imports: no
spaCy here). :func:`add_interactions` puts them on the co-occurrence edges:

* ``verbal_cooperation``, ``material_cooperation``, ``verbal_conflict``,
  ``material_conflict``: how many interactions of each kind (one per sentence, pair and
  kind);
* ``cooperation`` and ``conflict``: the sums of the two cooperative and the two
  conflictual kinds;
* ``tone`` in [-1, 1]: ``(cooperation - conflict) / (cooperation + conflict)``, 0 when
  there is neither (so 1 is all cooperation, -1 all conflict);
* ``interactions``: the records themselves (article, sentence, source, target, kind,
  event, directed, trigger, text), which keep the direction (the graph is undirected);
* the edge's evidence sentences that report an interaction get its ``kind``, ``event``,
  ``trigger``, ``source`` and ``target``;
* ``r``, ``g``, ``b``: the colour of the tone on a diverging scale (:func:`tone_colour`:
  red for conflict, grey for none or a balance, blue for cooperation), which Gephi shows
  at once (GraphML ``r``/``g``/``b``, GEXF ``viz:color``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

import networkx as nx

#: The four kinds, in the quad-class order (verbal/material cooperation, then conflict).
KINDS: tuple[str, ...] = ("verbal_cooperation", "material_cooperation", "verbal_conflict",
                          "material_conflict")
#: The kinds of each polarity.
POLARITIES: dict[str, tuple[str, ...]] = {
    "cooperation": ("verbal_cooperation", "material_cooperation"),
    "conflict": ("verbal_conflict", "material_conflict"),
}
#: Edge attributes this module sets (numbers).
COUNT_ATTRS: tuple[str, ...] = (*KINDS, "cooperation", "conflict", "tone")
#: Short human names of the kinds.
KIND_LABELS: dict[str, str] = {
    "verbal_cooperation": "verbal cooperation",
    "material_cooperation": "material cooperation",
    "verbal_conflict": "verbal conflict",
    "material_conflict": "material conflict",
}


@dataclass(frozen=True, slots=True)
class InteractionRow:
    """One interaction between two entities (a row of ``relations.csv``)."""

    article: str
    sentence: int
    source: str
    target: str
    kind: str
    event: str
    directed: bool
    trigger: str
    text: str
    start: int = -1  # the trigger's offsets in the article text
    end: int = -1

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


#: The diverging scale of tone: conflict (-1), neither (0), cooperation (+1).
TONE_COLOURS: tuple[str, str, str] = ("#d7301f", "#bdbdbd", "#2c7bb6")


def tone_colour(value: float) -> str:
    """The colour of a tone in [-1, 1] on :data:`TONE_COLOURS` (linear on each side).

    >>> tone_colour(-1.0), tone_colour(0.0), tone_colour(1.0), tone_colour(0.5)
    ('#d7301f', '#bdbdbd', '#2c7bb6', '#749cba')
    """
    value = max(-1.0, min(1.0, float(value)))
    lo, hi = (TONE_COLOURS[1], TONE_COLOURS[2]) if value >= 0 else \
        (TONE_COLOURS[1], TONE_COLOURS[0])
    t = abs(value)
    a = [int(lo[i:i + 2], 16) for i in (1, 3, 5)]
    b = [int(hi[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * t):02x}" for x, y in zip(a, b, strict=True))


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


_RGB = {0.0: _rgb(TONE_COLOURS[1]), 1.0: _rgb(TONE_COLOURS[2]), -1.0: _rgb(TONE_COLOURS[0])}


def tone(cooperation: int, conflict: int) -> float:
    """``(cooperation - conflict) / (cooperation + conflict)``, 0.0 when both are 0.

    >>> tone(3, 1), tone(0, 2), tone(0, 0)
    (0.5, -1.0, 0.0)
    """
    total = cooperation + conflict
    return round((cooperation - conflict) / total, 3) if total else 0.0


def set_counts(edge: dict[str, Any]) -> None:
    """(Re)compute an edge's count attributes from its ``interactions`` list."""
    counts = dict.fromkeys(KINDS, 0)
    for rec in edge.get("interactions", ()):
        if rec.get("kind") in counts:
            counts[rec["kind"]] += 1
    edge.update(counts)
    edge["cooperation"] = coop = counts["verbal_cooperation"] + counts["material_cooperation"]
    edge["conflict"] = conf = counts["verbal_conflict"] + counts["material_conflict"]
    edge["tone"] = tone(coop, conf)
    # Gephi's edge colour (GraphML r/g/b, GEXF viz:color); grey without interactions
    edge["r"], edge["g"], edge["b"] = _RGB[edge["tone"]] if edge["tone"] in _RGB else \
        _rgb(tone_colour(edge["tone"]))


def _record(rec: InteractionRow) -> dict[str, Any]:
    """What an edge keeps of an interaction: :meth:`InteractionRow.to_dict` without the
    trigger's offsets."""
    return {"article": rec.article, "sentence": rec.sentence, "source": rec.source,
            "target": rec.target, "kind": rec.kind, "event": rec.event,
            "directed": rec.directed, "trigger": rec.trigger, "text": rec.text}


def _none_counts() -> dict[str, Any]:
    """What :func:`set_counts` sets on an edge without interactions, in its key order."""
    edge: dict[str, Any] = {}
    set_counts(edge)
    return edge


def add_interactions(g: nx.Graph, interactions: Iterable[InteractionRow]) -> int:
    """Put ``interactions`` on the edges of ``g`` (in place; see the module doc).

    Every edge gets the count attributes (0 without interactions). Returns how many
    interactions found their edge (an interaction between actors that have no edge, or
    are not in the graph, is left out).
    """
    placed = 0
    adj = g.adj
    for rec in interactions:
        nbrs = adj.get(rec.source)
        edge = nbrs.get(rec.target) if nbrs is not None else None
        if edge is None:
            continue
        edge.setdefault("interactions", []).append(_record(rec))
        placed += 1
        for ev in edge.get("evidence", ()):
            if "kind" not in ev and ev.get("article") == rec.article and \
                    ev.get("text") == rec.text:
                ev.update(kind=rec.kind, event=rec.event, trigger=rec.trigger,
                          source=rec.source, target=rec.target)
    none = _none_counts()
    for _, _, edge in g.edges(data=True):
        if "interactions" in edge:
            set_counts(edge)
        else:  # the same attributes, in the same order, as set_counts gives
            edge.update(none)
    return placed


# ------------------------------------------------------------------------- querying

#: What a ``kind`` argument may name: one kind, or a polarity (both of its kinds).
KIND_NAMES: dict[str, tuple[str, ...]] = {**{k: (k,) for k in KINDS}, **POLARITIES}


def kind_set(kind: str | Iterable[str] | None) -> frozenset[str] | None:
    """The kinds a ``kind`` argument names (None: all); raises ValueError on a typo.

    >>> sorted(kind_set("conflict"))
    ['material_conflict', 'verbal_conflict']
    """
    if kind is None:
        return None
    out: set[str] = set()
    for item in [kind] if isinstance(kind, str) else kind:
        for name in str(item).split(","):
            name = name.strip().lower().replace(" ", "_").replace("-", "_")
            if name not in KIND_NAMES:
                raise ValueError(f"Unknown interaction kind {item!r}: use "
                                 f"{', '.join(KIND_NAMES)}")
            out.update(KIND_NAMES[name])
    return frozenset(out) or None


def kind_count(edge: dict[str, Any], kinds: frozenset[str]) -> int:
    """How many interactions of ``kinds`` an edge carries."""
    return sum(int(edge.get(k) or 0) for k in kinds)


@dataclass(frozen=True, slots=True)
class Interaction:
    """One interaction as :meth:`graph.model.ActorGraph.interactions` returns it.

    ``source`` acts on ``target``; a joint action (``directed`` False, "X et Y ont signé")
    keeps the order the sentence gave.
    """

    article: str
    title: str
    date: str | None
    source: str  # the actors' labels
    target: str
    kind: str
    event: str
    trigger: str
    text: str
    directed: bool = True
    source_id: str = ""
    target_id: str = ""

    def __repr__(self) -> str:
        arrow = "→" if self.directed else "—"
        when = f"{self.date} " if self.date else ""
        return (f"<Interaction {when}{self.source} {arrow} {self.target}: "
                f"{self.trigger!r} ({KIND_LABELS.get(self.kind, self.kind)}, {self.event})>")

    def _repr_html_(self) -> str:
        """A compact card in a notebook (:func:`graph.notebook.interaction_card`)."""
        from .notebook import interaction_card

        return interaction_card(self)


def interactions_of(g: nx.Graph, node: str, other: str | None = None,
                    kinds: frozenset[str] | None = None, since: str | None = None,
                    until: str | None = None) -> list[Interaction]:
    """The interactions of ``node`` (with ``other`` only, if given) on graph ``g``, of
    ``kinds`` (None: all), dated within [``since``, ``until``] (ISO prefixes; undated
    ones are left out when either is given), oldest first."""
    index = g.graph.get("article_index") or {}
    others = [other] if other is not None else list(g[node])
    out: list[Interaction] = []
    for o in others:
        if not g.has_edge(node, o):
            continue
        for rec in g.edges[node, o].get("interactions") or ():
            if kinds is not None and rec.get("kind") not in kinds:
                continue
            meta = index.get(rec.get("article"), {})
            date = meta.get("date") or None
            if (since or until) and (not date or (since and date[:len(since)] < since)
                                     or (until and date[:len(until)] > until)):
                continue
            src, dst = str(rec.get("source")), str(rec.get("target"))
            out.append(Interaction(
                str(rec.get("article")), str(meta.get("title") or ""), date,
                str(g.nodes[src].get("label") or src) if src in g else src,
                str(g.nodes[dst].get("label") or dst) if dst in g else dst,
                str(rec.get("kind")), str(rec.get("event") or ""),
                str(rec.get("trigger") or ""), str(rec.get("text") or ""),
                bool(rec.get("directed", True)), src, dst))
    out.sort(key=lambda i: (i.date or "9999", i.article))
    return out
