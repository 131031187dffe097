"""DocumentGeometry: where each source character of a laid-out document is drawn, and back.

`line_layout.layout` wraps a `Document` into terminal lines, each a display range of
one block. This maps between the three coordinates the view speaks: source offsets
(what spans, find and the alignment give), display positions (what blocks hold) and
``(line, column)`` cells (what the terminal draws and a click reports). It draws
nothing, so it is tested without a terminal.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from operator import attrgetter

from rich.cells import cell_len

from tui.app.widgets.line_layout import Line, layout
from tui.core.spans import Span
from tui.core.text.document import Document

GUTTER = 2
"""Cells of the gutter a view may draw left of the text: a mark and a space."""
_line_start = attrgetter("start")


class DocumentGeometry:
    """A document wrapped to a width: its lines, and where each source character is on them.

    Columns count cells from the left of the content, the gutter included, so they are
    the columns a click reports. Nothing changes once it is built, so a worker thread
    can build one for a long document and hand it to the view.
    """

    def __init__(
        self, document: Document, width: int, lines: Sequence[Line], *, gutter: bool
    ) -> None:
        """Index ``lines``, the layout of ``document`` at ``width`` cells of text.

        Args:
            document: The document laid out.
            width: Cells of text per line, the gutter not included.
            lines: ``layout(document, width)``, or no lines for a document not laid out yet.
            gutter: Whether a gutter of `GUTTER` cells is drawn left of every line.
        """
        self.document = document
        """The document laid out."""
        self.width = width
        """Cells of text per line, the gutter not included."""
        self.lines = lines
        """Every terminal line, the blank ones between blocks included."""
        self._text_column = GUTTER if gutter else 0
        """The column each line's lead starts at."""
        self._block_lines = [(0, 0)] * len(document.blocks)
        """For each block, its first line and one past its last line."""
        for number, line in enumerate(lines):
            if line.block >= 0:
                first, end = self._block_lines[line.block]
                self._block_lines[line.block] = (number if end == 0 else first, number + 1)

    @classmethod
    def lay_out(cls, document: Document, width: int, *, gutter: bool) -> DocumentGeometry:
        """``document`` wrapped to ``width`` cells of text (`layout` keeps recent widths)."""
        return cls(document, width, layout(document, width), gutter=gutter)

    def line_of(self, offset: int) -> int | None:
        """The line showing the source character at ``offset``, or the next one shown.

        An offset in markup that is not displayed (``**``, a link's address) finds the
        line of the next displayed character. None past the last one, or before layout.
        """
        index = self.document.block_at(offset)
        if index is None or not self.lines:
            return None
        position = self.document.blocks[index].display_range(Span(offset, offset))[0]
        return self.line_in_block(index, position)

    def line_in_block(self, block: int, position: int) -> int:
        """The line of block ``block`` holding display ``position`` (found by bisection)."""
        first, end = self._block_lines[block]
        found = bisect_right(self.lines, position, lo=first, hi=end, key=_line_start) - 1
        return max(found, first)

    def lines_showing(self, block: int, start: int, end: int) -> range:
        """The lines of block ``block`` that show any of its display positions ``[start, end)``."""
        if not self.lines:
            return range(0)
        first = self.line_in_block(block, start)
        after = self._block_lines[block][1]
        return range(first, bisect_left(self.lines, end, lo=first, hi=after, key=_line_start))

    def position_of(self, offset: int) -> tuple[int, int] | None:
        """``(line, column)`` where the source character at ``offset`` is drawn.

        The inverse of `offset_at` for every character that takes a cell.
        """
        line_index = self.line_of(offset)
        if line_index is None:
            return None
        line = self.lines[line_index]
        block = self.document.blocks[line.block]
        position = block.display_range(Span(offset, offset))[0]
        column = self._text_column + cell_len(line.lead)
        return line_index, column + cell_len(block.text[line.start : max(position, line.start)])

    def offset_at(self, line_index: int, column: int) -> int | None:
        """Source offset of the character drawn at ``column`` cells into a line.

        None off the text: in the gutter or the lead, past the line's end, on a blank line.
        """
        if not 0 <= line_index < len(self.lines):
            return None
        line = self.lines[line_index]
        if line.block < 0:
            return None
        block = self.document.blocks[line.block]
        cells = column - cell_len(line.lead) - self._text_column
        if cells < 0 or not block.offsets:
            return None
        for position in range(line.start, line.end):
            cells -= cell_len(block.text[position])
            if cells < 0:
                return block.offsets[position]
        return None

    def line_text(self, index: int) -> str:
        """The characters of line ``index``, lead included, gutter excluded."""
        line = self.lines[index]
        if line.block < 0:
            return ""
        return line.lead + self.document.blocks[line.block].text[line.start : line.end]

    def first_visible_offset(self, from_line: int) -> int | None:
        """Source offset of the first character on line ``from_line`` or below it.

        With the view's top line, what keeps the reader's place across a new layout.
        """
        for index in range(from_line, len(self.lines)):
            line = self.lines[index]
            if line.block >= 0:
                offsets = self.document.blocks[line.block].offsets
                if offsets:
                    return offsets[min(line.start, len(offsets) - 1)]
        return None
