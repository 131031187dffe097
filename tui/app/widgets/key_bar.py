"""KeyBar: the footer line of keys that work where the focus is."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.events import Click
from textual.screen import Screen
from textual.widget import Widget

PINNED = ("quit", "help")
"""Actions of the app whose keys stay at the right end of the bar, whatever fits."""
_PAIRED = ("Next ", "Previous ")
"""Descriptions of two keys that step one way and back: shown as one entry (``n/N pair``)."""


def declared(node: object, action: str) -> int:
    """Where ``action`` is in the ``BINDINGS`` its node's class declares.

    That is the order its author gave the keys; inherited keys (Textual's) come after.
    """
    for cls in type(node).__mro__:
        for number, binding in enumerate(cls.__dict__.get("BINDINGS", ())):
            if isinstance(binding, Binding) and binding.action == action:
                return number
            if isinstance(binding, tuple) and len(binding) > 1 and binding[1] == action:
                return number
    return 1000


def first_word(description: str) -> str:
    """The short form of a description, for a narrow bar: ``Swap sides`` → ``Swap``."""
    return description.split(" ", 1)[0]


def paired(entries: list[tuple[str, str, bool, str]]) -> list[tuple[str, str, bool, str]]:
    """Entries with each ``Next x`` / ``Previous x`` pair merged into ``n/N X``.

    Args:
        entries: ``(key shown, description, enabled, key pressed on a click)``.
    """
    merged: list[tuple[str, str, bool, str]] = []
    used: set[int] = set()
    for index, (key, description, enabled, pressed) in enumerate(entries):
        if index in used:
            continue
        if description.startswith(_PAIRED[0]):
            thing = description.removeprefix(_PAIRED[0])
            back = next(
                (
                    other
                    for other in range(index + 1, len(entries))
                    if other not in used and entries[other][1] == _PAIRED[1] + thing
                ),
                None,
            )
            if back is not None:
                used.add(back)
                key = f"{key}/{entries[back][0]}"
                description = thing[:1].upper() + thing[1:]
        merged.append((key, description, enabled, pressed))
    return merged


class KeyBar(Widget):
    """The keys of the focused widget and its ancestors, drawn as one line of text.

    Textual's `Footer` builds one widget per key and rebuilds them on every focus
    change, which costs a tenth of a second at startup; this draws the same
    information (``screen.active_bindings``, shown ones only, one entry per action)
    as a single line, in the order each widget declares its keys, the focused one's
    first. Quit and help (and the command palette, when there is room) stay pinned
    to the right. When the keys do not all fit, ``Next x`` and ``Previous x`` share
    one entry, then the palette gives up its place, then descriptions shrink to
    their first word, and only then do the last keys drop off. Clicking a key
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
        found: dict[str, tuple[bool, tuple[int, int], tuple[str, str, bool, str]]] = {}
        chain = {id(node): depth for depth, node in enumerate(self._chain())}
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            pinned = key == self.app.COMMAND_PALETTE_BINDING or (
                active.node is self.app and binding.action in PINNED
            )
            if not (binding.show or pinned):
                continue
            known = found.get(binding.action)
            if known is not None and not ("+" in known[2][3] and "+" not in key):
                continue  # one entry per action: the first, unless this key is plainer
            place = (chain.get(id(active.node), len(chain)), declared(active.node, binding.action))
            entry = (self.app.get_key_display(binding), binding.description, active.enabled, key)
            found[binding.action] = (pinned, place, entry)
        left = sorted((place, entry) for pinned, place, entry in found.values() if not pinned)
        right = [entry for pinned, _, entry in found.values() if pinned]
        return self._assemble([entry for _, entry in left], right)

    def _chain(self) -> list[object]:
        """The focused widget, its ancestors up to the screen, then the app."""
        focused = self.screen.focused
        nodes: list[object] = list(focused.ancestors_with_self) if focused else [self.screen]
        return nodes

    def _entry(self, key: str, description: str, enabled: bool, *, tight: bool = False) -> Text:
        """`` key description `` in the bar's styles, dimmed when the key does nothing now."""
        dim = Style(dim=not enabled)
        return Text.assemble(
            (f" {key} ", self._style("key") + dim),
            (description if tight else f"{description} ", self._style("description") + dim),
        )

    def _assemble(
        self, left: list[tuple[str, str, bool, str]], right: list[tuple[str, str, bool, str]]
    ) -> Text:
        """Left entries as many as fit, then help (and the palette) pinned to the right."""
        width = self.size.width
        help_only = [entry for entry in right if entry[3] != self.app.COMMAND_PALETTE_BINDING]
        merged = paired(left)
        short = [(k, first_word(d), e, p) for k, d, e, p in merged]
        plans = (
            (left, right, False),
            (merged, right, False),
            (merged, help_only, False),
            (short, help_only, True),
        )
        for shown, pinned, tight in plans:
            entries = [(self._entry(k, d, e, tight=tight), p) for k, d, e, p in shown]
            ends = [(self._entry(k, d, e, tight=tight), p) for k, d, e, p in pinned]
            total = sum(entry.cell_len for entry, _ in entries + ends)
            if total <= width:
                break
        room = width - sum(entry.cell_len for entry, _ in ends)
        text = Text(no_wrap=True, overflow="crop", end="")
        regions: list[tuple[int, int, str]] = []
        for entry, key in entries:
            if text.cell_len + entry.cell_len > room:
                break
            regions.append((text.cell_len, text.cell_len + entry.cell_len, key))
            text.append_text(entry)
        text.append(" " * max(room - text.cell_len, 0))
        for entry, key in ends:
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
