"""``format_listing``: the table people read and the JSON scripts parse."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.core.reading.articles import Article
from tui.core.reports.listing import format_listing

KEYS = {
    "path", "part", "outlet", "agency", "title", "date", "byline", "url",
    "words", "chars", "body", "sha256", "encoding", "notes",
}  # fmt: skip


def article(**changes) -> Article:
    fields = {
        "path": Path("story/a.txt"),
        "text": "Headline here\n\nTwo words.",
        "title": "Headline here",
        "outlet": "example.com",
        "sha256": "ab" * 32,
    }
    return Article(**(fields | changes))


def test_json_shape():
    records = json.loads(format_listing([article(date="2020-09-14", notes=("n",))], "json"))
    assert len(records) == 1
    record = records[0]
    assert set(record) == KEYS
    assert record["path"] == "story/a.txt"
    assert record["words"] == 4
    assert record["chars"] == len("Headline here\n\nTwo words.")
    assert record["date"] == "2020-09-14"
    assert record["byline"] is None
    assert record["encoding"] == "utf-8"
    assert record["notes"] == ["n"]


def test_json_of_nothing_is_an_empty_list():
    assert json.loads(format_listing([], "json")) == []


def test_json_keeps_unicode_readable_and_escapes_what_a_terminal_acts_on():
    text = format_listing([article(title="Café \u202e\x9b31m", outlet="中文")], "json")
    assert "Café" in text
    assert "中文" in text
    assert "\u202e" not in text
    assert "\x9b" not in text
    assert json.loads(text)[0]["title"] == "Café \u202e\x9b31m"


def test_table_has_a_header_and_aligned_columns():
    lines = format_listing(
        [article(), article(path=Path("b.md"), outlet="AFP", title="中文标题")], "table"
    ).splitlines()
    assert lines[0].split() == [
        "PATH", "OUTLET", "DATE", "WORDS", "CHARS", "SHA256", "TITLE", "BYLINE", "URL",
    ]  # fmt: skip
    assert len(lines) == 3
    # every row starts its OUTLET column at the same terminal cell
    column = lines[0].index("OUTLET")
    assert lines[1][column:].startswith("example.com")
    assert lines[2][column:].startswith("AFP")
    # wide characters take two cells: the columns after the title stay aligned
    byline = lines[0].index("BYLINE")
    assert lines[1][byline - 2 :].startswith("  -")
    assert lines[2].index("-", lines[2].index("中文标题")) == byline - len("中文标题")


def test_table_marks_missing_values_and_keeps_titles_whole_in_a_pipe():
    long_title = "Ministers agree a budget " + "after long talks " * 10
    row = format_listing([article(title=long_title, url=None)], "table").splitlines()[1]
    assert long_title.strip() in row
    assert row.split()[-2:] == ["-", "-"]  # no byline, no URL


def many_columns() -> list[Article]:
    return [
        article(
            path=Path("stories/2020/minsk-protests-and-the-kremlin-loan.txt"),
            outlet="The Moscow Times",
            date="2020-09-14",
            title="Putin backs Lukashenko and pledges a loan as protests go on in Minsk "
            "for the sixth weekend in a row",
            byline="Anna Example for The Moscow Times",
            url="https://www.example.com/2020/09/14/putin-backs-lukashenko-a71234",
        ),
        article(path=Path("b.md"), outlet="AFP", title="中文标题 short"),
    ]


@pytest.mark.parametrize(
    ("width", "title_cells"), [(80, 23), (100, 39), (120, 55), (160, 59), (200, 77)]
)
def test_table_fits_the_terminal_and_gives_the_title_the_room(width, title_cells):
    """The 100-character title keeps the room the other columns can give up."""
    lines = format_listing(many_columns(), "table", width=width).splitlines()
    assert all(len(line) <= width for line in lines[:2])  # the ASCII rows
    title = many_columns()[0].title
    shown = lines[1][lines[0].index("TITLE") :]
    assert title[:title_cells] in shown
    heading = lines[0].split()
    assert heading[:5] == ["PATH", "OUTLET", "DATE", "WORDS", "CHARS"]
    assert "TITLE" in heading


def test_a_narrow_terminal_leaves_out_url_and_byline_before_cutting_the_title_short():
    lines = format_listing(many_columns(), "table", width=100).splitlines()
    assert "URL" not in lines[0] and "BYLINE" not in lines[0]
    assert len(lines[1]) == 100


def test_table_shows_control_characters_in_paths_inert():
    row = format_listing([article(path=Path("evil\x1b[2Jname.txt"))], "table").splitlines()[1]
    assert "\x1b" not in row
    assert "evil^[[2Jname.txt" in row


def test_table_names_one_article_of_many_by_line():
    row = format_listing([article(path=Path("news.jsonl"), part=3)], "table").splitlines()[1]
    assert row.startswith("news.jsonl:3 ")


def test_unknown_format_is_an_error():
    with pytest.raises(ValueError, match="unknown listing format"):
        format_listing([], "csv")
