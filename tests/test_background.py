"""The end of a build writes some files in a forked process."""

from __future__ import annotations

import errno
import os

import pytest

from pipelines.build import in_background


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
