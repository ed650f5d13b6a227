"""Shared fixtures: the spaCy model and one build of the bundled sample, per session."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def nlp():
    """The trimmed French pipeline, loaded once."""
    from pipelines.nlp.model import load_model

    return load_model()


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory):
    """The bundled sample corpus built once through the CLI: (output folder, CLI result)."""
    from typer.testing import CliRunner

    from pipelines.cli import app

    out = tmp_path_factory.mktemp("sample_out")
    result = CliRunner().invoke(app, ["build", "--out", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    return out, result


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED
