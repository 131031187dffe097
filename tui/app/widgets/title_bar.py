"""TitleBar: one line naming the app, the story and what is happening."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from tui.core.text.safe import one_line


class TitleBar(Widget):
    """``storyreader — Bundled story · 5 articles``, centred on the top line.

    The screen's ``sub_title`` is shown after the app's title; a single widget, so
    it costs next to nothing at startup (Textual's `Header` is three).
    """

    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        height: 1;
        background: $panel;
        color: $foreground;
        text-align: center;
    }
    """

    text: reactive[str] = reactive("")
    """What the bar says after the app's title."""

    def on_mount(self) -> None:
        self.watch(self.screen, "sub_title", self._sub_title_changed)

    def _sub_title_changed(self, sub_title: str | None) -> None:
        self.text = one_line(sub_title or "")  # it may name a folder or an outlet

    def render(self) -> Text:
        text = Text(self.app.title, style="bold", no_wrap=True, overflow="ellipsis")
        if self.text:
            text.append(f" — {self.text}", style="dim")
        return text
