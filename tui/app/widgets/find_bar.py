"""FindBar: the query line under the reader, with the match count."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label


class FindBar(Horizontal):
    """Type to find; every keystroke searches again. Enter goes to the next match."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Enter (the text box's submit) steps too: shown with the down arrow. Priority
        # keys: the text box's own up and down (scrolling, inherited) would take them.
        Binding("down", "step(1)", "Next match", key_display="⏎ ↓", priority=True),
        Binding("up", "step(-1)", "Previous match", key_display="↑", priority=True),
        Binding("f3", "step(1)", "Next match", show=False, priority=True),
        Binding("shift+f3", "step(-1)", "Previous match", show=False, priority=True),
        Binding("escape", "close", "Close find"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | enter, down, f3 | Go to the next match. |
    | up, shift+f3 | Go to the previous match. |
    | escape | Close the find bar (matches stay marked). |
    """

    BINDING_GROUP_TITLE = "Find"

    DEFAULT_CSS = """
    FindBar {
        height: 1;
        background: $panel;
        padding: 0 1;
        & > #find-label { padding: 0 1 0 0; color: $text-muted; }
        & > #find-input { width: 1fr; height: 1; border: none; padding: 0; background: $panel; }
        & > #find-count { width: auto; min-width: 9; padding: 0 0 0 1; color: $text-muted; }
    }
    """

    class Changed(Message):
        """The query changed."""

        def __init__(self, query: str) -> None:
            self.query = query
            """The text to find."""
            super().__init__()

    class Stepped(Message):
        """The user asked for the next (+1) or previous (-1) match."""

        def __init__(self, direction: int) -> None:
            self.direction = direction
            """+1 for the next match, -1 for the previous one."""
            super().__init__()

    class Closed(Message):
        """The user closed the find bar."""

    def __init__(self, *, placeholder: str = "text in this article", id: str | None = None) -> None:
        super().__init__(id=id)
        self._placeholder = placeholder

    def compose(self) -> ComposeResult:
        yield Label("Find:", id="find-label")
        yield Input(placeholder=self._placeholder, id="find-input")
        yield Label("", id="find-count")

    def open(self) -> None:
        """Show the bar and put the cursor in the query."""
        self.display = True
        self.query_one(Input).focus()

    @property
    def query_text(self) -> str:
        """The text being looked for."""
        return self.query_one(Input).value

    def set_count(self, current: int | None, total: int, where: str = "") -> None:
        """Show ``3/7`` (and ``where`` the matches are), or say there is no match."""
        if not self.query_one(Input).value.strip():
            text = ""
        elif total == 0:
            text = "no match"
        else:
            text = f"{(current or 0) + 1}/{total}"
        if where and self.query_one(Input).value.strip():
            text = f"{text} · {where}"
        self.query_one("#find-count", Label).update(text)

    @on(Input.Changed, "#find-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    @on(Input.Submitted, "#find-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Stepped(1))

    def action_step(self, direction: int) -> None:
        self.post_message(self.Stepped(direction))

    def action_close(self) -> None:
        self.display = False
        self.post_message(self.Closed())
