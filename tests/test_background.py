"""The end of a build writes some files in another (new) process."""

from __future__ import annotations

import errno
import os
import subprocess

import pytest

from pipelines.build import background
from pipelines.build.background import in_new_process


def _pid_and(value: object) -> tuple[int, object]:
    return os.getpid(), value


def _fail_no_space() -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


class Odd(Exception):
    def __reduce__(self):
        raise TypeError("no")


def _fail_oddly() -> None:
    raise Odd("strange")


def _fail_once() -> None:
    raise ValueError("une fois")


def _die() -> None:
    os._exit(3)


def test_result_comes_back():
    wait = in_new_process(_pid_and, [1, "é"])
    pid, value = wait()
    assert value == [1, "é"]
    assert pid != os.getpid()


def test_exception_comes_back():
    with pytest.raises(OSError) as info:
        in_new_process(_fail_no_space)()
    assert info.value.errno == errno.ENOSPC


def test_unpicklable_exception_becomes_a_message():
    with pytest.raises(Exception, match="strange"):
        in_new_process(_fail_oddly)()


def test_child_that_dies_is_reported():
    with pytest.raises(RuntimeError, match="died"):
        in_new_process(_die)()


def test_work_that_does_not_pickle_is_reported():
    with pytest.raises(Exception, match="pickle|local object"):
        in_new_process(lambda: 1)()


def _print_and_return() -> str:
    print("du texte sur la sortie")
    return "fini"


def test_what_the_work_prints_does_not_spoil_the_answer(capfd):
    assert in_new_process(_print_and_return)() == "fini"
    assert "du texte" in capfd.readouterr().err


def test_waiting_again_repeats_the_outcome():
    wait = in_new_process(os.getpid)
    first = wait()
    assert wait() == first != os.getpid()
    failing = in_new_process(_fail_once)
    for _ in range(2):
        with pytest.raises(ValueError, match="une fois"):
            failing()


CALLS: list[int] = []


def _count_call() -> int:
    CALLS.append(1)
    return len(CALLS)


def test_without_a_process_the_work_runs_once_when_asked(monkeypatch):
    CALLS.clear()

    def no_process(*args, **kwargs):
        raise OSError(errno.EAGAIN, "Resource temporarily unavailable")

    monkeypatch.setattr(subprocess, "Popen", no_process)
    wait = background.in_new_process(_count_call)
    assert CALLS == []
    assert wait() == 1 and wait() == 1
    assert CALLS == [1]


def _total(start: int, items) -> tuple[int, int]:
    seen = 0
    total = start
    for item in items:
        seen += 1
        total += sum(item)
    return seen, total


def test_streamed_items_come_one_after_the_other():
    parts = ([i] * 1000 for i in range(50))
    assert in_new_process(_total, 7, stream=parts)() == (50, 7 + 1000 * sum(range(50)))
    assert in_new_process(_total, 0, stream=[])() == (0, 0)


def test_work_that_stops_reading_the_stream_still_answers():
    parts = (bytes(1 << 20) for _ in range(64))  # more than a pipe holds
    with pytest.raises(ValueError, match="une fois"):
        in_new_process(_fail_once_with, stream=parts)()


def _fail_once_with(items) -> None:
    next(iter(items))
    raise ValueError("une fois")
