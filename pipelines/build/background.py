"""Work done in a forked copy of the process: both cores write files at the end of a
build (see :func:`in_background`)."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def _once(work: Callable[[], T]) -> Callable[[], T]:
    """``work``, run on the first call; later calls repeat its result or exception."""
    outcome: list[tuple[bool, Any]] = []

    def call() -> T:
        if not outcome:
            try:
                outcome.append((True, work()))
            except BaseException as exc:
                outcome.append((False, exc))
        ok, value = outcome[0]
        if not ok:
            raise value
        return value

    return call


def in_background(work: Callable[[], T]) -> Callable[[], T]:
    """Start ``work`` in a forked copy of this process; return a function that waits for
    it and returns its result or raises its exception.

    Both cores write files at once at the end of a build. Where ``fork`` is missing (or
    fails), ``work`` simply runs when the returned function is first called. Calling the
    returned function again repeats the first outcome (it never runs ``work`` twice).
    """
    if not hasattr(os, "fork"):
        return _once(work)
    import gc
    import pickle

    read_fd, write_fd = os.pipe()
    gc.freeze()  # the child does not copy pages just to collect garbage
    try:
        pid = os.fork()
    except OSError:
        os.close(read_fd)
        os.close(write_fd)
        gc.unfreeze()
        return _once(work)
    if pid == 0:  # the child: do the work, send back its outcome, leave without cleanup
        os.close(read_fd)
        code = 0
        try:
            try:
                payload = pickle.dumps((True, work()))
            except BaseException as exc:  # noqa: BLE001 - handed to the parent
                try:
                    payload = pickle.dumps((False, exc))
                except Exception:  # noqa: BLE001 - an exception that does not pickle
                    payload = pickle.dumps((False, RuntimeError(f"{type(exc).__name__}: "
                                                                f"{exc}")))
            with os.fdopen(write_fd, "wb") as fh:
                fh.write(payload)
        except BaseException:  # noqa: BLE001
            code = 1
        finally:
            os._exit(code)
    os.close(write_fd)
    gc.unfreeze()

    def collect() -> T:
        try:
            with os.fdopen(read_fd, "rb") as fh:
                payload = fh.read()
        finally:
            _, status = os.waitpid(pid, 0)
        if not payload:
            raise RuntimeError(f"background work died (status {status})")
        ok, value = pickle.loads(payload)
        if not ok:
            raise value
        return value

    return _once(collect)  # the first call collects the child; later ones repeat it
