"""ArticleHeader: who published the article, when, by whom, above its text."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from tui.core.reading.address import FETCHED
from tui.core.reading.articles import Article
from tui.core.text.safe import one_line


def describe(article: Article, label: str = "") -> Text:
    """Title on the first line; outlet, date, byline, length and notes on the second."""
    text = Text(no_wrap=True, overflow="ellipsis")
    if label:
        text.append(f" {label} ", style="bold reverse")
        text.append(" ")
    text.append(one_line(article.title), style="bold")
    facts = [one_line(article.outlet)]
    if article.date:
        facts.append(article.date)
    if article.byline:
        facts.append(f"by {one_line(article.byline)}")
    facts.append(f"{article.words:,} words")
    if article.url and FETCHED in article.notes:
        facts.append(one_line(article.url))  # where it was read from: shown, as a file's name is
    facts.extend(one_line(note) for note in article.notes if note != FETCHED)
    text.append("\n")
    text.append(" · ".join(facts), style="dim")
    return text


class ArticleHeader(Static):
    """The article's metadata, drawn from `Article` fields as plain text (never markup).

    Always two lines (title, then facts), cut with an ellipsis, so two readers side
    by side start their text on the same row.
    """

    def set_article(
        self, article: Article | None, message: str = "No article selected", label: str = ""
    ) -> None:
        """Describe ``article`` (after ``label``), or show ``message`` when there is none."""
        self.update(describe(article, label) if article else Text(message, style="dim"))
