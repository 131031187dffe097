"""Comparison reports: the JSON shape, offsets, summary arithmetic, marked words."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.paths import SEEDS
from tui.core.alignment.comparison import Comparison
from tui.core.alignment.tiers import TIERS
from tui.core.reading.articles import Article
from tui.core.reports.comparison import comparison_dict, format_comparison, share_line
from tui.core.story.model import ALIGN_LIMIT, Story

TEXT_A = (
    "Police detained more than 500 protesters in Minsk on Sunday, the ministry said. "
    "The leader was making his first foreign trip since his win in the August vote. "
    "Weather was mild."
)
TEXT_B = (
    "Police detained more than 774 protesters in Minsk on Sunday, the ministry said.\n\n"
    "The leader was making his first foreign trip since his disputed win in the August vote.\n\n"
    "Nobody mentioned cooking recipes."
)


def article(name: str, text: str, outlet: str) -> Article:
    return Article(
        path=Path(name),
        text=text,
        title=f"{outlet} story",
        outlet=outlet,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
    )


def compare(a: Article, b: Article) -> Comparison:
    return Story([a, b]).comparison(0, 1)


@pytest.fixture
def pair() -> Comparison:
    return compare(article("a.txt", TEXT_A, "Agency"), article("b.txt", TEXT_B, "Daily"))


def test_json_shape_and_offsets(pair: Comparison) -> None:
    data = json.loads(format_comparison(pair, "json"))
    assert set(data) == {
        "a", "b", "story_articles", "engine", "engine_note", "alignment", "links", "summary"
    }  # fmt: skip
    assert data["story_articles"] == 2
    assert (data["engine"], data["engine_note"]) == ("lexical", None)
    assert data["alignment"] == {
        "complete": True,
        "limit": ALIGN_LIMIT,
        "a": [0, len(TEXT_A)],
        "b": [0, len(TEXT_B)],
    }
    assert {key: data["a"][key] for key in ("path", "chars", "sha256", "title", "outlet")} == {
        "path": "a.txt",
        "chars": len(TEXT_A),
        "sha256": pair.a.sha256,
        "title": "Agency story",
        "outlet": "Agency",
    }
    assert data["a"]["encoding"] == "utf-8"
    assert len(data["links"]) == 2
    for link in data["links"]:
        assert set(link) == {"a", "b", "tier", "score", "diff"}
        assert link["tier"] in TIERS
        start, end = link["a"]
        assert TEXT_A[start:end].endswith(".")
        for op in link["diff"]:
            assert set(op) == {"op", "a", "b", "numeric"}
            assert op["a"][0] <= op["a"][1] and op["b"][0] <= op["b"][1]
    first = data["links"][0]
    numeric = [op for op in first["diff"] if op["numeric"]]
    assert [(TEXT_A[slice(*op["a"])], TEXT_B[slice(*op["b"])]) for op in numeric] == [
        ("500", "774")
    ]


def test_summary_counts_each_sentence_once_under_its_most_literal_tier(
    pair: Comparison,
) -> None:
    links = pair.links
    summary = comparison_dict(pair)["summary"]
    for side, text in (("a", TEXT_A), ("b", TEXT_B)):
        part = summary[side]
        assert part["sentences"] == 3
        assert part["shared"] == 2
        assert part["chars"] == len(text)
        spans = {getattr(link, side) for link in links}
        assert part["shared_chars"] == sum(len(span) for span in spans)
        assert sum(t["sentences"] for t in part["by_tier"].values()) == part["shared"]
        assert sum(t["chars"] for t in part["by_tier"].values()) == part["shared_chars"]


def test_overlapping_links_do_not_count_characters_twice() -> None:
    a = "Russia pledged a loan of $1.5 billion to its neighbour on Monday. Talks went on."
    b = "Russia pledged a loan of $1.5 billion to its neighbour on Monday. Kremlin was pleased."
    comparison = compare(article("a.txt", a, "A"), article("b.txt", b + " " + b, "B"))
    assert len(comparison.links) == 2
    assert comparison.summary.a.shared_chars <= len(a)


def test_share_line(pair: Comparison) -> None:
    assert share_line(pair.summary.a, "A") == (
        "A 2/3 sentences shared (67%) · copy 2 · edit 0 · quote 0 · paraphrase 0"
    )
    assert share_line(pair.summary.b, "B", "Daily").startswith("B (Daily) ")
    assert share_line(pair.summary.a, "A", zeros=False) == "A 2/3 sentences shared (67%) · copy 2"


def test_share_line_without_zeros_of_a_pair_sharing_nothing() -> None:
    a = article("a.txt", "Cats sleep a lot. Dogs bark at night.", "A")
    b = article("b.txt", "Ships sail at dawn. Gulls follow.", "B")
    assert share_line(compare(a, b).summary.a, "A", zeros=False) == "A 0/2 sentences shared (0%)"


def test_text_marks_changed_words(pair: Comparison) -> None:
    report = format_comparison(pair, "text")
    assert report.startswith("A: Agency — Agency story (a.txt)\nB: Daily — Daily story (b.txt)")
    assert "[-500-]" in report
    assert "{+774+}" in report
    assert "{+disputed+}" in report
    assert "numbers differ: 500 → 774" in report


def test_markdown_marks_changed_words(pair: Comparison) -> None:
    report = format_comparison(pair, "markdown")
    assert report.startswith("# Agency vs Daily")
    assert "~~500~~" in report
    assert "**774**" in report
    assert "**disputed**" in report


def test_no_links_is_said_plainly() -> None:
    a = article("a.txt", "Cats sleep a lot.", "A")
    b = article("b.txt", "Ships sail at dawn.", "B")
    assert format_comparison(compare(a, b), "text").endswith("No shared sentences.")
    assert json.loads(format_comparison(compare(a, b), "json"))["links"] == []


def test_unknown_format(pair: Comparison) -> None:
    with pytest.raises(ValueError, match="unknown format"):
        format_comparison(pair, "yaml")


@pytest.mark.parametrize(
    "command",
    [
        ["compare", "000_02b2830ff24b6d49.txt", "001_904d19f1e7a1825b.txt", "--format", "json"],
        ["list", "."],
    ],
    ids=["compare", "list"],
)
def test_a_closed_pipe_ends_the_report_quietly(command: list[str]) -> None:
    """``storyreader compare A B | head``: no BrokenPipeError traceback, exit code 141."""
    read, write = os.pipe()
    os.close(read)  # the reader is gone before the first byte
    try:
        done = subprocess.run(
            [sys.executable, "-m", "tui", *command],
            stdout=write,
            stderr=subprocess.PIPE,
            cwd=SEEDS,
            check=False,
        )
    finally:
        os.close(write)
    assert done.returncode == 141
    assert b"Traceback" not in done.stderr


# The Markdown report shows what the reader shows, as clean Markdown.

MD_A = (
    "# Putin backs Lukashenko with a \\$1.5 billion loan\n\n"
    "Russia will lend Belarus \\$1.5 billion, the *Kremlin* said on Monday after talks in "
    "Sochi.\n\n"
    "The deal_fund (see [the statement](https://example.com/a)) covers 3 * 4 projects & "
    "more <b>bold</b> claims, said #minsk reporters.\n"
)
MD_B = (
    "# Putin backs Lukashenko with a $1.5 billion loan\n\n"
    "Russia will lend Belarus $1.5 billion, the **Kremlin** said on Monday after long talks "
    "in Sochi.\n\n"
    "The deal_fund (see [the statement](https://example.com/a)) covers 5 * 4 projects & "
    "more <b>bold</b> claims, said #minsk reporters.\n"
)


def visible_lines(markdown: str) -> list[str]:
    """The text of each rendered paragraph or heading, as a browser would show it."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark").enable(["strikethrough", "table"])
    lines = []
    for token in parser.parse(markdown):
        if token.type != "inline":
            continue
        parts = []
        for child in token.children or []:
            assert child.type != "html_inline", f"raw HTML would not show as text: {child}"
            if child.type in ("text", "code_inline"):
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append(" ")
        lines.append("".join(parts))
    return lines


