"""The actor graph: built from mentions, queried from a Python shell, exported, rendered.

>>> from graph import load                      # doctest: +SKIP
>>> g = load("output/graph.graphml")            # doctest: +SKIP

This package never imports spaCy; ``load`` only needs networkx.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .model import Actor, ActorGraph, Neighbor, Relation, load

__all__ = ["Actor", "ActorGraph", "Neighbor", "Relation", "load"]


def __getattr__(name: str) -> Any:
    """Import the query API lazily, so ``import graph.schema`` stays light."""
    if name in __all__:
        from . import model

        return getattr(model, name)
    raise AttributeError(f"module 'graph' has no attribute {name!r}")
