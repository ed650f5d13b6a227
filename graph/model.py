"""Query an actor graph from a Python shell.

>>> from graph.model import example
>>> g = example()
>>> g
<ActorGraph: 8 actors (4 states, 2 officials, 2 groups), 18 edges, 3 articles 2021-03..2022-02>
>>> g.actor("lavrov").label
'Sergueï Lavrov'
>>> [(n.actor.label, n.weight) for n in g.neighbors("Mali", type="state")]
[('France', 2), ('Russie', 2), ('Niger', 1)]

On disk, use :func:`load` (``from graph import load``) on a ``.graphml``, ``.gexf``,
``.json`` or ``.csv`` file written by the project, or on a build's output folder.
"""

from __future__ import annotations

import datetime as _dt
import gc
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

import networkx as nx

from .errors import ActorGraphError, ActorNotFound
from .interactions import KINDS as _KINDS
from .interactions import Interaction, interactions_of, kind_count, kind_set
from .names import fold
from .schema import ACTOR_TYPES

_ASSOCIATION = "association"  # graph.association.ATTR (not imported: keeps load light)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .draw import FigureInfo
    from .notebook import InlineView
    from .readwrite.sidecar import DeferredLists
    from .timeline import GraphDiff, Timeline

__all__ = [
    "Actor",
    "ActorGraph",
    "Interaction",
    "Neighbor",
    "Ranked",
    "Relation",
    "RelationNotFound",
    "example",
    "load",
]

_PLURALS = {"state": "states", "official": "officials", "person": "people", "group": "groups"}
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class RelationNotFound(ActorGraphError, LookupError):
    """Two actors never co-occur (or are not connected at all)."""


# --------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class Actor:
    """One actor (a node of the graph), as returned by :meth:`ActorGraph.actor`.

    >>> a = example().actor("Goïta")
    >>> a  # doctest: +NORMALIZE_WHITESPACE
    <Actor 'Assimi Goïta' (official, président de la transition, Mali):
     1 mention in 1 article, 2021-09-15>
    >>> a.id, a.type, a.aliases
    ('goita', 'official', ('colonel Assimi Goïta',))
    """

    id: str
    label: str
    type: str
    role: str = ""
    affiliation: str = ""
    aliases: tuple[str, ...] = ()
    mentions: int = 0
    articles: int = 0
    first_seen: str | None = None
    last_seen: str | None = None
    community: int | None = None

    @classmethod
    def from_node(cls, node: str, data: dict[str, Any]) -> Actor:
        """Make a record from a node id and its attribute dict."""
        community = data.get("community")
        return cls(
            id=str(node),
            label=str(data.get("label") or node),
            type=str(data.get("type") or ""),
            role=str(data.get("role") or ""),
            affiliation=str(data.get("affiliation") or ""),
            aliases=tuple(data.get("aliases") or ()),
            mentions=int(data.get("mentions") or 0),
            articles=int(data.get("articles") or 0),
            first_seen=data.get("first_seen") or None,
            last_seen=data.get("last_seen") or None,
            community=None if community is None or community == "" else int(community),
        )

    def __str__(self) -> str:
        return self.label

    def __repr__(self) -> str:
        about = ", ".join(x for x in (self.type, self.role, self.affiliation) if x)
        counts = (f"{_plural(self.mentions, 'mention')} in "
                  f"{_plural(self.articles, 'article')}")
        span = _span(self.first_seen, self.last_seen)
        return f"<Actor {self.label!r} ({about}): {counts}{', ' + span if span else ''}>"

    def _repr_html_(self) -> str:
        """A compact card in a notebook (:func:`graph.notebook.actor_card`)."""
        from .notebook import actor_card

        return actor_card(self)


class _NeighborFields(NamedTuple):
    actor: Actor
    weight: int
    sentences: int


class Neighbor(_NeighborFields):
    """An actor co-occurring with another, with the strength of the link: ``weight``
    (shared articles), ``sentences`` and, as an attribute outside the tuple (which stays
    ``(actor, weight, sentences)``), ``association`` (see :mod:`graph.association`).

    >>> n = example().neighbors("Lavrov")[0]
    >>> n, n.association
    (<Neighbor 'Mali': weight 2, 2 sentences>, 0.0)
    """

    #: The link's association strength (normalised PMI), in [-1, 1].
    association: float = 0.0

    def __new__(cls, actor: Actor, weight: int, sentences: int,
                association: float = 0.0) -> Neighbor:
        self = super().__new__(cls, actor, weight, sentences)
        self.association = association
        return self

    def __repr__(self) -> str:
        return (f"<Neighbor {self.actor.label!r}: weight {self.weight}, "
                f"{_plural(self.sentences, 'sentence')}>")


class Ranked(NamedTuple):
    """An actor and its score in :meth:`ActorGraph.top`."""

    actor: Actor
    score: float

    def __repr__(self) -> str:
        score = int(self.score) if float(self.score).is_integer() else round(self.score, 4)
        return f"<Ranked {self.actor.label!r}: {score}>"


