"""Saved web pages and JSON Lines: text, metadata, encodings and bad input."""

from __future__ import annotations

import hashlib
import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tui.core.reading import loading
from tui.core.reading.loading import load_paths

ROOT = Path(__file__).resolve().parents[2]
FORMATS = ROOT / "tests" / "fixtures" / "loading" / "formats"
PAGE = FORMATS / "page.html"
NEWS = FORMATS / "news.jsonl"


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def page(body: str, head: str = "") -> str:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"


ARTICLE = (
    "<article><h1>Talks end in Sochi</h1>"
    "<p>The two presidents met on Monday in the resort and agreed a loan, officials said.</p>"
    "<p>Both delegations left the city by the evening, and no further talks were set.</p>"
    "</article>"
)

# --- web pages ---------------------------------------------------------------------


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("loading must not touch the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_saved_page_gives_the_article_and_its_metadata(no_network):
    result = load_paths([PAGE])
    assert result.problems == []
    (article,) = result.articles
    assert (article.title, article.outlet, article.byline, article.date, article.url) == (
        "Leaders agree loan in Sochi",
        "Example Times",
        "Jane Doe",
        "2020-09-14",
        "https://www.example-times.com/2020/09/14/leaders-agree-loan",
    )
    assert article.text.startswith("Leaders agree loan in Sochi\nThe two presidents met")
    assert "sixth week" in article.text
    for boilerplate in ("Subscribe", "Privacy", "Sport", "<p>"):
        assert boilerplate not in article.text
    assert article.sha256 == hashlib.sha256(PAGE.read_bytes()).hexdigest()
    assert article.encoding == "utf-8"
    assert "article text extracted from the web page" in article.notes


def test_page_declared_in_a_legacy_charset(tmp_path):
    html = page(ARTICLE.replace("resort", "café resort"), '<meta charset="windows-1252">')
    article = load_paths([write(tmp_path / "old.htm", html.encode("cp1252"))]).articles[0]
    assert article.encoding == "cp1252"
    assert "café resort" in article.text
    assert "decoded as cp1252 (not UTF-8)" in article.notes


def test_page_without_an_article(tmp_path):
    result = load_paths([write(tmp_path / "empty.html", page(""))])
    assert [p.reason for p in result.problems] == ["no article text found in the page"]


def test_binary_named_html(tmp_path):
    result = load_paths([write(tmp_path / "x.html", b"GIF89a\x01\x00\x01\x00\x00\xff")])
    assert [p.reason for p in result.problems] == ["binary file (GIF image)"]


def test_page_without_metadata_falls_back_to_the_text(tmp_path):
    article = load_paths([write(tmp_path / "bare.html", page(ARTICLE))]).articles[0]
    assert article.title == "Talks end in Sochi"
    assert article.outlet == "bare"
    assert article.date is None


def test_trafilatura_is_imported_only_when_a_page_is_met():
    probe = (
        "import sys; from tui.core.reading.loading import load_paths; "
        f"load_paths([{str(ROOT / 'seeds')!r}]); a = 'trafilatura' in sys.modules; "
        f"load_paths([{str(PAGE)!r}]); print(a, 'trafilatura' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert done.stdout.split() == ["False", "True"]
    assert done.stderr == ""


# --- JSON Lines ----------------------------------------------------------------------


def test_json_lines_one_article_per_line():
    result = load_paths([NEWS])
    lines = NEWS.read_text(encoding="utf-8").split("\n")
    assert [a.part for a in result.articles] == [1, 2, 6]
    first, second, third = result.articles
    assert (first.title, first.outlet, first.date, first.url) == (
        "Leaders agree loan",
        "Example Wire",
        "2020-09-14",
        "https://wire.example.org/a",
    )
    assert first.text == json.loads(lines[0])["text"]
    assert first.sha256 == hashlib.sha256(lines[0].encode()).hexdigest()
    assert first.name == "news.jsonl:1"
    assert (second.byline, second.outlet) == ("Jane Doe, John Roe", "Example Daily")
    assert (
        second.text
        == "Protests continued for a sixth week.\n\nTens of thousands marched on Sunday."
    )
    assert (third.title, third.agency) == ("Talks in Moscow ended on Monday without a deal.", "AFP")
    assert [p.reason for p in result.problems] == [
        "line 4: not valid JSON",
        'line 5: no "text" string',
    ]


def test_file_that_is_not_json_lines_is_one_problem(tmp_path):
    path = write(tmp_path / "data.jsonl", "a,b,c\n1,2,3\n4,5,6\n")
    result = load_paths([path])
    assert [p.reason for p in result.problems] == ["not JSON Lines (line 1: not valid JSON)"]


def test_many_bad_lines_are_summed_up(tmp_path):
    good = json.dumps({"text": "One good line of text."})
    path = write(tmp_path / "data.jsonl", "\n".join([good] + ["[1]"] * 20))
    reasons = [p.reason for p in load_paths([path]).problems]
    assert reasons == [f"line {n}: not a JSON object" for n in range(2, 7)] + [
        "15 more bad lines skipped"
    ]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"text": "   "}', "line 1: empty text"),
        ('{"text": 42}', 'line 1: no "text" string'),
        ("[" * 100_000 + "]" * 100_000, "line 1: nested too deeply"),
    ],
)
def test_bad_json_lines(tmp_path, line, reason):
    good = json.dumps({"text": "A good line."})
    problems = load_paths([write(tmp_path / "d.jsonl", f"{line}\n{good}\n")]).problems
    assert [p.reason for p in problems] == [reason]


def test_lone_surrogate_escape_is_replaced_and_noted(tmp_path):
    path = write(tmp_path / "d.jsonl", '{"text": "broken \\ud800 text", "title": "x\\udfffy"}\n')
    article = load_paths([path]).articles[0]
    assert article.text == "broken \ufffd text"
    assert article.title == "x\ufffdy"
    assert "invalid \\u escapes shown as \ufffd" in article.notes
    article.text.encode("utf-8")  # printable: no surrogate left


def test_truncated_json_lines_drop_the_cut_line(tmp_path, monkeypatch):
    lines = [json.dumps({"text": f"Article number {n} is here."}) for n in range(50)]
    path = write(tmp_path / "big.jsonl", "\n".join(lines))
    monkeypatch.setattr(loading, "MAX_BYTES", 1000)
    result = load_paths([path])
    kept = "\n".join(lines)[:1000].count("\n")  # the complete lines in the part read
    assert [a.part for a in result.articles] == list(range(1, kept + 1))
    assert [p.reason for p in result.problems] == [result.articles[0].notes[0]]
    assert result.articles[0].notes[0].startswith("truncated: only the first")


def test_empty_lines_only(tmp_path):
    problems = load_paths([write(tmp_path / "d.jsonl", "\n  \n\n")]).problems
    assert [p.reason for p in problems] == ["only whitespace"]
