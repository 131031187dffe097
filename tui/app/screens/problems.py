"""ProblemsScreen: every input that could not be read, and why."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.core.reading.problems import Problem
from tui.core.text.safe import one_line


def problems_table(problems: Sequence[Problem]) -> Table:
    """A two-column table, file then reason, as plain text (never markup)."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", overflow="fold")
    table.add_column(overflow="fold")
    for problem in problems:
        table.add_row(Text(one_line(str(problem.path))), Text(one_line(problem.reason)))
    return table


class ProblemsScreen(ModalScreen[None]):
    """The "skipped" panel: files and folders storyreader could not read, with reasons."""

    CSS_PATH = "problems.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,exclamation_mark,q", "dismiss", "Close"),
    ]

    BINDING_GROUP_TITLE = "Skipped files"

    def __init__(self, problems: Sequence[Problem], *, loading: bool = False) -> None:
        super().__init__()
        self.problems = list(problems)
        self.loading = loading
        """Whether files were still being read when the panel opened."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="problems-panel") as panel:
            count = len(self.problems)
            still = " so far (still reading)" if self.loading else ""
            panel.border_title = f"Could not read {count} input{'s' if count != 1 else ''}{still}"
            panel.border_subtitle = "escape to close"
            yield Static(problems_table(self.problems))

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)
