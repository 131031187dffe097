"""CompareScreen: two sources side by side, their shared sentences highlighted and linked."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import LoadingIndicator, Static
from textual.worker import get_current_worker

from tui.app.offload import OffloadCancelledError
from tui.app.screens.export import ExportScreen
from tui.app.state import StoryState
from tui.app.widgets.document_view import DocumentView
from tui.app.widgets.highlights import link_highlights, pair_highlights
from tui.app.widgets.key_bar import KeyBar
from tui.app.widgets.pair_bar import PairBar
from tui.app.widgets.reader import Reader
from tui.app.widgets.title_bar import TitleBar
from tui.core.alignment.align import Link
from tui.core.alignment.comparison import (
    Comparison,
    Side,
    link_at,
    next_link,
    pair_text,
    visible,
)
from tui.core.alignment.tiers import TIERS, Tier
from tui.core.reading.articles import Article
from tui.core.reports.comparison import share_line
from tui.core.text.document import Document
from tui.core.text.safe import one_line

NARROW = 100
"""Below this many columns the two sources stack instead of sitting side by side."""


class CompareScreen(Screen[None]):
    """Compare article A (left) with article B (right).

    The alignment runs in a thread worker; the panes show a loading state until it
    is done, and leaving the screen cancels it.
    """

    CSS_PATH = "compare.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n,right_square_bracket", "step(1)", "Next pair"),
        Binding("N,left_square_bracket", "step(-1)", "Previous pair"),
        Binding("s", "swap", "Swap sides"),
        Binding("1", "toggle_tier('copy')", "Copy tier", show=False),
        Binding("2", "toggle_tier('edit')", "Edit tier", show=False),
        Binding("3", "toggle_tier('quote')", "Quote tier", show=False),
        Binding("4", "toggle_tier('paraphrase')", "Paraphrase tier", show=False),
        Binding("slash", "find", "Find"),
        Binding("y", "copy_pair", "Copy pair"),
        Binding("e", "export", "Export"),
        Binding("escape", "back", "Library"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | n, ] / N, [ | Next / previous shared sentence; both panes scroll to it. |
    | tab | Switch the focused pane. |
    | s | Swap the two sides. |
    | 1 2 3 4 | Show or hide copy, edit, quote, paraphrase links. |
    | / | Find in the focused pane. |
    | y | Copy the selected pair, outlets named. |
    | e | Export the comparison as Markdown or JSON. |
    | escape | Back to the library. |
    """

    BINDING_GROUP_TITLE = "Compare"

    def __init__(self, state: StoryState, a: int, b: int) -> None:
        super().__init__()
        self.state = state
        """The story the two articles are compared in."""
        self._pair = (a, b)
        """The articles on the left and on the right, by index in the story."""
        self.comparison: Comparison | None = None
        """The story's comparison of the pair, once it is aligned."""
        self.tiers: set[Tier] = set(TIERS)
        """Tiers whose links are shown."""
        self.links: list[Link] = []
        """The links of the tiers switched on, in order."""
        self.selected: int | None = None
        """Index in `links` of the selected pair."""
        self._drawn: dict[str, Document] = {}
        """Per side, the document the links were last drawn on."""

    @property
    def left(self) -> Reader:
        """The pane of article A."""
        return self.query_one("#left", Reader)

    @property
    def right(self) -> Reader:
        """The pane of article B."""
        return self.query_one("#right", Reader)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="summary-row"):
            if not self.state.at_once(*self._pair):  # the loading state is in the first frame
                yield Static(Text("Finding shared sentences…", "dim"), id="summary")
                yield LoadingIndicator(id="aligning")
            else:
                yield Static(id="summary")
        with Horizontal(id="sides"):
            yield Reader(gutter=True, label="A", id="left")
            yield Reader(gutter=True, label="B", id="right")
        yield PairBar(id="pair-bar")
        yield KeyBar()

    @property
    def articles(self) -> tuple[Article, Article]:
        """The article on the left and the one on the right."""
        first, second = self._pair
        return self.state.articles[first], self.state.articles[second]

    def on_mount(self) -> None:
        a, b = self.articles
        self.sub_title = f"compare {one_line(a.outlet)} with {one_line(b.outlet)}"
        self.left.read(a)
        self.right.read(b)
        self.left.view.focus()
        if self.state.at_once(*self._pair):
            self._aligned(self.state.comparison(*self._pair))
            return
        # A long pair: the texts show at once (rendered in the readers' workers), and
        # the links are drawn over them when the alignment, started after this frame,
        # is done.
        self.call_after_refresh(self._align, *self._pair)

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width < NARROW, "-narrow")

    @work(thread=True, exclusive=True, group="compare", description="align the pair")
    def _align(self, a: int, b: int) -> None:
        worker = get_current_worker()
        try:
            comparison = self.state.comparison(a, b)
        except OffloadCancelledError:
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._aligned, comparison)

    def _aligned(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self.query("#aligning").remove()
        self._refilter(keep=None)
        if self.links:
            self._select(0)

    # Drawing

    def _tier_styles(self) -> dict[str, Style]:
        view = self.left.view
        styles: dict[str, Style] = {name: view.component_style(f"tier-{name}") for name in TIERS}
        styles["off"] = Style(dim=True, strike=True)
        styles["only"] = view.component_style("only")
        return styles

    def _sides(self) -> tuple[tuple[Reader, Side], tuple[Reader, Side]]:
        return (self.left, "a"), (self.right, "b")

    def _redraw(self) -> None:
        """Draw the visible links in both panes, the summary, then the selected pair."""
        comparison = self.comparison
        if comparison is None:
            return
        for reader, side in self._sides():
            reader.view.set_highlights(link_highlights(comparison, self.links, side))
            self._drawn[side] = reader.view.document
        summary = Text(share_line(comparison.summary.a, "A", one_line(comparison.a.outlet)))
        summary.append("\n")
        summary.append(share_line(comparison.summary.b, "B", one_line(comparison.b.outlet)))
        self.query_one("#summary", Static).update(summary)
        self._redraw_pair()

    def _redraw_pair(self) -> None:
        """Draw the selected pair over the links, and the pair bar: cheap, per key press."""
        comparison = self.comparison
        if comparison is None:
            return
        link = self.links[self.selected] if self.selected is not None else None
        for reader, side in self._sides():
            pair = pair_highlights(link, side) if link else []
            reader.view.set_highlights(pair, layer="pair")
        self.query_one(PairBar).set_pair(self.selected, self.links, self.tiers, self._tier_styles())
        self.refresh_bindings()

    def _refilter(self, keep: Link | None) -> None:
        """Recompute the visible links, keeping ``keep`` selected if it is still shown."""
        assert self.comparison is not None
        self.links = visible(self.comparison.links, self.tiers)
        self.selected = self.links.index(keep) if keep in self.links else None
        self._redraw()

    def _select(self, index: int | None) -> None:
        self.selected = index
        self._redraw_pair()
        if index is not None:
            link = self.links[index]
            self.left.view.scroll_to_span(link.a)
            self.right.view.scroll_to_span(link.b)

    # Actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("step", "copy_pair") and not self.links:
            return None
        if action in ("swap", "export", "toggle_tier", "find") and self.comparison is None:
            return None
        return True

    def action_step(self, step: int) -> None:
        self._select(next_link(self.links, self.selected, step))

    def action_swap(self) -> None:
        assert self.comparison is not None
        current = self.links[self.selected] if self.selected is not None else None
        self._pair = self._pair[::-1]
        self.comparison = self.state.comparison(*self._pair)
        self.left.read(self.comparison.a)
        self.right.read(self.comparison.b)
        self._refilter(keep=None)
        if current is not None:
            position = [(link.b, link.a) for link in self.links].index((current.a, current.b))
            self._select(position)
        elif self.links:
            self._select(0)

    def action_toggle_tier(self, tier: Tier) -> None:
        keep = self.links[self.selected] if self.selected is not None else None
        self.tiers ^= {tier}
        self._refilter(keep)

    async def action_find(self) -> None:
        focused = self.focused
        in_right = focused is not None and self.right in focused.ancestors_with_self
        await (self.right if in_right else self.left).open_find()

    def action_copy_pair(self) -> None:
        assert self.comparison is not None
        index = self.selected if self.selected is not None else 0
        self.app.copy_to_clipboard(pair_text(self.comparison, self.links[index]))
        self.notify(f"Copied pair {index + 1} ({self.links[index].tier})")

    def action_export(self) -> None:
        assert self.comparison is not None
        self.app.push_screen(ExportScreen(self.comparison, len(self.state.articles)))

    def action_back(self) -> None:
        self.dismiss(None)

    @on(Reader.Shown)
    def _reader_shown(self, event: Reader.Shown) -> None:
        """A text arrived after the alignment: draw its links and bring the pair into view.

        A text already on show when the links were drawn (one the reader had rendered
        before) needs nothing: drawing it again would only repaint both panes.
        """
        side = "a" if event.reader is self.left else "b"
        if self.comparison is not None and event.reader.view.document is not self._drawn.get(side):
            self._redraw()
            if self.selected is not None:
                link = self.links[self.selected]
                event.reader.view.scroll_to_span(link.a if event.reader is self.left else link.b)

    @on(DocumentView.Clicked)
    def _clicked(self, event: DocumentView.Clicked) -> None:
        side: Side = "a" if self.left in event.view.ancestors else "b"
        index = link_at(self.links, side, event.offset, prefer=self.selected)
        if index is not None:
            self._select(index)
