"""One switch for the cyclic garbage collector: :func:`gc_paused`.

The big steps of a build and of loading a graph make millions of containers (mentions,
tuples, dicts, lists) and no reference cycles among them: the collector would only
rescan them, again and again as they pile up (seconds on a large corpus). Each such
step's entry point runs under :func:`gc_paused` instead of switching the collector by
hand; memory is still freed as usual by reference counting.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["gc_paused"]


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """The cyclic garbage collector off inside, restored as it was after (also on an
    exception). Nests; usable as a decorator (``@gc_paused()``).

    >>> import gc
    >>> with gc_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
