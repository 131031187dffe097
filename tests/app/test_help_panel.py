"""The help panel draws as Textual would, only cheaper: its key table and the dimmed screen beneath."""

from __future__ import annotations

import io

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.color import Color
from textual.renderables.background_screen import BackgroundScreen
from textual.strip import Strip

from tests.helpers import make_app, settle
from tui.app.screens.backdrop import dimmed
from tui.app.screens.help import HelpScreen, key_groups
from tui.app.widgets.key_table import KeyTable


def _rich_grid(groups: list[tuple[str, list[tuple[str, str]]]], width: int) -> list[str]:
    """The lines of the Rich grid the panel used to show, ``width`` cells wide."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for title, keys in groups:
        table.add_row(Text(title, style="bold underline"), "")
        for key, description in keys:
            table.add_row(Text(key), Text(description))
        table.add_row("", "")
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(table)
    return [line.rstrip() for line in console.export_text().splitlines()]


async def test_the_key_table_lays_out_as_the_rich_grid_did_at_every_width() -> None:
    """Keys in a column as wide as the widest key or title, descriptions wrapped beneath."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        groups = key_groups(app.screen)
        await pilot.press("question_mark")
        await settle(pilot)
        table = app.screen.query_one(KeyTable)
        for width in (68, 40, 30, 24):  # the panel is 30 wide at the smallest terminal
            # Lines as drawn at that width (what `render_line` reads).
            laid_out = table.lines_at(width)
            drawn = ["".join(text for text, _ in line).rstrip() for line in laid_out]
            assert drawn == _rich_grid(groups, width), width
        assert any(len(line) > 1 for line in table.lines_at(24) if line and line[0][0].isspace())


async def test_the_key_table_draws_keys_bold_and_titles_underlined() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        table = app.screen.query_one(KeyTable)
        title, first_key = table.render_line(0), table.render_line(1)
        assert title.text.startswith("Library screen")
        assert next(iter(title)).style is not None and next(iter(title)).style.underline
        key = next(iter(first_key))
        assert key.style is not None and key.style.bold and key.text.startswith("tab")
        assert first_key.cell_length == table.size.width


def test_dimming_is_textuals_own_tint() -> None:
    """Each segment as Textual's `BackgroundScreen` tints it: colours mixed, links dropped."""
    tint = Color(30, 30, 30, 0.6)
    strip = Strip(
        [
            Segment("plain ", None),
            Segment("red on blue ", Style(color="#ff0000", bgcolor="#0000ff", bold=True)),
            Segment("link", Style(color="#00ff00", link="https://example.org", meta={"x": 1})),
            Segment("red again", Style(color="#ff0000", bgcolor="#0000ff", italic=True)),
        ]
    )
    expected = list(BackgroundScreen.process_segments(list(strip), tint))
    assert list(dimmed(strip, tint, {})) == expected
    assert dimmed(strip, tint, {}).cell_length == strip.cell_length


async def test_the_screen_beneath_shows_its_changes_through_the_help() -> None:
    """Only the lines that change beneath are dimmed again, and they do show."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        library = app.screen
        await pilot.press("question_mark")
        await settle(pilot)
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        assert "5 articles" in help_screen.render_line(0).text
        library.sub_title = "something else entirely"
        await pilot.pause()
        await pilot.pause()
        assert "something else entirely" in help_screen.render_line(0).text
        assert "5 articles" not in help_screen.render_line(0).text
