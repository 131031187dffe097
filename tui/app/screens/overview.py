"""OverviewScreen: who shares what with whom, what only one outlet says, where facts diverge."""

from __future__ import annotations

import time
from functools import partial
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.events import DescendantFocus, Resize
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import OptionList, ProgressBar, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from tui.app import navigation
from tui.app.courtesy import courtesy
from tui.app.screens.overview_lists import LISTS, parse_target
from tui.app.share_kinds import CellKind, cell_kinds
from tui.app.state import StoryState
from tui.app.widgets.highlights import TIER_MARKS
from tui.app.widgets.key_bar import KeyBar
from tui.app.widgets.share_matrix import ShareMatrix
from tui.app.widgets.title_bar import TitleBar
from tui.app.widgets.working import Working
from tui.core.alignment.tiers import TIERS
from tui.core.reports.comparison import engine_line
from tui.core.story.overview import Overview, Progress, iter_overview

_REFRESH_SECONDS = 0.25
"""How often progress reaches the screen while the overview is computed (each update
repaints, and the work competes with the interface for the interpreter)."""
_REFIT_SECONDS = 0.15
"""Pause after the last resize before the lists are fitted to the new width."""
SHORT = 20
"""Below this many rows the matrix and the lists take the screen in turn."""
_CHUNK = 200
"""Entries added to a list per frame: a big story's thousands would hold a key back."""
_TITLE_LABEL = 40
"""Characters of a story's label the title keeps, so that its counts still show."""
"""Entries added to a list per frame: a big story's thousands would hold a key back."""


def legend(engine: str = "") -> Text:
    """What a matrix cell means, its marks in their tiers' words; the engine once known."""
    text = Text("% of the row's sentences the column carries, by ", style="dim")
    for number, tier in enumerate(TIERS):
        if number:
            text.append(" ", style="dim")
        text.append(f"{TIER_MARKS[tier]} {tier}", style="bold")
    text.append(" · pale: weak links · only: sentences no other carries", style="dim")
    if engine:
        text.append(f" · {engine}", style="dim")
    return text


