"""ExportScreen: write the comparison to a new file whose path the user confirms."""

from __future__ import annotations

import re
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from tui.core.alignment.comparison import Comparison
from tui.core.reports.comparison import format_comparison

_UNSAFE_NAME = re.compile(r"[^\w.-]+")


def default_export_path(comparison: Comparison, folder: Path) -> Path:
    """``storyreader-<A>-vs-<B>.md`` in ``folder``, named after the two files.

    When that exists, the first free one of ``…-2.md``, ``…-3.md``: a second export
    proposes a name that works.
    """
    stem_a = _UNSAFE_NAME.sub("_", comparison.a.path.stem)[:40]
    stem_b = _UNSAFE_NAME.sub("_", comparison.b.path.stem)[:40]
    stem = f"storyreader-{stem_a}-vs-{stem_b}"
    path = folder / f"{stem}.md"
    number = 2
    while path.exists():
        path = folder / f"{stem}-{number}.md"
        number += 1
    return path


def _shown(path: Path) -> Path:
    """``path`` relative to the working folder when it is inside it (shorter to read)."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


def export_format(path: Path) -> str:
    """``json`` for a ``.json`` path, else ``markdown``."""
    return "json" if path.suffix.lower() == ".json" else "markdown"


def write_new(path: Path, text: str) -> None:
    """Create ``path`` with ``text``; never replaces an existing file.

    Raises:
        FileExistsError: When something is already at ``path``.
        OSError: When the file cannot be created.
    """
    with path.open("x", encoding="utf-8") as handle:
        handle.write(text)


class ExportScreen(ModalScreen[Path | None]):
    """Ask where to save the comparison; Markdown unless the name ends in ``.json``."""

    CSS_PATH = "export.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    BINDING_GROUP_TITLE = "Export"

    def __init__(
        self, comparison: Comparison, story_articles: int, folder: Path | None = None
    ) -> None:
        super().__init__()
        self.comparison = comparison
        self.story_articles = story_articles
        """How many articles the comparison's words were weighed across."""
        self._default = default_export_path(comparison, folder or Path.cwd())
        """The file proposed: shown relative to the working folder, where it is written."""

    def compose(self) -> ComposeResult:
        with Vertical(id="export-panel") as panel:
            panel.border_title = "Export comparison"
            yield Label("Save to a new file (.md for Markdown, .json for JSON):")
            yield Input(str(_shown(self._default)), id="export-path")
            yield Static("enter to save · escape to cancel", id="export-status", markup=False)

    @on(Input.Submitted, "#export-path")
    def _submitted(self, event: Input.Submitted) -> None:
        path = Path(event.value).expanduser()
        if path.exists():
            self._status(f"{path} already exists: choose another name.", error=True)
            return
        self._status(f"Writing {path}…", error=False)
        self._export(path)

    @work(thread=True, exclusive=True, group="export", description="export the comparison")
    def _export(self, path: Path) -> None:
        """Write what the screen shows (its links, its sides), not a new alignment."""
        text = format_comparison(self.comparison, export_format(path), self.story_articles)
        try:
            write_new(path, text + "\n")
        except OSError as error:
            reason = "already exists" if isinstance(error, FileExistsError) else error.strerror
            self.app.call_from_thread(self._status, f"Cannot write {path}: {reason}", True)
            return
        self.app.call_from_thread(self._done, path)

    def _status(self, message: str, error: bool) -> None:
        status = self.query_one("#export-status", Static)
        status.update(message)
        status.set_class(error, "-error")

    def _done(self, path: Path) -> None:
        self.app.notify(f"Exported to {path}", markup=False)
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
