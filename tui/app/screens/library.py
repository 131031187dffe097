"""LibraryScreen: the articles on the left, the selected one on the right."""

from __future__ import annotations

import gc
import time
from collections import deque
from collections.abc import Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.screen import Screen
from textual.timer import Timer
from textual.worker import get_current_worker

from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.key_bar import KeyBar
from tui.app.widgets.reader import Reader
from tui.app.widgets.title_bar import TitleBar
from tui.core.reading.articles import Article
from tui.core.reading.loading import LoadResult, find_files, load_files
from tui.core.reading.problems import Problem

if TYPE_CHECKING:
    from textual.widgets import ProgressBar

    from tui.app.app import StoryReaderApp

NARROW = 100
"""Below this many columns the library stacks above the reader."""
_BATCH_SECONDS = 0.25
"""How often new rows from the loading worker reach the table. The first screenful is
read before the first frame; after that each batch repaints the list, and painting
competes with reading for the interpreter (at 20 batches a second, 10,000 files took
twice as long to load)."""
_FIRST_FRAME_BUDGET = 0.04
"""Seconds spent reading files before the first frame; the worker reads the rest."""
_WARM_UP_AFTER = 1.0
"""Seconds after loading before the compare engine is imported in the background."""
_SETTLE_AFTER = 0.2
"""Seconds between parsing the next screens' styles and settling the heap."""
_PREFETCH_AFTER = 0.3
"""Seconds the cursor rests on a partner for the marked article before the two are
aligned ahead of `c` (short pairs only: a few milliseconds of a thread)."""
_PROGRESS_AFTER = 0.3
"""Seconds of loading after which a progress bar appears (small stories never need one)."""


def _settle_heap() -> None:
    """One full collection, then freeze what is left: the loaded story lives until exit.

    The collector's later passes then walk only new objects instead of pausing a
    screen's first paint for tens of milliseconds to rescan the whole story.
    """
    gc.collect()
    gc.freeze()


