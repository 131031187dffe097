"""Snapshots of the story overview: the matrix and every panel, at every size."""

from __future__ import annotations

import pytest

from tests.helpers import make_app
from tests.paths import UI_FOLDER
from tests.snapshots.screens import SIZES, after

PANELS = {"matrix": (), "figures": ("f",), "quotes": ("w",), "groups": ("g",), "only": ("u",)}
"""Each panel and the keys that show it."""


@pytest.mark.parametrize("size", SIZES)
def test_overview_seeds(snap_compare: object, size: str) -> None:
    """The matrix with every column, labelled by outlet (AFP first: its 100%= copy in
    the Moscow Times in strong blue), quote cells pink, paraphrase cells pale yellow,
    the diagonal a dash, only-here counts on the right; the detail of the cursor's
    cell, the legend, then the figures panel (disagreements first, each excerpt one
    line, centred on its figure)."""
    app = make_app()
    assert snap_compare(app, terminal_size=SIZES[size], run_before=after("o", settles=3))  # type: ignore[operator]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("panel", PANELS)
def test_overview_folder(snap_compare: object, panel: str, size: str) -> None:
    """The fixture folder's overview with one panel shown: the matrix (NorthWire's
    copies in the Gazette and Radio East strong blue), figures (4,000 / 4,500
    residents disagree), quotes (the fire chief's three wordings), copy groups
    (NorthWire named by agency, its members' roles) or only-here sentences."""
    app = make_app([UI_FOLDER])
    keys = ("o", *PANELS[panel])
    assert snap_compare(app, terminal_size=SIZES[size], run_before=after(*keys, settles=3))  # type: ignore[operator]


def test_overview_smallest_terminal(snap_compare: object) -> None:
    """At 40x12 the matrix is a list of pairs, largest share first (100%= AFP in the
    Moscow Times), with the cursor's detail; the lists wait for f w g u."""
    app = make_app()
    assert snap_compare(app, terminal_size=(40, 12), run_before=after("o", settles=3))  # type: ignore[operator]


def test_overview_help(snap_compare: object) -> None:
    """`?` on the overview: what a cell's mark and shade mean, how to reach each panel
    (m f w g u), then the keys."""
    app = make_app()
    run = after("o", "question_mark", settles=3)
    assert snap_compare(app, terminal_size=(120, 40), run_before=run)  # type: ignore[operator]


@pytest.mark.parametrize("size", SIZES)
def test_sentence_from_the_overview(snap_compare: object, size: str) -> None:
    """Enter on the first figure mention: AFP's article on its own, the sentence with
    "500 protesters" marked and in view; escape goes back."""
    app = make_app()
    run = after("o", "f", "down", "enter", settles=3)
    assert snap_compare(app, terminal_size=SIZES[size], run_before=run)  # type: ignore[operator]
