"""ExportScreen: write a comparison or an overview to a new file whose path the user confirms.

The name's ending chooses the format: ``.html``/``.htm`` the standalone web page
(`tui.core.reports.html`), ``.json`` JSON, anything else Markdown for a comparison
and plain text for an overview (which has no Markdown form). A file already at the
path is never replaced.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from tui.core.alignment.comparison import Comparison
from tui.core.story.overview import Overview
from tui.core.text.safe import inert_line

_UNSAFE_NAME = re.compile(r"[^\w.-]+")
_HTML = (".html", ".htm")


def free_path(folder: Path, stem: str, suffix: str) -> Path:
    """``<stem><suffix>`` in ``folder``, or the first free one of ``<stem>-2<suffix>``...

    A second export (or copy to a file) proposes a name that works.
    """
    path = folder / f"{stem}{suffix}"
    number = 2
    while path.exists():
        path = folder / f"{stem}-{number}{suffix}"
        number += 1
    return path


def safe_stem(text: str) -> str:
    """``text`` as part of a file name: letters, digits, ``.``, ``-``, ``_``; 40 at most."""
    return _UNSAFE_NAME.sub("_", text)[:40]


def default_export_path(comparison: Comparison, folder: Path) -> Path:
    """``storyreader-<A>-vs-<B>.md`` in ``folder``, named after the two files (free)."""
    stem_a, stem_b = safe_stem(comparison.a.path.stem), safe_stem(comparison.b.path.stem)
    return free_path(folder, f"storyreader-{stem_a}-vs-{stem_b}", ".md")


def export_format(path: Path) -> str:
    """``html`` for ``.html``/``.htm``, ``json`` for ``.json``, else ``markdown``."""
    suffix = path.suffix.lower()
    if suffix in _HTML:
        return "html"
    return "json" if suffix == ".json" else "markdown"


def write_new(path: Path, text: str) -> None:
    """Create ``path`` with ``text``; never replaces an existing file.

    Raises:
        FileExistsError: When something is already at ``path``.
        OSError: When the file cannot be created.
    """
    with path.open("x", encoding="utf-8") as handle:
        handle.write(text)


@dataclass(frozen=True, slots=True)
class Export:
    """What a dialog exports: its title, the name it proposes, and its text per format."""

    title: str
    """The dialog's border title."""
    formats: str
    """The line that says which ending writes what."""
    default: Path
    """The file proposed (free when the dialog opens)."""
    render: Callable[[str], str]
    """The report in a format of `export_format`."""


def comparison_export(comparison: Comparison, story_articles: int, folder: Path) -> Export:
    """The compare screen's export: what it shows (its links, its sides), not a new alignment."""

    def render(fmt: str) -> str:
        if fmt == "html":
            from tui.core.reports.html import comparison_html

            return comparison_html(comparison, story_articles)
        from tui.core.reports.comparison import format_comparison

        return format_comparison(comparison, fmt, story_articles)

    return Export(
        "Export comparison",
        "Save to a new file: .html a web page, .md Markdown, .json JSON",
        default_export_path(comparison, folder),
        render,
    )


def overview_export(overview: Overview, folder: Path) -> Export:
    """The overview's export: the overview on screen, complete."""

    def render(fmt: str) -> str:
        if fmt == "html":
            from tui.core.reports.html import overview_html

            return overview_html(overview)
        from tui.core.reports.overview import format_overview

        return format_overview(overview, "json" if fmt == "json" else "text")

    return Export(
        "Export overview",
        "Save to a new file: .html a web page, .json JSON, other names plain text",
        free_path(folder, f"storyreader-overview-{len(overview.articles)}-articles", ".html"),
        render,
    )


def _shown(path: Path) -> Path:
    """``path`` relative to the working folder when it is inside it (shorter to read)."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


class ExportScreen(ModalScreen[Path | None]):
    """Ask where to save the report; the name's ending chooses its format."""

    CSS_PATH = "export.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    BINDING_GROUP_TITLE = "Export"

    def __init__(self, export: Export) -> None:
        super().__init__()
        self.export = export

    def compose(self) -> ComposeResult:
        with Vertical(id="export-panel") as panel:
            panel.border_title = self.export.title
            yield Label(self.export.formats + ":", id="export-formats")
            yield Input(str(_shown(self.export.default)), id="export-path")
            yield Static("enter to save · escape to cancel", id="export-status", markup=False)

    @on(Input.Submitted, "#export-path")
    def _submitted(self, event: Input.Submitted) -> None:
        path = Path(event.value).expanduser()
        if path.exists():
            self._status(
                f"{inert_line(str(path))} already exists: choose another name.", error=True
            )
            return
        self._status(f"Writing {inert_line(str(path))}…", error=False)
        self._export(path)

    @work(thread=True, exclusive=True, group="export", description="export the report")
    def _export(self, path: Path) -> None:
        text = self.export.render(export_format(path))
        try:
            write_new(path, text if text.endswith("\n") else text + "\n")
        except OSError as error:
            reason = "already exists" if isinstance(error, FileExistsError) else error.strerror
            shown = inert_line(str(path))
            self.app.call_from_thread(self._status, f"Cannot write {shown}: {reason}", True)
            return
        self.app.call_from_thread(self._done, path)

    def _status(self, message: str, error: bool) -> None:
        status = self.query_one("#export-status", Static)
        status.update(message)
        status.set_class(error, "-error")

    def _done(self, path: Path) -> None:
        self.app.notify(f"Exported to {inert_line(str(path))}", markup=False)
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
