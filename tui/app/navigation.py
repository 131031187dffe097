"""Going from one screen to another: compare a pair, read an article or a sentence, the overview.

Every screen that leads somewhere calls these with the app and the story state it
was handed, so the way to each screen is written once.
"""

from __future__ import annotations

from textual.app import App

from tui.app.state import StoryState
from tui.core.spans import Span


def open_compare(
    app: App[object], state: StoryState, first: int, second: int | None = None
) -> None:
    """Compare article ``first`` with ``second``, or let the user pick the second.

    The compare screen opens over the current screen (escape comes back to it),
    except over another compare screen, which it replaces.
    """
    # Imported on first use, like the engine they drive: startup stays lean.
    from tui.app.screens.compare import CompareScreen
    from tui.app.screens.pick import PickSourceScreen

    if second is None:

        def picked(chosen: int | None) -> None:
            if chosen is not None:
                open_compare(app, state, first, chosen)

        app.push_screen(PickSourceScreen(state, first), picked)
        return
    if isinstance(app.screen, CompareScreen):
        app.pop_screen()
    app.push_screen(CompareScreen(state, first, second))


def open_article(app: App[object], index: int) -> None:
    """Go back to the library and read article ``index`` there."""
    from tui.app.screens.library import LibraryScreen

    while not isinstance(app.screen, LibraryScreen) and len(app.screen_stack) > 1:
        app.pop_screen()
    if isinstance(app.screen, LibraryScreen):
        app.screen.select(index)


def open_sentence(app: App[object], state: StoryState, index: int, span: Span | None) -> None:
    """Read article ``index`` over the current screen, ``span`` marked and in view."""
    from tui.app.screens.article import ArticleScreen

    app.push_screen(ArticleScreen(state.articles[index], span, state.labels[index]))


def open_overview(app: App[object], state: StoryState, story: int | None = None) -> None:
    """The overview of story ``story`` of a folder of many, or of every article.

    A story of one article has nothing to sum up: the overview is of every article.

    Over another overview (choosing another story), it replaces it.
    """
    from tui.app.screens.overview import OverviewScreen

    if story is not None and state.many_stories and len(state.story_group(story).articles) < 2:
        app.notify("That story has one article: here is the overview of every article.")
        story = None
    if isinstance(app.screen, OverviewScreen):
        app.pop_screen()
    app.push_screen(OverviewScreen(state, story))
