"""export and render into a folder that cannot be written give one line, ``Error: …``,
like build (issue 15, item 11). Tests run as root, who writes into read-only folders, so
the targets are paths no one can write: under a regular file, and in /proc."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph.model import example
from pipelines.cli import app


@pytest.fixture()
def saved(tmp_path: Path) -> Path:
    return example().write(tmp_path / "g.graphml")


def _targets(tmp_path: Path, name: str) -> list[Path]:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    targets = [blocker / name]
    if Path("/proc/self").is_dir():
        targets.append(Path("/proc") / name)
    return targets


@pytest.mark.parametrize("ext", ["graphml", "gexf", "json", "csv"])
def test_export_into_an_unwritable_folder_is_one_line(saved: Path, tmp_path: Path,
                                                      ext: str) -> None:
    for target in _targets(tmp_path, f"out.{ext}"):
        result = CliRunner().invoke(app, ["export", str(saved), "--to", str(target)])
        assert result.exit_code == 1, result.output
        assert result.output.startswith("Error: cannot write "), result.output
        assert result.output.count("\n") == 1
        assert not isinstance(result.exception, OSError)


def test_render_into_an_unwritable_folder_is_one_line(saved: Path, tmp_path: Path) -> None:
    for target in _targets(tmp_path, "page.html"):
        result = CliRunner().invoke(app, ["render", str(saved), "--out", str(target)])
        assert result.exit_code == 1, result.output
        assert result.output.startswith("Error: cannot write "), result.output
        assert result.output.count("\n") == 1
