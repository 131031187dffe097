"""KeyBar: the footer line of keys that work where the focus is."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import ActiveBinding
from textual.events import Click
from textual.screen import Screen
from textual.widget import Widget


class KeyBar(Widget):
    """The keys of the focused widget and its ancestors, drawn as one line of text.

    Textual's `Footer` builds one widget per key and rebuilds them on every focus
    change, which costs a tenth of a second at startup; this draws the same
    information (``screen.active_bindings``, shown ones only, one entry per action)
    as a single line. Help and the command palette stay pinned to the right so a
    narrow terminal never hides them; the others show as many as fit. Clicking a key
    presses it.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"key-bar--key", "key-bar--description"}

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
        & > .key-bar--key { color: $footer-key-foreground; text-style: bold; }
        & > .key-bar--description { color: $footer-description-foreground; }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._regions: list[tuple[int, int, str]] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        self.refresh()

    def render(self) -> Text:
        left: list[tuple[Text, str]] = []
        right: list[tuple[Text, str]] = []
        seen: set[str] = set()
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            pinned = key == self.app.COMMAND_PALETTE_BINDING or (
                active.node is self.app and binding.action == "help"
            )
            if not (binding.show or pinned) or binding.action in seen:
                continue
            seen.add(binding.action)
            (right if pinned else left).append((self._entry(active), binding.key))
        return self._assemble(left, right)

    def _entry(self, active: ActiveBinding) -> Text:
        """`` key description `` in the bar's styles, dimmed when the key does nothing now."""
        dim = Style(dim=not active.enabled)
        return Text.assemble(
            (f" {self.app.get_key_display(active.binding)} ", self._style("key") + dim),
            (f"{active.binding.description} ", self._style("description") + dim),
        )

    def _assemble(self, left: list[tuple[Text, str]], right: list[tuple[Text, str]]) -> Text:
        """Left entries as many as fit, then help and the palette pinned to the right."""
        pinned = sum(entry.cell_len for entry, _ in right)
        room = self.size.width - pinned
        text = Text(no_wrap=True, overflow="crop", end="")
        regions: list[tuple[int, int, str]] = []
        for entry, key in left:
            if text.cell_len + entry.cell_len > room:
                break
            regions.append((text.cell_len, text.cell_len + entry.cell_len, key))
            text.append_text(entry)
        text.append(" " * max(room - text.cell_len, 0))
        for entry, key in right:
            regions.append((text.cell_len, text.cell_len + entry.cell_len, key))
            text.append_text(entry)
        self._regions = regions
        return text

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"key-bar--{name}")

    def on_click(self, event: Click) -> None:
        for start, end, key in self._regions:
            if start <= event.x < end:
                self.app.simulate_key(key)
                return
