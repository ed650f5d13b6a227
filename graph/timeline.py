"""Time in the actor graph: articles per month, timelines, period comparisons, snapshots.

Every node and edge carries ``months``, a compact JSON string (so every file format keeps
it as is and loading stays fast; it is decoded only when asked for):

* a node: ``{"2021-03": [articles, mentions], …}``;
* an edge: ``{"2021-03": articles, …}`` (the link's weight per month).

Articles without a date are counted under the key ``"undated"``. :func:`stamp` computes the
attribute from the ``article_ids`` (and the nodes' ``article_mentions``) and the graph's
``article_index``; graphs written before it existed get it computed on the fly.

Interactions hook: when an edge has per-article lists ``article_cooperation`` and
``article_conflict`` aligned with its ``article_ids``, :func:`stamp` also writes
``months_tone`` (``{"2021-03": [cooperation, conflict], …}``) and :meth:`timeline` rows
and :class:`GraphDiff` links carry those counts.

>>> from graph.model import example
>>> g = example()
>>> g.nx.nodes["mali"]["months"]
'{"2021-03":[1,2],"2021-09":[1,1],"2022-02":[1,2]}'
>>> g.timeline("Mali", freq="Y")  # doctest: +NORMALIZE_WHITESPACE
<Timeline 'Mali' by year: 2 periods, 3 articles
  2021  articles 2  mentions 3
  2022  articles 1  mentions 2>
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from itertools import chain, repeat
from typing import TYPE_CHECKING, Any, NamedTuple

import networkx as nx
import numpy as np

from .edges import edge_columns
from .errors import ActorGraphError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .model import Actor, ActorGraph

__all__ = ["ActorChange", "GraphDiff", "LinkChange", "Timeline", "TimelineRow", "UNDATED",
           "date_filter", "diff", "month_counts", "period_bounds", "snapshots", "stamp",
           "timeline"]

#: The key under which undated articles are counted.
UNDATED = "undated"
#: The node and edge attribute holding the counts per month (a JSON string).
MONTHS = "months"
#: The edge attribute holding cooperation/conflict counts per month, when known.
MONTHS_TONE = "months_tone"

_FREQS = {"M": "month", "Q": "quarter", "Y": "year", "A": "year"}
_BOUND = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


try:  # orjson is a dependency; the stdlib is the fallback
    import orjson

    def _dumps(value: Mapping[str, Any]) -> str:
        """Compact JSON, months in order ("undated" sorts after every "YYYY-MM")."""
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode("utf-8")
except ImportError:  # pragma: no cover - depends on the environment
    def _dumps(value: Mapping[str, Any]) -> str:
        return json.dumps(value, sort_keys=True, separators=(",", ":"))


def _month(date: str | None) -> str:
    return date[:7] if date and len(date) >= 7 else UNDATED


# --------------------------------------------------------------------------- stamping


def month_counts(article_ids: Iterable[str], index: Mapping[str, Mapping[str, Any]],
                 weights: Iterable[int] | None = None) -> dict[str, int]:
    """Articles (or ``weights`` summed, one per article) per month ``YYYY-MM``.

    >>> month_counts(["a", "b", "c"], {"a": {"date": "2020-01-05"}, "b": {"date": "2020-01"},
    ...                                "c": {"date": ""}})
    {'2020-01': 2, 'undated': 1}
    """
    ids = list(article_ids)
    per = [1] * len(ids) if weights is None else [int(w) for w in weights]
    out: dict[str, int] = {}
    for art, w in zip(ids, per, strict=False):
        month = _month((index.get(art) or {}).get("date"))
        out[month] = out.get(month, 0) + w
    return out


class _Months(dict):  # type: ignore[type-arg]
    """Article id -> its month; an article missing from the index is undated."""

    __slots__ = ()

    def __missing__(self, article: str) -> str:
        return UNDATED


def stamp(graph: nx.Graph) -> nx.Graph:
    """Set ``months`` on every node and edge of ``graph`` (in place; also returned) from
    their ``article_ids`` and the graph's ``article_index``. Graphs without an article
    index are left alone."""
    index = graph.graph.get("article_index")
    if not isinstance(index, dict):
        return graph
    # each article's month once (a big graph names each article thousands of times)
    month = _Months({art: _month((meta or {}).get("date")) for art, meta in index.items()})
    table = _MonthTable(month)
    nodes = [data for _, data in graph.nodes(data=True)]
    for lo in range(0, len(nodes), _AT_ONCE):
        _stamp_nodes(nodes[lo:lo + _AT_ONCE], month, table)
    del nodes
    edges = edge_columns(graph)[2]
    for lo in range(0, len(edges), _AT_ONCE):
        part = edges[lo:lo + _AT_ONCE]
        ids = [data.get("article_ids") or () for data in part]
        texts = table.texts(ids) if all(type(x) in (list, tuple) for x in ids) else \
            [_dumps(Counter(map(month.__getitem__, x))) for x in ids]  # counted in C
        for data, x, text in zip(part, ids, texts, strict=True):
            data[MONTHS] = text
            if "article_cooperation" in data:
                tone = _tone_months(data, list(x), index)
                if tone is not None:
                    data[MONTHS_TONE] = _dumps(tone)
    return graph


#: Nodes or edges whose months are counted at once (bounds the arrays in flight).
_AT_ONCE = 1 << 16


def _stamp_nodes(datas: list[dict[str, Any]], month: _Months, table: _MonthTable) -> None:
    """``months`` of these nodes: all at once when their lists are plain (lists of ids,
    int mention counts), else one by one."""
    ids = [data.get("article_ids") or () for data in datas]
    pers = [data.get("article_mentions") for data in datas]
    pers = [per if isinstance(per, list) and len(per) == len(x) else [1] * len(x)
            for x, per in zip(ids, pers, strict=True)]
    texts = None
    if all(type(x) in (list, tuple) for x in ids):
        texts = table.texts(ids, pers)
    if texts is None:
        texts = [_node_months(x, per, month.__getitem__) for x, per in
                 zip(ids, pers, strict=True)]
    for data, text in zip(datas, texts, strict=True):
        data[MONTHS] = text


def _node_months(ids: Iterable[str], per: list[Any], of: Callable[[str], str]) -> str:
    """One node's ``months`` (see :func:`stamp`)."""
    counts: dict[str, list[int]] = {}
    for key, n in zip(map(of, ids), per, strict=True):
        row = counts.get(key)
        if row is None:
            counts[key] = [1, int(n)]
        else:
            row[0] += 1
            row[1] += int(n)
    return _dumps(counts)


