"""A folder of many stories in the app: grouped rows, per-story overview, compare and corrections."""

from __future__ import annotations

import hashlib

from textual.widgets import OptionList

from tests.helpers import help_text, make_app, settle
from tests.paths import STORIES_FOLDER, UI_FOLDER
from tui.app.screens.library import LibraryScreen
from tui.app.screens.overview import OverviewScreen
from tui.app.screens.pick import PickSourceScreen
from tui.app.screens.stories import StoriesScreen
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.key_bar import KeyBar
from tui.app.widgets.reader import Reader

DAM, TRAM, FROST = 0, 1, 2
"""The fixture's stories, largest first (equal sizes by first date)."""


def rows(app: object) -> list[str]:
    """What the library's rows say, as text, top to bottom (the header left out)."""
    library = app.screen.query_one(ArticleList)  # type: ignore[attr-defined]
    return [library.render_line(y).text.rstrip() for y in range(1, len(library._rows) + 1)]


def reading(app: object) -> str | None:
    article = app.screen.query_one(Reader).article  # type: ignore[attr-defined]
    return article.title if article else None


def story_articles(app: object, story: int) -> tuple[int, ...]:
    return app.state.grouping.stories[story].articles  # type: ignore[attr-defined, no-any-return]


def folder_bytes() -> dict[str, str]:
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(STORIES_FOLDER.iterdir())
    }


async def test_the_library_groups_the_articles_by_story() -> None:
    app = make_app([STORIES_FOLDER])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await settle(pilot)
        assert "11 articles · 3 stories" in app.screen.sub_title
        shown = rows(app)
        # The first article's story is open, the other two closed: 1 + 5 + 2 rows.
        assert len(shown) == 8
        assert shown[0].startswith("▾ ") and "5 articles · 2025-06-02 – 06-03" in shown[0]
        assert all(row.startswith("│ ") for row in shown[1:6])  # its articles, under its row
        assert shown[6].startswith("▸ ") and "5 articles · 2025-06-04 – 06-05" in shown[6]
        # A story of one article is that article's own row: outlet, headline, date.
        assert shown[7].startswith("  Evening Star   Late frost ruins half of the Marrow Valley")
        assert "2025-06-03" in shown[7] and "1 article" not in shown[7]
        # The cursor is on the first article, which the reader shows.
        assert app.screen.query_one(ArticleList).selected == 0
        assert reading(app) == app.state.articles[0].title


async def test_story_rows_open_and_close_from_the_keyboard() -> None:
    app = make_app([STORIES_FOLDER])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await settle(pilot)
        library = app.screen.query_one(ArticleList)
        first = reading(app)
        await pilot.press("up")  # the dam story's row: the reader stays on its article
        assert library.selected is None and library.selected_story == DAM
        assert reading(app) == first
        await pilot.press("enter")
        assert len(rows(app)) == 3
        await pilot.press("space")
        assert len(rows(app)) == 8
        await pilot.press("left")
        assert len(rows(app)) == 3
        await pilot.press("down", "right")  # the tram story opens below its row
        assert len(rows(app)) == 8 and rows(app)[1].startswith("▾ ")
        await pilot.press("down")
        assert library.selected in story_articles(app, TRAM)
        assert reading(app) == app.state.articles[library.selected].title
        await pilot.press("left")  # on an article: its story closes, the cursor on its row
        assert library.selected_story == TRAM and library.selected is None
        assert len(rows(app)) == 3
        await pilot.press("e")
        assert len(rows(app)) == 13  # two stories of five opened, the story of one as it was
        await pilot.press("e")
        assert len(rows(app)) == 3


async def test_the_overview_sums_up_the_story_under_the_cursor() -> None:
    app = make_app([STORIES_FOLDER])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await settle(pilot)
        await pilot.press("down", "down", "down", "down", "down")  # the tram row
        await pilot.press("o")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        label = app.state.grouping.stories[TRAM].label
        assert screen.sub_title.startswith(f"overview · {label} · 5 articles")
        assert screen.members == story_articles(app, TRAM)
        assert screen.overview is not None and len(screen.overview.cells) == 5
        assert screen.labels == tuple(app.state.labels[i] for i in story_articles(app, TRAM))
        # Another story, chosen from a list: its overview replaces this one.
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, StoriesScreen)
        await pilot.press("up", "enter")
        await settle(pilot)
        assert isinstance(app.screen, OverviewScreen)
        assert app.screen.members == story_articles(app, DAM)
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)