class LibraryScreen(Screen[None]):
    """Browse the articles of the story and read them.

    Articles are loaded in a thread worker; rows appear as files are read, with a
    progress bar, and the first row is selected as soon as it exists.
    """

    CSS_PATH = "library.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "find", "Find", tooltip="Find text in the article"),
        Binding("y", "copy", "Copy", tooltip="Copy the selection, or the whole article"),
        Binding("l", "toggle_library", "Library", tooltip="Show or hide the library pane"),
        Binding("exclamation_mark", "problems", "Skipped", tooltip="Files that could not be read"),
        Binding(
            "o", "overview", "Overview", tooltip="The whole story: shares, groups, figures, quotes"
        ),
        Binding("escape", "focus_library", "Back to the list", show=False),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | / | Find text in the article. |
    | y | Copy the selected text, or the whole article. |
    | l | Show or hide the library pane. |
    | ! | List the files that could not be read, and why. |
    | o | The story overview: who shares what, figures, quotes, only-here. |
    | escape | Back to the library list. |
    """

    BINDING_GROUP_TITLE = "Library screen"

    def __init__(self, paths: Sequence[Path], story: str) -> None:
        super().__init__()
        self.paths = list(paths)
        self.story = story
        self._loading = True
        self._done = 0
        self._total = 0
        self._inbox: deque[tuple[list[Article], list[Problem], int]] = deque()
        """What the loading worker has read and the library not yet shown."""
        self._drainer: Timer
        self._progress: ProgressBar | None = None
        """Shown while a big folder loads."""
        self._resting: Timer | None = None
        """Runs `_prefetch` once the cursor has rested on a partner for the marked article."""

    @property
    def _app(self) -> StoryReaderApp:
        return cast("StoryReaderApp", self.app)

    @property
    def library(self) -> ArticleList:
        """The article table."""
        return self.query_one(ArticleList)

    @property
    def reader(self) -> Reader:
        """The reading pane."""
        return self.query_one(Reader)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="panes"):
            with Vertical(id="library-pane"):
                yield ArticleList(self._app.articles, id="library")
            yield Reader(id="reader")
        yield KeyBar()

    def on_mount(self) -> None:
        self.library.focus()
        found = find_files(self.paths)
        self._loading_started(len(found.files), found.problems)
        results = load_files(found.files, folders=found.folders)
        done = self._load_first(results, len(found.files))
        if done < len(found.files):
            self._load(results, done)
        else:
            # After the first frame, so its notification lands on a live screen.
            self.call_after_refresh(self._loading_finished)

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width < NARROW, "-narrow")

    # Loading

    def _load_first(self, results: Iterator[tuple[Path, LoadResult]], total: int) -> int:
        """Read files until the budget is spent, so the first frame already has rows.

        A story of a few dozen articles is read entirely here; a big folder shows its
        first rows at once and the worker reads the rest from the same ``results``.
        Returns how many files were read.
        """
        deadline = time.monotonic() + _FIRST_FRAME_BUDGET
        articles: list[Article] = []
        problems: list[Problem] = []
        done = 0
        while done < total and time.monotonic() < deadline:
            _, loaded = next(results)
            articles.extend(loaded.articles)
            problems.extend(loaded.problems)
            done += 1
        self._arrived(articles, problems, done)
        return done

    @work(thread=True, exclusive=True, group="load", description="load the remaining files")
    def _load(self, results: Iterator[tuple[Path, LoadResult]], start: int) -> None:
        """Read the remaining files; a timer on the UI side drains what they give.

        Handing results over through a queue (not a call per batch) means a slow file
        never holds back the rows already read.
        """
        worker = get_current_worker()
        for done, (_, loaded) in enumerate(results, start + 1):
            if worker.is_cancelled:
                return
            self._inbox.append((loaded.articles, loaded.problems, done))
        self.app.call_from_thread(self._loading_finished)

    def _drain(self) -> None:
        """Move what the loading worker has read into the library."""
        articles: list[Article] = []
        problems: list[Problem] = []
        done = self._done
        while self._inbox:
            batch, skipped, done = self._inbox.popleft()
            articles.extend(batch)
            problems.extend(skipped)
        if done != self._done:
            self._arrived(articles, problems, done)

    def _loading_started(self, total: int, problems: list[Problem]) -> None:
        self._total = total
        self._app.problems.extend(problems)
        self.set_timer(_PROGRESS_AFTER, self._show_progress)
        self._drainer = self.set_interval(_BATCH_SECONDS, self._drain)

    def _show_progress(self) -> None:
        if self._loading:
            # Imported here: only a folder that takes a while to load ever shows one.
            from textual.widgets import ProgressBar

            bar = ProgressBar(total=max(self._total, 1), show_eta=False, id="load-progress")
            bar.progress = self._done
            self.query_one("#library-pane").mount(bar)
            self._progress = bar

    def _arrived(self, articles: list[Article], problems: list[Problem], done: int) -> None:
        self._app.articles.extend(articles)
        self._app.problems.extend(problems)
        self.library.refresh_rows()
        self._done = done
        if self._progress is not None:
            self._progress.update(progress=done)
        self.sub_title = f"{self.story} · loading {done:,}/{self._total:,} files…"

    def _loading_finished(self) -> None:
        self._drainer.stop()
        self._drain()
        self._loading = False
        self.refresh_bindings()
        self.set_timer(_WARM_UP_AFTER, self._warm_up)
        if self._progress is not None:
            self._progress.remove()
            self._progress = None
        count = len(self._app.articles)
        self.sub_title = f"{self.story} · {count:,} article{'s' if count != 1 else ''}"
        problems = self._app.problems
        if problems:
            lines = [str(problem) for problem in problems[:5]]
            if len(problems) > 5:
                lines.append(f"… and {len(problems) - 5} more")
            lines.append("Press ! to list them all.")
            self.notify(
                "\n".join(lines),
                title=f"Skipped {len(problems)} file{'s' if len(problems) != 1 else ''}",
                severity="warning" if count else "error",
                markup=False,
                timeout=10,
            )
        if not count:
            self.reader.show_nothing("Nothing to read: no article could be opened.")
        if self._app.start_compare:
            self._app.start_compare = False
            if count >= 2:
                self._app.open_compare(0, 1)
            else:
                self.notify("--compare needs two articles.", severity="error")

    @work(thread=True, exclusive=True, group="warm-up")
    def _warm_up(self) -> None:
        """Import the compare screen and the alignment engine while the user reads.

        Startup does not wait for them, and the first compare does not either.
        """
        from tui.app.screens.compare import CompareScreen
        from tui.app.screens.help import HelpScreen
        from tui.app.screens.pick import PickSourceScreen

        self.app.call_from_thread(self._warmed, CompareScreen, HelpScreen, PickSourceScreen)

    def _warmed(self, *screens: type[Screen]) -> None:
        """Parse the next screens' styles now, and settle the heap in a later moment.

        Two short pauses while the user reads, rather than one long one.
        """
        self._app.load_styles(*screens)
        self.set_timer(_SETTLE_AFTER, _settle_heap)

    # Navigation

    @on(ArticleList.Highlighted)
    def _row_highlighted(self, event: ArticleList.Highlighted) -> None:
        article = self._app.articles[event.index]
        if article is not self.reader.article:
            self.reader.read(article)
        self._stop_resting()
        marked = self.library.marked
        if marked is not None and marked != event.index:
            partner = self._app.articles[marked]
            self._resting = self.set_timer(
                _PREFETCH_AFTER, partial(self._prefetch, partner, article)
            )

    def _stop_resting(self) -> None:
        if self._resting is not None:
            self._resting.stop()
            self._resting = None

    @work(thread=True, exclusive=True, group="prefetch", description="align a pair ahead")
    def _prefetch(self, first: Article, second: Article) -> None:
        """Align the marked article with the one the cursor rests on, so `c` opens at once."""
        from tui.app.screens.compare import aligns_at_once

        if aligns_at_once(first, second):
            self._app.comparison_of(first, second)

    @on(ArticleList.CompareRequested)
    def _compare_requested(self, event: ArticleList.CompareRequested) -> None:
        if len(self._app.articles) < 2:
            self.notify("Comparing needs at least two articles.", severity="warning")
            return
        self._stop_resting()
        if event.marked is None:
            self._app.open_compare(event.index)
            return
        self.library.marked = None
        self.library.refresh()
        self._app.open_compare(event.marked, event.index)

    @on(ArticleList.Chosen)
    def _row_chosen(self) -> None:
        self.reader.view.focus()

    def select(self, index: int) -> None:
        """Put the library cursor on article ``index`` and read it."""
        self.library.select(index)

    # Actions

    async def action_find(self) -> None:
        await self.reader.open_find()

    def action_copy(self) -> None:
        selected = self.get_selected_text()
        if selected:
            self.app.copy_to_clipboard(selected)
            self.notify(f"Copied the selection ({len(selected):,} characters)")
        elif self.reader.article is not None:
            self.app.copy_to_clipboard(self.reader.article.text)
            article = self.reader.article
            self.notify(f"Copied {article.name} ({article.chars:,} characters)", markup=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "problems":
            return bool(self._app.problems)
        if action == "overview":
            return len(self._app.articles) > 1 and not self._loading
        return True

    def action_overview(self) -> None:
        self._app.open_overview()

    def action_problems(self) -> None:
        from tui.app.screens.problems import ProblemsScreen

        self.app.push_screen(ProblemsScreen(self._app.problems))

    def action_toggle_library(self) -> None:
        pane = self.query_one("#library-pane")
        pane.display = not pane.display
        if not pane.display:
            self.reader.view.focus()

    def action_focus_library(self) -> None:
        pane = self.query_one("#library-pane")
        pane.display = True
        self.library.focus()
