"""OverviewScreen: who shares what with whom, what only one outlet says, where facts diverge."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from itertools import count
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import OptionList, ProgressBar, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from tui.app import navigation
from tui.app.state import StoryState
from tui.app.widgets.key_bar import KeyBar
from tui.app.widgets.share_matrix import ShareMatrix
from tui.app.widgets.title_bar import TitleBar
from tui.core.alignment.tiers import TIERS
from tui.core.reports.overview import article_labels
from tui.core.spans import Span
from tui.core.story.overview import Overview, Progress, iter_overview
from tui.core.text.plain import plain_text
from tui.core.text.safe import one_line

_REFRESH_SECONDS = 0.1
"""How often progress reaches the screen while the overview is computed."""
_SNIPPET = 90
"""Characters of a sentence shown in a list entry."""


def _snippet(text: str, span: Span) -> str:
    """The sentence at ``span`` as plain text (markup and escapes resolved), cut short."""
    sentence = plain_text(span.slice(text))
    return sentence if len(sentence) <= _SNIPPET else sentence[: _SNIPPET - 1] + "…"


_entries = count()


def _target(article: int, span: Span) -> str:
    """A unique option id that says where Enter goes: an article and a span of its text."""
    return f"{article}:{span.start}:{span.end}:{next(_entries)}"


def figure_options(overview: Overview, labels: Sequence[str]) -> list[Option]:
    """One heading per figure group (values side by side), one entry per mention.

    Groups whose sources disagree come first: they are what a fact-checker is after.
    """
    options: list[Option] = []
    groups = sorted(overview.figures or (), key=lambda group: not group.disagree)
    for group in groups:
        heading = Text(f"{one_line(group.label) or 'figure'}: ", style="bold")
        for number, value in enumerate(group.values):
            if number:
                heading.append(" / ", style="dim")
            heading.append(
                one_line(value.normal), style="bold reverse" if group.disagree else "bold"
            )
            heading.append(f" ({', '.join(labels[a] for a in value.articles)})", style="dim")
        if group.disagree:
            heading.append("  ≠ sources disagree", style="bold")
        options.append(Option(heading, disabled=True))
        for mention in group.mentions:
            article = overview.articles[mention.article]
            figure = mention.figure
            entry = Text(f" ↳ {labels[mention.article]}: ", style="dim")
            entry.append(_snippet(article.text, figure.sentence))
            options.append(Option(entry, id=_target(mention.article, figure.sentence)))
    return options


def quote_options(overview: Overview, labels: Sequence[str]) -> list[Option]:
    """One heading per statement (speaker, outlets), one entry per wording and mention."""
    options: list[Option] = []
    for group in overview.quotes or ():
        wordings = len(group.variants)
        heading = Text(f"{one_line(group.speaker) or 'unnamed speaker'}", style="bold")
        heading.append(f" · {wordings} wording{'s' if wordings != 1 else ''} · carried by ", "dim")
        heading.append(", ".join(labels[a] for a in group.articles), style="dim")
        options.append(Option(heading, disabled=True))
        for mention in group.mentions:
            entry = Text(f" ↳ {labels[mention.article]}: ", style="dim")
            entry.append(f"“{plain_text(mention.text)}”")
            options.append(Option(entry, id=_target(mention.article, mention.sentence)))
    return options


def group_options(overview: Overview, labels: Sequence[str]) -> list[Option]:
    """Each copy group: its name, how it was named, and each member's role."""
    options: list[Option] = []
    for group in overview.copy_groups or ():
        heading = Text(f"{one_line(group.name)}", style="bold")
        heading.append(f" (named by {group.named_by}) · {group.sentences} shared sentences", "dim")
        options.append(Option(heading, disabled=True))
        for member, role in zip(group.members, group.roles, strict=True):
            article = overview.articles[member]
            entry = Text(f" ↳ {labels[member]}", style="bold")
            entry.append(f" — {role}: {one_line(article.title)}")
            options.append(Option(entry, id=_target(member, Span(0, 0))))
    if not options:
        options.append(Option(Text("No copy shared between articles.", style="dim"), disabled=True))
    return options


def only_here_options(overview: Overview, labels: Sequence[str]) -> list[Option]:
    """Per article, the sentences no other source carries."""
    options: list[Option] = []
    for index, spans in enumerate(overview.only_here):
        article = overview.articles[index]
        heading = Text(f"{labels[index]}", style="bold")
        heading.append(f" — {len(spans)} of {overview.totals[index]} sentences only here", "dim")
        options.append(Option(heading, disabled=True))
        options.extend(
            Option(Text(f" ↳ {_snippet(article.text, span)}"), id=_target(index, span))
            for span in spans
        )
    return options


LISTS: dict[str, tuple[str, Callable[[Overview, Sequence[str]], list[Option]]]] = {
    "figures": ("Figures", figure_options),
    "quotes": ("Quotes", quote_options),
    "groups": ("Copy groups", group_options),
    "only": ("Only here", only_here_options),
}
"""The lists under the matrix: tab id → (title, how to build its entries)."""


