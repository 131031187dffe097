"""Test helpers: where the bundled story is, how to start the app and wait for it."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Static
from textual.worker import WorkerCancelled

from tests.paths import SEEDS
from tui.app.app import StoryReaderApp


def make_app(paths: Sequence[Path] | None = None, *, compare: bool = False) -> StoryReaderApp:
    """The app on ``paths`` (default: the bundled story)."""
    return StoryReaderApp(list(paths) if paths else [SEEDS], compare=compare)


async def settle(pilot: Pilot[object]) -> None:
    """Wait until loading and rendering workers are done and the screen is drawn.

    Also stops text boxes' cursors from blinking so screenshots are stable.
    """
    await pilot.pause()
    while True:
        try:
            await pilot.app.workers.wait_for_complete()
            break
        except WorkerCancelled:
            continue  # an exclusive worker gave way to a newer one: wait for that one
    await pilot.pause()
    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False


def help_text(screen: Screen[object]) -> str:
    """What the help panel shows: its notes, then every line of its key table as drawn."""
    from tui.app.widgets.key_table import KeyTable

    parts = [static_text(static, 100) for static in screen.query(Static)]
    for table in screen.query(KeyTable):
        parts.extend(table.render_line(y).text for y in range(table.size.height))
    return "\n".join(parts)


def static_text(static: Static, width: int) -> str:
    """What ``static`` shows, as plain text laid out ``width`` cells wide."""
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(static.content)
    return console.export_text()
