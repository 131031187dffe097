"""ShareMatrix: how much of each article (row) every other article (column) carries."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.events import Click, Resize
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.app.labels import abbreviate
from tui.app.share_kinds import CellKind
from tui.app.widgets.component_styles import ComponentStyles
from tui.app.widgets.highlights import TIER_MARKS
from tui.app.widgets.matrix_layout import (
    ONLY,
    MatrixGeometry,
    first_column,
    heat_level,
    matrix_geometry,
    scrolled_geometry,
    shared_pairs,
)
from tui.core.alignment.tiers import TIERS
from tui.core.story.matrix import Cell
from tui.core.text.safe import one_line

_SHADES = {1: 20, 2: 35, 3: 55, 4: 75, 5: 95}
"""Opacity (percent) of a cell's tier colour at each heat level."""


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

    Each cell shows its percentage and the mark of its tier (``=`` copy, ``~`` edit,
    ``"`` quote, ``≈`` paraphrase), on the tier's colour shaded by strength, so
    copying and loose paraphrase tell apart in any terminal and without colour. The
    row labels and the header stay in place while the cells scroll sideways with the
    cursor. Where not every column fits, the same cells are a list of pairs, most
    strongly shared first (``v`` switches between the two).

    The tiers' colours are the app's theme variables (``$tier-copy``...,
    `tui.app.app.TIER_VARIABLES`): an app showing a matrix defines them.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "move(-1, 0)", "Up", show=False),
        Binding("down,j", "move(1, 0)", "Down", show=False),
        Binding("left,h", "move(0, -1)", "Left", show=False),
        Binding("right,l", "move(0, 1)", "Right", show=False),
        Binding("enter", "choose", "Compare pair", tooltip="Compare the row with the column"),
        Binding("s", "toggle_order", "Order by similarity or as loaded", show=False),
        Binding("v", "toggle_form", "Cells as a list of pairs, or as the matrix", show=False),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | arrows, h j k l | Move the cursor between cells. |
    | enter | Compare the row's article with the column's. |
    | s | Order rows by similarity (groups stand out) or as loaded. |
    | v | Show the cells as a list of pairs, or as the matrix. |
    """

    BINDING_GROUP_TITLE = "Matrix"
    STYLE_PREFIX = "share-matrix"

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "share-matrix--header",
        "share-matrix--label",
        "share-matrix--cursor",
        "share-matrix--axis",
        "share-matrix--only",
        "share-matrix--none",
        *(f"share-matrix--{tier}-{level}" for tier in TIERS for level in _SHADES),
    }

    DEFAULT_CSS = (
        """
    ShareMatrix {
        overflow-x: hidden;
        scrollbar-size-vertical: 1;
        padding: 0 1;
        & > .share-matrix--header { text-style: bold; color: $text-accent; }
        & > .share-matrix--label { text-style: bold; }
        & > .share-matrix--axis { background: $boost; }
        & > .share-matrix--cursor { text-style: bold reverse; }
        & > .share-matrix--only { color: $text-warning; }
        & > .share-matrix--none { color: $text-muted; }
"""
        + "".join(
            f"        & > .share-matrix--{tier}-{level} {{ background: $tier-{tier} {alpha}%;"
            f"{' color: auto 90%; text-style: bold;' if level >= 4 else ''} }}\n"
            for tier in TIERS
            for level, alpha in _SHADES.items()
        )
        + "    }\n"
    )

    cursor: reactive[tuple[int, int]] = reactive((0, 1), always_update=True)
    """(row, column) of the cursor, as positions in the display order; in the list
    form, (entry, 0)."""
    as_list: reactive[bool | None] = reactive(None)
    """Draw the list form: True or False as the user chose (``v``), None to decide by
    the width (the list where not every column fits)."""

    class CellHighlighted(_CellMessage):
        """The cursor moved onto the cell of row ``a`` and column ``b`` (article indices)."""

    class CellSelected(_CellMessage):
        """The user asked to compare the articles of row ``a`` and column ``b``."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._labels: tuple[str, ...] = ()
        self._cells: Sequence[Sequence[Cell | None]] = ()
        self._kinds: Sequence[Sequence[CellKind | None]] = ()
        self._only: tuple[int, ...] = ()
        self._similar: tuple[int, ...] = ()
        self._by_similarity = True
        self._first_column = 0
        self._listed_pairs: list[tuple[int, int]] | None = None
        self._geometries: dict[tuple[int, bool], MatrixGeometry] = {}
        self._listed = False
        """Whether the list form is drawn (the cursor's meaning follows it)."""

    @property
    def order(self) -> tuple[int, ...]:
        """Article indices in display order (rows and columns alike)."""
        return self._similar if self._by_similarity else tuple(range(len(self._labels)))

    @property
    def geometry(self) -> MatrixGeometry:
        """The columns at the current width, in the form drawn (none in the list form).

        Worked out once per width and form: every line drawn asks for it, and it
        measures every label.
        """
        width = self.scrollable_content_region.width
        found = self._geometries.get((width, self._listed))
        if found is None:
            if self._listed:
                found = MatrixGeometry(matrix_geometry(width, self._labels).label, 0, 0)
            else:
                found = scrolled_geometry(width, self._labels)
            self._geometries[width, self._listed] = found
        return found

    @property
    def _pairs(self) -> list[tuple[int, int]]:
        """The list form's entries, ``(row, column)`` article indices.

        Sorted on first use: a big story has tens of thousands of cells, and the
        matrix form needs none of this.
        """
        if self._listed_pairs is None:
            self._listed_pairs = shared_pairs(self._cells, self._kinds, self.order)
        return self._listed_pairs

    @property
    def listed(self) -> bool:
        """Whether the list form is drawn."""
        return self._listed

    def _sync_form(self) -> None:
        """Draw the form the width (or the user's ``v``) asks for, the cursor on its cell."""
        width = self.scrollable_content_region.width
        wanted = self.as_list
        if wanted is None:
            wanted = matrix_geometry(width, self._labels).as_list if width else self._listed
        if wanted != self._listed:
            selected = self.selected
            self._listed = wanted
            self._place_cursor(selected)
        self._resize_content()

    @property
    def selected(self) -> tuple[int, int] | None:
        """``(row, column)`` article indices of the cell under the cursor."""
        if not self._labels:
            return None
        row, column = self.cursor
        if self.listed:
            return self._pairs[row] if row < len(self._pairs) else None
        order = self.order
        return order[row], order[column]

    def set_matrix(
        self,
        labels: Sequence[str],
        cells: Sequence[Sequence[Cell | None]],
        only_here: Sequence[int],
        similar: Sequence[int],
        kinds: Sequence[Sequence[CellKind | None]] = (),
    ) -> None:
        """Draw a matrix.

        One label per article, ``cells[a][b]``, only-here counts, an order, and each
        cell's kind of sharing (`tui.app.share_kinds`).
        """
        self._labels = tuple(one_line(label) for label in labels)
        self._cells, self._only, self._similar = cells, tuple(only_here), tuple(similar)
        self._kinds = kinds
        self._listed_pairs, self._geometries = None, {}
        self._sync_form()
        self.cursor = self.cursor if len(self._labels) > 1 and not self._listed else (0, 0)

    def _resize_content(self) -> None:
        rows = len(self._pairs) if self.listed else len(self._labels)
        self.virtual_size = Size(self.size.width, rows + 1)

    def validate_cursor(self, value: tuple[int, int]) -> tuple[int, int]:
        if self._labels and self.listed:
            return (max(0, min(value[0], len(self._pairs) - 1)), 0)
        last = max(len(self._labels) - 1, 0)
        return (max(0, min(value[0], last)), max(0, min(value[1], last)))

    def watch_cursor(self, cursor: tuple[int, int]) -> None:
        row = cursor[0]
        visible_rows = max(self.scrollable_content_region.height - 1, 1)
        if row < self.scroll_y:
            self.scroll_to(y=row, animate=False, immediate=True)
        elif row >= self.scroll_y + visible_rows:
            self.scroll_to(y=row - visible_rows + 1, animate=False, immediate=True)
        self._follow_cursor()
        self.refresh()
        selected = self.selected
        if selected is not None:
            self.post_message(self.CellHighlighted(self, *selected))

    def _follow_cursor(self) -> None:
        """Keep the cursor's column in view, and every column once the width allows."""
        geometry = self.geometry
        self._first_column = first_column(
            self._first_column, self.cursor[1], geometry.columns, len(self._labels)
        )

    def on_resize(self, event: Resize) -> None:
        self._sync_form()
        self._follow_cursor()
        self.refresh()

    def watch_as_list(self) -> None:
        self._sync_form()
        self.refresh()

    def _place_cursor(self, selected: tuple[int, int] | None) -> None:
        """Put the cursor on the cell ``(a, b)`` in whichever form is drawn."""
        if selected is None:
            return
        if self.listed:
            row = self._pairs.index(selected) if selected in self._pairs else 0
            self.cursor = (row, 0)
        else:
            order = self.order
            self.cursor = (order.index(selected[0]), order.index(selected[1]))

    def action_move(self, rows: int, columns: int) -> None:
        row, column = self.cursor
        self.cursor = (row + rows, column + columns)

    def action_choose(self) -> None:
        selected = self.selected
        if selected is not None and selected[0] != selected[1]:
            self.post_message(self.CellSelected(self, *selected))

    def action_toggle_order(self) -> None:
        selected = self.selected
        self._by_similarity = not self._by_similarity
        self._listed_pairs = None
        self._place_cursor(selected)

    def action_toggle_form(self) -> None:
        self.as_list = not self._listed

    def on_click(self, event: Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y == 0:
            return
        row = offset.y - 1 + int(self.scroll_y)
        geometry = self.geometry
        if geometry.as_list:
            target = (row, 0)
            if row >= len(self._pairs):
                return
        else:
            if offset.x < geometry.label:
                return
            column = self._first_column + (offset.x - geometry.label) // geometry.cell
            if row >= len(self._labels) or column >= len(self._labels):
                return
            target = (row, column)
        chosen = self.cursor == target
        self.cursor = target
        if chosen:
            self.action_choose()

    # Drawing

    def _style(self, name: str) -> Style:
        """A matrix style, blended: the shades are translucent."""
        return self.component_style(name, partial=False)

    def _fit(self, label: str, width: int, *, right: bool = False) -> str:
        short = abbreviate(label, width)
        pad = " " * max(width - cell_len(short), 0)
        return pad + short if right else short + pad

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        geometry = self.geometry
        text = self._list_line(y, geometry) if geometry.as_list else self._matrix_line(y, geometry)
        if text is None:
            return Strip.blank(width, self._style(""))
        strip = Strip(text.render(self.app.console), text.cell_len)
        return strip.apply_style(self._style("")).crop_extend(0, width, self._style(""))

    def _matrix_line(self, y: int, geometry: MatrixGeometry) -> Text | None:
        order = self.order
        start = self._first_column
        columns = range(start, min(len(order), start + geometry.columns))
        text = Text(no_wrap=True, end="")
        header = self._style("header")
        if y == 0:
            corner = "carried by →" if geometry.label > len("carried by →") else "→"
            text.append(self._fit(corner, geometry.label - 1) + " ", header)
            for column in columns:
                axis = self._style("axis") if column == self.cursor[1] else Style()
                name = self._fit(self._labels[order[column]], geometry.cell - 1, right=True)
                text.append(name, header + axis)
                text.append(" ")
            text.append(f"{'only':>{ONLY - 1}} ", header)
            return text
        row = int(self.scroll_y) + y - 1
        if row >= len(order):
            return None
        article = order[row]
        label = self._style("label")
        if row == self.cursor[0]:
            label += self._style("axis")
        text.append(self._fit(self._labels[article], geometry.label - 1), label)
        text.append(" ")
        for column in columns:
            value, style = self._cell(article, order[column], (row, column) == self.cursor)
            text.append(f"{value:>{geometry.cell - 1}}", style)
            text.append(" ")
        text.append(f"{self._only[article]:>{ONLY - 1}} ", self._style("only"))
        return text

    def _list_line(self, y: int, geometry: MatrixGeometry) -> Text | None:
        """``100%=  AFP  themoscowtimes.com``: the row's share its carrier carries."""
        width = self.scrollable_content_region.width
        names = max((width - 8) // 2, 4)
        text = Text(no_wrap=True, end="")
        if y == 0:
            text.append(" share  ", self._style("header"))
            text.append(self._fit("of", names), self._style("header"))
            text.append(" ")
            text.append(self._fit("carried by", names), self._style("header"))
            return text
        row = int(self.scroll_y) + y - 1
        if row >= len(self._pairs):
            if row == 0:
                return Text(" No article carries another's sentences.", self._style("none"))
            return None
        a, b = self._pairs[row]
        value, style = self._cell(a, b, row == self.cursor[0])
        text.append(f"{value:>6}", style)
        text.append("  ")
        text.append(self._fit(self._labels[a], names), self._style("label"))
        text.append(" ")
        text.append(self._fit(self._labels[b], names))
        return text

    def _cell(self, a: int, b: int, cursor: bool) -> tuple[str, Style]:
        """A cell's text (``73%≈``) and style (its tier's colour, shaded by strength)."""
        cell = self._cells[a][b]
        kind = self._kinds[a][b] if self._kinds else None
        if cell is None:
            value, style = "—", self._style("none")
        elif kind is None:
            value, style = f"{cell.percent}% ", self._style("none")
        else:
            level = max(heat_level(kind.strength), 1)
            value = f"{cell.percent}%{TIER_MARKS[kind.tier]}"
            style = self._style(f"{kind.tier}-{level}")
        if cursor:
            style += self._style("cursor")
        return value, style
