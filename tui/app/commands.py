"""Command palette provider: open any article by outlet or headline."""

from __future__ import annotations

from collections.abc import AsyncIterator
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Provider
from textual.content import Content

from tui.core.inert import one_line

if TYPE_CHECKING:
    from tui.app.app import StoryReaderApp


class ArticleCommands(Provider):
    """``Open: <outlet> — <headline>`` for every article in the library."""

    @property
    def _app(self) -> StoryReaderApp:
        return cast("StoryReaderApp", self.app)

    def _entries(self) -> list[tuple[int, str]]:
        return [
            (index, f"Open: {one_line(article.outlet)} — {one_line(article.title)}")
            for index, article in enumerate(self._app.articles)
        ]

    async def discover(self) -> AsyncIterator[DiscoveryHit]:
        for index, text in self._entries():
            yield DiscoveryHit(Content(text), partial(self._app.open_article, index), text=text)

    async def search(self, query: str) -> AsyncIterator[Hit]:
        matcher = self.matcher(query)
        for index, text in self._entries():
            score, offsets = matcher.fuzzy_search.match(matcher.query, text)
            if score > 0:
                # Content(text), not markup: a headline like "[bold]" must show as written.
                shown = Content(text)
                for offset in offsets:
                    shown = shown.stylize(matcher.match_style, offset, offset + 1)
                yield Hit(score, shown, partial(self._app.open_article, index), text=text)
