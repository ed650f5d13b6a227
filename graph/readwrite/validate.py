"""Check a graph read from a file against the data contract (:mod:`graph.schema`).

A graph file may come from anyone. A node-link JSON or GEXF file whose ``evidence`` is a
number, whose ``article_ids`` is a dict or whose ``article_index`` is a list would load and
then fail much later, with a raw ``TypeError`` from :meth:`graph.ActorGraph.relation` or
:meth:`~graph.ActorGraph.between`. :func:`check` refuses it at once with a
:class:`~graph.errors.GraphFormatError` naming the node, edge or attribute at fault.
Attributes the contract does not know are left alone.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from ..errors import GraphFormatError
from ..schema import EDGE_INT_ATTRS, NODE_INT_ATTRS

__all__ = ["check"]

_NODE_STR = ("label", "type", "first_seen", "last_seen", "role", "affiliation", "months")
_EDGE_STR = ("first_seen", "last_seen", "months")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(x, str) for x in value)


def _int_list(value: Any) -> bool:
    return isinstance(value, list) and all(map(_is_int, value))


def _dict_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(x, dict) for x in value)


def _problem(data: dict[str, Any], strings: tuple[str, ...], ints: frozenset[str],
             lists: dict[str, Any]) -> str | None:
    """The first attribute of ``data`` of the wrong kind, described; None when all fit."""
    for key in strings:
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            return f"{key!r} should be text, not {type(value).__name__}"
    for key in ints & data.keys():
        value = data[key]
        if value is not None and not _is_int(value):
            return f"{key!r} should be an integer, not {type(value).__name__}"
    for key, test in lists.items():
        value = data.get(key)
        if value is not None and not test(value):
            return f"{key!r} is not a list of the expected items"
    return None


_NODE_LISTS = {"aliases": _str_list, "article_ids": _str_list, "article_mentions": _int_list}
_EDGE_LISTS = {"article_ids": _str_list, "evidence": _dict_list, "interactions": _dict_list}


def check(graph: nx.Graph) -> nx.Graph:
    """``graph`` itself when its known attributes have the contract's types; otherwise
    :class:`GraphFormatError`."""
    index = graph.graph.get("article_index")
    if index is not None and not (isinstance(index, dict)
                                  and all(isinstance(v, dict | None) for v in index.values())):
        raise GraphFormatError("graph attribute 'article_index' is not an object of "
                               "articles")
    for node, data in graph.nodes(data=True):
        problem = _problem(data, _NODE_STR, NODE_INT_ATTRS, _NODE_LISTS)
        if problem:
            raise GraphFormatError(f"node {str(node)[:80]!r}: {problem}")
    for u, v, data in graph.edges(data=True):
        problem = _problem(data, _EDGE_STR, EDGE_INT_ATTRS, _EDGE_LISTS)
        if problem is None and data.get("tone") is not None and not isinstance(
                data["tone"], int | float):
            problem = "'tone' should be a number"
        if problem:
            raise GraphFormatError(f"edge {str(u)[:40]!r}–{str(v)[:40]!r}: {problem}")
    return graph
