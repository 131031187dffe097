"""StoryReaderApp: one app, a screen per mode, global keys and the command palette."""

from __future__ import annotations

import gc
import inspect
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.events import Resize
from textual.screen import Screen

from tui.app.offload import run_in_process
from tui.app.screens.library import LibraryScreen
from tui.app.screens.too_small import MIN_HEIGHT, MIN_WIDTH, TooSmallScreen
from tui.app.widgets.document_view import DOCUMENT_CLASSES
from tui.core.reading.articles import Article
from tui.core.reading.bundled import bundled_story
from tui.core.reading.problems import Problem

if TYPE_CHECKING:
    from textual.command import Provider

    from tui.core.alignment.comparison import Comparison
    from tui.core.spans import Span

OFFLOAD_CHARS = 200_000
"""Pairs longer than this (characters, both texts) are aligned in a child process."""
THEME = "textual-dark"
"""The theme the app starts in (snapshot tests rely on it; ctrl+p switches)."""


def _article_commands() -> type[Provider]:
    """The palette's article commands, imported when the palette first opens."""
    from tui.app.commands import ArticleCommands

    return ArticleCommands


def story_name(paths: Sequence[Path]) -> str:
    """What the header calls the story: the bundled one, a folder's name, or a count."""
    if len(paths) == 1:
        path = paths[0]
        if path.resolve() == bundled_story().resolve():
            return "Bundled story"
        return path.resolve().name or str(path)
    return f"{len(paths)} sources"


class StoryReaderApp(App[None]):
    """Read one news story through many sources."""

    CSS_PATH: ClassVar[list[str | Path]] = ["app.tcss", "screens/library.tcss"]
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
    | ctrl+p | Command palette: open an article, toggle the library, change theme. |
    | q | Quit. |
    """

    BINDING_GROUP_TITLE = "Everywhere"

    def __init__(self, paths: Sequence[Path], *, compare: bool = False) -> None:
        super().__init__()
        self.paths = list(paths)
        self.start_compare = compare
        self.articles: list[Article] = []
        """Every article loaded so far, in load order; screens refer to articles by index."""
        self.problems: list[Problem] = []
        """Every input that could not be read, with the reason."""
        self._comparisons: dict[tuple[int, int], Comparison] = {}

    def get_default_screen(self) -> Screen:
        """The library is the bottom of the stack: no blank screen is built and replaced."""
        return LibraryScreen(self.paths, story_name(self.paths))

    def on_mount(self) -> None:
        self.theme = THEME
        self._check_size(self.size.width, self.size.height)
        self.call_after_refresh(gc.enable)  # paused for startup by `tui.cli`

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

    def load_styles(self, *screens: type[Screen]) -> None:
        """Parse the stylesheets of ``screens`` now, while the user reads.

        Textual reads a screen's `CSS_PATH` when the screen is first pushed, and
        re-parses every stylesheet of the app to do it: some 25 ms that the first
        compare would otherwise spend before it paints.
        """
        paths = [
            str((Path(inspect.getfile(screen)).parent / str(screen.CSS_PATH)).resolve())
            for screen in screens
            if screen.CSS_PATH  # ours name one file each
        ]
        missing = [path for path in paths if not self.stylesheet.has_source(path, "")]
        for path in missing:
            self.stylesheet.read(path)
        if missing:
            self.stylesheet.reparse()
            self.stylesheet.update(self)

    def action_help(self) -> None:
        from tui.app.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen | TooSmallScreen):
            self.push_screen(HelpScreen(self.screen))

    def comparison_of(self, a: Article, b: Article) -> Comparison:
        """Align ``a`` with ``b`` once; later requests (either way round) reuse it.

        Call it from a worker thread. A long pair is aligned in a child process, so
        the interface answers keys at full speed meanwhile (see `tui.app.offload`);
        at worst two workers align the same pair.

        Raises:
            OffloadCancelledError: The calling worker was cancelled during a long pair.
        """
        # Imported on first use: the alignment engine is not needed to show the library.
        from tui.core.alignment.comparison import compare, swapped

        key = (id(a), id(b))
        cached = self._comparisons.get(key)
        if cached is None:
            reverse = self._comparisons.get((id(b), id(a)))
            if reverse is not None:
                cached = swapped(reverse)
            elif len(a.text) + len(b.text) > OFFLOAD_CHARS:
                cached = run_in_process(compare, a, b)
            else:
                cached = compare(a, b)
            self._comparisons[key] = cached
        return cached

    def open_compare(
        self,
        first: int,
        second: int | None = None,
        comparison_of: Callable[[Article, Article], Comparison] | None = None,
    ) -> None:
        """Compare article ``first`` with ``second``, or let the user pick the second.

        The compare screen opens over the current screen (escape comes back to it),
        except over another compare screen, which it replaces. ``comparison_of``
        supplies links already computed (the overview's); by default the pair is
        aligned, once, and kept.
        """
        # Imported on first use, like the engine they drive: startup stays lean.
        from tui.app.screens.compare import CompareScreen
        from tui.app.screens.pick import PickSourceScreen

        if second is None:
            picker = PickSourceScreen(first, self.articles, self.comparison_of)
            self.push_screen(picker, lambda chosen: self._picked(first, chosen))
            return
        if isinstance(self.screen, CompareScreen):
            self.pop_screen()
        a, b = self.articles[first], self.articles[second]
        self.push_screen(CompareScreen(a, b, comparison_of=comparison_of or self.comparison_of))

    def _picked(self, first: int, chosen: int | None) -> None:
        if chosen is not None:
            self.open_compare(first, chosen)

    def _return_to_library(self) -> None:
        while not isinstance(self.screen, LibraryScreen) and len(self.screen_stack) > 1:
            self.pop_screen()

    def open_article(self, index: int) -> None:
        """Go back to the library and read article ``index``."""
        self._return_to_library()
        if isinstance(self.screen, LibraryScreen):
            self.screen.select(index)

    def open_sentence(self, index: int, span: Span | None) -> None:
        """Read article ``index`` over the current screen, ``span`` marked and in view."""
        from tui.app.screens.article import ArticleScreen

        self.push_screen(ArticleScreen(self.articles[index], span))

    def open_overview(self) -> None:
        """The story overview of every article loaded."""
        from tui.app.screens.overview import OverviewScreen

        self.push_screen(OverviewScreen(self.articles))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if isinstance(screen, LibraryScreen):
            yield SystemCommand(
                "Toggle library pane",
                "Show or hide the list of articles",
                screen.action_toggle_library,
            )
