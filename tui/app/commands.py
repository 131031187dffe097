"""Command palette provider: open any article, or compare any two, by name."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from functools import partial
from itertools import combinations, islice
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


MAX_PAIRS = 2000
"""Compare commands offered at most (all pairs of a small story, the first of a big one)."""


class ArticleCommands(Provider):
    """``Open: <outlet> — <headline>`` for every article, ``Compare: A with B`` for pairs."""

    def _entries(self) -> list[tuple[str, Callable[[], None]]]:
        app = self.app
        if not isinstance(app, _HasStory):
            return []
        state = app.state
        labels = [
            f"{one_line(article.outlet)} — {one_line(article.title)}" for article in state.articles
        ]
        entries: list[tuple[str, Callable[[], None]]] = [
            (f"Open: {label}", partial(navigation.open_article, app, index))
            for index, label in enumerate(labels)
        ]
        if state.loading:
            return entries
        names = [f"{one_line(article.outlet)} ({article.name})" for article in state.articles]
        pairs = islice(combinations(range(len(names)), 2), MAX_PAIRS)
        entries.extend(
            (
                f"Compare: {names[i]} with {names[j]}",
                partial(navigation.open_compare, app, state, i, j),
            )
            for i, j in pairs
        )
        return entries

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
