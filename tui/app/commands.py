"""Command palette provider: open any article by its outlet or headline.

Comparing is one command (``Compare…``, among the app's system commands), which
asks for the second article: a story of 50 articles has 1,225 pairs, too many to
list.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from functools import partial
from typing import Protocol, runtime_checkable

from textual.command import DiscoveryHit, Hit, Provider
from textual.content import Content

from tui.app import navigation
from tui.app.state import StoryState
from tui.core.text.safe import one_line


@runtime_checkable
class _HasStory(Protocol):
    """An app that holds a story (ours): the palette offers its articles."""

    state: StoryState


class ArticleCommands(Provider):
    """``Open: <outlet> — <headline>`` for every article."""

    def _entries(self) -> list[tuple[str, Callable[[], None]]]:
        app = self.app
        if not isinstance(app, _HasStory):
            return []
        state = app.state
        return [
            (f"Open: {label} — {one_line(article.title)}", partial(navigation.open_article, app, i))
            for i, (label, article) in enumerate(zip(state.labels, state.articles, strict=True))
        ]

    async def discover(self) -> AsyncIterator[DiscoveryHit]:
        for text, command in self._entries():
            yield DiscoveryHit(Content(text), command, text=text)

    async def search(self, query: str) -> AsyncIterator[Hit]:
        matcher = self.matcher(query)
        for text, command in self._entries():
            score, offsets = matcher.fuzzy_search.match(matcher.query, text)
            if score > 0:
                # Content(text), not markup: a headline like "[bold]" must show as written.
                shown = Content(text)
                for offset in offsets:
                    shown = shown.stylize(matcher.match_style, offset, offset + 1)
                yield Hit(score, shown, command, text=text)
