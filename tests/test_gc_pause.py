"""gc_paused: the one place the cyclic garbage collector is switched off."""

from __future__ import annotations

import gc
import re
from pathlib import Path

import pytest

from graph.gc_pause import gc_paused

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def gc_on():
    was = gc.isenabled()
    gc.enable()
    yield
    (gc.enable if was else gc.disable)()


def test_off_inside_restored_after(gc_on):
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():  # nested: still off, and the outer one still restores
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_restored_after_an_exception(gc_on):
    with pytest.raises(KeyError), gc_paused():
        raise KeyError("x")
    assert gc.isenabled()


def test_an_already_disabled_collector_stays_disabled(gc_on):
    gc.disable()
    with gc_paused():
        pass
    assert not gc.isenabled()


def test_as_a_decorator(gc_on):
    @gc_paused()
    def inside() -> bool:
        return gc.isenabled()

    assert inside() is False and inside() is False  # reusable
    assert gc.isenabled()


def test_no_other_module_switches_the_collector():
    """Every pause goes through gc_paused (gc.freeze before a fork is another matter)."""
    hand = re.compile(r"\bgc\.(disable|enable)\(")
    offenders = [str(p.relative_to(ROOT)) for pkg in ("graph", "pipelines")
                 for p in (ROOT / pkg).rglob("*.py")
                 if p.name != "gc_pause.py" and hand.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
