"""StoryReaderApp: one app, a screen per mode, global keys and the command palette."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import partial
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.events import Resize
from textual.screen import Screen

from tui.app import startup
from tui.app.config import SettingsFile
from tui.app.courtesy import courtesy
from tui.app.remember import Remembered, folder_of, remember, settings_file, tell
from tui.app.screens.library import LibraryScreen
from tui.app.screens.too_small import MIN_HEIGHT, MIN_WIDTH, TooSmallScreen
from tui.app.state import StoryState
from tui.app.widgets.article_list import SORTS
from tui.app.widgets.document_view import DOCUMENT_CLASSES
from tui.core.alignment.marks import TIER_COLOURS
from tui.core.reading.bundled import bundled_story
from tui.core.text.safe import one_line

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.theme import Theme

    from tui.core.reading.articles import Article
    from tui.core.reading.session import Options

THEME = "textual-dark"
"""The theme the app starts in (snapshot tests rely on it; ctrl+p switches)."""
TIER_VARIABLES = {f"tier-{tier}": colour for tier, colour in TIER_COLOURS.items()}
"""Each link tier's colour as a theme variable, so every stylesheet (the compare panes',
the overview's matrix) can use it; each tier also has a mark (= ~ " ≈)."""

_ANSWERED = (events.Key, events.MouseDown, events.MouseScrollDown, events.MouseScrollUp)
"""Input the user waits to see answered (not mouse moves, which come by the dozen)."""


def _article_commands() -> type[Provider]:
    """The palette's article commands, imported when the palette first opens."""
    from tui.app.commands import ArticleCommands

    return ArticleCommands


class StoryReaderApp(App[None]):
    """Read one news story through many sources."""

    CSS_PATH: ClassVar[list[str | PurePath]] = ["app.tcss", "screens/library.tcss"]
    """The library's styles are read with the app's: read when its screen is pushed,
    they would make Textual parse every stylesheet a second time during startup."""
    TITLE = "storyreader"
    COMPONENT_CLASSES: ClassVar[set[str]] = set(DOCUMENT_CLASSES)
    """How every article view draws Markdown and highlights: resolved once per theme."""
    COMMANDS = App.COMMANDS | {_article_commands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help"),
        Binding("ctrl+p", "command_palette", "Commands", show=False),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | ? | Every key of the current screen. |
    | ctrl+p | Command palette: open an article, compare, overview, sort, change theme. |
    | q | Quit. |
    """

    BINDING_GROUP_TITLE = "Everywhere"

    def __init__(
        self,
        paths: Sequence[Path],
        *,
        compare: bool = False,
        options: Options | None = None,
        urls: Sequence[str] = (),
        settings: SettingsFile | None = None,
    ) -> None:
        super().__init__()
        self.remembered = Remembered(settings or settings_file())
        """What the app remembers between runs (``--no-config``: nothing)."""
        self.options = options
        self.state = StoryState(paths, options)
        """The story: what was read, what could not be, and every comparison made."""
        self.start_compare = compare
        """Open the first two articles' comparison once they are read (``--compare``)."""
        self.start_urls = list(urls)
        """Web addresses named on the command line, fetched once the library shows."""

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, _ANSWERED):
            # Workers step aside until the answer is painted (`tui.app.courtesy`).
            courtesy.hold()
            self.call_after_refresh(courtesy.release)
        await super().on_event(event)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return TIER_VARIABLES

    def get_default_screen(self) -> Screen:
        """The library is the bottom of the stack: no blank screen is built and replaced."""
        return LibraryScreen(self.state, compare_first=self.start_compare)

    def on_mount(self) -> None:
        settings = self.remembered.settings
        if settings.theme is not None and settings.theme not in self.available_themes:
            self.remembered.problems.append(f"settings: no theme named {settings.theme!r}")
        self.theme = settings.theme if settings.theme in self.available_themes else THEME
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        folder = folder_of(self.state.paths)
        if folder is not None and folder != bundled_story().resolve():
            self.remembered.change(last_folder=folder)
        self._check_size(self.size.width, self.size.height)
        self.call_after_refresh(startup.first_frame_drawn)
        self.call_after_refresh(tell, self)
        if self.start_urls:
            self.call_after_refresh(self.action_open_url, self.start_urls)

    def _theme_changed(self, theme: Theme) -> None:
        if theme.name != (self.remembered.settings.theme or THEME):
            remember(self, theme=theme.name)

    def action_open_last_folder(self) -> None:
        """Read the folder opened last instead of this story (the palette's command)."""
        folder = self.remembered.settings.last_folder
        if folder is None or not folder.is_dir():
            self.notify("The folder opened last is not there any more.", severity="warning")
            return
        # A library of its own over this one (the first library is the app's base
        # screen, which Textual cannot replace); the palette and Open URL use it.
        self.state = StoryState([folder], self.options)
        self.push_screen(LibraryScreen(self.state))

    def action_open_url(self, urls: Sequence[str] = ()) -> None:
        """Fetch an article from the web (the palette's ``Open URL…``) into the library."""
        from tui.app.screens.open_url import OpenUrlScreen

        self.push_screen(OpenUrlScreen(urls), self._fetched)

    def _fetched(self, articles: list[Article] | None) -> None:
        libraries = [screen for screen in self.screen_stack if isinstance(screen, LibraryScreen)]
        if articles and libraries:
            libraries[-1].add_articles(articles)

    def on_resize(self, event: Resize) -> None:
        self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int, height: int) -> None:
        """Cover the app with a clear message while the terminal is too small."""
        too_small = width < MIN_WIDTH or height < MIN_HEIGHT
        showing = isinstance(self.screen, TooSmallScreen)
        if too_small and not showing:
            self.push_screen(TooSmallScreen())
        elif showing and not too_small:
            self.pop_screen()

    def action_help(self) -> None:
        from tui.app.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen | TooSmallScreen):
            self.push_screen(HelpScreen(self.screen))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if not isinstance(screen, LibraryScreen):
            return
        many = self.state.many_stories
        last = self.remembered.settings.last_folder
        if last is not None and folder_of(self.state.paths) != last:
            yield SystemCommand(
                "Open last folder",
                f"Read {one_line(str(last))}, the folder opened last",
                self.action_open_last_folder,
            )
        yield SystemCommand(
            "Open URL…",
            "Fetch an article from a web address into the library",
            self.action_open_url,
        )
        yield SystemCommand(
            "Open in browser",
            "Open the article's web address (its URL) in the browser",
            screen.action_browse,
        )
        yield SystemCommand(
            "Compare…",
            f"Compare the selected article with another{' of its story' if many else ''}, "
            "chosen from a list",
            screen.action_compare,
        )
        if many:
            yield SystemCommand(
                "Move article to a story…",
                "Correct the grouping: the selected article belongs to another story",
                screen.action_move_article,
            )
            yield SystemCommand(
                "Split article off into a new story",
                "Correct the grouping: the selected article reports an event of its own",
                screen.split_off,
            )
        yield SystemCommand(
            "Overview",
            "The whole story: shares, copy groups, figures, quotes",
            screen.action_overview,
        )
        yield SystemCommand(
            "Skipped files", "The files that could not be read, and why", screen.action_problems
        )
        for order in SORTS:
            yield SystemCommand(
                f"Sort by {order}",
                f"Order the library by {order}",
                partial(screen.sort_by, order),
            )
        yield SystemCommand(
            "Toggle library pane", "Show or hide the list of articles", screen.action_toggle_library
        )
