"""Keyboard (and mouse) use of the library screen, as a reader would do it."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import help_text, make_app, settle
from tests.paths import UI_FOLDER
from tui.app.screens.help import HelpScreen
from tui.app.screens.library import LibraryScreen
from tui.app.screens.too_small import TooSmallScreen
from tui.app.widgets.article_list import HEADLINE_MIN, ArticleList, Columns, plan_columns
from tui.app.widgets.document_view import DocumentView
from tui.app.widgets.find_bar import FindBar
from tui.app.widgets.key_bar import KeyBar
from tui.app.widgets.reader import Reader


def reader_title(app: object) -> str | None:
    article = app.screen.query_one(Reader).article  # type: ignore[attr-defined]
    return article.title if article else None


async def test_starts_on_the_first_article_with_the_library_focused() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert len(app.state.articles) == 5
        assert isinstance(app.focused, ArticleList)
        assert reader_title(app) == app.state.articles[0].title
        assert "5 articles" in app.screen.sub_title
        # The library is the first screen: no blank screen is built under it first.
        assert app.screen_stack == [app.screen]


async def test_down_j_and_k_move_the_selection_and_the_reader_follows() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("down")
        assert reader_title(app) == app.state.articles[1].title
        await pilot.press("j", "j")
        assert reader_title(app) == app.state.articles[3].title
        await pilot.press("k")
        assert reader_title(app) == app.state.articles[2].title
        await pilot.press("end")
        assert reader_title(app) == app.state.articles[4].title


async def test_enter_and_tab_move_to_the_reader_and_space_scrolls() -> None:
    app = make_app()
    async with app.run_test(size=(120, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        view = app.screen.query_one(DocumentView)
        assert app.focused is view
        await pilot.press("space")
        assert view.scroll_y > 0
        await pilot.press("escape")
        assert isinstance(app.focused, ArticleList)
        await pilot.press("tab")
        assert app.focused is view


async def test_the_reader_keeps_a_few_screens_of_drawn_lines(tmp_path: Path) -> None:
    article = tmp_path / "long.md"
    article.write_text("\n\n".join(f"Paragraph {n} of a long article." for n in range(200)))
    app = make_app([article])
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        view = app.screen.query_one(DocumentView)
        await pilot.press(*["pagedown"] * 8)
        assert view.line_count > 10 * view.size.height
        cached = view._strips  # the bound is what is tested
        assert 0 < len(cached) <= cached.maxsize == 4 * view.size.height


async def test_find_counts_and_steps_through_matches() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"putin")
        count = app.screen.query_one("#find-count")
        assert str(count.render()) == "1/9"
        await pilot.press("enter")
        assert str(count.render()) == "2/9"
        await pilot.press("escape")
        assert not app.screen.query_one(FindBar).display
        await pilot.press("n", "n")
        await pilot.press("/")
        assert str(count.render()) == "4/9"
        await pilot.press("up")
        assert str(count.render()) == "3/9"
        await pilot.press("down", "down")  # as the key bar says: ⏎ ↓ next, ↑ previous
        assert str(count.render()) == "5/9"
        bar = str(app.screen.query_one(KeyBar).render())
        assert "⏎ ↓ Next match" in bar and "↑ Previous match" in bar


async def test_find_with_no_match_says_so() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"zzzq")
        assert str(app.screen.query_one("#find-count").render()) == "no match"


async def test_help_lists_the_keys_of_the_screen_and_closes() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = help_text(app.screen)
        for expected in ("Library", "Find", "Copy", "Next match", "Quit", "Sort"):
            assert expected in shown
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)


async def test_q_quits() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        assert app.return_code == 0
        assert not app.is_running


async def test_y_copies_the_article_text() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("y")
        assert app.clipboard == app.state.articles[0].text


async def test_l_hides_and_shows_the_library() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        pane = app.screen.query_one("#library-pane")
        await pilot.press("l")
        assert not pane.display
        assert isinstance(app.focused, DocumentView)
        await pilot.press("escape")
        assert pane.display
        assert isinstance(app.focused, ArticleList)


async def test_clicking_a_row_reads_that_article() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.click(ArticleList, offset=(5, 3))
        assert reader_title(app) == app.state.articles[2].title


async def test_command_palette_opens_an_article_by_name() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"putin pledges 1.5", "enter")
        await settle(pilot)
        assert reader_title(app) == app.state.articles[4].title


async def test_narrow_terminal_stacks_the_panes() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.has_class("-narrow")
        library = app.screen.query_one("#library-pane").region
        reader = app.screen.query_one(Reader).view.region  # the reader container is not drawn
        assert library.bottom <= reader.y


async def test_tiny_terminal_shows_a_message_instead_of_the_layout() -> None:
    app = make_app()
    async with app.run_test(size=(30, 8)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_markup_in_an_article_shows_literally(tmp_path: Path) -> None:
    article = tmp_path / "markup.txt"
    article.write_text("[bold]Not bold[/] and [red]not red[/red].\n", encoding="utf-8")
    app = make_app([article])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        view = app.screen.query_one(DocumentView)
        assert view.document.blocks[0].text == "[bold]Not bold[/] and [red]not red[/red]."
        lines = [view.render_line(y).text for y in range(3)]
        assert any("[bold]Not bold[/]" in line for line in lines)


async def test_dragging_selects_text_and_y_copies_the_selection() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = app.screen.query_one(DocumentView)
        await pilot.mouse_down(view, offset=(1, 0))
        await pilot.hover(view, offset=(11, 0))
        await pilot.mouse_up(view, offset=(11, 0))
        await pilot.press("y")
        assert app.clipboard == "Belarusian "


async def test_the_collector_paused_for_startup_runs_again_after_the_first_frame() -> None:
    """`storyreader` pauses the cyclic collector while it starts; memory must not grow unchecked."""
    gc.disable()
    try:
        app = make_app()
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            assert gc.isenabled()
    finally:
        gc.enable()


def test_the_app_module_does_not_load_the_alignment_engine() -> None:
    """The library shows before the engine is imported; the document view's highlights
    name its types only for checking."""
    probe = (
        "import sys, tui.app.app; "
        "print([m for m in ('rapidfuzz', 'tui.core.alignment.align') if m in sys.modules])"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize("size", [(160, 50), (120, 40), (100, 30), (80, 24)])
async def test_every_headline_shows_at_least_40_characters(size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        rows = [line.text for line in map(app.screen.query_one(ArticleList).render_line, range(6))]
        for article, row in zip(app.state.articles, rows[1:], strict=True):
            assert article.title[:40] in row, row


async def test_articles_without_an_outlet_are_labelled_by_the_short_part_of_their_name() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        library = app.screen.query_one(ArticleList)
        rows = [library.render_line(y).text for y in range(1, 6)]
        assert [row.split()[0] for row in rows] == ["000", "themoscowtimes", "002", "003", "004"]
        assert "854cd6e9" not in "".join(rows)  # no hash


def test_the_headline_gets_its_room_before_any_other_column() -> None:
    def widest(width: int) -> int:
        return min(width, 18)  # labels as long as themoscowtimes.com

    assert plan_columns(160, widest) == Columns(18, 118, 10, 6)  # 4 cells of mark and gaps
    assert plan_columns(120, widest).headline >= HEADLINE_MIN
    assert plan_columns(120, widest).date == 10  # the outlet abbreviates to keep the date
    narrow = plan_columns(60, widest)
    assert narrow.headline >= HEADLINE_MIN and narrow.date == narrow.words == 0
    short_labels = plan_columns(160, lambda width: 3)  # "002": the column wastes no cells
    assert short_labels.outlet == 6  # as wide as its header, "Outlet"


async def test_bang_with_nothing_skipped_says_so() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, LibraryScreen)
        assert [n.message for n in app._notifications] == ["No problems: every file was read."]


async def test_the_palette_offers_overview_skipped_files_and_sorting() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"sort by length", "enter")
        await settle(pilot)
        library = app.screen.query_one(ArticleList)
        assert library.sort == "length"
        assert library.selected == 0  # the cursor stays on the article it was on
        await pilot.press("ctrl+p", *"overview", "enter")
        await settle(pilot)
        await settle(pilot)
        from tui.app.screens.overview import OverviewScreen

        assert isinstance(app.screen, OverviewScreen)


async def test_the_outlet_column_is_as_wide_as_its_widest_abbreviated_label() -> None:
    app = make_app([UI_FOLDER])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        rows = [app.screen.query_one(ArticleList).render_line(y).text for y in range(1, 8)]
        # "The Morning Ledger" fits in 18 cells, "coastlinedaily.example" becomes its site.
        assert any(row[2:].startswith("The Morning Ledger  ") for row in rows)
        assert any(row[2:].startswith("coastlinedaily      ") for row in rows)
