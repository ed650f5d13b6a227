"""The outputs of a build are one generation: all the previous files or all the new ones.

A build writes its files (``graph.graphml`` and its sidecar, ``graph.html``,
``mentions.csv``, ``relations.csv``, ``report.json``) into a staging folder inside the
output folder, ``.next/``. Only when every file is complete (and flushed to disk) does it
write the marker ``.next/COMPLETE``, then move each file into the output folder and remove
``.next/``. So, whatever stops a build (an error, a full disk, ``kill -9``, a power cut):

* before the marker: the previous outputs are untouched; the next build deletes the
  half-written ``.next/``;
* after the marker: the new generation is complete in ``.next/``; if the moves were cut
  short, :func:`recover` (run by the next build, under its lock) finishes them, and
  :func:`graph.readwrite.resolve` reads an output folder's graph from ``.next/`` meanwhile,
  so ``load()`` never mixes two generations.

The cache (``cache.sqlite``) is not part of a generation: it is the build's memory.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from graph.readwrite import STAGE, STAGE_COMPLETE

__all__ = ["STAGE", "COMPLETE", "begin", "commit", "abort", "recover"]

#: The completion marker inside the staging folder (:data:`STAGE`, ``.next``).
COMPLETE = STAGE_COMPLETE


def _fsync(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def begin(out: Path) -> Path:
    """A fresh, empty staging folder in ``out`` (a complete one left by a killed build
    is moved into place first; an incomplete one is deleted)."""
    recover(out)
    stage = out / STAGE
    stage.mkdir()
    return stage


def commit(stage: Path) -> list[Path]:
    """Make the staged files the outputs: flush them, mark the generation complete, move
    them into place; return their final paths."""
    names = sorted(p.name for p in stage.iterdir() if p.is_file() and p.name != COMPLETE)
    for name in names:
        _fsync(stage / name)
    marker = stage / COMPLETE
    tmp = stage / f".{COMPLETE}.tmp"
    try:
        tmp.write_text("\n".join(names) + "\n", encoding="utf-8")
        _fsync(tmp)
        os.replace(tmp, marker)
    except BaseException:  # not committed: the previous outputs stay
        abort(stage)
        raise
    _fsync(stage)
    return _move_in(stage)


def _move_in(stage: Path) -> list[Path]:
    """Move every file named by the marker from ``stage`` into its parent (those already
    moved are skipped), then remove ``stage``."""
    out = stage.parent
    names = (stage / COMPLETE).read_text(encoding="utf-8").split()
    moved = []
    for name in names:
        src = stage / name
        if src.exists():
            os.replace(src, out / name)
        moved.append(out / name)
    _fsync(out)
    shutil.rmtree(stage, ignore_errors=True)
    return moved


def abort(stage: Path) -> None:
    """Delete a staging folder that will not be committed (best effort)."""
    shutil.rmtree(stage, ignore_errors=True)


def recover(out: Path) -> str:
    """Finish or undo what a killed build left in ``out``: ``"completed"`` (a complete
    generation moved into place), ``"discarded"`` (an incomplete one deleted) or ``""``.
    Call under the build lock."""
    stage = out / STAGE
    if not stage.is_dir():
        return ""
    if (stage / COMPLETE).is_file():
        _move_in(stage)
        return "completed"
    abort(stage)
    return "discarded"


