"""TooSmallScreen: shown instead of a broken layout when the terminal is tiny."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import Static

MIN_WIDTH = 40
"""Narrowest terminal (columns) the app lays out for."""
MIN_HEIGHT = 10
"""Shortest terminal (rows) the app lays out for."""


class TooSmallScreen(ModalScreen[None]):
    """Covers the app until the terminal is at least ``MIN_WIDTH`` x ``MIN_HEIGHT``."""

    CSS_PATH = "too_small.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [Binding("q", "app.quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Static(
            f"Terminal too small.\nstoryreader needs at least {MIN_WIDTH}x{MIN_HEIGHT}.\n"
            "Enlarge the window, or press q to quit.",
            id="too-small",
            markup=False,
        )
