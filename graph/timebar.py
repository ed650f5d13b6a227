"""The time bar of the HTML view: the per-month data the page needs.

:func:`add_time` adds to the page data (see :func:`graph.html.page_data`):

* ``meta.months``: every month from the first to the last dated article (``YYYY-MM``);
* ``meta.month_articles``: the graph's articles per month (the histogram), aligned;
* ``meta.undated``: how many articles have no date;
* per node ``tm``: a flat list ``[month index, articles, mentions, …]`` and per edge
  ``tm``: ``[month index, articles, …]`` (index ``-1``: undated articles).

The page script (``templates/timebar.js``) filters the network to a range of months with
these, recomputing each link's weight for the range.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import networkx as nx

from .timeline import MONTHS, UNDATED, _all_buckets, edge_month_counts, node_month_counts

__all__ = ["add_time"]


def add_time(data: dict[str, Any], sub: nx.Graph, order: Sequence[Any],
             edge_list: Sequence[tuple[Any, Any, Mapping[str, Any]]],
             article_index: Mapping[str, Any]) -> None:
    """Add the time bar's data to the page ``data`` (in place): see the module docstring.
    ``order`` and ``edge_list`` are the page's nodes and edges, in the page's order."""
    per_month: dict[str, int] = {}
    undated = 0
    for meta in article_index.values():
        date = str((meta or {}).get("date") or "") if isinstance(meta, Mapping) else ""
        if len(date) >= 7:
            per_month[date[:7]] = per_month.get(date[:7], 0) + 1
        else:
            undated += 1
    dated = sorted(per_month)
    months = _all_buckets(dated[0], dated[-1], "M") if dated else []
    position = {m: i for i, m in enumerate(months)}
    position[UNDATED] = -1
    data["meta"].update({
        "months": months,
        "month_articles": [per_month.get(m, 0) for m in months],
        "undated": undated,
    })
    for entry, node in zip(data["nodes"], order, strict=True):
        flat: list[int] = []
        for month, (arts, ments) in sorted(node_month_counts(
                sub.nodes[node].get(MONTHS), lambda n=node: sub.nodes[n], lambda: article_index)
                                           .items()):
            if month in position:
                flat += [position[month], int(arts), int(ments)]
        entry["tm"] = flat
    for entry, (_, _, edge) in zip(data["edges"], edge_list, strict=True):
        flat = []
        for month, arts in sorted(edge_month_counts(edge.get(MONTHS), lambda e=edge: e,
                                                      lambda: article_index).items()):
            if month in position:
                flat += [position[month], int(arts)]
        entry["tm"] = flat
