"""ShareMatrix: how much of each article (row) every other article (column) carries."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.events import Click
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.app.widgets.component_styles import ComponentStyles
from tui.core.story.matrix import Cell
from tui.core.text.safe import one_line

CELL = 6
"""Cells per matrix column: ``100% `` and a space."""
LABEL = 18
"""Cells for a row's label: its number and outlet."""
ONLY = 9
"""Cells for the margin: sentences only this article has."""
HEAT = (0.2, 0.4, 0.6, 0.8)
"""Share thresholds between the five shades of the heat map."""


def heat_level(share: float) -> int:
    """0 (nothing carried) to 5 (most of it): which shade a cell gets."""
    if share <= 0:
        return 0
    return 1 + sum(share >= threshold for threshold in HEAT)


class _CellMessage(Message):
    """What both of the matrix's messages carry: the matrix and a cell.

    Their common base, never posted itself: the two are siblings, so a handler of
    one never runs for the other.
    """

    def __init__(self, matrix: ShareMatrix, a: int, b: int) -> None:
        self.matrix = matrix
        """The matrix the message is about."""
        self.a = a
        """The row's article."""
        self.b = b
        """The column's article."""
        super().__init__()

    @property
    def control(self) -> ShareMatrix:
        """The matrix, so ``@on(ShareMatrix.CellSelected, "#matrix")`` works."""
        return self.matrix


