"""Lining two panes up on a pair, as Meld and every diff tool do.

The compare screen scrolls both texts so that the two sentences of the selected
pair start on the same row of their panes. Near the top or the end of a text a
pane cannot scroll that far; the common row then moves as far as both allow, and
only where no row suits both does each pane go as near to it as it can.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple


class Pane(NamedTuple):
    """One pane, as far as lining up goes."""

    line: int
    """The line (of the laid-out text) the target sentence starts on."""
    max_scroll: int
    """The furthest the pane scrolls: its lines less its height (0 if it all fits)."""


def line_up(panes: Sequence[Pane], height: int, preferred: int) -> tuple[list[int], int | None]:
    """Scroll offsets that put every pane's target line on one row of the view.

    Args:
        panes: The panes, each with its target line.
        height: Rows of the shortest pane (the common row must be in view in all).
        preferred: The row to use when the texts allow it (a third of the way down).

    Returns:
        Each pane's scroll offset, and the common row, or None when the texts' ends
        leave no row in common (each pane is then as near ``preferred`` as it can be).
    """
    if not panes:
        return [], None
    low = max(0, *(pane.line - pane.max_scroll for pane in panes))
    high = min(height - 1, *(pane.line for pane in panes))
    if low <= high:
        row = min(max(preferred, low), high)
        return [pane.line - row for pane in panes], row
    return [min(max(pane.line - preferred, 0), pane.max_scroll) for pane in panes], None
