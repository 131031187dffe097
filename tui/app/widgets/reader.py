"""Reader: one article as Markdown, its metadata on top and a find bar below."""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message

from tui.app import startup
from tui.app.document_cache import documents
from tui.app.widgets.article_header import ArticleHeader
from tui.app.widgets.document_view import DocumentView
from tui.app.widgets.find_bar import FindBar
from tui.app.widgets.highlights import Highlight
from tui.app.widgets.working import Working
from tui.core.reading.articles import Article
from tui.core.spans import Span
from tui.core.text.document import Document
from tui.core.text.find import find_all

_LOADING_INDICATOR = 200_000
"""Articles longer than this (characters) say they are being rendered, and how long for."""


class Reader(Vertical):
    """The selected article: header, scrollable text, find.

    An article not rendered before is rendered in a worker thread (long ones behind
    a loading indicator), so the library keeps answering keys and paints first.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "find_step(1)", "Next match"),
        Binding("N", "find_step(-1)", "Previous match"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | n / N | Next / previous find match. |
    """

    BINDING_GROUP_TITLE = "Reader"

    class Shown(Message):
        """The article's text is on screen (its document rendered and laid out)."""

        def __init__(self, reader: Reader) -> None:
            self.reader = reader
            """The reader that shows it."""
            super().__init__()

        @property
        def control(self) -> Reader:
            """The reader, so ``@on(Reader.Shown, "#left")`` works."""
            return self.reader

    DEFAULT_CSS = """
    Reader {
        /* Its children cover it: hidden, Textual skips drawing its blank lines. */
        visibility: hidden;
        & > ArticleHeader, & > DocumentView, & > FindBar, & > Working {
            visibility: visible;
        }
        & > ArticleHeader {
            padding: 0 1;
            background: $panel;
        }
        & > .document { height: 1fr; }
        & > Working { height: 1; padding: 0 1; }
        &.-rendering > .document { display: none; }
    }
    """

    def __init__(
        self,
        *,
        gutter: bool = False,
        label: str = "",
        steps_find: bool = True,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._gutter = gutter
        self.label = label
        """Shown before the title (``A``, ``B``) when two readers sit side by side."""
        self._steps_find = steps_find
        """Whether ``n`` / ``N`` step through this reader's find matches (the compare
        screen finds in both of its readers and keeps those keys for its pairs)."""
        self.article: Article | None = None
        self._query = ""
        self._reveal: Span | None = None
        self._matches: list[Span] = []
        self._current: int | None = None

    def compose(self) -> ComposeResult:
        yield ArticleHeader(id="article-header")
        yield DocumentView(gutter=self._gutter, classes="document")

    @property
    def header(self) -> ArticleHeader:
        """The headline and facts above the text."""
        return self.query_one(ArticleHeader)

    @property
    def view(self) -> DocumentView:
        """The text of the article."""
        return self.query_one(DocumentView)

    @property
    def find_bar(self) -> FindBar | None:
        """The find bar, once ``/`` has been pressed (it is built then, not at startup)."""
        bars = self.query(FindBar)
        return bars.first() if bars else None

    def read(self, article: Article) -> None:
        """Show ``article`` from its top; a find query still open is searched again."""
        self.article = article
        self.header.set_article(article, label=self.label)
        document = documents.at_once(article.text)
        if document is not None:
            self._display(article, document)
            return
        if article.chars > _LOADING_INDICATOR:
            self.set_class(True, "-rendering")
            if not self.query(Working):
                self.mount(Working("Rendering the article"), after=self.view)
        # Started after this frame: the thread would compete with painting it.
        self.call_after_refresh(self._render_in_thread, article)

    def show_nothing(self, message: str) -> None:
        """Say why there is nothing to read."""
        self.article = None
        self.header.set_article(None, message)
        self.view.set_document(Document(blocks=()))

    @work(thread=True, exclusive=True, group="render", description="render an article")
    def _render_in_thread(self, article: Article) -> None:
        from tui.app.offload import OffloadCancelledError  # only long texts need it

        try:
            document = documents.render(article.text)  # a long one in a child process
        except OffloadCancelledError:
            return  # another article was asked for meanwhile
        if article.chars > _LOADING_INDICATOR:
            startup.keep_built()
        self.app.call_from_thread(self._display, article, document)

    def _display(self, article: Article, document: Document) -> None:
        if article is not self.article:
            return
        self.set_class(False, "-rendering")
        self.query(Working).remove()
        self.view.set_document(document)
        self._search(self._query)
        if self._reveal is not None:
            self.view.set_highlights([Highlight(self._reveal, "target")])
            self.view.scroll_to_span(self._reveal)
        self.post_message(self.Shown(self))

    def reveal(self, span: Span) -> None:
        """Mark ``span`` and bring it into view, now or when the text is shown."""
        self._reveal = span
        if self.view.document.blocks:
            self.view.set_highlights([Highlight(span, "target")])
            self.view.scroll_to_span(span)

    async def open_find(self) -> None:
        """Show the find bar with the cursor in it."""
        bar = self.find_bar
        if bar is None:
            bar = FindBar(id="find-bar")
            await self.mount(bar)
        bar.open()

    @property
    def matches(self) -> list[Span]:
        """Where the find query is in the text, in order."""
        return self._matches

    def search(self, query: str) -> list[Span]:
        """Mark every match of ``query`` (none current), and again whenever the text changes."""
        self._query = query
        self._matches = find_all(self.view.document, query) if query else []
        self._current = None
        self.view.set_find(self._matches, None)
        self.refresh_bindings()
        return self._matches

    def show_match(self, index: int | None) -> None:
        """Make match ``index`` the current one and bring it into view (None: no current one)."""
        self._current = index
        self.view.set_find(self._matches, index)
        if index is not None:
            self.view.scroll_to_span(self._matches[index])

    def _search(self, query: str) -> None:
        self.search(query)
        self._current = 0 if self._matches else None
        self._show_matches(scroll=True)

    def _show_matches(self, *, scroll: bool) -> None:
        self.view.set_find(self._matches, self._current)
        if self.find_bar is not None:
            self.find_bar.set_count(self._current, len(self._matches))
        if scroll and self._current is not None:
            self.view.scroll_to_span(self._matches[self._current])
        self.refresh_bindings()

    @on(FindBar.Changed)
    def _find_changed(self, event: FindBar.Changed) -> None:
        self._query = event.query
        self._search(event.query)

    @on(FindBar.Stepped)
    def _find_stepped(self, event: FindBar.Stepped) -> None:
        self.action_find_step(event.direction)

    @on(FindBar.Closed)
    def _find_closed(self) -> None:
        self.view.focus()

    def action_find_step(self, direction: int) -> None:
        if not self._matches:
            return
        current = 0 if self._current is None else self._current
        self._current = (current + direction) % len(self._matches)
        self._show_matches(scroll=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "find_step":
            # Hidden (not just greyed) without matches: n / N then mean what the
            # screen says (the compare screen steps through pairs with them).
            return self._steps_find and bool(self._matches)
        return True
