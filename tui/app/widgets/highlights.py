"""Highlights: spans of the article text drawn in a named style, and the compare screen's.

A `Highlight` names source characters, whatever the width; `style_layer` places a
layer of them on a layout once (display runs per block, gutter marks per line), so
drawing a line only looks them up. `link_highlights` and `pair_highlights` are what
the compare screen draws: a pane's links, and the selected pair over them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

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


class StyledLayer(NamedTuple):
    """One layer of highlights placed on a layout, ready to draw."""

    runs: dict[int, list[tuple[int, int, str]]]
    """Per block: display ``(start, end, style)`` runs."""
    marks: dict[int, str]
    """Per terminal line: the gutter mark."""


def style_layer(highlights: Iterable[Highlight], geometry: DocumentGeometry) -> StyledLayer:
    """``highlights`` as display runs per block and gutter marks per line of ``geometry``.

    Runs hold display positions, so they outlive a new width; marks are per line and
    must be placed again on every layout (none before the first).
    """
    runs: dict[int, list[tuple[int, int, str]]] = {}
    marks: dict[int, str] = {}
    blocks = geometry.document.blocks
    for highlight in highlights:
        for index in geometry.document.blocks_overlapping(highlight.span):
            start, end = blocks[index].display_range(highlight.span)
            if start >= end:
                continue
            runs.setdefault(index, []).append((start, end, highlight.style))
            if highlight.mark:
                for line in geometry.lines_showing(index, start, end):
                    marks[line] = highlight.mark
    return StyledLayer(runs, marks)


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
