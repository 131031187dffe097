"""Matrix cells, mirrored links and the similarity order."""

from __future__ import annotations

from types import SimpleNamespace

from tui.core.alignment.align import Link
from tui.core.spans import Span
from tui.core.story.matrix import Cell, cell, similarity_order


def link(a: int, b: int, tier: str) -> Link:
    return SimpleNamespace(a=Span(a, a + 5), b=Span(b, b + 5), tier=tier)  # type: ignore[return-value]


def test_a_sentence_counts_once_at_its_most_literal_tier() -> None:
    found = cell([link(0, 0, "paraphrase"), link(0, 10, "copy"), link(10, 20, "quote")], 4)
    assert (found.carried, found.total, found.by_tier) == (2, 4, (1, 0, 1, 0))
    assert found.percent == 50


def test_the_column_side_counts_the_b_spans() -> None:
    found = cell([link(0, 0, "edit"), link(10, 0, "copy"), link(20, 10, "quote")], 3, side="b")
    assert (found.carried, found.by_tier) == (2, (1, 0, 1, 0))


def test_order_puts_close_articles_next_to_each_other() -> None:
    def c(share: float) -> Cell:
        return Cell(round(share * 10), 10, (round(share * 10), 0, 0, 0))

    # 0 and 2 are close, 1 and 3 are close, 4 shares nothing.
    shares = {(0, 2): 0.9, (1, 3): 0.8, (0, 1): 0.1}
    cells = [
        [None if a == b else c(shares.get((min(a, b), max(a, b)), 0.0)) for b in range(5)]
        for a in range(5)
    ]
    order = similarity_order(cells)
    assert order == (0, 2, 1, 3, 4)
