"""KeyBar: the footer line of keys that work where the focus is."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.events import Click
from textual.screen import Screen
from textual.widget import Widget


class KeyBar(Widget):
    """The keys of the focused widget and its ancestors, drawn as one line of text.

    Textual's `Footer` builds one widget per key and rebuilds them on every focus
    change, which costs a tenth of a second at startup; this draws the same
    information (``screen.active_bindings``, shown ones only, one entry per action)
    as a single line. Clicking a key presses it.
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
        key_style = self.get_component_rich_style("key-bar--key")
        description_style = self.get_component_rich_style("key-bar--description")
        palette_key = self.app.COMMAND_PALETTE_BINDING
        text = Text(no_wrap=True, overflow="crop", end="")
        regions: list[tuple[int, int, str]] = []
        seen: set[str] = set()
        palette = None
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            if key == palette_key:
                palette = active
                continue
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            start = text.cell_len
            dim = Style(dim=not active.enabled)
            text.append(f" {self.app.get_key_display(binding)} ", key_style + dim)
            text.append(f"{binding.description} ", description_style + dim)
            regions.append((start, text.cell_len, binding.key))
        if palette is not None:
            label = Text.assemble(
                (f" {self.app.get_key_display(palette.binding)} ", key_style),
                (f"{palette.binding.description} ", description_style),
            )
            gap = max(self.size.width - text.cell_len - label.cell_len, 1)
            text.append(" " * gap)
            regions.append((text.cell_len, text.cell_len + label.cell_len, palette.binding.key))
            text.append_text(label)
        self._regions = regions
        return text

    def on_click(self, event: Click) -> None:
        for start, end, key in self._regions:
            if start <= event.x < end:
                self.app.simulate_key(key)
                return
