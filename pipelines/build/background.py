"""Work done in another process, so that both cores write files at the end of a build
(see :func:`in_new_process`).

The other process is a new interpreter, not a fork: a fork would share the build's
whole heap copy-on-write, and since CPython writes to every object it reads (reference
counts), each page either process touches while both live is copied — at the end of a
big build, most of the graph. A new process holds only what it is sent. It is started
as ``python -c`` (not through :mod:`multiprocessing`'s ``spawn``, which would import the
caller's main script again in the new process: a script that calls the build without an
``if __name__ == "__main__"`` guard would build twice).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any, BinaryIO, TypeVar

T = TypeVar("T")

__all__ = ["in_new_process"]

_SERVE = ("import sys; sys.path[:] = sys.argv[1:]; "
          "from pipelines.build.background import _serve; _serve()")


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


def in_new_process(work: Callable[..., T], *args: Any, stream: Iterable[Any] | None = None
                   ) -> Callable[[], T]:
    """Start ``work(*args)`` in a new Python process; return a function that waits for it
    and returns its result or raises its exception (called again, it repeats that
    outcome; ``work`` never runs twice).

    ``work`` must be importable by name (a module-level function, or a
    :func:`functools.partial` of one); it, ``args``, the result and the exception are
    pickled. A thread of this process sends them while this one goes on. With
    ``stream``, ``work`` gets one more argument: an iterator over the items of
    ``stream``, each sent (and dropped here) as the other process reads them, so that
    neither holds them all. Where no process can be started, ``work`` runs here when
    the returned function is first called.
    """
    try:
        process = subprocess.Popen([sys.executable, "-c", _SERVE, *sys.path],
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    except (OSError, ValueError):  # no executable to start (an embedded interpreter)
        return _once(lambda: work(*args) if stream is None else work(*args, iter(stream)))
    # let go once sent: this process may not need them any more
    payload = [(work, args, stream is not None), iter(stream or ())]
    failed: list[BaseException] = []

    def send() -> None:  # pickled straight into the pipe: no copy of it held here
        try:
            items = payload.pop()

            def dump(value: object) -> None:  # one pickle each: no memo kept between them
                pickle.dump(value, process.stdin, protocol=pickle.HIGHEST_PROTOCOL)

            dump(payload.pop())
            for item in items:
                dump(True)
                dump(item)
                del item
            dump(False)
            process.stdin.close()  # type: ignore[union-attr]
        except BrokenPipeError:  # it died: reported by collect()
            pass
        except BaseException as exc:  # noqa: BLE001 - it does not pickle: raised by collect()
            failed.append(exc)
            with contextlib.suppress(OSError):
                process.stdin.close()  # type: ignore[union-attr]

    sender = threading.Thread(target=send, name="actorgraph-send", daemon=True)
    sender.start()

    def collect() -> T:
        try:
            answer = process.stdout.read()  # type: ignore[union-attr]
        finally:
            process.stdout.close()  # type: ignore[union-attr]
            sender.join()
            status = process.wait()
        if failed:
            raise failed[0]
        if status != 0 or not answer:
            raise RuntimeError(f"background work died (exit code {status})")
        ok, value = pickle.loads(answer)
        if not ok:
            raise value
        return value

    return _once(collect)


def _items(stdin: BinaryIO) -> Iterator[Any]:
    """The items the parent streams after the work (see :func:`in_new_process`)."""
    while pickle.load(stdin):
        yield pickle.load(stdin)


def _serve() -> None:
    """The new process: read the work from stdin, do it, write its outcome to stdout
    (what the work itself prints goes to stderr)."""
    stdin: BinaryIO = sys.stdin.buffer
    answer = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # print() in the work must not mix with the answer
    sys.stdout = sys.stderr
    try:
        work, args, streamed = pickle.load(stdin)  # read as it comes: no copy held
    except Exception:  # noqa: BLE001 - cut short: the parent says why
        sys.exit(3)
    if streamed:
        args = (*args, _items(stdin))
    try:
        outcome: tuple[bool, Any] = (True, work(*args))
    except BaseException as exc:  # noqa: BLE001 - handed to the parent
        outcome = (False, exc)
    try:
        data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - an outcome that does not pickle
        what = outcome[1]
        data = pickle.dumps((False, RuntimeError(f"{type(what).__name__}: {what}")))
    with answer:
        answer.write(data)
