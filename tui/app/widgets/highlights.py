"""Highlights: spans of the article text drawn in a named style, and the compare screen's.

A `Highlight` names source characters, whatever the width; `style_layer` places a
layer of them on a layout (display runs per block, gutter marks per line) as its
blocks are drawn, so a layer of thousands costs nothing until it is on screen. `link_highlights` and `pair_highlights` are what
the compare screen draws: a pane's links, and the selected pair over them.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.app.widgets.document_geometry import DocumentGeometry
from tui.core.alignment.marks import TIER_MARKS
from tui.core.spans import Span

if TYPE_CHECKING:  # the engine's types: importing it would slow the library's first frame
    from tui.core.alignment.align import Link
    from tui.core.alignment.comparison import Comparison, Side

LAYERS = ("base", "pair", "find")
"""Highlight layers, bottom to top: what a view shows, the selection in it, find matches."""


@dataclass(frozen=True, slots=True)
class Highlight:
    """A source span to draw in a named style, with an optional mark in the gutter."""

    span: Span
    """Characters of the article text to style."""
    style: str
    """A component class suffix of `DocumentView`: ``tier-copy``, ``only``, ``selected``..."""
    mark: str = ""
    """One character shown in the gutter beside every line the span touches (the
    last highlight with a mark wins a line)."""


class StyledLayer:
    """One layer of highlights placed on a layout, block by block as they are drawn.

    Placing every highlight at once cost a megabyte pair's compare screen some 70 ms
    of the interface's time for thousands of links; a view draws only the blocks on
    screen, so each block's runs and marks are worked out the first time one of its
    lines is drawn, from highlights indexed by where they start.
    """

    def __init__(self, highlights: Iterable[Highlight], geometry: DocumentGeometry) -> None:
        self._geometry = geometry
        self._highlights = list(highlights)
        order = sorted(range(len(self._highlights)), key=lambda i: self._highlights[i].span.start)
        self._by_start = order
        """Indices of the highlights, by where their span starts."""
        self._starts = [self._highlights[i].span.start for i in order]
        self._longest = max((len(h.span) for h in self._highlights), default=0)
        self._blocks: dict[int, tuple[list[tuple[int, int, str]], dict[int, str]]] = {}
        """Per block drawn so far: its display runs and the marks of its lines."""

    def runs(self, block: int) -> list[tuple[int, int, str]]:
        """Display ``(start, end, style)`` runs on block ``block``, in highlight order."""
        return self._block(block)[0]

    def mark(self, line: int) -> str:
        """The gutter mark of terminal line ``line`` (the last highlight with one wins)."""
        lines = self._geometry.lines
        if not 0 <= line < len(lines) or lines[line].block < 0:
            return ""
        return self._block(lines[line].block)[1].get(line, "")

    def _block(self, index: int) -> tuple[list[tuple[int, int, str]], dict[int, str]]:
        found = self._blocks.get(index)
        if found is None:
            found = self._blocks[index] = self._place(index)
        return found

    def _place(self, index: int) -> tuple[list[tuple[int, int, str]], dict[int, str]]:
        """The runs and line marks of block ``index``."""
        block = self._geometry.document.blocks[index]
        runs: list[tuple[int, int, str]] = []
        marks: dict[int, str] = {}
        if not block.offsets or not self._highlights:
            return runs, marks
        source = block.source
        low = bisect_left(self._starts, source.start - self._longest)
        high = bisect_left(self._starts, source.end)
        overlapping = sorted(
            i for i in self._by_start[low:high] if self._highlights[i].span.end > source.start
        )
        for i in overlapping:
            highlight = self._highlights[i]
            start, end = block.display_range(highlight.span)
            if start >= end:
                continue
            runs.append((start, end, highlight.style))
            if highlight.mark:
                for line in self._geometry.lines_showing(index, start, end):
                    marks[line] = highlight.mark
        return runs, marks


def style_layer(highlights: Iterable[Highlight], geometry: DocumentGeometry) -> StyledLayer:
    """``highlights`` ready to draw on ``geometry`` (placed lazily, block by block).

    Marks are per line, so a layer is made again for every layout (none before the first).
    """
    return StyledLayer(highlights, geometry)


def link_highlights(comparison: Comparison, links: list[Link], side: Side) -> list[Highlight]:
    """What one pane shows of the comparison: only-here sentences and every visible link.

    Least literal first, so a sentence linked twice shows its most literal tier; the
    only-here sentences (dim) go under everything.
    """
    # Imported on first use: the alignment engine is not needed to show the library.
    from tui.core.alignment.tiers import rank

    only = comparison.only_a if side == "a" else comparison.only_b
    highlights = [Highlight(span, "only") for span in only]
    by_literalness = sorted(links, key=lambda link: -rank(link.tier))
    highlights.extend(
        Highlight(link.a if side == "a" else link.b, f"tier-{link.tier}", TIER_MARKS[link.tier])
        for link in by_literalness
    )
    return highlights


def pair_highlights(link: Link, side: Side) -> list[Highlight]:
    """The selected pair on one side.

    Drawn over the links: its tier, marked ``▶``, the words that differ inside it, and
    last each figure of a changed run that the other sentence does not state (the
    word diff finds them, for the screen and the reports alike).
    """
    span = link.a if side == "a" else link.b
    highlights = [Highlight(span, f"tier-{link.tier}"), Highlight(span, "selected", "▶")]
    for op in link.diff:
        changed = op.a if side == "a" else op.b
        if op.op == "equal" or not len(changed):
            continue
        highlights.append(Highlight(changed, op.op))
        figures = op.figures_a if side == "a" else op.figures_b
        highlights.extend(Highlight(figure, "number") for figure in figures)
    return highlights
