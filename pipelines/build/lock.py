"""One build at a time per output folder: an exclusive lock on ``.actorgraph.lock``.

The lock is an ``flock`` on a small file that records the holder's PID. The kernel
releases it when the holder exits, however it exits (``kill -9`` included), so a lock
left by a dead build never blocks the next one. Where ``flock`` is unavailable, the PID
in the file decides: a lock whose PID is not running is taken over.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path
from types import TracebackType

from pipelines.errors import OutputError

try:  # POSIX
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

#: The lock file's name inside the output folder.
LOCK_NAME = ".actorgraph.lock"


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class BuildLock:
    """An exclusive, non-blocking lock on an output folder (a context manager).

    Raises :class:`~pipelines.errors.OutputError` ("another build is writing to …") when
    another live process holds it.
    """

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)
        self.path = self.folder / LOCK_NAME
        self._fd: int | None = None

    def _holder(self) -> str:
        try:
            return self.path.read_text(encoding="utf-8").strip()
        except OSError:
            return ""

    def _busy(self, holder: str) -> OutputError:
        who = f" (process {holder.split()[0]})" if holder else ""
        return OutputError(f"another build is writing to {self.folder}{who}; wait for it to "
                           f"finish, or choose another --out folder")

    def acquire(self) -> BuildLock:
        """Take the lock or raise :class:`OutputError`."""
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise OutputError(f"cannot create the lock file {self.path}: "
                              f"{exc.strerror or exc}") from exc
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)
                raise self._busy(self._holder()) from None
        else:  # pragma: no cover - no flock: trust the PID in the file
            holder = self._holder()
            try:
                pid = int(holder.split()[0]) if holder else 0
            except ValueError:
                pid = 0
            if pid and pid != os.getpid() and _pid_alive(pid):
                os.close(fd)
                raise self._busy(holder)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()} {socket.gethostname()}\n".encode())
        self._fd = fd
        return self

    def release(self) -> None:
        """Release the lock (the file stays; it is empty of meaning without the lock)."""
        if self._fd is None:
            return
        try:
            os.ftruncate(self._fd, 0)
        except OSError:
            pass
        if fcntl is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
        os.close(self._fd)
        self._fd = None

    def __enter__(self) -> BuildLock:
        return self.acquire()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()
