"""The first frame the app paints already shows the library's rows and the first article's text."""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App

from tests.helpers import make_app, settle
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.document_view import DocumentView


async def test_the_first_frame_shows_the_first_articles_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    frames: list[tuple[int, int]] = []
    display = App._display

    def recording(app: App[object], screen: Any, renderable: Any) -> None:
        if renderable is not None and not frames:
            rows = len(screen.query_one(ArticleList)._rows)
            frames.append((rows, screen.query_one(DocumentView).line_count))
        display(app, screen, renderable)

    monkeypatch.setattr(App, "_display", recording)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = app.screen.query_one(DocumentView)
        assert frames, "no frame was painted"
        rows, lines = frames[0]
        assert rows == 5
        assert lines > 0 and lines == view.line_count  # the text, laid out as it stays
