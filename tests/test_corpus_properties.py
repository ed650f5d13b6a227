"""Property tests: whatever bytes a file holds, the reader never crashes."""

from __future__ import annotations

import gzip
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipelines.readers.corpus import Article, Corpus, Skipped, normalize_text
from pipelines.readers.dates import find_header_date, parse_date

SETTINGS = settings(max_examples=50, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

# Bytes that look a little like text and a little like structure, plus fully random bytes.
_pieces = st.sampled_from([
    b"text", b"id", b"title", b"date", b'"', b",", b";", b"\t", b"\n", b"\r\n", b"{", b"}",
    b":", b"[", b"]", b"null", b"42", b"\xef\xbb\xbf", b"\xff\xfe", b"\x00", b"\xe9",
    "é".encode(), "€".encode(), b"\xc3", b" ", b"2021-11-03", b"<p>", b"</p>", b"\\u00e9",
])
structured = st.lists(_pieces, max_size=60).map(b"".join)
raw_bytes = st.one_of(st.binary(max_size=2000), structured)


def _check(path: Path, **kw: int) -> None:
    c = Corpus(path, **kw)
    arts = list(c)
    for art in arts:
        assert isinstance(art, Article)
        for value in (art.id, art.text, art.title, art.source, art.url):
            assert isinstance(value, str)
        assert art.text.strip()
        assert art.text == normalize_text(art.text)  # already normalised
        assert art.date is None or isinstance(art.date, str)
        art.text.encode("utf-8")  # no lone surrogates
    assert all(isinstance(s, Skipped) for s in c.skipped)
    assert arts or c.skipped  # an input with no article is always reported
    assert len({a.id for a in arts}) == len(arts)


#: One folder for every example's files, removed once the module's tests are done (an
#: example per folder under it: hypothesis runs hundreds).
_ROOT = tempfile.TemporaryDirectory(prefix="corpus-prop-")


@pytest.fixture(scope="module", autouse=True)
def _remove_examples():
    yield
    _ROOT.cleanup()


def _write(data: bytes, name: str) -> Path:
    folder = Path(tempfile.mkdtemp(dir=_ROOT.name))
    path = folder / name
    path.write_bytes(data)
    return path


@SETTINGS
@given(data=raw_bytes)
def test_txt_never_crashes(data: bytes) -> None:
    _check(_write(data, "a.txt"))


@SETTINGS
@given(data=raw_bytes)
def test_jsonl_never_crashes(data: bytes) -> None:
    _check(_write(data, "a.jsonl"), max_bytes=500)


@SETTINGS
@given(data=raw_bytes)
def test_csv_never_crashes(data: bytes) -> None:
    _check(_write(b"id;text\n" + data, "a.csv"))
    _check(_write(data, "b.csv"))


@SETTINGS
@given(data=raw_bytes)
def test_gzip_never_crashes(data: bytes) -> None:
    _check(_write(data, "a.jsonl.gz"))
    packed = gzip.compress(data)
    _check(_write(packed[: max(1, len(packed) // 2)], "b.jsonl.gz"))


@SETTINGS
@given(data=raw_bytes)
def test_html_never_crashes(data: bytes) -> None:
    _check(_write(b"<html><body><p>" + data + b"</p></body></html>", "a.html"))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=6), children, max_size=4),
    max_leaves=10,
)
rows = st.dictionaries(
    st.sampled_from(["id", "text", "title", "date", "source", "url", "body", "Text", "x"]),
    json_values, max_size=6,
)


@SETTINGS
@given(items=st.lists(rows | json_values, max_size=12))
def test_jsonl_any_json_values(items: list[object]) -> None:
    lines = [json.dumps(item) for item in items]
    path = _write(("\n".join(lines) + "\n").encode("utf-8"), "r.jsonl")
    c = Corpus(path)
    arts = list(c)
    nonblank = sum(1 for line in lines if line.strip())
    # every line is either an article or a reported skip
    assert len(arts) + len(c.skipped) >= nonblank or not nonblank
    for art in arts:
        assert art.text.strip() and isinstance(art.title, str) and isinstance(art.id, str)


@SETTINGS
@given(value=st.text(max_size=80))
def test_dates_never_crash(value: str) -> None:
    for result in (parse_date(value), find_header_date(value)):
        assert result is None or (len(result) in (7, 10) and result[4] == "-")


# A metadata value is cleaned as the general path cleans it.
@SETTINGS
@given(st.text(max_size=40))
def test_metadata_lines_clean_as_the_general_path(value: str) -> None:
    from pipelines.readers.corpus import _clean_line

    assert _clean_line(value) == " ".join(normalize_text(value).split())
