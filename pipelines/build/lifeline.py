"""Child processes die with the build.

A build's worker pool is forked from a fork server that holds the spaCy model (about 1 GB
with its workers). Nothing in :mod:`multiprocessing` ends them when the build itself is
killed (``kill -9``, the OOM killer): the workers wait on their task queue, whose write end
they hold themselves, and the fork server on a pipe its other children keep open. So each
of them watches its parent: :func:`watch_parent` starts a daemon thread that polls
``os.getppid()`` and leaves at once (``os._exit``) when the parent is gone. The fork server
watches the build (it imports this module first: see :func:`mark_build`), and each worker
the fork server (:func:`watch_parent` in the pool's initializer); so after ``kill -9`` of
the build everything is gone within about a second.
"""

from __future__ import annotations

import os
import threading
import time

__all__ = ["ENV", "INTERVAL", "mark_build", "watch_parent"]

#: The build's process id, for the fork server it starts.
ENV = "ACTORGRAPH_BUILD_PID"
#: Seconds between two looks at the parent.
INTERVAL = 0.25


def mark_build() -> None:
    """Call in the build process before its fork server starts: the server will watch
    this process."""
    os.environ[ENV] = str(os.getpid())


def watch_parent(interval: float = INTERVAL) -> threading.Thread | None:
    """Leave this process as soon as its current parent is gone (a daemon thread polls
    the parent process id). None when the parent is already init (nothing to watch)."""
    parent = os.getppid()
    if parent <= 1:
        return None

    def watch() -> None:
        while True:
            time.sleep(interval)
            if os.getppid() != parent:  # re-parented: the parent died
                os._exit(1)

    thread = threading.Thread(target=watch, name="actorgraph-lifeline", daemon=True)
    thread.start()
    return thread


# Imported first by the fork server (its preload list): watch the build that started it.
if os.environ.get(ENV) == str(os.getppid()):
    watch_parent()
