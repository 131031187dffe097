"""Property tests: whatever bytes or text a file holds, loading never raises.

Every outcome is an `Article` whose text is printable Unicode and whose metadata is
well formed, or a `Problem` naming the file.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import tempfile
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.reading.articles import Article
from tui.core.reading.loading import READERS, load_paths
from tui.core.reading.problems import Problem
from tui.core.reports.listing import format_listing

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

MAGIC = [b"\x89PNG\r\n\x1a\n", b"%PDF-", b"PK\x03\x04", b"\xff\xd8\xff", b"\x1f\x8b", b""]
BOMS = [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, b""]
SNIPPETS = [
    "# Title\n\n", "By [Jane Doe for AFP](#)\n", "date 2020-09-14 ", "September 14, 2020\n",
    "---\ntitle: x\n---\n", "Original url:\n<https://www.example.com/a>", ".AFP", "Photo: X\n",
    "\x1b[31m", "[bold]", "\r\n", "<html><body><article><p>", "</p></article>", '{"text": "',
    '"}\n', "\u202e", "中文", "e\u0301", "👍🏽",
]  # fmt: skip

text_strategy = st.lists(
    st.one_of(st.sampled_from(SNIPPETS), st.text(max_size=40)), max_size=25
).map("".join)

bytes_strategy = st.one_of(
    st.binary(max_size=2048),
    st.builds(lambda magic, tail: magic + tail, st.sampled_from(MAGIC), st.binary(max_size=256)),
    st.builds(
        lambda bom, text, codec: bom + text.encode(codec, "replace"),
        st.sampled_from(BOMS),
        text_strategy,
        st.sampled_from(["utf-8", "utf-16-le", "utf-16-be", "cp1252", "latin-1"]),
    ),
)


def check(path: Path) -> list[Article | Problem]:
    result = load_paths([path])
    for problem in result.problems:
        assert problem.path == path
        assert problem.reason and "\n" not in problem.reason
    for article in result.articles:
        assert article.path == path
        assert isinstance(article.text, str) and article.text.strip()
        article.text.encode("utf-8")  # no lone surrogate: every terminal can take it
        for value in (article.title, article.outlet):
            assert isinstance(value, str) and value.strip()
        for value in (article.title, article.outlet, article.byline, article.url, article.agency):
            assert not any(unicodedata.category(c) == "Cc" for c in value or "")
        if article.date is not None:
            dt.date.fromisoformat(article.date)
        assert 0 <= article.words <= article.chars == len(article.text)
        assert len(article.sha256) == 64
    json.loads(format_listing(result.articles, "json"))
    format_listing(result.articles, "table")
    return [*result.articles, *result.problems]


@SETTINGS
@given(data=bytes_strategy, suffix=st.sampled_from(sorted(READERS)))
def test_random_bytes_never_raise(data, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"random{suffix}"
        path.write_bytes(data)
        assert check(path)


@SETTINGS
@given(text=text_strategy, suffix=st.sampled_from([".txt", ".md", ".markdown"]))
def test_random_text_loads_as_open_reads_it_or_is_a_problem(text, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"random{suffix}"
        path.write_bytes(text.encode("utf-8"))
        items = check(path)
        articles = [item for item in items if isinstance(item, Article)]
        if articles and not text.startswith("\ufeff") and "\x00" not in text:
            with path.open(encoding="utf-8") as handle:
                assert articles[0].text == handle.read()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)
records = st.fixed_dictionaries(
    {"text": st.one_of(text_strategy, json_values)},
    optional=dict.fromkeys(
        ("title", "source", "outlet", "date", "url", "authors", "agency"), json_values
    ),
)


@SETTINGS
@given(lines=st.lists(st.one_of(records.map(json.dumps), st.text(max_size=30)), max_size=8))
def test_random_json_lines_never_raise(lines):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "random.jsonl"
        path.write_text("\n".join(lines), encoding="utf-8")
        check(path)
