"""ArticleScreen: one article on its own, opened on a sentence from the overview."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen

from tui.app.widgets.key_bar import KeyBar
from tui.app.widgets.reader import Reader
from tui.app.widgets.title_bar import TitleBar
from tui.core.reading.articles import Article
from tui.core.spans import Span
from tui.core.text.safe import one_line


class ArticleScreen(Screen[None]):
    """Read ``article`` with ``span`` marked and in view; escape goes back."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("slash", "find", "Find"),
    ]

    BINDING_GROUP_TITLE = "Sentence"

    DEFAULT_CSS = """
    ArticleScreen Reader { height: 1fr; }
    """

    def __init__(self, article: Article, span: Span | None = None, label: str = "") -> None:
        super().__init__()
        self.article = article
        self.span = span
        self.label = label or one_line(article.outlet)
        """What the title bar calls the article (its label in the story)."""

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Reader(id="reader")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = self.label
        reader = self.query_one(Reader)
        reader.read(self.article)
        if self.span is not None:
            reader.reveal(self.span)
        reader.view.focus()

    async def action_find(self) -> None:
        await self.query_one(Reader).open_find()

    def action_back(self) -> None:
        self.dismiss(None)