class ShareMatrix(ComponentStyles, ScrollView, can_focus=True, inherit_bindings=False):
    """Rows and columns are articles; cell (A, B) is the share of A's sentences B carries.

    Each cell shows its percentage as text and a shade of one hue, so it reads in any
    terminal and without colour. The row label column and the header stay in place
    while the cells scroll sideways with the cursor.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "move(-1, 0)", "Up", show=False),
        Binding("down,j", "move(1, 0)", "Down", show=False),
        Binding("left,h", "move(0, -1)", "Left", show=False),
        Binding("right,l", "move(0, 1)", "Right", show=False),
        Binding("enter", "choose", "Compare pair", tooltip="Compare the row with the column"),
        Binding("s", "toggle_order", "Order", tooltip="Order by similarity or as loaded"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | arrows, h j k l | Move the cursor between cells. |
    | enter | Compare the row's article with the column's. |
    | s | Order rows by similarity (groups stand out) or as loaded. |
    """

    BINDING_GROUP_TITLE = "Matrix"
    STYLE_PREFIX = "share-matrix"

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "share-matrix--header",
        "share-matrix--label",
        "share-matrix--cursor",
        "share-matrix--axis",
        "share-matrix--only",
        *(f"share-matrix--heat-{level}" for level in range(6)),
    }

    DEFAULT_CSS = """
    ShareMatrix {
        overflow-x: hidden;
        & > .share-matrix--header { text-style: bold; color: $text-accent; }
        & > .share-matrix--label { text-style: bold; }
        & > .share-matrix--axis { background: $boost; }
        & > .share-matrix--cursor { text-style: bold reverse; }
        & > .share-matrix--only { color: $text-warning; }
        & > .share-matrix--heat-0 { color: $text-muted; }
        & > .share-matrix--heat-1 { background: $accent 15%; }
        & > .share-matrix--heat-2 { background: $accent 30%; }
        & > .share-matrix--heat-3 { background: $accent 50%; }
        & > .share-matrix--heat-4 { background: $accent 70%; }
        & > .share-matrix--heat-5 { background: $accent 90%; color: $text; text-style: bold; }
    }
    """

    cursor: reactive[tuple[int, int]] = reactive((0, 1), always_update=True)
    """(row, column) of the cursor, as positions in the display order."""

    class CellHighlighted(_CellMessage):
        """The cursor moved onto the cell of row ``a`` and column ``b`` (article indices)."""

    class CellSelected(_CellMessage):
        """The user asked to compare the articles of row ``a`` and column ``b``."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._labels: tuple[str, ...] = ()
        self._cells: Sequence[Sequence[Cell | None]] = ()
        self._only: tuple[int, ...] = ()
        self._similar: tuple[int, ...] = ()
        self._by_similarity = True
        self._first_column = 0

    @property
    def order(self) -> tuple[int, ...]:
        """Article indices in display order (rows and columns alike)."""
        return self._similar if self._by_similarity else tuple(range(len(self._labels)))

    def set_matrix(
        self,
        labels: Sequence[str],
        cells: Sequence[Sequence[Cell | None]],
        only_here: Sequence[int],
        similar: Sequence[int],
    ) -> None:
        """Draw a matrix: one label per article, ``cells[a][b]``, only-here counts, an order."""
        self._labels = tuple(one_line(label) for label in labels)
        self._cells, self._only, self._similar = cells, tuple(only_here), tuple(similar)
        self.virtual_size = Size(self.size.width, len(self._labels) + 1)
        self.cursor = self.cursor if len(self._labels) > 1 else (0, 0)

    def validate_cursor(self, value: tuple[int, int]) -> tuple[int, int]:
        last = max(len(self._labels) - 1, 0)
        return (max(0, min(value[0], last)), max(0, min(value[1], last)))

    def watch_cursor(self, cursor: tuple[int, int]) -> None:
        row, column = cursor
        visible_rows = max(self.scrollable_content_region.height - 1, 1)
        if row < self.scroll_y:
            self.scroll_to(y=row, animate=False, immediate=True)
        elif row >= self.scroll_y + visible_rows:
            self.scroll_to(y=row - visible_rows + 1, animate=False, immediate=True)
        columns = self._visible_columns()
        if column < self._first_column:
            self._first_column = column
        elif column >= self._first_column + columns:
            self._first_column = column - columns + 1
        self.refresh()
        if self._labels:
            order = self.order
            self.post_message(self.CellHighlighted(self, order[row], order[column]))

    def _visible_columns(self) -> int:
        return max((self.scrollable_content_region.width - LABEL - ONLY) // CELL, 1)

    def action_move(self, rows: int, columns: int) -> None:
        row, column = self.cursor
        self.cursor = (row + rows, column + columns)

    def action_choose(self) -> None:
        row, column = self.cursor
        if self._labels and row != column:
            order = self.order
            self.post_message(self.CellSelected(self, order[row], order[column]))

    def action_toggle_order(self) -> None:
        row, column = self.cursor
        order = self.order
        a, b = (order[row], order[column]) if order else (0, 0)
        self._by_similarity = not self._by_similarity
        order = self.order
        if order:
            self.cursor = (order.index(a), order.index(b))

    def on_click(self, event: Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y == 0 or offset.x < LABEL:
            return
        row = offset.y - 1 + int(self.scroll_y)
        column = self._first_column + (offset.x - LABEL) // CELL
        if row < len(self._labels) and column < len(self._labels):
            chosen = self.cursor == (row, column)
            self.cursor = (row, column)
            if chosen:
                self.action_choose()

    # Drawing

    def _style(self, name: str) -> Style:
        """A matrix style, blended: the heat map's shades are translucent."""
        return self.component_style(name, partial=False)

    def _label(self, text: str, width: int) -> Text:
        label = Text(text, no_wrap=True)
        label.truncate(width, overflow="ellipsis", pad=True)
        return label

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        order = self.order
        columns = range(
            self._first_column, min(len(order), self._first_column + self._visible_columns())
        )
        text = Text(no_wrap=True, end="")
        if y == 0:
            header = self._style("header")
            text.append_text(self._label("  carried by →", LABEL))
            text.stylize(header)
            for column in columns:
                axis = self._style("axis") if column == self.cursor[1] else Style()
                text.append(f"{order[column] + 1:>{CELL - 1}} ", header + axis)
            text.append(f"{'only':>{ONLY - 1}} ", header)
        else:
            row = int(self.scroll_y) + y - 1
            if row >= len(order):
                return Strip.blank(width, self._style(""))
            article = order[row]
            label = self._label(f"{article + 1:>2} {self._labels[article]}", LABEL - 1)
            label.stylize(
                self._style("label") + (self._style("axis") if row == self.cursor[0] else Style())
            )
            text.append_text(label)
            text.append(" ")
            for column in columns:
                text.append(*self._cell(article, order[column], (row, column) == self.cursor))
            text.append(f"{self._only[article]:>{ONLY - 1}} ", self._style("only"))
        strip = Strip(text.render(self.app.console), text.cell_len)
        return strip.apply_style(self._style("")).crop_extend(0, width, self._style(""))

    def _cell(self, a: int, b: int, cursor: bool) -> tuple[str, Style]:
        cell = self._cells[a][b]
        if cell is None:
            value, level = "—", 0
        else:
            value, level = f"{cell.percent}%", heat_level(cell.share)
        style = self._style(f"heat-{level}")
        if cursor:
            style += self._style("cursor")
        return f"{value:>{CELL - 1}} ", style
