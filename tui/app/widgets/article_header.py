"""ArticleHeader: the article's headline, whole, and who published it, when, by whom."""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Static

from tui.core.reading.address import FETCHED
from tui.core.reading.articles import Article
from tui.core.text.safe import one_line

MAX_HEADLINE_LINES = 3
"""Lines a headline wraps to before its end gives way to an ellipsis: a headline of
120 characters fits in a pane of 40 columns; only a paragraph posing as one is cut."""
ROWS_PER_LINE = 10
"""Terminal rows per headline line allowed: a short terminal keeps its rows for the text
(one line below 20 rows, two below 30)."""


def headline_text(article: Article) -> Text:
    """The headline, in bold."""
    return Text(one_line(article.title), style="bold")


def label_text(label: str) -> Text:
    """``label`` (``A``, ``B``) drawn as a tab before the headline."""
    text = Text()
    text.append(f" {label} ", style="bold reverse")
    text.append(" ")
    return text


def facts_text(article: Article) -> Text:
    """Outlet, date, byline, length and notes, on one line."""
    facts = [one_line(article.outlet)]
    if article.date:
        facts.append(article.date)
    if article.byline:
        facts.append(f"by {one_line(article.byline)}")
    facts.append(f"{article.words:,} words")
    if article.url and FETCHED in article.notes:
        facts.append(one_line(article.url))  # where it was read from: shown, as a file's name is
    facts.extend(one_line(note) for note in article.notes if note != FETCHED)
    return Text(" · ".join(facts), style="dim")


class Headline(Widget):
    """A headline wrapped at word boundaries to as many lines as it needs.

    A headline cut at the pane's edge hides what the story is; wrapped, it is read
    whole. Two panes side by side can be evened (`even_with`): each then takes as
    many lines as the longer of the two, so their texts start on the same row.
    """

    DEFAULT_CSS = """
    Headline { height: auto; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = Text()
        self._label = Text()
        self._partner: Headline | None = None
        self._rows = MAX_HEADLINE_LINES * ROWS_PER_LINE
        """The terminal's rows at the last layout (how many lines the headline may take)."""

    @property
    def text(self) -> Text:
        """The headline as given, before wrapping."""
        return self._text

    def set_text(self, text: Text, label: Text | None = None) -> None:
        """Show ``text`` after ``label``, its further lines under its first word.

        The partner's height follows, as it depends on both.
        """
        self._text = text
        self._label = label or Text()
        self.refresh(layout=True)
        if self._partner is not None:
            self._partner.refresh(layout=True)

    def even_with(self, partner: Headline | None) -> None:
        """Take at least as many lines as ``partner`` would at this width (``None``: own)."""
        if partner is not self._partner:
            self._partner = partner
            self.refresh(layout=True)

    def lines(self, width: int, rows: int) -> list[Text]:
        """The headline wrapped to ``width`` in a terminal of ``rows``.

        A last line that cuts it ends in an ellipsis.
        """
        indent = self._label.cell_len
        if width - indent <= 1:
            return []
        wrapped = list(self._text.wrap(self.app.console, width - indent, overflow="fold"))
        most = max(1, min(MAX_HEADLINE_LINES, rows // ROWS_PER_LINE))
        if len(wrapped) > most:
            wrapped = wrapped[:most]
            last = wrapped[-1]
            last.rstrip()
            last.truncate(width - indent - 1)
            last.append("…", style="bold")
        margin = " " * indent
        return [
            Text.assemble(self._label if n == 0 else margin, line) for n, line in enumerate(wrapped)
        ]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        rows = self._rows = viewport.height
        own = len(self.lines(width, rows))
        partner = self._partner
        return max(own, len(partner.lines(width, rows))) if partner is not None else own

    def render(self) -> RenderableType:
        joined = Text("\n").join(self.lines(self.content_size.width, self._rows))
        joined.no_wrap = True
        return joined


class ArticleHeader(Vertical):
    """The article's metadata, drawn from `Article` fields as plain text (never markup).

    The headline wraps (`Headline`); the facts below it keep one line, cut with an
    ellipsis, so the text starts right after them.
    """

    DEFAULT_CSS = """
    ArticleHeader {
        height: auto;
        & > #facts { height: 1; text-wrap: nowrap; text-overflow: ellipsis; }
    }
    """

    def compose(self) -> ComposeResult:
        yield Headline(id="headline")
        yield Static(id="facts", markup=False)

    @property
    def headline(self) -> Headline:
        """The headline's widget (the compare screen evens the two panes')."""
        return self.query_one(Headline)

    def set_article(
        self, article: Article | None, message: str = "No article selected", label: str = ""
    ) -> None:
        """Describe ``article`` (after ``label``), or show ``message`` when there is none."""
        facts = self.query_one("#facts", Static)
        if article is None:
            self.headline.set_text(Text(message, style="dim"))
            facts.update("")
            return
        self.headline.set_text(headline_text(article), label_text(label) if label else None)
        facts.update(facts_text(article))

    def describe(self) -> str:
        """The header as plain text: the headline, then the facts."""
        facts = self.query_one("#facts", Static).render()
        return f"{self.headline.text.plain}\n{facts}"
