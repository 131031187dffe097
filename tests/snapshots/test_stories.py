"""Snapshots of a folder of many stories (``tests/fixtures/stories_folder``).

Review each SVG against its docstring when it changes.
"""

from __future__ import annotations

import pytest

from tests.helpers import make_app
from tests.paths import STORIES_FOLDER
from tests.snapshots.screens import after

SIZES = {"80x24": (80, 24), "120x40": (120, 40)}


@pytest.mark.parametrize("size", SIZES)
def test_grouped_library(snap_compare: object, size: str) -> None:
    """Three story rows: the dam story open (▾, "5 articles · 2025-06-02 – 06-03") with
    its five articles, the cursor on the first; the tram story closed (▸); the frost
    story "1 article · only this outlet · 2025-06-03". The title says 3 stories."""
    app = make_app([STORIES_FOLDER])
    assert snap_compare(app, terminal_size=SIZES[size], run_before=after())  # type: ignore[operator]


@pytest.mark.parametrize("size", SIZES)
def test_every_story_open(snap_compare: object, size: str) -> None:
    """`e` opens every story: fourteen rows, each story's row above its articles."""
    app = make_app([STORIES_FOLDER])
    assert snap_compare(app, terminal_size=SIZES[size], run_before=after("e"))  # type: ignore[operator]


@pytest.mark.parametrize("size", SIZES)
def test_overview_of_one_story(snap_compare: object, size: str) -> None:
    """`o` on a dam article: "overview · Engineers find seepage at Teller Dam… · 5
    articles", a 5x5 matrix of the dam story's outlets only."""
    app = make_app([STORIES_FOLDER])
    assert snap_compare(app, terminal_size=SIZES[size], run_before=after("o"))  # type: ignore[operator]


@pytest.mark.parametrize("size", SIZES)
def test_move_dialog(snap_compare: object, size: str) -> None:
    """`M` on a dam article: "Move coastcourier… to…", the three stories with their
    size and dates (the dam story marked ●), then "A new story of its own"."""
    app = make_app([STORIES_FOLDER])
    assert snap_compare(app, terminal_size=SIZES[size], run_before=after("M"))  # type: ignore[operator]
