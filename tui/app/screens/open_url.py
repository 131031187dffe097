"""OpenUrlScreen: fetch an article from a web address and add it to the library.

The fetch runs in a thread worker (`tui.core.reading.url`: its time limit, size cap
and redirect limit), with a line that counts the seconds; a failure stays in the
dialog, in one line naming the address and the problem, so the user can correct
the address or leave. Nothing fetched is written to disk.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static
from textual.worker import get_current_worker

from tui.app.widgets.working import Working
from tui.core.reading.address import is_url
from tui.core.reading.articles import Article
from tui.core.reading.url import FetchError, read_url
from tui.core.text.safe import inert_line


class OpenUrlScreen(ModalScreen[list[Article] | None]):
    """Ask for an address (or take the ones given), fetch each, return the articles."""

    CSS_PATH = "open_url.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    BINDING_GROUP_TITLE = "Open URL"

    def __init__(self, urls: Sequence[str] = ()) -> None:
        super().__init__()
        self.urls = list(urls)
        """Addresses to fetch at once (those named on the command line)."""
        self.fetched: list[Article] = []
        """Articles fetched so far."""

    def compose(self) -> ComposeResult:
        with Vertical(id="open-url-panel") as panel:
            panel.border_title = "Open URL"
            yield Label("The address of a web page (http:// or https://):")
            yield Input(self.urls[0] if self.urls else "", placeholder="https://", id="url")
            working = Working("Fetching", id="url-working")
            working.display = False
            yield working
            yield Static("enter to fetch · escape to cancel", id="url-status", markup=False)

    def on_mount(self) -> None:
        if self.urls:
            self._fetch(list(self.urls))

    @on(Input.Submitted, "#url")
    def _submitted(self, event: Input.Submitted) -> None:
        url = event.value.strip()
        if not is_url(url):
            url = f"https://{url}" if url and "://" not in url else url
        if not url:
            self._status("Type an address first.", error=True)
            return
        self._fetch([url])

    @work(thread=True, exclusive=True, group="fetch", description="fetch a web page")
    def _fetch(self, urls: list[str]) -> None:
        """Fetch ``urls`` in turn; the dialog closes when all worked, else shows the first failure."""
        failed: tuple[str, str] | None = None
        for url in urls:
            self.app.call_from_thread(self._busy, url)
            try:
                found = read_url(url)
            except FetchError as error:
                found = []
                failed = failed or (url, str(error))
            if get_current_worker().is_cancelled:
                return  # the user left the dialog meanwhile
            articles = [item for item in found if isinstance(item, Article)]
            self.app.call_from_thread(self._arrived, url, articles)
        if failed is not None:
            self.app.call_from_thread(self._failed, *failed)
        else:
            self.app.call_from_thread(self.dismiss, self.fetched)

    def _busy(self, url: str) -> None:
        working = self.query_one(Working)
        working.set_label(f"Fetching {inert_line(url)}")
        working.display = True
        self.query_one("#url", Input).value = url
        self._status("escape to stop waiting", error=False)

    def _arrived(self, url: str, articles: list[Article]) -> None:
        self.fetched.extend(articles)
        if url in self.urls:
            self.urls.remove(url)

    def _failed(self, url: str, message: str) -> None:
        self.query_one(Working).display = False
        self.query_one("#url", Input).value = url
        count = len(self.fetched)
        leave = f"escape to add the {count} fetched" if count else "escape to cancel"
        self._status(f"{message} · enter to try again · {leave}", error=True)

    def _status(self, message: str, error: bool) -> None:
        status = self.query_one("#url-status", Static)
        status.update(message)
        status.set_class(error, "-error")

    def action_cancel(self) -> None:
        self.dismiss(self.fetched or None)
