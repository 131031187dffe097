"""CompareScreen: two sources side by side, their shared sentences highlighted and linked."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.style import Style
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import get_current_worker

from tui.app.line_up import Pane, line_up
from tui.app.offload import OffloadCancelledError
from tui.app.remember import remember, remembered
from tui.app.screens.export import ExportScreen, comparison_export
from tui.app.state import StoryState
from tui.app.widgets.document_view import DocumentView
from tui.app.widgets.find_bar import FindBar
from tui.app.widgets.highlights import link_highlights, pair_highlights
from tui.app.widgets.key_bar import KeyBar
from tui.app.widgets.pair_bar import PairBar
from tui.app.widgets.reader import Reader
from tui.app.widgets.title_bar import TitleBar
from tui.app.widgets.working import Working
from tui.core.alignment.align import Link
from tui.core.alignment.comparison import (
    Comparison,
    Side,
    link_at,
    next_link,
    visible,
)
from tui.core.alignment.tiers import TIERS, Tier
from tui.core.reading.articles import Article
from tui.core.reports.comparison import engine_line, share_line
from tui.core.spans import Span
from tui.core.text.document import Document

NARROW = 100
"""Below this many columns the two sources stack instead of sitting side by side."""
SINGLE_ROWS = 20
"""Below this many rows (or `SINGLE_COLUMNS` columns) one pane shows at a time."""
SINGLE_COLUMNS = 50
"""Below this many columns one pane shows at a time (``tab`` shows the other)."""


class CompareScreen(Screen[None]):
    """Compare article A (left) with article B (right).

    The alignment runs in a thread worker; the panes show a loading state until it
    is done, and leaving the screen cancels it.
    """

    CSS_PATH = "compare.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n,right_square_bracket", "step(1)", "Next pair"),
        Binding("N,left_square_bracket", "step(-1)", "Previous pair"),
        Binding("slash", "find", "Find"),
        Binding("e", "export", "Export"),
        Binding("escape", "back", "Back"),
        Binding("s", "swap", "Swap sides"),
        Binding("y", "copy_pair", "Copy pair"),
        Binding("tab", "switch_pane", "Other side"),
        Binding("1", "toggle_tier('copy')", "Copy tier", show=False),
        Binding("2", "toggle_tier('edit')", "Edit tier", show=False),
        Binding("3", "toggle_tier('quote')", "Quote tier", show=False),
        Binding("4", "toggle_tier('paraphrase')", "Paraphrase tier", show=False),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | n, ] / N, [ | Next / previous pair; both panes scroll so its sentences line up. |
    | / | Find in both texts. |
    | e | Export the comparison: a web page (.html), Markdown (.md) or JSON (.json). |
    | escape | Back where compare was opened from. |
    | s | Swap the two sides. |
    | y | Copy the selected pair, outlets named. |
    | tab | The other pane (where one shows at a time, show it). |
    | 1 2 3 4 | Show or hide copy, edit, quote, paraphrase links. |
    """

    BINDING_GROUP_TITLE = "Compare"
    TIER_NOTES: ClassVar[str] = (
        "Shared sentences are tinted by tier and marked in the gutter: = copy (blue), "
        '~ edit (orange), " quote (pink, in italics: the same quotation, worded alike '
        "or not), ≈ paraphrase (yellow); dim sentences are only in that text. In the "
        "selected pair (▶) inserted words are underlined green, deleted ones struck red, "
        "changed ones underlined yellow, and a figure the other text does not state is "
        "reversed in red."
    )
    """What the help screen says of the tiers and marks."""

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
        self._hits: list[tuple[Side, int]] = []
        """Find matches in both texts, A's first: (side, index among that side's)."""
        self._hit: int | None = None
        """The current one among `_hits`."""

    @property
    def HELP_NOTES(self) -> str:  # noqa: N802 (the name the help screen reads)
        """What the help screen says besides the keys: the marks, and the engine that linked."""
        if self.comparison is None:
            return self.TIER_NOTES
        engine = engine_line(self.comparison.engine, self.comparison.engine_note)
        return f"{self.TIER_NOTES} {engine}."

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
        with Horizontal(id="summary-row"), Vertical(id="summary"):
            if not self.state.at_once(*self._pair):  # the loading state in the first frame
                yield Working("Finding shared sentences", id="aligning")
            yield Static(id="summary-a")
            yield Static(id="summary-b")
        with Horizontal(id="sides"):
            yield Reader(gutter=True, label="A", steps_find=False, id="left")
            yield Reader(gutter=True, label="B", steps_find=False, id="right")
        yield PairBar(id="pair-bar")
        yield KeyBar()

    @property
    def articles(self) -> tuple[Article, Article]:
        """The article on the left and the one on the right."""
        first, second = self._pair
        return self.state.articles[first], self.state.articles[second]

    @property
    def names(self) -> tuple[str, str]:
        """What the screen calls the article on the left and the one on the right."""
        first, second = self._pair
        return self.state.labels[first], self.state.labels[second]

    def on_mount(self) -> None:
        self.tiers -= remembered(self.app).hidden_tiers
        a, b = self.articles
        self.sub_title = "compare {} with {}".format(*self.names)
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
        width, height = event.size
        self.set_class(width < NARROW, "-narrow")
        single = height < SINGLE_ROWS or width < SINGLE_COLUMNS
        self.set_class(single, "-single")
        if single:
            self._show_pane(self.right if self._focused_side() == "b" else self.left)
        else:
            self.left.display = self.right.display = True
        # Side by side, both headlines take the longer one's lines: the texts start level.
        level = not single and width >= NARROW
        left, right = self.left.header.headline, self.right.header.headline
        left.even_with(right if level else None)
        right.even_with(left if level else None)
        if self.selected is not None:
            self.call_after_refresh(self._line_up)

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
        """The legend's styles: each tier as the panes draw it.

        Blended with the pane's background, as the text is, so the legend matches the
        text and keeps its contrast.
        """
        view = self.left.view
        styles: dict[str, Style] = {
            name: view.component_style(f"tier-{name}", partial=False) for name in TIERS
        }
        styles["off"] = Style(dim=True, strike=True)
        styles["only"] = view.component_style("only", partial=False)
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
        name_a, name_b = self.names
        # The tiers without a sentence are left out: the legend below names every tier.
        summary_a = share_line(comparison.summary.a, "A", name_a, zeros=False)
        summary_b = share_line(comparison.summary.b, "B", name_b, zeros=False)
        self.query_one("#summary-a", Static).update(summary_a)
        self.query_one("#summary-b", Static).update(summary_b)
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
            self._line_up()

    def _line_up(self) -> None:
        """Scroll both panes so the selected pair's sentences start on the same row.

        A pane whose text is not laid out yet scrolls when it is (a third of the way
        down; `_reader_shown` lines the two up then).
        """
        if self.selected is None:
            return
        link = self.links[self.selected]
        views = (self.left.view, self.right.view)
        spans = (link.a, link.b)
        lines = [view.line_of(span.start) for view, span in zip(views, spans, strict=True)]
        if None in lines or not all(view.size.height for view in views):
            for view, span in zip(views, spans, strict=True):
                view.scroll_to_span(span)
            return
        panes = [
            Pane(line, view.max_scroll_y)
            for line, view in zip(lines, views, strict=True)
            if line is not None
        ]
        height = min(view.scrollable_content_region.height for view in views)
        offsets, _ = line_up(panes, height, height // 3)
        for view, offset in zip(views, offsets, strict=True):
            view.scroll_to(y=offset, animate=False, immediate=True)

    # Actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("step", "copy_pair") and not self.links:
            return None
        if action in ("swap", "export", "toggle_tier") and self.comparison is None:
            return None
        return True

    def action_step(self, step: int) -> None:
        self._select(next_link(self.links, self.selected, step))

    def action_swap(self) -> None:
        assert self.comparison is not None
        current = self.links[self.selected] if self.selected is not None else None
        self._pair = self._pair[::-1]
        self.sub_title = "compare {} with {}".format(*self.names)
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
        remember(self.app, hidden_tiers=frozenset(TIERS) - self.tiers)

    def _focused_side(self) -> Side:
        focused = self.focused
        return "b" if focused is not None and self.right in focused.ancestors_with_self else "a"

    def _show_pane(self, reader: Reader) -> None:
        """Where one pane shows at a time, show ``reader``'s."""
        if self.has_class("-single"):
            self.left.display = reader is self.left
            self.right.display = reader is self.right

    def action_switch_pane(self) -> None:
        reader = self.left if self._focused_side() == "b" else self.right
        self._show_pane(reader)
        reader.view.focus()

    # Find, in both texts

    async def action_find(self) -> None:
        bars = self.query(FindBar)
        if bars:
            bar = bars.first()
        else:
            bar = FindBar(placeholder="text in either article", id="find-bar")
            await self.mount(bar, before=self.query_one(PairBar))
        bar.open()

    @on(FindBar.Changed)
    def _find_changed(self, event: FindBar.Changed) -> None:
        self._find(event.query, keep=False)

    def _find(self, query: str, *, keep: bool) -> None:
        """Mark ``query`` in both texts; unless ``keep``, go to the first match."""
        found = {side: reader.search(query) for reader, side in self._sides()}
        self._hits = [(side, index) for side in ("a", "b") for index in range(len(found[side]))]
        self._hit = None if keep or not self._hits else 0
        self._show_hit()

    def _show_hit(self) -> None:
        current = self._hits[self._hit] if self._hit is not None else None
        for reader, side in self._sides():
            index = current[1] if current is not None and current[0] == side else None
            reader.show_match(index)
            if index is not None:
                self._show_pane(reader)
        bars = self.query(FindBar)
        if bars:
            counts = {side: sum(hit[0] == side for hit in self._hits) for side in ("a", "b")}
            where = f"A {counts['a']} · B {counts['b']}" if self._hits else ""
            bars.first().set_count(self._hit, len(self._hits), where)

    @on(FindBar.Stepped)
    def _find_stepped(self, event: FindBar.Stepped) -> None:
        if self._hits:
            current = -1 if self._hit is None and event.direction > 0 else self._hit or 0
            self._hit = (current + event.direction) % len(self._hits)
            self._show_hit()

    @on(FindBar.Closed)
    def _find_closed(self) -> None:
        reader = self.right if self._hit is not None and self._hits[self._hit][0] == "b" else None
        (reader or self.left).view.focus()

    def action_copy_pair(self) -> None:
        assert self.comparison is not None
        index = self.selected if self.selected is not None else 0
        from tui.app.clipboard import copy

        link = self.links[index]
        copy(self.app, self._pair_as_shown(link), f"pair {index + 1} ({link.tier})")

    def _pair_as_shown(self, link: Link) -> str:
        """The pair's two sentences as the panes show them (no markup), each under its outlet.

        `pair_text`'s layout, with the displayed text in place of the source's.
        """
        from tui.app.clipboard import shown_span
        from tui.app.document_cache import documents

        assert self.comparison is not None
        a, b = self.comparison.a, self.comparison.b

        def shown(article: Article, span: Span) -> str:
            document = documents.get(article.text)
            return span.slice(article.text) if document is None else shown_span(document, span)

        return (
            f"{a.outlet} ({a.name}):\n{shown(a, link.a)}\n\n"
            f"{b.outlet} ({b.name}):\n{shown(b, link.b)}\n"
            f"[{link.tier}, score {link.score:.2f}]"
        )

    def action_export(self) -> None:
        assert self.comparison is not None
        export = comparison_export(self.comparison, len(self.state.articles), Path.cwd())
        self.app.push_screen(ExportScreen(export))

    def action_back(self) -> None:
        self.dismiss(None)

    @on(Reader.Shown)
    def _reader_shown(self, event: Reader.Shown) -> None:
        """A text arrived after the alignment: draw its links and bring the pair into view.

        A text already on show when the links were drawn (one the reader had rendered
        before) needs nothing: drawing it again would only repaint both panes.
        """
        side: Side = "a" if event.reader is self.left else "b"
        bars = self.query(FindBar)
        if bars and bars.first().query_text:
            self._find(bars.first().query_text, keep=True)
        if self.comparison is not None and event.reader.view.document is not self._drawn.get(side):
            self._redraw()
            if self.selected is not None:
                self.call_after_refresh(self._line_up)

    @on(DocumentView.Clicked)
    def _clicked(self, event: DocumentView.Clicked) -> None:
        side: Side = "a" if self.left in event.view.ancestors else "b"
        index = link_at(self.links, side, event.offset, prefer=self.selected)
        if index is not None:
            self._select(index)
