"""LibraryScreen: the articles on the left, the selected one on the right."""

from __future__ import annotations

import time
from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.screen import Screen
from textual.timer import Timer
from textual.worker import get_current_worker

from tui.app import navigation, startup
from tui.app.courtesy import courtesy
from tui.app.loader import FolderLoader
from tui.app.remember import remember, remembered
from tui.app.state import AT_ONCE_CHARS, StoryState
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.key_bar import KeyBar
from tui.app.widgets.reader import Reader
from tui.app.widgets.title_bar import TitleBar
from tui.core.reading.address import is_url
from tui.core.reading.articles import Article
from tui.core.text.safe import inert_line

if TYPE_CHECKING:
    from textual.widgets import ProgressBar

    from tui.core.story.grouping import Grouping

NARROW = 100
"""Below this many columns the library stacks above the reader."""
_BATCH_SECONDS = 0.25
"""How often new rows from the loading worker reach the table. The first screenful is
read before the first frame; after that each batch repaints the list, and painting
competes with reading for the interpreter (at 20 batches a second, 10,000 files took
twice as long to load)."""
_FIRST_FRAME_BUDGET = 0.04
"""Seconds spent reading files before the first frame; the worker reads the rest."""
_PREFETCH_AFTER = 0.3
"""Seconds the cursor rests on a partner for the marked article before the two are
aligned ahead of `c` (short pairs only: a few milliseconds of a thread)."""
_PROGRESS_AFTER = 0.3
"""Seconds of loading after which a progress bar appears (small stories never need one)."""
_GROUPING_REFRESH = 0.25
"""How often the grouping's progress reaches the title bar."""


