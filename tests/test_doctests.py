"""Run the examples in the ``graph`` package's docstrings, so the docs stay true."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["graph.model", "graph.names", "graph.export", "graph.readwrite.csv", "graph.timeline",
           "graph.notebook", "graph.readwrite.parquet", "pipelines.progress",
           "pipelines.readers.dates", "graph.interactions"]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0, f"{name} has no examples"
    assert result.failed == 0, f"{result.failed} doctest(s) failed in {name}"
