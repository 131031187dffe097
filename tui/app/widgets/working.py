"""Working: one line that says work is going on, and for how long, twice a second."""

from __future__ import annotations

import time

from rich.text import Text
from textual.widget import Widget


class Working(Widget):
    """``Finding shared sentences… 3 s``: visible progress that costs the interface nothing.

    Textual's `LoadingIndicator` animates at 16 frames a second, and each frame
    repaints through the compositor: opening a megabyte pair, the spinner took a
    third of the interface's time while the alignment ran. This redraws its one
    line twice a second, and only while it is shown.
    """

    DEFAULT_CSS = """
    Working { height: 1; width: auto; color: $text-muted; }
    """

    def __init__(self, label: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.label = label
        """What is being done (`set_label` changes it)."""
        self._started = time.monotonic()

    def on_mount(self) -> None:
        self.set_interval(0.5, self.refresh)

    def set_label(self, label: str) -> None:
        """Say what is being done now.

        Only this line repaints; nothing is laid out again, as a `Static`'s update
        would do to the whole screen.
        """
        if label != self.label:
            self.label = label
            self.refresh()

    def render(self) -> Text:
        seconds = int(time.monotonic() - self._started)
        return Text(f"{self.label}… {seconds} s" if seconds else f"{self.label}…", no_wrap=True)