@dataclass(frozen=True, slots=True)
class Relation:
    """How two actors co-occur: an edge with its evidence sentences.

    >>> r = example().relation("Russie", "Mali")
    >>> r
    <Relation 'Russie' — 'Mali': weight 2, 2 sentences, 2021-03-10..2021-09-15>
    >>> r.evidence[0]["text"]
    'Le ministre russe Sergueï Lavrov a reçu son homologue malien à Moscou.'

    Its interactions by kind (:mod:`graph.interactions`), and their tone in [-1, 1]:

    >>> r.kinds["verbal_cooperation"], r.cooperation, r.conflict, r.tone
    (1, 1, 0, 1.0)
    >>> example().relation("CEDEAO", "Goïta").tone
    -1.0
    """

    a: Actor
    b: Actor
    weight: int
    sentences: int
    evidence: tuple[dict[str, str], ...] = ()
    article_ids: tuple[str, ...] = ()
    first_seen: str | None = None
    last_seen: str | None = None
    #: Interactions by kind (see :mod:`graph.interactions`): kind -> count, the sums of
    #: the cooperative and conflictual kinds, and the tone in [-1, 1].
    kinds: dict[str, int] = field(default_factory=dict)
    cooperation: int = 0
    conflict: int = 0
    tone: float = 0.0

    def __repr__(self) -> str:
        span = _span(self.first_seen, self.last_seen)
        return (f"<Relation {self.a.label!r} — {self.b.label!r}: weight {self.weight}, "
                f"{_plural(self.sentences, 'sentence')}{', ' + span if span else ''}>")

    def _repr_html_(self) -> str:
        """A compact card in a notebook (:func:`graph.notebook.relation_card`)."""
        from .notebook import relation_card

        return relation_card(self)

    def __str__(self) -> str:
        lines = [repr(self)]
        for ev in self.evidence:
            head = " ".join(x for x in (ev.get("date", ""), ev.get("title", "")) if x)
            lines.append(f"  [{head}] {ev.get('text', '')}" if head else f"  {ev.get('text')}")
        return "\n".join(lines)


# --------------------------------------------------------------------------- helpers


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _span(first: str | None, last: str | None) -> str:
    if not first and not last:
        return ""
    if first == last or not last:
        return str(first)
    return f"{first or '?'}..{last}"


