"""A headline is read whole: wrapped in the reader's header, level in compare's two panes."""

from __future__ import annotations

from tests.app.test_compare_keys import open_compare
from tests.helpers import make_app, settle
from tests.paths import SEEDS, UI_FOLDER
from tui.app.screens.compare import CompareScreen
from tui.app.widgets.article_header import Headline

LONG = UI_FOLDER / "valley-gazette-carrow-fire.md"
"""A headline of 118 characters: two lines at 80 columns, three in a pane of 60."""
SHORT = UI_FOLDER / "northwire-wildfire.md"
"""A headline of 71 characters: one line at 80 columns."""


def shown(headline: Headline) -> list[str]:
    """The headline's lines as drawn."""
    return [line.rstrip() for line in str(headline.render()).splitlines()]


def words(lines: list[str]) -> str:
    """The words of ``lines``, one space apart: the headline as read, wrapped or not."""
    return " ".join(" ".join(lines).split())


async def test_a_long_headline_wraps_whole_in_the_reader() -> None:
    app = make_app([LONG])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        header = app.screen.reader.header  # type: ignore[attr-defined]
        lines = shown(header.headline)
        assert len(lines) == header.headline.size.height == 2
        assert words(lines) == app.state.articles[0].title
        assert "…" not in lines[-1]


async def test_side_by_side_the_texts_start_level_under_headlines_of_different_lengths() -> None:
    app = make_app([SHORT, LONG], compare=True)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_compare(pilot, (120, 40))
        assert isinstance(screen, CompareScreen)
        left, right = screen.left, screen.right
        long_lines = shown(right.header.headline)
        assert words(long_lines) == f"B {screen.articles[1].title}"  # after its tab, whole
        assert len(long_lines) == 3
        assert left.header.headline.size.height == right.header.headline.size.height == 3
        assert left.view.region.y == right.view.region.y  # the texts' first rows are level


async def test_stacked_panes_keep_each_headline_its_own_height() -> None:
    app = make_app([SHORT, LONG], compare=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_compare(pilot, (80, 24))
        assert isinstance(screen, CompareScreen)
        assert screen.left.header.headline.size.height == 1
        assert screen.right.header.headline.size.height == 2


async def test_a_short_terminal_gives_the_headline_one_line_ending_in_an_ellipsis() -> None:
    app = make_app([SEEDS])
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        headline = app.screen.reader.header.headline  # type: ignore[attr-defined]
        lines = shown(headline)
        assert len(lines) == headline.size.height == 1
        assert lines[0].endswith("…")
        assert app.screen.reader.view.size.height >= 1  # type: ignore[attr-defined]