class _MonthTable:
    """Every article's month as a number, to count the months of many lists of article
    ids at once with numpy (what :func:`stamp` spends its time on in a big graph)."""

    def __init__(self, month: Mapping[str, str]) -> None:
        self.names = sorted(set(month.values()) | {UNDATED})
        number = {name: i for i, name in enumerate(self.names)}
        self.number = {art: number[m] for art, m in month.items()}
        self.undated = number[UNDATED]
        # the ids' own objects by address: a graph's lists hold the very strings of its
        # index, found without reading them (a dict look-up reads each, scattered in a
        # big heap: most of the time); ids: the index's keys, held here (alive)
        self._ids = list(self.number)
        addresses = np.fromiter(map(id, self._ids), np.int64, len(self._ids))
        order = np.argsort(addresses)
        self._addresses = addresses[order]
        self._numbers = np.fromiter(self.number.values(), np.int64, len(self._ids))[order]

    def _months(self, ids: Iterable[Any], total: int) -> np.ndarray:
        """The month numbers of ``total`` ids: by address when an id is an index key's
        own object, else (an equal string, or an unknown id: undated) by look-up."""
        flat = list(ids)
        addresses = np.fromiter(map(id, flat), np.int64, total)
        if not len(self._addresses):
            return np.fromiter(map(self.number.get, flat, repeat(self.undated)), np.int64,
                               total)
        at = np.minimum(np.searchsorted(self._addresses, addresses), len(self._addresses) - 1)
        found = self._addresses[at] == addresses
        months = np.where(found, self._numbers[at], self.undated)
        missed = np.flatnonzero(~found)
        if len(missed):
            ids_missed = map(flat.__getitem__, missed.tolist())
            months[missed] = np.fromiter(map(self.number.get, ids_missed, repeat(self.undated)),
                                         np.int64, len(missed))
        return months

    def texts(self, lists: list[Any], weights: list[list[Any]] | None = None
              ) -> list[str] | None:
        """Per list of article ids, the JSON of its articles per month (with
        ``weights``, one per id: ``[articles, summed weights]`` per month); None when a
        weight is not a plain int."""
        lens = np.fromiter(map(len, lists), np.int64, len(lists))
        total = int(lens.sum())
        flat_weights = None
        if weights is not None:
            flat = list(chain.from_iterable(weights))
            if not set(map(type, flat)) <= {int} or (flat and max(map(abs, flat)) >= 2**31):
                return None
            flat_weights = np.array(flat, dtype=np.int64)
        months = self._months(chain.from_iterable(lists), total)
        width = len(self.names)
        key = np.repeat(np.arange(len(lists), dtype=np.int64), lens) * width + months
        order = np.argsort(key, kind="stable")
        key = key[order]
        starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]]) if total else \
            np.zeros(0, np.int64)
        counts = np.diff(np.r_[starts, total]).tolist()
        if flat_weights is not None:
            summed = np.add.reduceat(flat_weights[order], starts).tolist() if total else []
            values: list[Any] = [[c, w] for c, w in zip(counts, summed, strict=True)]
        else:
            values = counts
        out = ["{}"] * len(lists)  # (no article: no month)
        names, owner_of = self.names, (key[starts] // width).tolist()
        month_of = (key[starts] % width).tolist()
        at = 0
        while at < len(owner_of):  # each owner's months: a run
            owner, end = owner_of[at], at + 1
            while end < len(owner_of) and owner_of[end] == owner:
                end += 1
            out[owner] = _dumps({names[m]: v for m, v in
                                 zip(month_of[at:end], values[at:end], strict=True)})
            at = end
        return out


def _tone_months(data: Mapping[str, Any], ids: list[str],
                 index: Mapping[str, Mapping[str, Any]]) -> dict[str, list[int]] | None:
    """The interactions hook: cooperation and conflict per month, when the edge has them
    per article (``article_cooperation``, ``article_conflict``, aligned with its ids)."""
    coop, conf = data.get("article_cooperation"), data.get("article_conflict")
    if not (isinstance(coop, list) and isinstance(conf, list)
            and len(coop) == len(conf) == len(ids)):
        return None
    a, b = month_counts(ids, index, coop), month_counts(ids, index, conf)
    return {m: [a.get(m, 0), b.get(m, 0)] for m in a.keys() | b.keys()}


def _decode(value: Any) -> dict[str, Any] | None:
    if isinstance(value, dict):
        return value
    if isinstance(value, str) and value:
        try:
            out = json.loads(value)
        except json.JSONDecodeError:
            return None
        return out if isinstance(out, dict) else None
    return None


def node_month_counts(raw: Any, data: Callable[[], Mapping[str, Any]],
                      article_index: Callable[[], Mapping[str, Any]],
                      ) -> dict[str, tuple[int, int]]:
    """(articles, mentions) per month from a node's stored ``months`` value ``raw``, else
    recomputed from its article lists (``data()``) and the graph's ``article_index()``:
    both are asked for only then (on a loaded graph they may still be undecoded)."""
    months = _decode(raw)
    if months is None:
        node, index = data(), article_index()
        ids = list(node.get("article_ids") or ())
        arts = month_counts(ids, index)
        per = node.get("article_mentions")
        ments = month_counts(ids, index, per) if isinstance(per, list) and len(per) == len(
            ids) else arts
        return {m: (n, ments.get(m, 0)) for m, n in arts.items()}
    return {m: (int(v[0]), int(v[1])) if isinstance(v, list) else (int(v), int(v))
            for m, v in months.items()}


def edge_month_counts(raw: Any, data: Callable[[], Mapping[str, Any]],
                      article_index: Callable[[], Mapping[str, Any]]) -> dict[str, int]:
    """Articles per month from an edge's stored ``months`` value ``raw``, else recomputed
    from its ``article_ids`` (``data()``) and ``article_index()``, asked for only then."""
    months = _decode(raw)
    if months is None:
        return month_counts(data().get("article_ids") or (), article_index())
    return {m: int(n[0] if isinstance(n, list) else n) for m, n in months.items()}


def node_months(ag: ActorGraph, node: str) -> dict[str, tuple[int, int]]:
    """Node ``node``'s (articles, mentions) per month, from ``months`` or recomputed."""
    return node_month_counts(ag._lean.nodes[node].get(MONTHS), lambda: ag._graph.nodes[node],
                             lambda: ag._graph.graph.get("article_index") or {})


def edge_months(ag: ActorGraph, u: str, v: str) -> dict[str, int]:
    """Edge ``(u, v)``'s articles per month, from ``months`` or recomputed."""
    return edge_month_counts(ag._lean.adj[u][v].get(MONTHS), lambda: ag._graph.adj[u][v],
                             lambda: ag._graph.graph.get("article_index") or {})


def edge_tone(ag: ActorGraph, u: str, v: str) -> dict[str, tuple[int, int]] | None:
    """Edge ``(u, v)``'s (cooperation, conflict) per month, when interactions are known."""
    tone = _decode(ag._lean.adj[u][v].get(MONTHS_TONE))
    if tone is None:
        return None
    return {m: (int(x[0]), int(x[1])) for m, x in tone.items()}


# --------------------------------------------------------------------------- periods


def _bound(value: Any, what: str) -> str | None:
    if value is None or value == "":
        return None
    text = value.isoformat()[:10] if hasattr(value, "isoformat") else str(value).strip()
    if not _BOUND.match(text):
        raise ActorGraphError(f"Invalid {what} date {value!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
    return text


def date_filter(since: Any = None, until: Any = None) -> Callable[[str | None], bool] | None:
    """A test "is this ISO date within ``since``..``until``" (inclusive, each ``YYYY``,
    ``YYYY-MM`` or ``YYYY-MM-DD`` or ``None``), or ``None`` when both ends are open.
    Undated articles are outside any range.

    >>> keep = date_filter("2020", "2021-06")
    >>> keep("2020-01-01"), keep("2021-06-30"), keep("2021-07"), keep(None)
    (True, True, False, False)
    """
    lo, hi = _bound(since, "since"), _bound(until, "until")
    if lo is None and hi is None:
        return None
    if lo and hi and lo > hi and not hi.startswith(lo):
        raise ActorGraphError(f"The date range is empty: {lo} is after {hi}")

    return lambda date: within(date, lo, hi)


def within(date: str | None, lo: str | None, hi: str | None) -> bool:
    """Whether the ISO ``date`` lies in ``lo``..``hi`` (inclusive ISO prefixes, ``None`` for
    an open end); an undated article lies in no range."""
    if not date:
        return False
    if lo and date < lo:
        return False
    return not (hi and date[: len(hi)] > hi)


def period_bounds(period: str | tuple[Any, Any]) -> tuple[str | None, str | None]:
    """A period as ``(first month, last month)``: ``"2020"``, ``"2020-03"``, or a pair such
    as ``("2020-01", "2021-06")`` (``None`` for an open end).

    ``"2020-01..2021-06"`` is the pair written as one string (``"2020.."``: from 2020 on).

    >>> period_bounds("2020"), period_bounds(("2020-01", None)), period_bounds("..2019-06")
    (('2020-01', '2020-12'), ('2020-01', None), (None, '2019-06'))
    """
    if isinstance(period, str) and ".." in period:
        first, _, last = period.partition("..")
        period = (first.strip() or None, last.strip() or None)
    if isinstance(period, tuple | list):
        if len(period) != 2:
            raise ActorGraphError(f"A period is a year, a month or a pair, not {period!r}")
        lo, hi = (_bound(x, "period") for x in period)
        lo = (lo + "-01")[:7] if lo else None
        hi = (hi + "-12")[:7] if hi else None
    else:
        text = _bound(period, "period")
        if text is None:
            return None, None
        lo, hi = (text + "-01")[:7], (text + "-12")[:7]
    if lo and hi and lo > hi:
        raise ActorGraphError(f"The period is empty: {lo} is after {hi}")
    return lo, hi


def _in(month: str, lo: str | None, hi: str | None) -> bool:
    if month == UNDATED:
        return lo is None and hi is None
    return (lo is None or month >= lo) and (hi is None or month <= hi)


def _label(period: tuple[str | None, str | None]) -> str:
    lo, hi = period
    if lo and hi and lo[:4] == hi[:4] and lo.endswith("-01") and hi.endswith("-12"):
        return lo[:4]
    if lo == hi:
        return str(lo)
    return f"{lo or '…'}..{hi or '…'}"


def _bucket(month: str, freq: str) -> str:
    if month == UNDATED or freq == "M":
        return month
    if freq == "Q":
        return f"{month[:4]}-Q{(int(month[5:7]) - 1) // 3 + 1}"
    return month[:4]


def _freq(freq: str) -> str:
    key = str(freq).upper()
    if key not in _FREQS:
        raise ActorGraphError(f"Unknown frequency {freq!r}: use M (month), Q (quarter) or Y")
    return "Y" if key == "A" else key


def _all_buckets(first: str, last: str, freq: str) -> list[str]:
    """Every period from the one of month ``first`` to the one of month ``last``."""
    out: list[str] = []
    y, m = int(first[:4]), int(first[5:7])
    while f"{y:04d}-{m:02d}" <= last:
        b = _bucket(f"{y:04d}-{m:02d}", freq)
        if not out or out[-1] != b:
            out.append(b)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


# --------------------------------------------------------------------------- timeline


class TimelineRow(NamedTuple):
    """One period of a timeline. ``mentions`` is ``None`` for a link; ``cooperation`` and
    ``conflict`` are ``None`` until interactions are recorded on the link."""

    period: str
    articles: int
    mentions: int | None = None
    cooperation: int | None = None
    conflict: int | None = None


class Timeline(list[TimelineRow]):
    """The rows of :func:`timeline`, one per period (empty periods included, undated
    articles last), with a readable repr and :meth:`to_pandas`."""

    def __init__(self, rows: Iterable[TimelineRow], title: str, freq: str) -> None:
        super().__init__(rows)
        self.title = title
        self.freq = freq

    def __repr__(self) -> str:
        total = sum(r.articles for r in self)
        head = (f"<Timeline {self.title} by {_FREQS[self.freq]}: {len(self)} period"
                f"{'' if len(self) == 1 else 's'}, {total} article{'' if total == 1 else 's'}")
        lines = [head]
        for r in self[:24]:
            extra = "".join(f"  {k} {getattr(r, k)}" for k in
                            ("mentions", "cooperation", "conflict")
                            if getattr(r, k) is not None)
            lines.append(f"  {r.period}  articles {r.articles}{extra}")
        if len(self) > 24:
            lines.append(f"  … {len(self) - 24} more")
        return "\n".join(lines) + ">"

    def to_pandas(self) -> pd.DataFrame:
        """The rows as a DataFrame indexed by ``period`` (columns that are all empty,
        such as cooperation before interactions exist, are left out)."""
        import pandas as pd

        frame = pd.DataFrame([r._asdict() for r in self], columns=list(TimelineRow._fields))
        frame = frame.dropna(axis=1, how="all")
        return frame.set_index("period")


def timeline(ag: ActorGraph, actor: Any, other: Any = None, freq: str = "M") -> Timeline:
    """Articles (and mentions, or cooperation/conflict) per period of an actor, or of the
    link between ``actor`` and ``other``; see :meth:`graph.ActorGraph.timeline`."""
    freq = _freq(freq)
    u = ag.id_of(actor)
    label = repr(ag._lean.nodes[u].get("label") or u)
    tone: dict[str, tuple[int, int]] | None = None
    if other is None:
        counts = node_months(ag, u)
    else:
        v = ag.id_of(other)
        if not ag._lean.has_edge(u, v):
            from .model import RelationNotFound

            lv = ag._lean.nodes[v].get("label") or v
            raise RelationNotFound(f"{label} and {lv!r} never co-occur.")
        label = f"{label} — {ag._lean.nodes[v].get('label') or v!r}"
        counts = {m: (n, -1) for m, n in edge_months(ag, u, v).items()}
        tone = edge_tone(ag, u, v)
    return Timeline(_rows(counts, tone, freq), label, freq)


def _rows(counts: Mapping[str, tuple[int, int]], tone: Mapping[str, tuple[int, int]] | None,
          freq: str) -> list[TimelineRow]:
    sums: dict[str, list[int]] = {}
    for month, (n, ments) in counts.items():
        b = sums.setdefault(_bucket(month, freq), [0, 0, 0, 0])
        b[0] += n
        b[1] += ments
        if tone and month in tone:
            b[2] += tone[month][0]
            b[3] += tone[month][1]
    dated = sorted(m for m in counts if m != UNDATED)
    order = _all_buckets(dated[0], dated[-1], freq) if dated else []
    if UNDATED in sums:
        order.append(UNDATED)
    link = any(ments < 0 for _, ments in counts.values())
    rows = []
    for key in order:
        n, ments, coop, conf = sums.get(key, [0, 0, 0, 0])
        rows.append(TimelineRow(key, n, None if link else ments,
                                coop if tone is not None else None,
                                conf if tone is not None else None))
    return rows


# --------------------------------------------------------------------------- diff


@dataclass(frozen=True, slots=True)
class ActorChange:
    """An actor's articles in the two periods of a :class:`GraphDiff`."""

    actor: Actor
    before: int
    after: int

    def __repr__(self) -> str:
        return f"<ActorChange {self.actor.label!r}: {self.before} → {self.after} articles>"


@dataclass(frozen=True, slots=True)
class LinkChange:
    """A link's weight (articles naming both actors) in the two periods of a
    :class:`GraphDiff`; cooperation/conflict are (before, after) pairs when known."""

    a: Actor
    b: Actor
    before: int
    after: int
    cooperation: tuple[int, int] | None = None
    conflict: tuple[int, int] | None = None

    def __repr__(self) -> str:
        return (f"<LinkChange {self.a.label!r} — {self.b.label!r}: "
                f"{self.before} → {self.after}>")


@dataclass(slots=True)
class GraphDiff:
    """What changed between two periods of a graph (see :meth:`graph.ActorGraph.diff`).

    Each list is sorted by the size of the change, largest first.
    """

    before: str
    after: str
    actors_appeared: list[ActorChange] = field(default_factory=list)
    actors_disappeared: list[ActorChange] = field(default_factory=list)
    links_appeared: list[LinkChange] = field(default_factory=list)
    links_disappeared: list[LinkChange] = field(default_factory=list)
    links_strengthened: list[LinkChange] = field(default_factory=list)
    links_weakened: list[LinkChange] = field(default_factory=list)

    def __repr__(self) -> str:
        lines = [f"<GraphDiff {self.before} → {self.after}:"]
        for name in ("actors_appeared", "actors_disappeared", "links_appeared",
                     "links_disappeared", "links_strengthened", "links_weakened"):
            items = getattr(self, name)
            shown = ", ".join(_short(x) for x in items[:3])
            more = f", … {len(items) - 3} more" if len(items) > 3 else ""
            lines.append(f"  {name.replace('_', ' ')}: {len(items)}"
                         + (f" ({shown}{more})" if items else ""))
        return "\n".join(lines) + ">"

    def _repr_html_(self) -> str:
        """A compact card in a notebook (:func:`graph.notebook.diff_card`)."""
        from .notebook import diff_card

        return diff_card(self)


def _short(x: ActorChange | LinkChange) -> str:
    if isinstance(x, ActorChange):
        return f"{x.actor.label} {x.before}→{x.after}"
    return f"{x.a.label} — {x.b.label} {x.before}→{x.after}"


def _sum_in(months: Mapping[str, Any], lo: str | None, hi: str | None, i: int = 0) -> int:
    return sum(int(v[i] if isinstance(v, tuple | list) else v)
               for m, v in months.items() if _in(m, lo, hi))


def diff(ag: ActorGraph, before: Any, after: Any) -> GraphDiff:
    """Compare two periods of ``ag`` month by month; see :meth:`graph.ActorGraph.diff`."""
    from .model import Actor

    p1, p2 = period_bounds(before), period_bounds(after)
    out = GraphDiff(_label(p1), _label(p2))
    g = ag._lean
    actors: dict[str, Actor] = {}

    def actor(x: str) -> Actor:
        found = actors.get(x)
        if found is None:
            found = actors[x] = Actor.from_node(x, g.nodes[x])
        return found

    for x in g:
        months = node_months(ag, x)
        n1, n2 = _sum_in(months, *p1), _sum_in(months, *p2)
        if n1 == 0 and n2 > 0:
            out.actors_appeared.append(ActorChange(actor(x), n1, n2))
        elif n1 > 0 and n2 == 0:
            out.actors_disappeared.append(ActorChange(actor(x), n1, n2))
    for u, v in g.edges():
        months = edge_months(ag, u, v)
        n1, n2 = _sum_in(months, *p1), _sum_in(months, *p2)
        if n1 == n2:
            continue
        tone = edge_tone(ag, u, v)
        coop = conf = None
        if tone is not None:
            coop = (_sum_in(tone, *p1, 0), _sum_in(tone, *p2, 0))
            conf = (_sum_in(tone, *p1, 1), _sum_in(tone, *p2, 1))
        a, b = sorted((actor(u), actor(v)), key=lambda x: (-x.mentions, x.label))
        change = LinkChange(a, b, n1, n2, coop, conf)
        target = (out.links_appeared if n1 == 0 else out.links_disappeared if n2 == 0
                  else out.links_strengthened if n2 > n1 else out.links_weakened)
        target.append(change)
    for name in ("actors_appeared", "actors_disappeared"):
        getattr(out, name).sort(key=lambda c: (-abs(c.after - c.before), c.actor.label))
    for name in ("links_appeared", "links_disappeared", "links_strengthened",
                 "links_weakened"):
        getattr(out, name).sort(key=lambda c: (-abs(c.after - c.before), c.a.label,
                                               c.b.label))
    return out


# --------------------------------------------------------------------------- snapshots


def snapshots(ag: ActorGraph, freq: str = "Y") -> dict[str, ActorGraph]:
    """One sub-graph per period that has dated articles; see
    :meth:`graph.ActorGraph.snapshots`."""
    freq = _freq(freq)
    index = ag._graph.graph.get("article_index") or {}
    months = sorted({_month(v.get("date")) for v in index.values()} - {UNDATED})
    out: dict[str, ActorGraph] = {}
    if not months:
        return out
    for key in _all_buckets(months[0], months[-1], freq):
        lo, hi = _bucket_bounds(key)
        sub = ag.between(lo, hi)
        if len(sub):
            out[key] = sub
    return out


def _bucket_bounds(key: str) -> tuple[str, str]:
    if "-Q" in key:
        y, q = key.split("-Q")
        return f"{y}-{3 * int(q) - 2:02d}", f"{y}-{3 * int(q):02d}"
    return key, key
