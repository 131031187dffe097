"""The app remembers: theme, order, library pane, compare tiers and the folder opened."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.app.test_compare_keys import PAIR_000_001, open_compare
from tests.helpers import settle
from tests.paths import SEEDS, UI_FOLDER
from tui.app.app import StoryReaderApp
from tui.app.config import CONFIG_DIR_ENV, FILE_NAME, SettingsFile, config_dir
from tui.app.remember import NO_CONFIG_ENV, settings_file
from tui.app.screens.library import LibraryScreen


def _file(tmp_path: Path) -> SettingsFile:
    return SettingsFile(tmp_path / "config" / FILE_NAME)


def _toasts(app: StoryReaderApp) -> list[str]:
    return [str(notification.message) for notification in app._notifications]


def test_no_test_writes_the_real_settings() -> None:
    folder = config_dir()
    assert os.environ[CONFIG_DIR_ENV] == str(folder)
    assert Path.home() not in folder.parents or "pytest" in str(folder)


async def test_changes_are_saved_and_the_next_run_starts_with_them(tmp_path: Path) -> None:
    app = StoryReaderApp([UI_FOLDER], settings=_file(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.theme = "nord"
        await pilot.press("s", "l")  # order by date, hide the library pane
        await settle(pilot)
    saved = _file(tmp_path).load().settings
    assert (saved.theme, saved.sort, saved.show_library) == ("nord", "date", False)
    assert saved.last_folder == UI_FOLDER.resolve()

    again = StoryReaderApp([SEEDS], settings=_file(tmp_path))
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert again.theme == "nord"
        library = again.screen
        assert isinstance(library, LibraryScreen)
        assert library.library.sort == "date"
        assert not library.query_one("#library-pane").display
    assert _file(tmp_path).load().settings.last_folder == UI_FOLDER.resolve()  # not the bundled


async def test_hidden_tiers_stay_hidden(tmp_path: Path) -> None:
    app = StoryReaderApp(PAIR_000_001, compare=True, settings=_file(tmp_path))
    async with app.run_test(size=(160, 50)) as pilot:
        await open_compare(pilot)
        await pilot.press("4")  # hide paraphrase
        await settle(pilot)
    assert _file(tmp_path).load().settings.hidden_tiers == {"paraphrase"}
    again = StoryReaderApp(PAIR_000_001, compare=True, settings=_file(tmp_path))
    async with again.run_test(size=(160, 50)) as pilot:
        screen = await open_compare(pilot)
        assert "paraphrase" not in screen.tiers
        assert all(link.tier != "paraphrase" for link in screen.links)


async def test_a_broken_file_is_reported_ignored_and_never_written(tmp_path: Path) -> None:
    path = tmp_path / "config" / FILE_NAME
    path.parent.mkdir()
    path.write_text('theme = "nord"\nsort = sideways\n', encoding="utf-8")
    before = path.read_bytes()
    app = StoryReaderApp([UI_FOLDER], settings=SettingsFile(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.pause(0.2)
        assert any(str(path) in toast and "not valid TOML" in toast for toast in _toasts(app))
        assert app.theme == "textual-dark"  # nothing of a broken file is used
        await pilot.press("s")
        await settle(pilot)
    assert path.read_bytes() == before


async def test_an_unknown_theme_is_reported_and_the_default_used(tmp_path: Path) -> None:
    path = tmp_path / "config" / FILE_NAME
    path.parent.mkdir()
    path.write_text('theme = "no-such-theme"\n', encoding="utf-8")
    app = StoryReaderApp([UI_FOLDER], settings=SettingsFile(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.pause(0.2)
        assert app.theme == "textual-dark"
        assert any("no-such-theme" in toast for toast in _toasts(app))


@pytest.mark.parametrize("environ", [{NO_CONFIG_ENV: "1"}, {}])
async def test_no_config_starts_with_defaults_and_writes_nothing(
    tmp_path: Path, environ: dict[str, str]
) -> None:
    folder = tmp_path / "config"
    folder.mkdir()
    (folder / FILE_NAME).write_text('sort = "outlet"\n', encoding="utf-8")
    before = (folder / FILE_NAME).read_bytes()
    file = settings_file(no_config=not environ, environ={CONFIG_DIR_ENV: str(folder), **environ})
    assert file.path is None
    app = StoryReaderApp([UI_FOLDER], settings=file)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        library = app.screen
        assert isinstance(library, LibraryScreen) and library.library.sort == "file"
        await pilot.press("s", "l")
        await settle(pilot)
    assert (folder / FILE_NAME).read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == [FILE_NAME]


async def test_the_palette_opens_the_folder_opened_last(tmp_path: Path) -> None:
    _file(tmp_path).save(_file(tmp_path).load().settings.__class__(last_folder=UI_FOLDER))
    app = StoryReaderApp([SEEDS], settings=_file(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert len(app.state.articles) == 5  # `storyreader` opens the bundled story
        await pilot.press("ctrl+p", *"last fold")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert app.screen.state.paths == [UI_FOLDER]
        assert len(app.state.articles) == 7
