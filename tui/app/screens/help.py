"""HelpScreen: every key of the screen underneath, read from the live bindings."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from tui.app.screens.backdrop import Backdrop
from tui.app.widgets.key_table import KeyTable


def _class_bindings(node: DOMNode) -> Iterator[Binding]:
    """The bindings in force on a node: a subclass's key replaces its base's, as in Textual."""
    by_key: dict[str, Binding] = {}
    for cls in reversed(type(node).__mro__):
        if "BINDINGS" in cls.__dict__:
            # Textual stores the `inherit_bindings=False` class argument in this flag.
            if not cls.__dict__.get("_inherit_bindings", True):
                by_key.clear()
            for binding in Binding.make_bindings(cls.__dict__["BINDINGS"]):
                by_key[binding.key] = binding
    yield from by_key.values()


def key_groups(screen: Screen[object]) -> list[tuple[str, list[tuple[str, str]]]]:
    """``(group title, [(keys, description)])`` for the screen, its widgets and the app.

    Built from the ``BINDINGS`` of every node, so the help can never drift from the
    keys that actually work. Keys bound to the same action are shown together.
    """
    app = screen.app
    # The screen's own keys first, then the focused widget's and its ancestors', then
    # the other widgets', the app's last. Our own widgets only: Textual's inner widgets
    # (Input, Footer) keep their usual keys.
    focused = screen.focused
    chain = [node for node in focused.ancestors_with_self if node is not screen] if focused else []
    others = [node for node in screen.walk_children(with_self=False) if node not in chain]
    nodes: list[DOMNode] = [
        node
        for node in dict.fromkeys([screen, *chain, *others, app])
        if type(node).__module__.startswith("tui.")
    ]
    groups: dict[str, dict[str, tuple[list[str], str]]] = {}
    for node in nodes:
        title = node.BINDING_GROUP_TITLE or type(node).__name__
        for binding in _class_bindings(node):
            if not binding.description or binding.system:
                continue
            entries = groups.setdefault(title, {})
            action = binding.action
            keys, _ = entries.get(action, ([], binding.description))
            key = app.get_key_display(binding)
            if key not in keys:
                keys.append(key)
            entries[action] = (keys, binding.description)
    return [
        (title, [(" ".join(keys), description) for keys, description in entries.values()])
        for title, entries in groups.items()
    ]


class HelpScreen(Backdrop, ModalScreen[None]):
    """A panel listing every key that works on the screen it was opened from."""

    CSS_PATH = "help.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "dismiss", "Close help"),
    ]

    BINDING_GROUP_TITLE = "Help"

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self._helped = screen

    def compose(self) -> ComposeResult:
        notes = getattr(self._helped, "HELP_NOTES", "")
        with VerticalScroll(id="help-panel") as panel:
            panel.border_title = "Keys"
            panel.border_subtitle = "↑ ↓ scroll · escape to close"
            if notes:
                yield Static(Text(notes), id="help-notes")
            yield KeyTable(key_groups(self._helped))

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)
