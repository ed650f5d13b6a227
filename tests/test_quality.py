"""Extraction quality on articles written for the test suite (not the sample corpus).

``tests/data/eval/articles`` are short French news articles written for this project about
other people and groups than the sample; ``gold.json`` lists their actors in the format of
``../shared/eval/score.py``. Guards against tuning to the sample.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipelines.cli import app

EVAL = Path(__file__).parent / "data" / "eval"


@pytest.fixture(scope="module")
def eval_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("eval_out")
    result = CliRunner().invoke(app, ["build", str(EVAL / "articles"), "--out", str(out),
                                      "--no-progress"])
    assert result.exit_code == 0, result.output
    return out


def test_scores_on_unseen_articles(eval_build, shared_dir):
    proc = subprocess.run(
        [sys.executable, str(shared_dir / "eval" / "score.py"), str(EVAL / "gold.json"),
         str(eval_build / "mentions.csv"), "--json"],
        capture_output=True, text=True, check=True,
    )
    res = json.loads(proc.stdout)
    assert res["f1"] >= 0.95, res["articles"]
    assert res["typed_f1"] >= 0.92, res["articles"]
    assert not res["corpus_splits"]


def test_roles_and_affiliations(eval_build):
    from graph import load

    g = load(eval_build / "graph.graphml")
    pm = g.actor("Allamaye Halina")
    assert pm.type == "official"
    assert "Premier ministre" in pm.role and pm.affiliation == "Tchad"
    assert g.actor("Sadio Camara").affiliation == "Mali"
    assert g.actor("Lassina Ouédraogo").type == "person"
