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
from tui.core.story.model import Story

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
    assert set(data) == {"a", "b", "story_articles", "links", "summary"}
    assert data["story_articles"] == 2
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