def _as_date(value: str | _dt.date | None, what: str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, _dt.date):  # datetime is a date too
        return value.isoformat()[:10]
    text = str(value).strip()
    if not _DATE.match(text):
        raise ActorGraphError(f"Invalid {what} date {value!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
    return text


def _type_set(types: str | Iterable[str] | None) -> set[str] | None:
    if types is None:
        return None
    items = [types] if isinstance(types, str) else list(types)
    out: set[str] = set()
    for item in items:
        for t in str(item).split(","):
            t = t.strip().lower()
            if not t:
                continue
            singular = {v: k for k, v in _PLURALS.items()}.get(t, t)
            if singular not in ACTOR_TYPES:
                raise ActorGraphError(
                    f"Unknown actor type {t!r}: use {', '.join(ACTOR_TYPES)}"
                )
            out.add(singular)
    return out or None


def _kinds(kind: str | Iterable[str] | None) -> frozenset[str] | None:
    try:
        return kind_set(kind)
    except ValueError as exc:
        raise ActorGraphError(str(exc)) from None


def _dates_of(ids: Iterable[str], index: dict[str, dict[str, str]]) -> list[str]:
    return sorted(d for d in ((index.get(a) or {}).get("date") for a in ids) if d)


# --------------------------------------------------------------------------- the graph


class ActorGraph:
    """An actor co-occurrence graph with look-ups by name, alias or id.

    The networkx graph is :attr:`nx`; methods that narrow the graph (:meth:`ego`,
    :meth:`filter`, :meth:`between`) return a new :class:`ActorGraph`.

    >>> g = example()
    >>> len(g), g.nx.number_of_edges()
    (8, 18)
    >>> "la russie" in g, "Atlantide" in g
    (True, False)
    """

    def __init__(self, graph: nx.Graph | None = None, *, source: Path | None = None) -> None:
        self._lean: nx.Graph = graph if graph is not None else nx.Graph()
        self._deferred: DeferredLists | None = None
        self.source = source
        self._index: dict[str, str] | None = None
        self._index_size = -1
        self._association_size: tuple[int, int] | None = None

    @property
    def _graph(self) -> nx.Graph:
        """The complete graph: the lists :func:`load` left as JSON are decoded first.
        Look-ups that never read ``evidence``, ``article_ids``, ``article_mentions`` or the
        graph's ``article_index`` use ``self._lean`` (the same graph, possibly with those
        still pending as ``None``) and stay fast after loading."""
        if self._deferred is not None:
            deferred, self._deferred = self._deferred, None
            deferred.materialize(self._lean)
        return self._lean

    # ----------------------------------------------------------------- basics

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> ActorGraph:
        """Read a graph file (or a build's output folder); see :func:`load`.

        From a GraphML sidecar the edges' ``evidence`` and ``article_ids`` lists, the
        nodes' ``article_ids`` and ``article_mentions`` and the graph's ``article_index``
        stay undecoded until the networkx graph (:attr:`nx`) or a method that needs them is
        first used; :meth:`relation` and :meth:`path` decode only the edges they return.
        """
        from . import readwrite

        resolved = readwrite.resolve(path)
        graph, deferred = readwrite.read_deferred(resolved)
        out = cls(graph, source=resolved)
        out._deferred = deferred
        return out

    @property
    def nx(self) -> nx.Graph:
        """The underlying :class:`networkx.Graph` (node ids are entity ids).

        >>> example().nx.nodes["mali"]["label"]
        'Mali'
        """
        return self._graph

    def __len__(self) -> int:
        return self._lean.number_of_nodes()

    def __contains__(self, name: object) -> bool:
        if isinstance(name, Actor):
            return name.id in self._lean
        return isinstance(name, str) and self._lookup(name) is not None

    def __iter__(self) -> Iterator[Actor]:
        return iter(self.actors())

    def __getitem__(self, name: str) -> Actor:
        return self.actor(name)

    def __repr__(self) -> str:
        g = self._lean
        types = Counter(str(d.get("type") or "other") for _, d in g.nodes(data=True))
        order = [t for t in ACTOR_TYPES if t in types] + sorted(set(types) - set(ACTOR_TYPES))
        parts = [f"{types[t]} {_PLURALS.get(t, t) if types[t] != 1 else t}" for t in order]
        detail = f" ({', '.join(parts)})" if parts else ""
        n_art = g.graph.get("articles")
        if n_art is None:  # (the article index may not be decoded yet: self._graph)
            n_art = len(self._graph.graph.get("article_index") or {})
        lo, hi = str(g.graph.get("date_min") or "")[:7], str(g.graph.get("date_max") or "")[:7]
        span = f" {lo}..{hi}" if lo and hi and lo != hi else (f" {lo or hi}" if lo or hi else "")
        return (f"<ActorGraph: {_plural(len(self), 'actor')}{detail}, "
                f"{_plural(g.number_of_edges(), 'edge')}, {_plural(int(n_art), 'article')}"
                f"{span}>")

    def actors(self, type: str | Iterable[str] | None = None) -> list[Actor]:
        """All actors (optionally of some types), most mentioned first.

        >>> [a.label for a in example().actors(type="group")]
        ['CEDEAO', 'Wagner']
        """
        wanted = _type_set(type)
        out = [Actor.from_node(n, d) for n, d in self._lean.nodes(data=True)
               if wanted is None or d.get("type") in wanted]
        out.sort(key=lambda a: (-a.mentions, -a.articles, a.label))
        return out

    # ----------------------------------------------------------------- look-ups

    def _build_index(self) -> dict[str, str]:
        enabled = gc.isenabled()
        gc.disable()  # a just-loaded big graph: a collection would rescan all of it
        try:
            return self._name_index()
        finally:
            if enabled:
                gc.enable()

    def _name_index(self) -> dict[str, str]:
        nodes = sorted(self._lean.nodes(data=True),
                       key=lambda nd: (-int(nd[1].get("mentions") or 0), str(nd[0])))
        index: dict[str, str] = {}
        for node, data in nodes:  # labels and ids win over aliases
            for key in (data.get("label"), node):
                if key:
                    index.setdefault(fold(str(key)), str(node))
        for node, data in nodes:
            for alias in data.get("aliases") or ():
                index.setdefault(fold(str(alias)), str(node))
        index.pop("", None)
        return index

    def _lookup(self, name: str) -> str | None:
        if name in self._lean:
            return name
        if self._index is None or self._index_size != len(self):
            self._index = self._build_index()
            self._index_size = len(self)
        return self._index.get(fold(name))

    def suggest(self, name: str, limit: int = 3) -> list[str]:
        """Labels of the actors whose names are closest to ``name``.

        >>> example().suggest("Lavrof")
        ['Sergueï Lavrov']
        """
        self._lookup(name)  # builds the index
        assert self._index is not None
        query = fold(name)
        if not query or not self._index:
            return []
        keys = list(self._index)
        try:
            from rapidfuzz import fuzz, process

            hits = [(k, s) for k, s, _ in
                    process.extract(query, keys, scorer=fuzz.WRatio, limit=limit * 5)]
        except ImportError:  # pragma: no cover - rapidfuzz is a dependency
            import difflib

            hits = [(k, 100.0) for k in difflib.get_close_matches(query, keys, n=limit * 5)]
        labels: list[str] = []
        for key, score in hits:
            if score < 60:
                continue
            label = str(self._lean.nodes[self._index[key]].get("label") or self._index[key])
            if label not in labels:
                labels.append(label)
            if len(labels) == limit:
                break
        return labels

    def id_of(self, name: str | Actor) -> str:
        """The node id for a label, alias or id (case- and accent-insensitive).

        >>> example().id_of("la Russie")
        'russie'
        """
        if isinstance(name, Actor):
            if name.id in self._lean:
                return name.id
            name = name.label
        found = self._lookup(str(name))
        if found is None:
            close = self.suggest(str(name))
            hint = f" Did you mean: {', '.join(close)}?" if close else ""
            raise ActorNotFound(f"No actor named {str(name)!r} in this graph.{hint}")
        return found

    def actor(self, name: str | Actor) -> Actor:
        """Find an actor by label, id or any alias, ignoring case, accents, hyphens,
        apostrophes and a leading French article.

        >>> g = example()
        >>> g.actor("SERGUEI LAVROV").id
        'lavrov'
        >>> g.actor("l'Union européenne")
        Traceback (most recent call last):
        ...
        graph.errors.ActorNotFound: No actor named "l'Union européenne" in this graph.
        >>> g.actor("Lavrof")  # doctest: +NORMALIZE_WHITESPACE
        Traceback (most recent call last):
        ...
        graph.errors.ActorNotFound: No actor named 'Lavrof' in this graph.
        Did you mean: Sergueï Lavrov?
        """
        node = self.id_of(name)
        return Actor.from_node(node, self._lean.nodes[node])

    def neighbors(
        self, name: str | Actor, type: str | Iterable[str] | None = None, min_weight: int = 1,
        kind: str | Iterable[str] | None = None,
        by: Literal["weight", "association"] = "weight",
    ) -> list[Neighbor]:
        """Actors co-occurring with ``name``, heaviest link first.

        ``by="association"`` ranks them by association strength instead (the normalised
        PMI of :mod:`graph.association`): the actors specifically tied to ``name``, not
        merely frequent everywhere:

        >>> [(n.actor.label, n.weight, n.association)
        ...  for n in example().neighbors("Russie", by="association")][2:4]
        [('Wagner', 1, 0.3691), ('Mali', 2, 0.0)]

        (Mali is in every article: sharing them says nothing.)

        >>> for n in example().neighbors("Mali", type="official"):
        ...     print(n.actor.label, n.weight, n.sentences)
        Sergueï Lavrov 2 2
        Assimi Goïta 1 0

        With ``kind`` (an interaction kind, or ``"cooperation"``/``"conflict"``), only the
        actors that interact with ``name`` that way, the most interactions first:

        >>> [n.actor.label for n in example().neighbors("Mali", kind="cooperation")]
        ['Sergueï Lavrov', 'France', 'Russie']
        """
        if by not in ("weight", "association"):
            raise ActorGraphError(f"Unknown ranking {by!r}: use weight or association")
        node = self.id_of(name)
        wanted = _type_set(type)
        kinds = _kinds(kind)
        self._ensure_association()
        out: list[tuple[int, Neighbor]] = []
        for other, edge in self._lean[node].items():
            data = self._lean.nodes[other]
            weight = int(edge.get("weight") or 0)
            if weight < min_weight or (wanted is not None and data.get("type") not in wanted):
                continue
            count = kind_count(edge, kinds) if kinds is not None else 0
            if kinds is not None and not count:
                continue
            out.append((count, Neighbor(Actor.from_node(other, data), weight,
                                        int(edge.get("sentences") or 0),
                                        float(edge.get(_ASSOCIATION) or 0.0))))
        if by == "association":
            out.sort(key=lambda x: (-x[0], -x[1].association, -x[1].weight,
                                    -x[1].actor.mentions, x[1].actor.label))
        else:
            out.sort(key=lambda x: (-x[0], -x[1].weight, -x[1].sentences,
                                    -x[1].actor.mentions, x[1].actor.label))
        return [n for _, n in out]

    def _ensure_association(self) -> None:
        """Give every edge its ``association`` (graphs written before it existed)."""
        g = self._lean
        if self._association_size == (len(g), g.number_of_edges()):
            return
        missing = [(u, v) for u, v, d in g.edges(data=True) if d.get(_ASSOCIATION) is None]
        if missing:
            from .association import add_association

            add_association(g, missing)
        self._association_size = (len(g), g.number_of_edges())

    def interactions(self, name: str | Actor, other: str | Actor | None = None,
                     kind: str | Iterable[str] | None = None,
                     since: str | _dt.date | None = None,
                     until: str | _dt.date | None = None) -> list[Interaction]:
        """What ``name`` does to, or undergoes from, other actors (with ``other`` only, if
        given), of ``kind`` (an interaction kind, ``"cooperation"`` or ``"conflict"``),
        dated between ``since`` and ``until``, oldest first. See :mod:`graph.interactions`.

        >>> g = example()
        >>> g.interactions("Mali", kind="conflict")
        []
        >>> for i in g.interactions("Lavrov"):
        ...     print(i)
        <Interaction 2021-03-10 Sergueï Lavrov → Mali: 'a reçu' (verbal cooperation, CONSULT)>
        <Interaction 2022-02-17 Sergueï Lavrov → Mali: 'a salué' (verbal cooperation, SUPPORT)>
        >>> g.interactions("CEDEAO", "Goïta")[0].text
        'La CEDEAO a demandé au colonel Assimi Goïta un calendrier électoral.'
        """
        node = self.id_of(name)
        pair = self.id_of(other) if other is not None else None
        return interactions_of(self._graph, node, pair, _kinds(kind),
                               _as_date(since, "start"), _as_date(until, "end"))

    def _relation(self, u: str, v: str) -> Relation:
        g = self._lean
        edge = g.edges[u, v]
        if self._deferred is not None:  # decode this edge's lists only
            edge = self._deferred.edge(g, u, v)
        a, b = u, v
        return Relation(
            a=Actor.from_node(a, g.nodes[a]),
            b=Actor.from_node(b, g.nodes[b]),
            weight=int(edge.get("weight") or 0),
            sentences=int(edge.get("sentences") or 0),
            evidence=tuple(dict(e) for e in edge.get("evidence") or ()),
            article_ids=tuple(edge.get("article_ids") or ()),
            first_seen=edge.get("first_seen") or None,
            last_seen=edge.get("last_seen") or None,
            kinds={k: int(edge.get(k) or 0) for k in _KINDS},
            cooperation=int(edge.get("cooperation") or 0),
            conflict=int(edge.get("conflict") or 0),
            tone=float(edge.get("tone") or 0.0),
        )

    def relation(self, a: str | Actor, b: str | Actor) -> Relation:
        """The link between two actors (in the order given), with the sentences naming both.

        >>> g = example()
        >>> print(g.relation("France", "Wagner"))  # doctest: +NORMALIZE_WHITESPACE
        <Relation 'France' — 'Wagner': weight 1, 1 sentence, 2021-03-10>
          [2021-03-10 Bamako et Moscou se rapprochent]
          La France s'inquiète de la présence du groupe Wagner au Mali.
        >>> g.relation("Wagner", "CEDEAO")
        Traceback (most recent call last):
        ...
        graph.model.RelationNotFound: 'Wagner' and 'CEDEAO' never appear together (try path()).
        """
        u, v = self.id_of(a), self.id_of(b)
        if not self._lean.has_edge(u, v):
            la, lb = (self._lean.nodes[x].get("label") or x for x in (u, v))
            raise RelationNotFound(f"{la!r} and {lb!r} never appear together (try path()).")
        return self._relation(u, v)

    def path(self, a: str | Actor, b: str | Actor) -> list[Relation]:
        """How two actors are connected: the shortest chain of co-occurrences, preferring
        strong links (a link's length is ``1 / weight``). Each hop is a :class:`Relation`.

        >>> [(r.a.label, r.b.label) for r in example().path("Niger", "CEDEAO")]
        [('Niger', 'Mali'), ('Mali', 'CEDEAO')]
        """
        u, v = self.id_of(a), self.id_of(b)
        if u == v:
            return []
        try:
            nodes = nx.shortest_path(
                self._lean, u, v,
                weight=lambda _x, _y, d: 1.0 / max(float(d.get("weight") or 1), 1e-9),
            )
        except nx.NetworkXNoPath:
            la, lb = (self._lean.nodes[x].get("label") or x for x in (u, v))
            raise RelationNotFound(f"{la!r} and {lb!r} are not connected.") from None
        return [self._relation(x, y) for x, y in zip(nodes, nodes[1:], strict=False)]

    # ----------------------------------------------------------------- rankings

    def top(
        self,
        n: int = 10,
        by: Literal["mentions", "degree", "betweenness", "articles", "association"] = "mentions",
        type: str | Iterable[str] | None = None,
    ) -> list[Ranked]:
        """The ``n`` highest-ranked actors by mentions, degree, betweenness, articles or
        association (the sum of the actor's positive association strengths, see
        :meth:`neighbors`: the actors with many links stronger than chance).

        Betweenness uses ``1 / weight`` as distance; above 2,000 nodes it is estimated
        from a fixed sample of 500 sources.

        >>> example().top(3)
        [<Ranked 'Mali': 5>, <Ranked 'France': 2>, <Ranked 'Russie': 2>]
        >>> example().top(1, by="degree", type="official")
        [<Ranked 'Sergueï Lavrov': 5>]
        >>> example().top(2, by="association")
        [<Ranked 'France': 1.7382>, <Ranked 'Sergueï Lavrov': 1.7382>]
        """
        g = self._lean  # rankings never read evidence
        wanted = _type_set(type)
        if by == "mentions":
            scores = {x: float(d.get("mentions") or 0) for x, d in g.nodes(data=True)}
        elif by == "articles":
            scores = {x: float(d.get("articles") or 0) for x, d in g.nodes(data=True)}
        elif by == "degree":
            scores = {x: float(k) for x, k in g.degree()}
        elif by == "association":
            self._ensure_association()
            scores = dict.fromkeys(g, 0.0)
            for x, y, e in g.edges(data=True):
                value = max(float(e.get(_ASSOCIATION) or 0.0), 0.0)
                scores[x] += value
                scores[y] += value
        elif by == "betweenness":
            dist = nx.Graph()
            dist.add_nodes_from(g)
            dist.add_edges_from((x, y, {"d": 1.0 / max(float(e.get("weight") or 1), 1e-9)})
                                for x, y, e in g.edges(data=True))
            k = 500 if len(g) > 2000 else None
            scores = nx.betweenness_centrality(dist, k=k, weight="d", seed=0)
        else:
            raise ActorGraphError(
                f"Unknown ranking {by!r}: use mentions, degree, betweenness, articles or "
                "association")
        ranked = [
            Ranked(Actor.from_node(x, g.nodes[x]), s) for x, s in scores.items()
            if wanted is None or g.nodes[x].get("type") in wanted
        ]
        ranked.sort(key=lambda r: (-r.score, -r.actor.mentions, -r.actor.articles,
                                   r.actor.label))
        return ranked[: max(n, 0)]

    def communities(self, seed: int = 42) -> list[list[str]]:
        """Louvain communities (fixed seed), largest first, each a list of labels (most
        mentioned first). Also stores each node's community number as ``community``.

        >>> g = example()
        >>> parts = g.communities()
        >>> sum(len(p) for p in parts) == len(g)
        True
        >>> g.actor("Mali").community is not None
        True
        """
        g = self._lean  # writes node attributes only
        if len(g) == 0:
            return []
        parts = nx.community.louvain_communities(g, weight="weight", seed=seed)

        def mentions(x: str) -> int:
            return int(g.nodes[x].get("mentions") or 0)

        parts = sorted(parts, key=lambda p: (-len(p), -sum(map(mentions, p)), min(p)))
        out: list[list[str]] = []
        for i, part in enumerate(parts):
            members = sorted(part, key=lambda x: (-mentions(x), str(g.nodes[x].get("label"))))
            for x in members:
                g.nodes[x]["community"] = i
            out.append([str(g.nodes[x].get("label") or x) for x in members])
        return out

    def backbone(self, alpha: float = 0.05,
                 by: Literal["weight", "association"] = "weight") -> ActorGraph:
        """The significant links only, and the actors they join: the disparity filter of
        Serrano, Boguñá and Vespignani (2009) at level ``alpha``, on the links' ``weight``
        (shared articles) or on their ``association``. See :mod:`graph.backbone`.

        >>> g = example()
        >>> g.backbone(0.2, by="association")  # doctest: +NORMALIZE_WHITESPACE
        <ActorGraph: 6 actors (2 states, 2 officials, 2 groups), 5 edges,
         3 articles 2021-03..2022-02>
        >>> sorted(g.backbone(0.3).nx.edges())  # three articles: little is significant
        [('lavrov', 'france'), ('lavrov', 'mali'), ('mali', 'france'), ('russie', 'mali')]
        """
        from .backbone import backbone

        if not 0 < alpha <= 1:
            raise ActorGraphError(f"alpha must be in (0, 1], not {alpha!r}")
        if by not in ("association", "weight"):
            raise ActorGraphError(f"Unknown strength {by!r}: use association or weight")
        self._ensure_association()
        return self._derive(backbone(self._graph, alpha, by))

    # ----------------------------------------------------------------- sub-graphs

    def _derive(self, sub: nx.Graph) -> ActorGraph:
        """Wrap a sub-graph, with the graph attributes trimmed to its articles."""
        sub.graph = dict(self._graph.graph)
        index = self._graph.graph.get("article_index")
        if isinstance(index, dict):
            used: set[str] = set()
            for _, d in sub.nodes(data=True):
                used.update(d.get("article_ids") or ())
            kept = {k: v for k, v in index.items() if k in used}
            dates = sorted(v.get("date") for v in kept.values() if v.get("date"))
            sub.graph.update({
                "article_index": kept,
                "articles": len(kept),
                "date_min": dates[0] if dates else "",
                "date_max": dates[-1] if dates else "",
            })
        return ActorGraph(sub, source=self.source)

    def ego(self, name: str | Actor, radius: int = 1) -> ActorGraph:
        """The actor, the actors within ``radius`` links of it, and all links among them.

        >>> example().ego("Wagner")  # doctest: +NORMALIZE_WHITESPACE
        <ActorGraph: 5 actors (3 states, 1 official, 1 group), 10 edges,
         3 articles 2021-03..2022-02>
        """
        node = self.id_of(name)
        return self._derive(nx.ego_graph(self._graph, node, radius=radius).copy())

    def filter(
        self, types: str | Iterable[str] | None = None, min_weight: int = 1
    ) -> ActorGraph:
        """Keep only actors of ``types`` and links of at least ``min_weight``.

        With ``min_weight > 1``, actors left without any link are dropped too.

        >>> example().filter(types=["state", "group"], min_weight=2)
        <ActorGraph: 3 actors (3 states), 2 edges, 3 articles 2021-03..2022-02>
        """
        g = self._graph
        wanted = _type_set(types)
        nodes = [x for x, d in g.nodes(data=True) if wanted is None or d.get("type") in wanted]
        sub = g.subgraph(nodes).copy()
        if min_weight > 1:
            light = [(x, y) for x, y, d in sub.edges(data=True)
                     if int(d.get("weight") or 0) < min_weight]
            sub.remove_edges_from(light)
            sub.remove_nodes_from([x for x in list(sub) if sub.degree(x) == 0])
        return self._derive(sub)

    def between(
        self, since: str | _dt.date | None = None, until: str | _dt.date | None = None
    ) -> ActorGraph:
        """Restrict the graph to articles dated from ``since`` to ``until`` (inclusive;
        ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``). Undated articles are left out.

        Links keep only their articles and evidence in range; ``weight``, ``articles``,
        ``first_seen``, ``last_seen`` and the per-month ``months`` are recomputed.
        ``mentions`` (and ``sentences`` when a link's evidence was truncated) stay
        whole-corpus counts, as the graph does not store them per article.

        >>> g = example().between("2021", "2021-12")
        >>> g  # doctest: +NORMALIZE_WHITESPACE
        <ActorGraph: 7 actors (3 states, 2 officials, 2 groups), 15 edges,
         2 articles 2021-03..2021-09>
        >>> g.relation("Mali", "Lavrov").weight
        1
        """
        lo, hi = _as_date(since, "since"), _as_date(until, "until")
        g = self._graph
        index = g.graph.get("article_index")
        if not isinstance(index, dict) or not index:
            raise ActorGraphError("This graph has no article dates (no article_index).")

        from .timeline import within

        keep = {k for k, v in index.items() if within((v or {}).get("date"), lo, hi)}
        sub = nx.Graph()
        for node, data in g.nodes(data=True):
            ids = list(data.get("article_ids") or ())
            kept = [a for a in ids if a in keep]
            if not kept:
                continue
            attrs = dict(data)
            attrs["article_ids"] = kept
            attrs["articles"] = len(kept)
            per_article = data.get("article_mentions")
            if isinstance(per_article, list) and len(per_article) == len(ids):
                counts = [int(c) for a, c in zip(ids, per_article, strict=True) if a in keep]
                attrs["article_mentions"] = counts
                attrs["mentions"] = sum(counts)
            dates = _dates_of(kept, index)
            attrs.pop("first_seen", None)
            attrs.pop("last_seen", None)
            if dates:
                attrs["first_seen"], attrs["last_seen"] = dates[0], dates[-1]
            sub.add_node(node, **attrs)
        for u, v, data in g.edges(data=True):
            if u not in sub or v not in sub:
                continue
            ids = list(data.get("article_ids") or ())
            kept = [a for a in ids if a in keep]
            if not kept:
                continue
            attrs = dict(data)
            evidence = list(data.get("evidence") or ())
            kept_ev = [e for e in evidence if e.get("article") in keep]
            attrs["article_ids"] = kept
            attrs["weight"] = len(kept)
            attrs["evidence"] = kept_ev
            if len(kept) < len(ids) and len(evidence) == int(data.get("sentences") or 0):
                attrs["sentences"] = len(kept_ev)  # evidence was complete: exact count
            dates = _dates_of(kept, index)
            attrs.pop("first_seen", None)
            attrs.pop("last_seen", None)
            if dates:
                attrs["first_seen"], attrs["last_seen"] = dates[0], dates[-1]
            sub.add_edge(u, v, **attrs)
        from .association import add_association
        from .timeline import stamp

        out = self._derive(sub)
        stamp(out._lean)  # the months of the range only
        add_association(out._lean)  # for the counts of the range
        return out

    # ----------------------------------------------------------------- time

    def timeline(self, actor: str | Actor, other: str | Actor | None = None,
                 freq: str = "M") -> Timeline:
        """Articles and mentions per period of ``actor`` — or, with ``other``, the
        articles naming both — with ``freq`` ``"M"`` (months), ``"Q"`` or ``"Y"``. Empty
        periods are included; undated articles come last, as period ``"undated"``, so the
        articles add up to the actor's (or link's) total. See :mod:`graph.timeline`.

        >>> g = example()
        >>> g.timeline("Mali", "Russie")  # doctest: +NORMALIZE_WHITESPACE
        <Timeline 'Mali' — 'Russie' by month: 7 periods, 2 articles
          2021-03  articles 1
          2021-04  articles 0
          2021-05  articles 0
          2021-06  articles 0
          2021-07  articles 0
          2021-08  articles 0
          2021-09  articles 1>
        >>> sum(row.articles for row in g.timeline("France")) == g.actor("France").articles
        True
        >>> g.timeline("Lavrov", freq="Y").to_pandas()  # doctest: +NORMALIZE_WHITESPACE
                articles  mentions
        period
        2021           1         1
        2022           1         1
        """
        from .timeline import timeline

        return timeline(self, actor, other, freq)

    def diff(self, before: str | tuple[str | None, str | None],
             after: str | tuple[str | None, str | None]) -> GraphDiff:
        """Compare two periods: each a year (``"2020"``), a month (``"2020-03"``) or a
        pair of them (``("2020-01", "2021-06")``, ``None`` for an open end). Actors and
        links count the articles of each period (months whole).

        >>> d = example().diff("2021", "2022")
        >>> d  # doctest: +NORMALIZE_WHITESPACE
        <GraphDiff 2021 → 2022:
          actors appeared: 1 (Niger 0→1)
          actors disappeared: 4 (Russie 2→0, Assimi Goïta 1→0, CEDEAO 1→0, … 1 more)
          links appeared: 3 (France — Niger 0→1, Mali — Niger 0→1,
            Sergueï Lavrov — Niger 0→1)
          links disappeared: 12 (Mali — Russie 2→0, Assimi Goïta — CEDEAO 1→0,
            France — Russie 1→0, … 9 more)
          links strengthened: 0
          links weakened: 0>
        >>> d.links_disappeared[0]
        <LinkChange 'Mali' — 'Russie': 2 → 0>
        """
        from .timeline import diff

        return diff(self, before, after)

    def snapshots(self, freq: str = "Y") -> dict[str, ActorGraph]:
        """One graph per period (``"Y"``, ``"Q"`` or ``"M"``) that has dated articles,
        each as :meth:`between` makes it.

        >>> example().snapshots()  # doctest: +NORMALIZE_WHITESPACE
        {'2021': <ActorGraph: 7 actors (3 states, 2 officials, 2 groups), 15 edges,
                  2 articles 2021-03..2021-09>,
         '2022': <ActorGraph: 4 actors (3 states, 1 official), 6 edges, 1 article 2022-02>}
        """
        from .timeline import snapshots

        return snapshots(self, freq)

    # ----------------------------------------------------------------- out

    def _repr_html_(self) -> str:
        """In a notebook: the interactive view of the most connected actors, inline (see
        :meth:`show`)."""
        from .notebook import inline_view

        return inline_view(self._graph)._repr_html_()

    def show(self, max_nodes: int = 100, type: str | Iterable[str] | None = None,
             min_weight: int = 1, *, title: str | None = None, height: int = 620
             ) -> InlineView:
        """The interactive view for a notebook: the page of ``graph.html`` (offline, safe)
        in a sandboxed iframe, with the ``max_nodes`` most connected actors of ``type``
        and the links of at least ``min_weight`` articles. Jupyter shows the returned
        view when it ends a cell (or ``display(g.show(…))``); ``.save(path)`` writes the
        page. See :mod:`graph.notebook`.

        >>> example().show(max_nodes=3)
        <InlineView: 3 of 8 actors, 3 edges>
        """
        from .notebook import inline_view

        types = [type] if isinstance(type, str) else type
        return inline_view(self._graph, max_nodes=max_nodes, min_weight=min_weight,
                           types=types, title=title, height=height)

    def draw(self, path: str | os.PathLike[str], *, max_nodes: int = 150,
             type: str | Iterable[str] | None = None, min_weight: int = 1, labels: int = 30,
             max_edges: int | None = None, title: str | None = None,
             source: str | None = None, width: float = 10.0, dpi: float = 200.0
             ) -> FigureInfo:
        """A static figure for print, by the extension of ``path``: ``.svg``, ``.png`` or
        ``.pdf`` — the page's layout and colours, dot size by mentions, line width by
        articles, links coloured by tone, labels for the most mentioned actors placed
        without overlap, a legend, a title and a source line. Needs matplotlib
        (``pip install 'actorgraph[figures]'``). See :mod:`graph.draw`.
        """
        from .draw import draw

        types = [type] if isinstance(type, str) else type
        return draw(self._graph, path, max_nodes=max_nodes, min_weight=min_weight,
                    types=types, labels=labels, max_edges=max_edges, title=title,
                    source=source, width=width, dpi=dpi)

    def to_pandas(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Two DataFrames: nodes (indexed by ``id``) and edges (``source``, ``target``, …).

        >>> nodes, edges = example().to_pandas()
        >>> nodes.loc["mali", "mentions"], len(edges)
        (np.int64(5), 18)
        """
        try:
            import pandas as pd
        except ImportError:  # pragma: no cover - depends on the environment
            raise ActorGraphError("to_pandas() needs pandas: pip install pandas") from None
        self._ensure_association()
        g = self._graph
        nodes = pd.DataFrame([{"id": x, **d} for x, d in g.nodes(data=True)])
        if nodes.empty:
            nodes = pd.DataFrame(columns=["id", "label", "type"])
        nodes = nodes.set_index("id")
        edges = pd.DataFrame([{"source": u, "target": v, **d} for u, v, d in
                              g.edges(data=True)])
        if edges.empty:
            edges = pd.DataFrame(columns=["source", "target", "weight"])
        return nodes, edges

    def to_parquet(self, folder: str | os.PathLike[str], *,
                   mentions: str | os.PathLike[str] | None = None) -> Path:
        """Write the graph as Parquet tables with typed columns into ``folder``:
        ``nodes.parquet``, ``edges.parquet``, and ``interactions.parquet``,
        ``mentions.parquet`` and ``articles.parquet`` when there is something to put in
        them (see :mod:`graph.readwrite.parquet`). ``mentions`` is a build's
        ``mentions.csv`` (default: the one beside the loaded graph, if any). Needs
        pyarrow (``pip install 'actorgraph[parquet]'``). Returns the folder.
        """
        from .readwrite.parquet import write_folder

        return write_folder(self._graph, folder, mentions=mentions or self._mentions_file())

    def _mentions_file(self) -> Path | None:
        """The ``mentions.csv`` of the build this graph was loaded from, if it is there."""
        if self.source is None:
            return None
        folder = self.source if self.source.is_dir() else self.source.parent
        found = folder / "mentions.csv"
        return found if found.is_file() else None

    def write(self, path: str | os.PathLike[str], *, dynamic: bool = False) -> Path:
        """Write the graph; the format comes from the extension (``.graphml``, ``.gexf``,
        ``.json``, ``.csv``, ``.parquet``). Returns the path written. See :mod:`graph.readwrite`.
        ``dynamic=True`` (``.gexf`` only) writes a dynamic GEXF 1.3 for Gephi's Timeline
        (see :mod:`graph.readwrite.gexf_dynamic`).

        >>> import tempfile, pathlib
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     p = example().write(pathlib.Path(tmp) / "mali.graphml")
        ...     load(p).nx.number_of_nodes()
        8
        """
        from . import readwrite

        self._ensure_association()
        if readwrite.format_of(path) == "parquet":
            from .readwrite.parquet import write as write_parquet

            return write_parquet(self._graph, path, mentions=self._mentions_file())
        if dynamic:
            if readwrite.format_of(path) != "gexf":
                raise ActorGraphError(f"A dynamic graph is written as .gexf only, not {path}")
            from .readwrite.gexf_dynamic import write_dynamic

            return write_dynamic(self._graph, path)
        return readwrite.write(self._graph, path)


def load(path: str | os.PathLike[str]) -> ActorGraph:
    """Load a graph written by the project: ``.graphml``, ``.gexf``, ``.json``, ``.csv``
    (``x.csv`` reads ``x.nodes.csv`` and ``x.edges.csv``), ``.parquet`` (``x.parquet``
    reads ``x.nodes.parquet``, ``x.edges.parquet``, …), or a build's output folder
    (its ``graph.graphml``). Raises :class:`graph.errors.GraphFormatError` for a missing,
    unknown or unreadable file.

    >>> load("no/such/graph.graphml")
    Traceback (most recent call last):
    ...
    graph.errors.GraphFormatError: Graph file not found: no/such/graph.graphml
    """
    return ActorGraph.load(path)


# --------------------------------------------------------------------------- example

_EXAMPLE = [
    ("a1", "2021-03-10", "Bamako et Moscou se rapprochent", [
        ("Le ministre russe Sergueï Lavrov a reçu son homologue malien à Moscou.",
         [("Sergueï Lavrov", "lavrov"), ("russe", "russie"), ("malien", "mali")]),
        ("La France s'inquiète de la présence du groupe Wagner au Mali.",
         [("France", "france"), ("Wagner", "wagner"), ("Mali", "mali")]),
    ]),
    ("a2", "2021-09-15", "La CEDEAO hausse le ton", [
        ("La CEDEAO a demandé au colonel Assimi Goïta un calendrier électoral.",
         [("CEDEAO", "cedeao"), ("colonel Assimi Goïta", "goita")]),
        ("Le Mali a répondu que la Russie restait un partenaire fiable.",
         [("Mali", "mali"), ("Russie", "russie")]),
    ]),
    ("a3", "2022-02-17", "Retrait annoncé", [
        ("La France et ses partenaires européens quittent le Mali.",
         [("France", "france"), ("Mali", "mali")]),
        ("À Moscou, Sergueï Lavrov a salué une « décision souveraine » de Bamako.",
         [("Sergueï Lavrov", "lavrov"), ("Bamako", "mali")]),
        ("Le Niger observe la situation avec attention.", [("Niger", "niger")]),
    ]),
]


#: The example's interactions: (article, sentence, source, target, kind, event, directed,
#: trigger), as ``relations.csv`` has them.
_EXAMPLE_INTERACTIONS = [
    ("a1", 0, "lavrov", "mali", "verbal_cooperation", "CONSULT", True, "a reçu"),
    ("a1", 1, "france", "wagner", "verbal_conflict", "PROTEST", True, "s'inquiète"),
    ("a2", 0, "cedeao", "goita", "verbal_conflict", "DEMAND", True, "a demandé"),
    ("a2", 1, "mali", "russie", "verbal_cooperation", "SUPPORT", True, "partenaire"),
    ("a3", 0, "france", "mali", "material_cooperation", "RETREAT", True, "quittent"),
    ("a3", 1, "lavrov", "mali", "verbal_cooperation", "SUPPORT", True, "a salué"),
]


def example(window: Literal["article", "sentence"] = "article") -> ActorGraph:
    """A small hand-made graph (three French articles about Mali) for docs and tests.

    >>> example()
    <ActorGraph: 8 actors (4 states, 2 officials, 2 groups), 18 edges, 3 articles 2021-03..2022-02>
    """
    from .build import build_graph
    from .records import ArticleMentions, ArticleMeta, EntityInfo, Mention

    entities = {
        "russie": EntityInfo("russie", "Russie", "state", aliases=["Russie", "Moscou"]),
        "mali": EntityInfo("mali", "Mali", "state"),
        "france": EntityInfo("france", "France", "state"),
        "niger": EntityInfo("niger", "Niger", "state"),
        "lavrov": EntityInfo("lavrov", "Sergueï Lavrov", "official",
                             role="ministre des Affaires étrangères", affiliation="Russie"),
        "goita": EntityInfo("goita", "Assimi Goïta", "official",
                            role="président de la transition", affiliation="Mali"),
        "cedeao": EntityInfo("cedeao", "CEDEAO", "group"),
        "wagner": EntityInfo("wagner", "Wagner", "group"),
    }
    docs = []
    for art, date, title, sentences in _EXAMPLE:
        mentions, offset, texts = [], 0, []
        for s_index, (text, found) in enumerate(sentences):
            for surface, ent in found:
                start = offset + text.index(surface)
                info = entities[ent]
                mentions.append(Mention(art, ent, info.label, info.type, surface, start,
                                        start + len(surface), s_index))
            texts.append(text)
            offset += len(text) + 1
        docs.append(ArticleMentions(ArticleMeta(art, title, date), texts, mentions))
    from .interactions import InteractionRow, add_interactions
    from .timeline import stamp

    g = build_graph(docs, entities, window=window, title="Mali (exemple)")
    texts = {(art, i): text for art, _, _, sents in _EXAMPLE for i, (text, _) in enumerate(sents)}
    add_interactions(g, [InteractionRow(art, i, src, dst, kind, event, directed, trigger,
                                        texts[art, i])
                         for art, i, src, dst, kind, event, directed, trigger
                         in _EXAMPLE_INTERACTIONS])
    from .association import add_association

    return ActorGraph(add_association(stamp(g)))