class OverviewScreen(Screen[None]):
    """The whole story at once: the share matrix, copy groups, figures, quotes, only-here.

    Computed in a thread worker with a progress bar; the matrix appears first and
    the lists fill in as their parts are ready. Every entry leads to its sentences:
    Enter on a cell compares the pair, Enter on an entry opens the sentence.
    """

    CSS_PATH = "overview.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Library"),
        Binding("f", "tab('figures')", "Figures"),
        Binding("w", "tab('quotes')", "Quotes"),
        Binding("g", "tab('groups')", "Groups"),
        Binding("u", "tab('only')", "Only here"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | tab | Move between the matrix and the lists. |
    | f w g u | Show figures, quotes, copy groups, only-here sentences. |
    | enter | Compare a cell's pair, or open an entry's sentence. |
    | escape | Back to the library. |
    """

    BINDING_GROUP_TITLE = "Overview"

    def __init__(self, state: StoryState) -> None:
        super().__init__()
        self.state = state
        self.story = state.story
        """The story the overview sums up."""
        self.articles = list(self.story.articles)
        self.labels = article_labels(self.articles)
        self.overview: Overview | None = None
        """The overview as far as it is computed."""

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="overview-top"):
            with Vertical(id="matrix-pane"):
                yield ShareMatrix(id="matrix")
                yield Static(id="cell-detail")
            yield Static(id="overview-progress-label")
        yield ProgressBar(id="overview-progress", show_eta=False)
        with TabbedContent(id="overview-lists"):
            for key, (title, _) in LISTS.items():
                with TabPane(title, id=key):
                    yield OptionList(id=f"{key}-list")
        yield KeyBar()

    def on_mount(self) -> None:
        count = len(self.articles)
        self.sub_title = f"overview · {count} article{'s' if count != 1 else ''}"
        self.query_one(ShareMatrix).focus()
        self._compute()

    @work(thread=True, exclusive=True, group="overview")
    def _compute(self) -> None:
        worker = get_current_worker()
        shown = 0.0
        for item in iter_overview(self.story, cancelled=lambda: worker.is_cancelled):
            if worker.is_cancelled:
                return
            if isinstance(item, Progress):
                if time.monotonic() - shown > _REFRESH_SECONDS:
                    self.app.call_from_thread(self._progress, item)
                    shown = time.monotonic()
            else:
                self.app.call_from_thread(self._arrived, item)

    def _progress(self, progress: Progress) -> None:
        self.query_one(ProgressBar).update(total=max(progress.total, 1), progress=progress.done)
        self.query_one("#overview-progress-label", Static).update(
            Text(f"{progress.stage} {progress.done}/{progress.total}", style="dim")
        )

    def _arrived(self, overview: Overview) -> None:
        first = self.overview is None
        self.overview = overview
        if first:
            self.query_one(ShareMatrix).set_matrix(
                self.labels,
                overview.cells,
                [len(spans) for spans in overview.only_here],
                overview.order,
            )
        for key, (_, build) in LISTS.items():
            options = self.query_one(f"#{key}-list", OptionList)
            if options.option_count == 0 and self._ready(key, overview):
                options.add_options(build(overview, self.labels))
        if overview.complete:
            self.query_one(ProgressBar).display = False
            self.query_one("#overview-progress-label", Static).update(
                Text(
                    f"{overview.stats.links} links · {overview.stats.aligned_pairs} of "
                    f"{overview.stats.pairs} pairs aligned",
                    style="dim",
                )
            )

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
        if cell is None:
            detail.update(
                Text(f"{self.labels[event.a]}: the diagonal (an article and itself)", "dim")
            )
            return
        text = Text(f"{self.labels[event.b]}", style="bold")
        text.append(" carries ")
        text.append(f"{cell.shared} of {cell.sentences}", style="bold")
        text.append(f" sentences of {self.labels[event.a]} ({cell.percent}%)\n")
        text.append(
            " · ".join(
                f"{tier} {share.sentences}" for tier, share in zip(TIERS, cell.by_tier, strict=True)
            )
        )
        text.append("   enter: compare the pair", style="dim")
        detail.update(text)

    @on(ShareMatrix.CellSelected)
    def _cell_selected(self, event: ShareMatrix.CellSelected) -> None:
        overview = self.overview
        if overview is not None:
            # The overview aligned the pair through the story: the compare screen reads
            # that very comparison.
            navigation.open_compare(self.app, self.state, event.a, event.b)

    @on(OptionList.OptionSelected)
    def _entry_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            article, start, end, _ = (int(part) for part in event.option.id.split(":"))
            span = Span(start, end) if end > start else None
            navigation.open_sentence(self.app, self.state, article, span)

    def action_tab(self, key: str) -> None:
        self.query_one(TabbedContent).active = key
        self.query_one(f"#{key}-list", OptionList).focus()

    def action_back(self) -> None:
        self.dismiss(None)