async def test_the_overview_cell_compares_the_pair_the_overview_counted() -> None:
    app = make_app([STORIES_FOLDER])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        overview = screen.overview
        assert overview is not None
        a, b = screen.members[0], screen.members[1]
        # The state compares two articles of one story within that story: the same object.
        assert app.state.comparison(a, b) is overview.story.comparison(0, 1)


async def test_compare_offers_only_the_articles_of_the_same_story() -> None:
    app = make_app([STORIES_FOLDER])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PickSourceScreen)
        dam = set(story_articles(app, DAM))
        assert set(screen.others) == dam - {0}
        assert screen.query_one(OptionList).option_count == 4
        note = str(screen.query_one("#pick-story").render())
        assert "Within its story" in note


async def test_an_article_moves_to_another_story_and_nothing_is_written() -> None:
    before = folder_bytes()
    app = make_app([STORIES_FOLDER])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await settle(pilot)
        library = app.screen.query_one(ArticleList)
        await pilot.press("down")
        moving = library.selected
        assert moving in story_articles(app, DAM)
        await pilot.press("M")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, StoriesScreen)
        # Every story, and a new story of its own last.
        assert dialog.query_one(OptionList).option_count == 4
        await pilot.press("down", "enter")  # the tram story
        await settle(pilot)
        assert moving in story_articles(app, TRAM)
        assert len(story_articles(app, DAM)) == 4
        assert library.selected == moving  # the cursor follows it
        assert any("6 articles" in row for row in rows(app))
        # The overview and compare follow the corrected stories.
        await pilot.press("c")
        await settle(pilot)
        assert set(app.screen.others) == set(story_articles(app, TRAM)) - {moving}
        await pilot.press("escape", "o")
        await settle(pilot)
        label = app.state.grouping.stories[TRAM].label
        assert app.screen.sub_title.startswith(f"overview · {label} · 6 articles")
    assert folder_bytes() == before


async def test_splitting_takes_the_marked_and_current_articles_into_a_new_story() -> None:
    app = make_app([STORIES_FOLDER])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await settle(pilot)
        library = app.screen.query_one(ArticleList)
        await pilot.press("space", "down")
        pair = {0, library.selected}
        await pilot.press("n")
        await settle(pilot)
        assert len(app.state.grouping.stories) == 4
        new = app.state.grouping.story_of(0)
        assert set(story_articles(app, new)) == pair
        assert len(story_articles(app, DAM)) == 3
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, OverviewScreen)
        assert set(app.screen.members) == pair
        await pilot.press("escape")
        # A story of one has nothing to sum up: the overview is of every article.
        await pilot.press("end", "left", "o")
        await settle(pilot)
        assert isinstance(app.screen, OverviewScreen)
        assert app.screen.story_number is None
        assert app.screen.sub_title.startswith("overview · 11 articles")


async def test_a_folder_of_one_story_keeps_the_flat_library() -> None:
    app = make_app([UI_FOLDER])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await settle(pilot)
        assert app.state.grouping is not None and len(app.state.grouping.stories) == 1
        library = app.screen.query_one(ArticleList)
        assert not library.grouped
        assert len(rows(app)) == 7
        assert not any(row.startswith(("▾", "▸")) for row in rows(app))
        assert "stories" not in app.screen.sub_title
        await pilot.press("e", "M", "n")  # the story keys do nothing here
        assert len(app.state.grouping.stories) == 1
        await pilot.press("o")
        await settle(pilot)
        assert app.screen.sub_title.startswith("overview · 7 articles")


async def test_a_grouped_library_keeps_overview_and_find_in_the_key_bar_at_80x24() -> None:
    """The story keys live in ? and the palette: the bar keeps the screen's own keys."""
    app = make_app([STORIES_FOLDER])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await settle(pilot)
        assert "3 stories" in app.screen.sub_title
        bar = str(app.screen.query_one(KeyBar).render())
        assert "Overview" in bar and "Find" in bar, bar
        await pilot.press("question_mark")
        await pilot.pause()
        shown = help_text(app.screen)
        assert "Move to story" in shown and "Split story" in shown and "All stories" in shown
