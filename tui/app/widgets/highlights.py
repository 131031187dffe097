"""Highlights: spans of the article text drawn in a named style.

A `Highlight` names source characters, whatever the width; `style_layer` places a
layer of them on a layout once (display runs per block, gutter marks per line), so
drawing a line only looks them up.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from tui.app.widgets.document_geometry import DocumentGeometry
from tui.core.spans import Span

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