def marked(markdown: str, style: str) -> list[str]:
    """The words rendered inside ``style`` (``s`` strikethrough, ``strong``)."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark").enable(["strikethrough", "table"])
    found = []
    for token in parser.parse(markdown):
        inside = False
        for child in token.children or []:
            if child.type == f"{style}_open":
                inside, words = True, []
            elif child.type == f"{style}_close":
                inside = False
                found.append("".join(words))
            elif inside and child.type == "text":
                words.append(child.content)
    return found


@pytest.fixture
def markdown_pair() -> Comparison:
    return compare(article("a.md", MD_A, "Agency"), article("b.md", MD_B, "Daily"))


def test_markdown_renders_each_sentence_as_the_reader_shows_it(markdown_pair) -> None:
    from tui.core.text.document import render_markdown

    report = format_comparison(markdown_pair, "markdown")
    shown = visible_lines(report)
    docs = {"A": render_markdown(MD_A), "B": render_markdown(MD_B)}
    assert len(markdown_pair.links) >= 3
    for link in markdown_pair.links:
        for side, span in (("A", link.a), ("B", link.b)):
            expected = f"{side} " + " ".join(docs[side].displayed(span).split())
            assert expected in shown, f"{expected!r} not among {shown}"
    assert "A Putin backs Lukashenko with a $1.5 billion loan" in shown  # no "#", no "\"
    assert not any("\\" in line or "**" in line or "~~" in line for line in shown)
    assert "\\\\$" not in report and "\\#" not in report
    assert "deal_fund" in report  # an underscore inside a word needs no escape


def test_markdown_marks_the_changed_words_so_that_they_render_marked(markdown_pair) -> None:
    report = format_comparison(markdown_pair, "markdown")
    assert "3" in marked(report, "s")
    assert "5" in marked(report, "strong")
    assert "long" in marked(report, "strong")
    assert "Numbers differ: 3 → 5" in visible_lines(report)


def test_markdown_escapes_what_markdown_would_read_as_markup() -> None:
    title = "AT&T's *big* [deal] <b>now</b> `code` ~~gone~~ 2 < 3 &amp; #1 #"
    a = article("a.md", "Shares rose on Monday after the deal was announced.", "A").replace(
        title=title,
        outlet="Ars *Technica* #",
    )
    b = article("b.md", "Shares rose on Monday after the deal was announced.", "B")
    report = format_comparison(compare(a, b), "markdown")
    shown = visible_lines(report)
    assert shown[0] == "Ars *Technica* # vs B"
    assert f"A: {title} (a.md)" in shown
