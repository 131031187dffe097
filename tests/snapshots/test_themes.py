"""Snapshots in a light theme: tints, marks and shades stay readable."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.helpers import make_app
from tests.paths import SEEDS, UI_FOLDER
from tests.snapshots.screens import PAIRS, Run, after

LIGHT = "textual-light"
SCREENS = {
    "library": ([SEEDS], False, ()),
    "compare": (PAIRS["folder"], True, ()),
    "overview": ([UI_FOLDER], False, ("o",)),
}
"""Each screen: the paths it opens on, whether it starts in compare, keys to reach it."""


def light(run: Run) -> Run:
    """Switch to the light theme, then ``run``."""

    async def run_light(pilot: Pilot[object]) -> None:
        pilot.app.theme = LIGHT
        await run(pilot)

    return run_light


@pytest.mark.parametrize("screen", SCREENS)
def test_light_theme(snap_compare: object, screen: str) -> None:
    """The library, compare (tier tints on white, gutter marks dark) and the overview
    matrix (tier colours shaded by strength) in `textual-light`."""
    paths, compare, keys = SCREENS[screen]
    app = make_app(list[Path](paths), compare=compare)
    assert snap_compare(app, terminal_size=(120, 40), run_before=light(after(*keys, settles=3)))  # type: ignore[operator]