class OverviewScreen(Screen[None]):
    """The whole story at once: the share matrix, copy groups, figures, quotes, only-here.

    Computed in a thread worker with a progress bar; the matrix appears first and
    the lists fill in as their parts are ready. Every entry leads to its sentences:
    Enter on a cell compares the pair, Enter on an entry opens the sentence.
    """

    CSS_PATH = "overview.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(panel.key, f"tab('{tab}')", panel.name, tooltip=f"The {panel.title} panel")
            for tab, panel in LISTS.items()
        ),
        Binding("m", "matrix", "Matrix", tooltip="The share matrix"),
        Binding("o", "choose_story", "Story", tooltip="The overview of another story"),
        Binding("e", "export", "Export", tooltip="Save the overview: web page, JSON or text"),
        Binding("escape", "back", "Library"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | f w g u | The figures, quotes, copy groups, only-here panels. |
    | m | The share matrix. |
    | o | The overview of another story of the folder (a folder of many stories). |
    | tab | Move between the matrix and the lists. |
    | enter | Compare a cell's pair, or open an entry's sentence. |
    | e | Export the overview: a web page (.html), JSON (.json) or text. |
    | escape | Back to the library. |
    """

    BINDING_GROUP_TITLE = "Overview"
    HELP_NOTES: ClassVar[str] = (
        "The matrix: how much of each article (row) every other (column) carries. "
        "A cell's mark is its tier (= copy, ~ edit, \" quote, ≈ paraphrase: the most "
        "literal tier of at least a third of its sentences); its shade is how strong "
        "the links are (pale: loose paraphrase; strong: close copying). Panels: m the "
        "matrix, f figures, w quotes, g copy groups, u only-here sentences."
    )
    """What the help screen says besides the keys."""

    def __init__(self, state: StoryState, story: int | None = None) -> None:
        super().__init__()
        self.state = state
        self.story_number = story if state.many_stories else None
        """Which story of a folder of many this sums up; ``None``: all the articles."""
        if self.story_number is None:
            self.story = state.story
            self.members: tuple[int, ...] = tuple(range(len(state.articles)))
        else:
            self.story = state.story_view(self.story_number)
            self.members = state.story_group(self.story_number).articles
        """The story the overview sums up, and where its articles are in the state's list."""
        self.articles = list(self.story.articles)
        self.labels = tuple(state.labels[member] for member in self.members)
        self.overview: Overview | None = None
        """The overview as far as it is computed."""
        self._kinds: tuple[tuple[CellKind | None, ...], ...] = ()
        """Each cell's kind of sharing, once the matrix is computed."""
        self._refit: Timer | None = None
        self._fitted: dict[str, int] = {}
        """The width each list's entries were last fitted to."""
        self._places: dict[str, int | None] = {}
        """Each list's highlighted entry while it is filled again."""

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="overview-top"):
            yield ShareMatrix(id="matrix")
            yield Static(id="cell-detail")
            yield Static(legend(), id="matrix-legend")
        with Horizontal(id="overview-progress"):
            yield ProgressBar(show_eta=False)
            yield Working("Comparing the articles", id="overview-progress-label")
        with TabbedContent(id="overview-lists"):
            for key, panel in LISTS.items():
                with TabPane(panel.title, id=key):
                    yield OptionList(id=f"{key}-list")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = self._title()
        self.query_one(ShareMatrix).focus()
        self._compute()

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.height < SHORT, "-short")
        if self._refit is not None:
            self._refit.stop()
        self._refit = self.set_timer(_REFIT_SECONDS, self._fit_lists)

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        """On a short screen, show the part that has the focus.

        A list shown for the first time gets its width then, and is fitted to it.
        """
        lists = self.query_one("#overview-lists", TabbedContent)
        in_lists = lists in event.widget.ancestors_with_self
        self.set_class(in_lists, "-lists")
        if in_lists and lists.active in self._fitted:
            self.call_after_refresh(self._fit, lists.active)

    @work(thread=True, exclusive=True, group="overview", description="the overview")
    def _compute(self) -> None:
        worker = get_current_worker()
        shown = 0.0
        kinds: tuple[tuple[CellKind | None, ...], ...] | None = None
        stop = courtesy.polite(lambda: worker.is_cancelled)
        for item in iter_overview(self.story, cancelled=stop):
            if worker.is_cancelled:
                return
            if isinstance(item, Progress):
                if time.monotonic() - shown > _REFRESH_SECONDS:
                    self.app.call_from_thread(self._progress, item)
                    shown = time.monotonic()
                continue
            if kinds is None:
                kinds = cell_kinds(item.cells, item.pair_links)
            self.app.call_from_thread(self._arrived, item, kinds)

    def _title(self, overview: Overview | None = None) -> str:
        count = len(self.articles)
        title = "overview"
        if self.story_number is not None:
            label = self.state.story_group(self.story_number).label
            cut = len(label) > _TITLE_LABEL
            title += f" · {label[: _TITLE_LABEL - 1].rstrip() + '…' if cut else label}"
        title += f" · {count} article{'s' if count != 1 else ''}"
        if overview is not None:
            stats = overview.stats
            title += f" · {stats.links} links in {stats.aligned_pairs} of {stats.pairs} pairs"
        return title

    def _progress(self, progress: Progress) -> None:
        self.query_one(ProgressBar).update(total=max(progress.total, 1), progress=progress.done)
        self.query_one("#overview-progress-label", Working).set_label(
            f"{progress.stage} {progress.done}/{progress.total}"
        )

    def _arrived(self, overview: Overview, kinds: tuple[tuple[CellKind | None, ...], ...]) -> None:
        first = self.overview is None
        self.overview = overview
        if first:
            aligner = overview.story.aligner
            line = engine_line(aligner.engine, aligner.engine_note)
            self.query_one("#matrix-legend", Static).update(legend(line))
            self.query_one(ShareMatrix).set_matrix(
                self.labels,
                overview.cells,
                [len(spans) for spans in overview.only_here],
                overview.order,
                kinds,
            )
        self._kinds = kinds
        for key in LISTS:
            if key not in self._fitted and self._ready(key, overview):
                self._fit(key)
        if overview.complete:
            self.refresh_bindings()
            self.query_one("#overview-progress").display = False
            self.sub_title = self._title(overview)

    def _list_width(self, options: OptionList) -> int:
        """Cells an entry of ``options`` may take without wrapping.

        A list in a tab not shown has no width yet: it is fitted to the screen's, less
        the scrollbar, and fitted again when its tab is shown (`_tab_shown`).
        """
        width = options.scrollable_content_region.width
        if not width:
            width = self.size.width - options.styles.scrollbar_size_vertical
        return max(width - 1, 10)

    def _fit(self, key: str) -> None:
        """Build list ``key`` for the width it has now (in a thread), keeping its place."""
        overview = self.overview
        if overview is None:
            return
        options = self.query_one(f"#{key}-list", OptionList)
        width = self._list_width(options)
        if self._fitted.get(key) == width:
            return  # built, or being built, for this width
        self._fitted[key] = width
        self.run_worker(
            partial(self._build, key, overview, width),
            thread=True,
            group=f"fit-{key}",
            exclusive=True,
            description="fit a list to its width",
        )

    def _build(self, key: str, overview: Overview, width: int) -> None:
        """The entries of list ``key`` (thousands for a big story: not on the UI thread)."""
        built = LISTS[key].build(overview, self.labels, width)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._fill, key, width, built)

    def _fill(self, key: str, width: int, built: list[Option], done: int = 0) -> None:
        """Put ``built`` in list ``key``, a chunk a frame: keys are answered between them."""
        if self._fitted.get(key) != width:
            return  # fitted again meanwhile
        options = self.query_one(f"#{key}-list", OptionList)
        if not done:
            self._places[key] = options.highlighted
            options.clear_options()
        options.add_options(built[done : done + _CHUNK])
        if done + _CHUNK < len(built):
            self.set_timer(0.01, partial(self._fill, key, width, built, done + _CHUNK))
        elif self._places.get(key) is not None:
            options.highlighted = self._places.pop(key)

    def _fit_lists(self) -> None:
        """Fit the lists built so far to a new width."""
        for key in self._fitted:
            self._fit(key)

    @on(TabbedContent.TabActivated)
    def _tab_shown(self, event: TabbedContent.TabActivated) -> None:
        key = event.pane.id
        if key in self._fitted:
            self.call_after_refresh(self._fit, key)

    @staticmethod
    def _ready(key: str, overview: Overview) -> bool:
        part = {
            "figures": overview.figures,
            "quotes": overview.quotes,
            "groups": overview.copy_groups,
        }
        return key == "only" or part.get(key) is not None

    @on(ShareMatrix.CellHighlighted)
    def _cell_highlighted(self, event: ShareMatrix.CellHighlighted) -> None:
        overview = self.overview
        if overview is None:
            return
        detail = self.query_one("#cell-detail", Static)
        cell = overview.cell(event.a, event.b)
        row, column = self.labels[event.a], self.labels[event.b]
        if cell is None:
            detail.update(Text(f"{row}: the diagonal (an article and itself)", "dim"))
            return
        text = Text(column, style="bold")
        text.append(" carries ")
        text.append(f"{cell.shared} of {cell.sentences}", style="bold")
        text.append(f" sentences of {row} ({cell.percent}%)\n")
        text.append(
            " · ".join(
                f"{tier} {share.sentences}" for tier, share in zip(TIERS, cell.by_tier, strict=True)
            )
        )
        kind = self._kinds[event.a][event.b] if self._kinds else None
        if kind is not None:
            scores = (
                f"{kind.low:.2f}" if kind.low == kind.high else f"{kind.low:.2f}–{kind.high:.2f}"
            )
            text.append(f" · scores {scores} · strength {round(100 * kind.strength)}%")
        detail.update(text)

    @on(ShareMatrix.CellSelected)
    def _cell_selected(self, event: ShareMatrix.CellSelected) -> None:
        if self.overview is not None:
            # The overview aligned the pair through the story: the compare screen reads
            # that very comparison.
            a, b = self.members[event.a], self.members[event.b]
            navigation.open_compare(self.app, self.state, a, b)

    @on(OptionList.OptionSelected)
    def _entry_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            article, span = parse_target(event.option.id)
            navigation.open_sentence(self.app, self.state, self.members[article], span)

    def action_tab(self, key: str) -> None:
        self.query_one(TabbedContent).active = key
        self.query_one(f"#{key}-list", OptionList).focus()

    def action_matrix(self) -> None:
        self.query_one(ShareMatrix).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Story choice only in a folder of many; export once the overview is complete.

        Export is dimmed in the key bar until then.
        """
        if action == "choose_story":
            return self.state.many_stories
        if action == "export":
            return (self.overview is not None and self.overview.complete) or None
        return True

    def action_choose_story(self) -> None:
        """Pick another story of the folder; its overview replaces this one."""
        from tui.app.screens.stories import StoriesScreen

        grouping = self.state.grouping
        if grouping is None or not self.state.many_stories:
            return

        def chosen(story: int | None) -> None:
            if story is not None and story != self.story_number:
                navigation.open_overview(self.app, self.state, story)

        self.app.push_screen(
            StoriesScreen(grouping.stories, "Overview of…", current=self.story_number), chosen
        )

    def action_export(self) -> None:
        from tui.app.screens.export import ExportScreen, overview_export

        if self.overview is not None and self.overview.complete:
            self.app.push_screen(ExportScreen(overview_export(self.overview, Path.cwd())))

    def action_back(self) -> None:
        self.dismiss(None)
