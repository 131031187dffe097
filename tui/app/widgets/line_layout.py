"""Word-wrapping display blocks into terminal lines, measured in cells.

Wide characters (CJK, emoji) take two cells and combining marks none, so wrapping
counts cells, never characters; a word wider than the line is split by cells.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple
from weakref import WeakKeyDictionary

from rich.cells import cell_len

from tui.core.text.document import Block, Document

_PIECE = re.compile(r"\S+\s*|\s+")
_WIDTHS_KEPT = 4
"""Layouts kept per document: the reader's width, the compare panes', a resize or two."""
QUOTE_BAR = "▌ "
"""Drawn in the indent of block quotes."""


class Line(NamedTuple):
    """One terminal line of a laid-out document."""

    block: int
    """Index of the block it shows, or -1 for the blank line between blocks."""
    start: int
    """First display position of the block on this line."""
    end: int
    """One past the last display position on this line."""
    lead: str
    """What is drawn before the text: indent, bullet or number, quote bar."""


def _split_long(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Cut ``text[start:end]`` into pieces of at most ``width`` cells."""
    pieces = []
    piece_start, cells = start, 0
    for index in range(start, end):
        size = cell_len(text[index])
        if cells + size > width and index > piece_start:
            pieces.append((piece_start, index))
            piece_start, cells = index, 0
        cells += size
    pieces.append((piece_start, end))
    return pieces


@lru_cache(maxsize=8)
def _one_cell_line(width: int) -> re.Pattern[str]:
    """One wrapped line of one-cell text: the most words that fit, else a cut word.

    The regex engine does in C what `wrap` does word by word, for the common case
    where every character takes one cell.
    """
    return re.compile(rf"(?:\S[^\n]{{0,{width - 1}}}(?=[ \n]|\Z)|\S{{{width}}}) *")


def _one_cell_each(text: str) -> bool:
    """Whether every character takes one cell and only spaces and newlines are blank.

    The premise of the regex path: typographic quotes, dashes and accented letters
    qualify; wide and zero-width characters, tabs and no-break spaces do not.
    """
    return all(char in " \n" or (cell_len(char) == 1 and not char.isspace()) for char in set(text))


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    r"""Display ranges ``(start, end)`` of each line of ``text`` wrapped at ``width`` cells.

    ``\n`` forces a break (and belongs to no line). Trailing spaces stay on their
    line and are cropped when drawn, so every other character is on exactly one line.
    """
    width = max(width, 1)
    lines: list[tuple[int, int]] = []
    paragraph_start = 0
    plain = _one_cell_each(text)
    for paragraph_end in [*(m.start() for m in re.finditer("\n", text)), len(text)]:
        if plain and paragraph_end > paragraph_start and text[paragraph_start] != " ":
            found = _one_cell_line(width).finditer(text, paragraph_start, paragraph_end)
            lines.extend(match.span() for match in found)
            paragraph_start = paragraph_end + 1
            continue
        line_start, cells = paragraph_start, 0
        for match in _PIECE.finditer(text, paragraph_start, paragraph_end):
            start, end = match.span()
            word = cell_len(match.group().rstrip())
            if cells and cells + word > width:
                lines.append((line_start, start))
                line_start, cells = start, 0
            if word > width:  # cut the word itself; its trailing spaces stay with its end
                word_end = start + len(match.group().rstrip())
                *full, (line_start, _) = _split_long(text, start, word_end, width)
                lines.extend(full)
                cells = cell_len(text[line_start:end])
                continue
            cells += cell_len(match.group())
        lines.append((line_start, paragraph_end))
        paragraph_start = paragraph_end + 1
    return lines


def _leads(block: Block) -> tuple[str, str]:
    """What precedes the first line and the following lines of ``block``."""
    pad = " " * block.indent
    if block.kind == "quote":
        bar = " " * max(block.indent - len(QUOTE_BAR), 0) + QUOTE_BAR
        return bar, bar
    return pad + block.prefix, pad + " " * len(block.prefix)


_layouts: WeakKeyDictionary[Document, dict[int, list[Line]]] = WeakKeyDictionary()
"""Layouts already made, per document and width: going back to an article is instant."""


def layout(document: Document, width: int) -> list[Line]:
    """Every terminal line of ``document`` at ``width`` cells, blank lines between blocks.

    Kept while the document lives (a few widths each), so the lines must not be changed.
    """
    widths = _layouts.setdefault(document, {})
    lines = widths.get(width)
    if lines is None:
        lines = widths[width] = _layout(document, width)
        while len(widths) > _WIDTHS_KEPT:
            del widths[next(iter(widths))]
    return lines


def _layout(document: Document, width: int) -> list[Line]:
    lines: list[Line] = []
    for index, block in enumerate(document.blocks):
        if lines and not (block.kind == "item" and document.blocks[index - 1].kind == "item"):
            lines.append(Line(-1, 0, 0, ""))
        first, rest = _leads(block)
        if block.kind == "rule":
            lines.append(Line(index, 0, 0, first))
            continue
        for number, (start, end) in enumerate(wrap(block.text, width - cell_len(first))):
            lines.append(Line(index, start, end, first if number == 0 else rest))
    return lines
