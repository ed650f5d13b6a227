"""Work done in another process, so that both cores write files at the end of a build
(see :func:`in_new_process`).

The other process is a new interpreter (``spawn``), not a fork: a fork would share the
build's whole heap copy-on-write, and since CPython writes to every object it reads
(reference counts), each page either process touches while both live is copied — at
the end of a big build, most of the graph. A new process holds only what it is sent.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, TypeVar

T = TypeVar("T")

__all__ = ["in_new_process"]


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


def in_new_process(work: Callable[..., T], *args: Any) -> Callable[[], T]:
    """Start ``work(*args)`` in a new Python process; return a function that waits for it
    and returns its result or raises its exception (called again, it repeats that
    outcome; ``work`` never runs twice).

    ``work`` must be a module-level function; it, ``args``, the result and the exception
    are pickled. The arguments are sent by a thread of this process, which meanwhile goes
    on. Where no process can be started, ``work`` runs here when the returned function
    is first called.
    """
    context = multiprocessing.get_context("spawn")
    try:
        from_child, to_parent = context.Pipe(duplex=False)
        from_parent, to_child = context.Pipe(duplex=False)
        process = context.Process(target=_serve, args=(from_parent, to_parent), daemon=True,
                                  name="actorgraph-writer")
        process.start()
    except OSError:
        return _once(lambda: work(*args))
    to_parent.close()
    from_parent.close()
    sent: list[BaseException] = []
    payload = [(work, args)]  # let go once sent: this process may not need it any more

    def send() -> None:
        try:
            to_child.send(payload.pop())
        except BaseException as exc:  # noqa: BLE001 - reported by collect()
            sent.append(exc)
        finally:
            to_child.close()

    sender = threading.Thread(target=send, name="actorgraph-send", daemon=True)
    sender.start()

    def collect() -> T:
        try:
            try:
                ok, value = from_child.recv()
            except EOFError:
                sender.join()
                process.join()
                if sent and process.exitcode == 0:  # the work could not be sent (pickle)
                    raise sent[0] from None
                raise RuntimeError(f"background work died (exit code {process.exitcode})"
                                   ) from None
        finally:
            from_child.close()
            sender.join()
            process.join()
        if not ok:
            raise value
        return value

    return _once(collect)


def _serve(from_parent: Connection, to_parent: Connection) -> None:
    """The new process: receive the work, do it, send back its outcome."""
    try:
        work, args = from_parent.recv()
    except EOFError:  # the parent could not send it
        return
    from_parent.close()
    try:
        outcome: tuple[bool, Any] = (True, work(*args))
    except BaseException as exc:  # noqa: BLE001 - handed to the parent
        outcome = (False, exc)
    try:
        to_parent.send(outcome)
    except Exception:  # noqa: BLE001 - an outcome that does not pickle
        what = outcome[1]
        to_parent.send((False, RuntimeError(f"{type(what).__name__}: {what}")))
