"""Snapshots of the story overview on the bundled story, at two sizes."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from tests.helpers import make_app, settle

SIZES = {"160x50": (160, 50), "100x30": (100, 30)}


async def overview(pilot: Pilot[object]) -> None:
    await settle(pilot)
    await pilot.press("o")
    await settle(pilot)
    await settle(pilot)


@pytest.mark.parametrize("size", SIZES)
def test_overview_cursor_on_a_cell(snap_compare: object, size: str) -> None:
    """The share matrix (rows by similarity: AFP and its reprint first, 100% shaded
    darkest, the diagonal as a dash, only-here counts in the margin), the cursor on
    the second row's third column, its tier breakdown below, the figures list."""
    press = ["down", "right"]
    assert snap_compare(make_app(), terminal_size=SIZES[size], press=press, run_before=overview)  # type: ignore[operator]


@pytest.mark.parametrize("size", SIZES)
def test_overview_figures_list(snap_compare: object, size: str) -> None:
    """The figures list focused, cursor on its second entry: figures the sources
    disagree on come first (the Sunday detentions, 500 / 700 / 774, marked), each
    value with its outlets, each mention a line that opens its sentence."""
    press = ["f", "down", "down"]
    assert snap_compare(make_app(), terminal_size=SIZES[size], press=press, run_before=overview)  # type: ignore[operator]
