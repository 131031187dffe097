"""A big folder: rows appear as files are read, with progress, and keys keep working."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from tests.helpers import make_app, settle
from tui.app import loader
from tui.app.screens import library
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.reader import Reader
from tui.core.reading.loading import load_files

FILES = 120
HELD_AFTER = 10


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for number in range(FILES):
        (tmp_path / f"{number:04d}.txt").write_text(
            f"Headline number {number}\n\nBody sentence of article {number}. Another one.\n",
            encoding="utf-8",
        )
    return tmp_path


async def test_rows_arrive_while_files_are_still_being_read(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader thread is held after ten files: the first rows are on screen, the
    progress bar shows, and the library answers keys, before the last file is read."""
    release = threading.Event()

    def held_load_files(paths, folders=(), session=None):  # type: ignore[no-untyped-def]
        for number, item in enumerate(load_files(paths, folders=folders, session=session)):
            if number >= HELD_AFTER:
                release.wait(10)
            yield item

    monkeypatch.setattr(loader, "load_files", held_load_files)
    monkeypatch.setattr(library, "_FIRST_FRAME_BUDGET", 0.0)
    monkeypatch.setattr(library, "_PROGRESS_AFTER", 0.01)
    app = make_app([folder])
    async with app.run_test(size=(120, 30)) as pilot:
        for _ in range(20):
            await pilot.pause(0.05)
            if len(app.state.articles) >= HELD_AFTER:
                break
        assert HELD_AFTER <= len(app.state.articles) < FILES
        assert app.screen.query("#load-progress"), "a progress bar shows while loading"
        assert "loading" in app.screen.sub_title
        await pilot.press("j", "j")
        assert app.screen.query_one(ArticleList).selected == 2
        assert app.screen.query_one(Reader).article.title == "Headline number 2"
        await pilot.press("o", "exclamation_mark")  # neither waits: each says why
        said = [notification.message for notification in app._notifications]
        assert said[0].startswith("Still reading the files (")
        assert said[0].endswith("the overview opens once all are read.")
        assert said[1] == "No problems so far (still reading the files)."
        assert isinstance(app.screen, library.LibraryScreen)
        release.set()
        await settle(pilot)
        assert len(app.state.articles) == FILES
        assert not app.screen.query("#load-progress")
        assert f"{FILES} articles" in app.screen.sub_title
