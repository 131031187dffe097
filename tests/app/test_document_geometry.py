"""Where a laid-out document draws each source character, checked without a terminal."""

from __future__ import annotations

import subprocess
import sys

import pytest
from rich.cells import cell_len

from tui.app.widgets.document_geometry import GUTTER, DocumentGeometry
from tui.core.text.document import Document, render_markdown

ARTICLE = """\
# Talks in Beijing end without a deal

Negotiators met for **three days** in [Beijing](https://example.com/beijing) and left
without an agreement, officials said on Friday.

- Delegations from 12 countries attended
- The host city, 北京, closed two ring roads 🚧 for the motorcades

> "We are closer than we were," one envoy said, "but not close enough."

A second round is planned for March in 上海市.
"""
WIDTH = 30
"""Narrow enough that every paragraph wraps, wide characters included."""


@pytest.fixture(scope="module")
def document() -> Document:
    return render_markdown(ARTICLE)


def geometry_of(document: Document, *, gutter: bool = False) -> DocumentGeometry:
    return DocumentGeometry.lay_out(document, WIDTH, gutter=gutter)


def displayed(document: Document) -> list[tuple[int, str]]:
    """``(source offset, character)`` of every displayed character that takes a cell."""
    return [
        (block.offsets[position], char)
        for block in document.blocks
        for position, char in enumerate(block.text)
        if cell_len(char) > 0
    ]


def drawn_at(geometry: DocumentGeometry, line: int, column: int) -> str:
    """The character covering ``column`` of ``line`` (gutter excluded), read off its text."""
    cells = 0
    for char in geometry.line_text(line):
        cells += cell_len(char)
        if cells > column:
            return char
    return ""


def test_every_displayed_character_round_trips_through_its_cell(document: Document) -> None:
    geometry = geometry_of(document)
    shown = displayed(document)
    assert {"北", "🚧", "上"} <= {char for _, char in shown}  # wide characters are in the test
    for offset, char in shown:
        position = geometry.position_of(offset)
        assert position is not None
        line, column = position
        assert drawn_at(geometry, line, column) == char
        assert geometry.offset_at(line, column) == offset
        if cell_len(char) == 2:  # either half of a wide character is that character
            assert geometry.offset_at(line, column + 1) == offset
        assert geometry.line_of(offset) == line


def test_wide_characters_take_two_columns(document: Document) -> None:
    geometry = geometry_of(document)
    city = ARTICLE.index("北京")
    line, column = geometry.position_of(city)
    assert geometry.position_of(city + 1) == (line, column + 2)
    after = ARTICLE.index("🚧") + 1  # the space after the emoji
    assert geometry.position_of(after)[1] == geometry.position_of(after - 1)[1] + 2


def test_the_lead_counts_in_columns_but_holds_no_character(document: Document) -> None:
    geometry = geometry_of(document)
    item = ARTICLE.index("Delegations")
    line, column = geometry.position_of(item)
    assert geometry.line_text(line).startswith("• ")
    assert column == 2
    assert geometry.offset_at(line, 0) is None  # the bullet
    quote = geometry.position_of(ARTICLE.index('"We are'))
    assert geometry.line_text(quote[0]).startswith("▌ ")
    assert geometry.offset_at(quote[0], 1) is None  # the quote bar's space


def test_a_gutter_shifts_every_column_by_two(document: Document) -> None:
    plain, guttered = geometry_of(document), geometry_of(document, gutter=True)
    assert plain.lines == guttered.lines  # the gutter is not taken from the text width
    for offset, _ in displayed(document):
        line, column = plain.position_of(offset)
        assert guttered.position_of(offset) == (line, column + GUTTER)
        assert guttered.offset_at(line, column + GUTTER) == offset
    first = plain.position_of(ARTICLE.index("Negotiators"))[0]
    assert [guttered.offset_at(first, column) for column in range(GUTTER)] == [None, None]
    assert guttered.line_text(first) == plain.line_text(first)  # the gutter is not text


@pytest.mark.parametrize(
    ("markup", "shown"),
    [
        ("# Talks", "Talks"),  # the heading's marker
        ("**three", "three"),  # bold markers
        ("https://", " and left"),  # a link's address: the next character shown is after it
        ("- The host", "The host"),  # a list item's marker
    ],
)
def test_an_offset_in_hidden_markup_finds_the_next_character_shown(
    document: Document, markup: str, shown: str
) -> None:
    geometry = geometry_of(document)
    hidden = ARTICLE.index(markup)
    assert geometry.line_of(hidden) == geometry.line_of(ARTICLE.index(shown))
    assert geometry.position_of(hidden) == geometry.position_of(ARTICLE.index(shown))


def test_offsets_and_cells_past_the_end_find_nothing(document: Document) -> None:
    geometry = geometry_of(document)
    for offset in (len(ARTICLE), len(ARTICLE) + 100):
        assert geometry.line_of(offset) is None
        assert geometry.position_of(offset) is None
    last = len(geometry.lines) - 1
    assert geometry.offset_at(last + 1, 0) is None
    assert geometry.offset_at(-1, 0) is None
    assert geometry.offset_at(last, cell_len(geometry.line_text(last))) is None  # past its end
    blank = next(index for index, line in enumerate(geometry.lines) if line.block < 0)
    assert geometry.offset_at(blank, 0) is None
    assert geometry.first_visible_offset(last + 1) is None


def test_the_first_visible_offset_skips_blank_lines(document: Document) -> None:
    geometry = geometry_of(document)
    assert geometry.first_visible_offset(0) == ARTICLE.index("Talks")
    blank = next(index for index, line in enumerate(geometry.lines) if line.block < 0)
    assert geometry.first_visible_offset(blank) == ARTICLE.index("Negotiators")


def test_lines_showing_a_run_are_the_lines_it_overlaps(document: Document) -> None:
    geometry = geometry_of(document)
    for block, text in enumerate(block.text for block in document.blocks):
        for start, end in ((0, len(text)), (5, 40), (30, 33), (len(text) - 1, len(text))):
            expected = [
                index
                for index, line in enumerate(geometry.lines)
                if line.block == block and line.start < end and start < line.end
            ]
            assert list(geometry.lines_showing(block, start, end)) == expected


def test_before_its_layout_a_document_has_no_lines(document: Document) -> None:
    geometry = DocumentGeometry(document, 0, (), gutter=True)
    assert geometry.line_of(ARTICLE.index("Talks")) is None
    assert geometry.position_of(0) is None
    assert geometry.offset_at(0, 0) is None
    assert geometry.first_visible_offset(0) is None
    assert not geometry.lines_showing(0, 0, 5)


def test_the_geometry_needs_no_textual() -> None:
    probe = (
        "import sys, tui.app.widgets.document_geometry; "
        "print([m for m in sys.modules if m.split('.')[0] == 'textual'])"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
