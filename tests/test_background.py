"""The end of a build writes some files in a forked process."""

from __future__ import annotations

import errno
import os

import pytest

from pipelines.build.background import in_background


def test_result_comes_back():
    wait = in_background(lambda: (os.getpid(), [1, "é"]))
    pid, value = wait()
    assert value == [1, "é"]
    if hasattr(os, "fork"):
        assert pid != os.getpid()


def test_exception_comes_back():
    def fail():
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OSError) as info:
        in_background(fail)()
    assert info.value.errno == errno.ENOSPC


def test_unpicklable_exception_becomes_a_message():
    class Odd(Exception):
        def __reduce__(self):
            raise TypeError("no")

    def fail():
        raise Odd("strange")

    with pytest.raises(Exception, match="strange"):
        in_background(fail)()


def test_child_that_dies_is_reported():
    with pytest.raises(RuntimeError, match="died"):
        in_background(lambda: os._exit(3))()


def test_waiting_again_repeats_the_outcome():
    wait = in_background(lambda: os.getpid())
    first = wait()
    assert wait() == first

    def fail():
        raise ValueError("une fois")

    failing = in_background(fail)
    for _ in range(2):
        with pytest.raises(ValueError, match="une fois"):
            failing()


def test_without_fork_the_work_runs_once_when_asked(monkeypatch):
    calls = []

    def work():
        calls.append(1)
        return len(calls)

    monkeypatch.delattr(os, "fork")
    wait = in_background(work)
    assert calls == []
    assert wait() == 1 and wait() == 1
    assert calls == [1]


def test_a_failing_fork_runs_the_work_here(monkeypatch):
    def no_fork():
        raise OSError(errno.EAGAIN, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    wait = in_background(os.getpid)
    assert wait() == os.getpid() == wait()
