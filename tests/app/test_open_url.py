"""Open URL: an article fetched from the local test server joins the library."""

from __future__ import annotations

import pytest

from tests.helpers import make_app, settle
from tui.app.app import StoryReaderApp
from tui.app.screens.library import LibraryScreen
from tui.app.screens.open_url import OpenUrlScreen
from tui.app.widgets.article_header import ArticleHeader


async def _palette(pilot, command: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+p")
    await pilot.press(*command)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await settle(pilot)


async def test_the_palette_fetches_an_address_into_the_library(
    web_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    opened: list[str] = []
    monkeypatch.setattr(app, "open_url", lambda url, **_: opened.append(url))
    monkeypatch.setattr("webbrowser.get", lambda: object())  # a browser, whatever the machine
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        before = len(app.state.articles)
        await _palette(pilot, "Open URL")
        assert isinstance(app.screen, OpenUrlScreen)
        app.screen.query_one("#url").value = f"{web_server}/gone"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, OpenUrlScreen), "a failure stays in the dialog"
        status = str(app.screen.query_one("#url-status").render())
        assert f"{web_server}/gone: not found (HTTP 404)" in status
        app.screen.query_one("#url").value = f"{web_server}/story"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert len(app.state.articles) == before + 1
        added = app.state.articles[-1]
        assert added.url == f"{web_server}/story"
        assert app.screen.reader.article is added  # shown at once
        header = app.screen.query_one(ArticleHeader).describe()
        assert f"{web_server}/story" in header
        await pilot.press("w")
        assert opened == [f"{web_server}/story"]
        assert len(app.state.story) == before + 1  # the story holds it: compare, overview


async def test_addresses_named_at_start_are_fetched_with_no_folder(web_server: str) -> None:
    app = StoryReaderApp([], urls=[f"{web_server}/story", f"{web_server}/latin"])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert [article.url for article in app.state.articles] == [
            f"{web_server}/story",
            f"{web_server}/latin",
        ]


async def test_one_address_failing_at_start_does_not_stop_the_others(web_server: str) -> None:
    app = StoryReaderApp([], urls=[f"{web_server}/gone", f"{web_server}/story"])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await settle(pilot)
        assert isinstance(app.screen, OpenUrlScreen)
        status = str(app.screen.query_one("#url-status").render())
        assert "/gone: not found (HTTP 404)" in status and "escape to add the 1 fetched" in status
        await pilot.press("escape")
        await settle(pilot)
        assert [article.url for article in app.state.articles] == [f"{web_server}/story"]
