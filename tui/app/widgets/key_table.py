"""KeyTable: the help panel's keys and what they do, in two columns, drawn line by line.

A Rich table in a `Static` was measured and rendered through a console at every
layout of the panel, two or three times per ``?``: a third of the cost of opening
help. This lays its lines out once per width, as the table did: a column of keys as
wide as the widest key or group title, two cells apart from the descriptions, which
wrap at words beneath themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget

if TYPE_CHECKING:
    from rich.console import Console

KeyGroups = Sequence[tuple[str, Sequence[tuple[str, str]]]]
"""``(group title, [(keys, description)])``, as `help.key_groups` lists them."""
GAP = 2
"""Cells between the keys and their descriptions."""
_TITLE = Style(bold=True, underline=True)
_KEY = Style(bold=True)


class KeyTable(Widget):
    """Every group's title, then a line per key (more where a description wraps)."""

    DEFAULT_CSS = """
    KeyTable { width: 100%; height: auto; }
    """

    def __init__(self, groups: KeyGroups, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._groups = groups
        self._key_width = max(
            (cell_len(text) for title, keys in groups for text in (title, *(k for k, _ in keys))),
            default=0,
        )
        self._lines: tuple[int, list[list[tuple[str, Style | None]]]] | None = None

    def get_content_width(self, container: Size, viewport: Size) -> int:
        widest = max((cell_len(d) for _, keys in self._groups for _, d in keys), default=0)
        return self._key_width + GAP + widest

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines_at(width))

    def lines_at(self, width: int) -> list[list[tuple[str, Style | None]]]:
        """Each line's pieces at ``width``: text and its style (None: the widget's own)."""
        if self._lines is not None and self._lines[0] == width:
            return self._lines[1]
        room = max(width - self._key_width - GAP, 1)
        lead = " " * (self._key_width + GAP)
        lines: list[list[tuple[str, Style | None]]] = []
        for title, keys in self._groups:
            lines.append([(title, _TITLE)])
            for key, description in keys:
                parts = _wrapped(description, room, self.app.console)
                key_cell = key + " " * (self._key_width - cell_len(key) + GAP)
                lines.append([(key_cell, _KEY), (parts[0], None)])
                lines.extend([(lead, None), (part, None)] for part in parts[1:])
            lines.append([])
        self._lines = (width, lines)
        return lines

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        lines = self.lines_at(width)
        base = self.rich_style
        pieces = lines[y] if y < len(lines) else []
        segments = [
            Segment(text, base if style is None else base + style) for text, style in pieces
        ]
        return Strip(segments).adjust_cell_length(width, base)


def _wrapped(text: str, width: int, console: Console) -> list[str]:
    """``text`` cut at words into lines of at most ``width`` cells (a long word is folded)."""
    if cell_len(text) <= width:
        return [text]
    return [line.plain.rstrip() for line in Text(text).wrap(console, width)]
