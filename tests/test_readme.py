"""The README's Python-shell session is real: run it as a doctest on the sample build."""

from __future__ import annotations

import doctest
import os
import re
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_python_session(sample_build, tmp_path, monkeypatch):
    out, _ = sample_build
    (tmp_path / "output").symlink_to(out, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## From a Python shell"):]
    block = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    test = doctest.DocTestParser().get_doctest(block, {}, "README", str(README), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} README example(s) differ from the code"
    assert result.attempted >= 8
    assert os.path.exists("output/graph.graphml")
