"""The pipeline's record types live in ``graph.records``, below every stage."""

from __future__ import annotations

import subprocess
import sys

import graph.build
import graph.records


def test_build_re_exports_the_same_record_types() -> None:
    for name in ("ArticleMentions", "ArticleMeta", "EntityInfo", "Mention"):
        assert getattr(graph.build, name) is getattr(graph.records, name)


def test_records_import_nothing_heavy() -> None:
    code = ("import sys, graph.records; "
            "print(sorted(m for m in ('spacy', 'networkx', 'pipelines') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"
