"""`n` / `N` line a pair up like a diff tool: both sentences start on the same row."""

from __future__ import annotations

from itertools import pairwise

import pytest

from tests.app.test_compare_keys import PAIR_000_001, PAIR_002_003, open_compare
from tests.helpers import make_app
from tui.app.line_up import Pane, line_up
from tui.app.screens.compare import CompareScreen
from tui.app.widgets.document_view import DocumentView


def row_of(view: DocumentView, offset: int) -> int:
    """The row of the view (0 = its top line) where the source character is drawn."""
    line = view.line_of(offset)
    assert line is not None
    return line - int(view.scroll_y)


def can_line_up(screen: CompareScreen) -> bool:
    """Whether the texts' ends leave a row both sentences can start on, in view."""
    link = screen.links[screen.selected or 0]
    views = screen.left.view, screen.right.view
    lines = [views[0].line_of(link.a.start), views[1].line_of(link.b.start)]
    assert None not in lines
    height = min(view.scrollable_content_region.height for view in views)
    low = max(0, *(line - view.max_scroll_y for line, view in zip(lines, views, strict=True)))
    return low <= min(height - 1, *lines)  # type: ignore[type-var]


@pytest.mark.parametrize("pair", [PAIR_000_001, PAIR_002_003], ids=["copy", "quotes"])
@pytest.mark.parametrize("size", [(160, 50), (100, 30), (80, 24)])
async def test_every_n_starts_both_sentences_on_the_same_row(
    pair: list[object], size: tuple[int, int]
) -> None:
    app = make_app(pair, compare=True)  # type: ignore[arg-type]
    async with app.run_test(size=size) as pilot:
        screen = await open_compare(pilot, size)
        left, right = screen.left.view, screen.right.view
        lined = 0
        seen = []
        for _ in range(len(screen.links)):
            await pilot.press("n")
            await pilot.pause()
            link = screen.links[screen.selected]
            rows = row_of(left, link.a.start), row_of(right, link.b.start)
            assert 0 <= rows[0] < left.size.height and 0 <= rows[1] < right.size.height
            if can_line_up(screen):
                assert rows[0] == rows[1], f"pair {screen.selected + 1}: rows {rows}"
                lined += 1
            seen.append((int(left.scroll_y), int(right.scroll_y), rows))
        assert lined  # (texts that fit in their panes cannot scroll, nor line up)
        # One key press always moves something: a pane scrolls or the pair's row moves.
        assert all(before != after for before, after in pairwise(seen))


async def test_a_sentence_in_several_pairs_keeps_its_row_while_the_other_side_moves() -> None:
    app = make_app(PAIR_000_001, compare=True)
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_compare(pilot)
        shared = next(
            index
            for index in range(len(screen.links) - 1)
            if screen.links[index].a == screen.links[index + 1].a
        )
        while screen.selected != shared:
            await pilot.press("n")
        right = screen.right.view
        before = int(right.scroll_y)
        await pilot.press("n")
        link = screen.links[screen.selected]
        assert int(right.scroll_y) != before
        assert row_of(screen.left.view, link.a.start) == row_of(right, link.b.start)


def test_line_up_uses_the_preferred_row_when_both_texts_allow_it() -> None:
    offsets, row = line_up([Pane(40, 200), Pane(90, 300)], height=30, preferred=10)
    assert (offsets, row) == ([30, 80], 10)


def test_near_the_top_the_common_row_moves_up() -> None:
    offsets, row = line_up([Pane(3, 200), Pane(90, 300)], height=30, preferred=10)
    assert (offsets, row) == ([0, 87], 3)


def test_near_the_end_the_common_row_moves_down() -> None:
    offsets, row = line_up([Pane(40, 200), Pane(95, 80)], height=30, preferred=10)
    assert (offsets, row) == ([25, 80], 15)


def test_when_no_row_suits_both_each_pane_goes_as_near_as_it_can() -> None:
    offsets, row = line_up([Pane(2, 200), Pane(100, 70)], height=20, preferred=6)
    assert row is None
    assert offsets == [0, 70]