class LibraryScreen(Screen[None]):
    """Browse the articles of the story and read them.

    Articles are loaded in a thread worker; rows appear as files are read, with a
    progress bar, and the first row is selected as soon as it exists.
    """

    CSS_PATH = "library.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "o", "overview", "Overview", tooltip="The whole story: shares, groups, figures, quotes"
        ),
        Binding("slash", "find", "Find", tooltip="Find text in the article"),
        Binding("exclamation_mark", "problems", "Skipped", tooltip="Files that could not be read"),
        Binding("y", "copy", "Copy", tooltip="Copy the selection, or the whole article"),
        Binding("l", "toggle_library", "Library", tooltip="Show or hide the library pane"),
        Binding(
            "w", "browse", "Web page", show=False, tooltip="Open the article's URL in the browser"
        ),
        Binding("escape", "focus_library", "Back to the list", show=False),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | o | The story overview: who shares what, figures, quotes, only-here. |
    | / | Find text in the article. |
    | ! | List the files that could not be read, and why. |
    | y | Copy the selected text, or the whole article. |
    | l | Show or hide the library pane. |
    | w | Open the article's web address (its URL) in the browser. |
    | escape | Back to the library list. |
    """

    BINDING_GROUP_TITLE = "Library screen"

    def __init__(self, state: StoryState, *, compare_first: bool = False) -> None:
        super().__init__()
        self.state = state
        """What is read, and the story once it all is."""
        self._compare_first = compare_first
        """Open the first two articles' comparison once loading is done (``--compare``)."""
        self._loader: FolderLoader | None = None
        self._drainer: Timer | None = None
        self._progress: ProgressBar | None = None
        """Shown while a big folder loads."""
        self._resting: Timer | None = None
        """Runs `_prefetch` once the cursor has rested on a partner for the marked article."""

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
                yield ArticleList(self.state.articles, id="library")
            yield Reader(id="reader")
        yield KeyBar()

    def on_mount(self) -> None:
        settings = remembered(self.app)
        self.library.sort = settings.sort
        self.query_one("#library-pane").display = settings.show_library
        self.watch(self.library, "sort", self._sorted, init=False)
        self.library.focus()
        loader = self._loader = FolderLoader(self.state)
        loader.read_first(_FIRST_FRAME_BUDGET)
        self._arrived()
        selected = self.library.selected
        if selected is not None:
            # Now, not when the cursor's message comes: the text is in the first frame.
            self.reader.read(self.state.articles[selected])
        if loader.finished:
            # After the first frame, so its notification lands on a live screen.
            self.call_after_refresh(self._loading_finished)
            return
        self.set_timer(_PROGRESS_AFTER, self._show_progress)
        self._drainer = self.set_interval(_BATCH_SECONDS, self._take_in)
        self._load(loader)

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width < NARROW, "-narrow")

    # Loading

    @work(thread=True, exclusive=True, group="load", description="load the remaining files")
    def _load(self, loader: FolderLoader) -> None:
        """Read the remaining files; a timer on the interface's side takes them in."""
        worker = get_current_worker()
        loader.read_rest(lambda: worker.is_cancelled)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._loading_finished)

    def _take_in(self) -> None:
        if self._loader is not None and self._loader.take_in():
            self._arrived()

    def _show_progress(self) -> None:
        if self.state.loading and self._loader is not None:
            # Imported here: only a folder that takes a while to load ever shows one.
            from textual.widgets import ProgressBar

            bar = ProgressBar(total=max(self._loader.total, 1), show_eta=False, id="load-progress")
            bar.progress = self._loader.done
            self.query_one("#library-pane").mount(bar)
            self._progress = bar

    def _arrived(self) -> None:
        assert self._loader is not None
        self.library.refresh_rows(self.state.names, self.state.widest_name)
        done, total = self._loader.done, self._loader.total
        if self._progress is not None:
            self._progress.update(progress=done)
        self.sub_title = f"{self.state.name} · loading {done:,}/{total:,} files…"

    def _loading_finished(self) -> None:
        if self._drainer is not None:
            self._drainer.stop()
        self._take_in()
        self.state.finish()
        self.refresh_bindings()
        self.set_timer(startup.WARM_UP_AFTER, self._warm_up)
        if self._progress is not None:
            self._progress.remove()
            self._progress = None
        count = len(self.state.articles)
        self.sub_title = self._counted()
        if count >= 2:
            self.sub_title += " · finding the stories…"
            self._group()
        problems = self.state.problems
        if problems:
            lines = [inert_line(str(problem)) for problem in problems[:5]]
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
        if self._compare_first:
            self._compare_first = False
            if count >= 2:
                navigation.open_compare(self.app, self.state, 0, 1)
            else:
                self.notify("--compare needs two articles.", severity="error")

    def _counted(self) -> str:
        """``name · 20 articles``, and ``· 4 stories`` once they are found (more than one)."""
        count = len(self.state.articles)
        title = f"{self.state.name} · {count:,} article{'s' if count != 1 else ''}"
        if self.state.many_stories:
            assert self.state.grouping is not None
            title += f" · {len(self.state.grouping.stories):,} stories"
        return title

    # Stories

    @work(thread=True, exclusive=True, group="stories", description="find the stories")
    def _group(self) -> None:
        """Group the articles into stories; until then the library is one flat list."""
        from tui.core.story.grouping import Grouping, iter_grouping

        worker = get_current_worker()
        shown = 0.0
        stop = courtesy.polite(lambda: worker.is_cancelled)
        for step in iter_grouping(self.state.articles, cancelled=stop):
            if worker.is_cancelled:
                return
            if isinstance(step, Grouping):
                self.app.call_from_thread(self._grouped, step)
            elif time.monotonic() - shown > _GROUPING_REFRESH:
                label = f"finding the stories: {step.stage} {step.done:,}/{step.total:,}"
                self.app.call_from_thread(
                    setattr, self, "sub_title", f"{self._counted()} · {label}"
                )
                shown = time.monotonic()

    def _grouped(self, grouping: Grouping) -> None:
        self.state.regroup(grouping)
        self._show_stories()

    def _show_stories(self) -> None:
        """Group the rows as the state's stories are now (flat for one story)."""
        grouping = self.state.grouping
        many = self.state.many_stories
        self.library.set_stories(grouping.stories if many and grouping is not None else None)
        self.sub_title = self._counted()

    @on(ArticleList.MoveRequested)
    def _move_requested(self, event: ArticleList.MoveRequested) -> None:
        self.action_move_article(event.index)

    def action_move_article(self, index: int | None = None) -> None:
        """Ask which story article ``index`` (default: under the cursor) belongs to, and move it."""
        from tui.app.regrouping import move
        from tui.app.screens.stories import StoriesScreen

        grouping = self.state.grouping
        index = self.library.selected if index is None else index
        if grouping is None or index is None:
            self.notify("Put the cursor on an article once the stories are found.")
            return
        current = grouping.story_of(index)
        label = self.state.labels[index]

        def chosen(target: int | None) -> None:
            if target is not None and self.state.grouping is grouping:
                self.state.regroup(move(grouping, index, target))
                self._show_stories()
                self.library.select(index)

        self.app.push_screen(
            StoriesScreen(grouping.stories, f"Move {label} to…", current=current, new_story=True),
            chosen,
        )

    @on(ArticleList.SplitRequested)
    def _split_requested(self, event: ArticleList.SplitRequested) -> None:
        self.split_off(event.articles)

    def split_off(self, articles: tuple[int, ...] | None = None) -> None:
        """Take ``articles`` (default: the one under the cursor) out into a new story."""
        from tui.app.regrouping import split

        grouping = self.state.grouping
        if articles is None:
            selected = self.library.selected
            articles = (selected,) if selected is not None else ()
        if grouping is None or not articles:
            self.notify("Put the cursor on an article once the stories are found.")
            return
        regrouped = split(grouping, articles)
        if regrouped is grouping:
            self.notify("Those articles are their story already.")
            return
        self.state.regroup(regrouped)
        self._show_stories()
        self.library.select(articles[0])
        count = len(articles)
        self.notify(f"{count} article{'s' if count != 1 else ''} split off into a new story.")

    @work(thread=True, exclusive=True, group="warm-up")
    def _warm_up(self) -> None:
        """Import the next screens and the alignment engine while the user reads.

        Startup does not wait for them, and the first compare does not either.
        """
        screens = startup.next_screens()
        self.app.call_from_thread(self._warmed, *screens)

    def _warmed(self, *screens: type[Screen]) -> None:
        """Parse the next screens' styles now, and settle the heap in a later moment.

        Two short pauses while the user reads, rather than one long one.
        """
        startup.load_styles(self.app, *screens)
        self.set_timer(startup.SETTLE_AFTER, startup.settle_heap)

    # Navigation

    @on(ArticleList.Highlighted)
    def _row_highlighted(self, event: ArticleList.Highlighted) -> None:
        article = self.state.articles[event.index]
        if article is not self.reader.article:
            self.reader.read(article)
        self._stop_resting()
        marked = self.library.marked
        if marked is not None and marked != event.index and not self.state.loading:
            self._resting = self.set_timer(
                _PREFETCH_AFTER, partial(self._prefetch, marked, event.index)
            )

    def _stop_resting(self) -> None:
        if self._resting is not None:
            self._resting.stop()
            self._resting = None

    @work(thread=True, exclusive=True, group="prefetch", description="align a pair ahead")
    def _prefetch(self, first: int, second: int) -> None:
        """Align the marked article with the one the cursor rests on, so `c` opens at once."""
        pair = self.state.articles[first].chars + self.state.articles[second].chars
        if pair <= AT_ONCE_CHARS:
            self.state.comparison(first, second)

    @on(ArticleList.CompareRequested)
    def _compare_requested(self, event: ArticleList.CompareRequested) -> None:
        if self.state.loading:
            self.notify("Still reading the files: compare once they are all read.")
            return
        if len(self.state.articles) < 2:
            self.notify("Comparing needs at least two articles.", severity="warning")
            return
        self._stop_resting()
        if event.marked is None:
            navigation.open_compare(self.app, self.state, event.index)
            return
        self.library.marked = None
        self.library.refresh()
        navigation.open_compare(self.app, self.state, event.marked, event.index)

    @on(ArticleList.Chosen)
    def _row_chosen(self) -> None:
        self.reader.view.focus()

    def select(self, index: int) -> None:
        """Put the library cursor on article ``index`` and read it."""
        self.library.select(index)

    def sort_by(self, order: str) -> None:
        """Order the library by one of `SORTS` (the palette's sort commands)."""
        self.library.sort = order

    def action_compare(self) -> None:
        """Compare the article under the cursor with another (the palette's ``Compare…``)."""
        self.library.action_compare()

    # Actions

    async def action_find(self) -> None:
        await self.reader.open_find()

    def action_copy(self) -> None:
        from tui.app.clipboard import copy, shown_text

        selected = self.get_selected_text()
        if selected:
            copy(self.app, selected, f"the selection ({len(selected):,} characters)")
        elif self.reader.article is not None:
            article = self.reader.article
            from tui.app.document_cache import documents

            document = documents.get(article.text)  # the reader's, once it is shown
            text = shown_text(document) if document is not None else article.text
            copy(self.app, text, f"{inert_line(article.name)} ({len(text):,} characters)")

    def action_overview(self) -> None:
        """The overview, or why there is none yet: it needs every file read."""
        if self.state.loading:
            loader = self._loader
            done = f" ({loader.done:,} of {loader.total:,})" if loader else ""
            self.notify(f"Still reading the files{done}: the overview opens once all are read.")
        elif len(self.state.articles) < 2:
            self.notify("The overview needs at least two articles.", severity="warning")
        else:
            navigation.open_overview(self.app, self.state, self.library.selected_story)

    def action_problems(self) -> None:
        """The files that could not be read (or no longer can); while loading, those so far."""
        from tui.app.screens.problems import ProblemsScreen

        problems = self.state.all_problems()
        if not problems:
            if self.state.loading:
                self.notify("No problems so far (still reading the files).")
            else:
                self.notify("No problems: every file was read.")
            return
        self.app.push_screen(ProblemsScreen(problems, loading=self.state.loading))

    def add_articles(self, articles: Sequence[Article]) -> None:
        """Articles read after the rest (fetched from the web): listed, the first one shown."""
        first = len(self.state.articles)
        self.state.add(articles, [])
        self.library.refresh_rows(self.state.names, self.state.widest_name)
        self.library.select(first)
        self.refresh_bindings()
        count = len(self.state.articles)
        if not self.state.loading:
            self.sub_title = f"{self.state.name} · {count:,} article{'s' if count != 1 else ''}"
        names = ", ".join(inert_line(article.outlet) for article in articles)
        self.notify(f"Added {names}", markup=False)

    def action_browse(self) -> None:
        """Open the article's URL (from the web, or stated in the file) in the browser."""
        article = self.reader.article
        url = article.url if article is not None else None
        if url is None or not is_url(url):
            self.notify("This article names no web address.", severity="warning")
            return
        import webbrowser

        try:
            webbrowser.get()
        except webbrowser.Error:
            self.notify(
                f"No web browser found to open {inert_line(url)}", severity="warning", markup=False
            )
            return
        self.app.open_url(url)
        self.notify(f"Opening {inert_line(url)} in the browser", markup=False)

    def _sorted(self, order: str) -> None:
        remember(self.app, sort=order)

    def action_toggle_library(self) -> None:
        pane = self.query_one("#library-pane")
        pane.display = not pane.display
        if not pane.display:
            self.reader.view.focus()
        remember(self.app, show_library=pane.display)

    def action_focus_library(self) -> None:
        pane = self.query_one("#library-pane")
        pane.display = True
        self.library.focus()
        remember(self.app, show_library=True)
