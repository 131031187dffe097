"""What the snapshot tests open, and the sizes they look at it in.

Every screen is snapped at the three sizes a person meets most (80x24, 120x40,
160x50), on the bundled story and on the fixture folder of real-looking articles.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from textual.pilot import Pilot

from tests.helpers import settle
from tests.paths import SEEDS, UI_FOLDER

SIZES = {"80x24": (80, 24), "120x40": (120, 40), "160x50": (160, 50)}
"""The sizes every screen is snapped at."""
STORIES = {"seeds": [SEEDS], "folder": [UI_FOLDER]}
"""The inputs: the bundled story and the fixture folder."""
PAIRS = {
    "seeds": [SEEDS / "000_02b2830ff24b6d49.txt", SEEDS / "001_904d19f1e7a1825b.txt"],
    "folder": [UI_FOLDER / "northwire-wildfire.md", UI_FOLDER / "valley-gazette-carrow-fire.md"],
}
"""A pair of each input that shares a wire story: compare opens on it."""

Run = Callable[[Pilot[object]], Awaitable[None]]


def after(*keys: str, settles: int = 2) -> Run:
    """Settle, press ``keys``, settle again (workers done, cursors still)."""

    async def run(pilot: Pilot[object]) -> None:
        await settle(pilot)
        await settle(pilot)
        if keys:
            await pilot.press(*keys)
        for _ in range(settles):
            await settle(pilot)

    return run


def typed(keys: Sequence[str], text: str) -> Run:
    """Press ``keys``, then type ``text`` (each character a key), then settle."""
    return after(*keys, *text)
