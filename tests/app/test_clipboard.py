"""`y` copies the text as shown and says truthfully which way it went."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import make_app, settle
from tui.app import clipboard
from tui.app.screens.export import ExportScreen

ARTICLE = "# Budget agreed\n\nThe council set aside \\$4.5 million for the \\#1 priority.\n"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "harbour-times.md").write_text(ARTICLE, encoding="utf-8")
    return folder


def _toasts(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(notification.message) for notification in app._notifications]


async def test_the_system_clipboard_gets_the_text_as_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copied: list[str] = []
    monkeypatch.setattr(clipboard, "system_copy", lambda text: copied.append(text) or True)
    app = make_app([_folder(tmp_path)])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.pause(0.3)
        await pilot.press("y")
        await pilot.pause()
        assert copied == [
            "Budget agreed\n\nThe council set aside $4.5 million for the #1 priority."
        ]
        assert "Copied harbour-times.md (70 characters) to the system clipboard" in _toasts(app)


async def test_without_one_the_terminal_is_asked_and_the_toast_says_it_may_ignore_it(
    tmp_path: Path,
) -> None:
    app = make_app([_folder(tmp_path)])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.pause(0.3)
        await pilot.press("y")
        await pilot.pause()
        assert "$4.5 million" in app.clipboard and "\\$" not in app.clipboard
        assert any("your terminal may ignore it" in toast for toast in _toasts(app))


async def test_when_nothing_can_take_it_a_file_is_offered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(clipboard, "terminal_drops_osc52", lambda: True)
    monkeypatch.chdir(tmp_path)
    app = make_app([_folder(tmp_path)])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.pause(0.3)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        assert "set-clipboard off" in str(app.screen.query_one("#export-formats").render())
        await pilot.press("enter")
        await settle(pilot)
    saved = tmp_path / "storyreader-copy.txt"
    assert saved.read_text(encoding="utf-8").startswith(
        "Budget agreed\n\nThe council set aside $4.5"
    )


def test_tmux_with_set_clipboard_off_is_known_to_drop_osc52(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = tmp_path / "tmux"
    fake.write_text("#!/bin/sh\necho off\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert clipboard.terminal_drops_osc52({"TMUX": "/tmp/tmux-1/default,1,0"})
    assert not clipboard.terminal_drops_osc52({})
    fake.write_text("#!/bin/sh\necho external\n", encoding="utf-8")
    assert not clipboard.terminal_drops_osc52({"TMUX": "/tmp/tmux-1/default,1,0"})


async def test_a_pair_is_copied_as_the_panes_show_it(tmp_path: Path) -> None:
    folder = tmp_path / "pair"
    folder.mkdir()
    shared = "The council set aside **\\$4.5 million** for the *\\#1* priority on Tuesday."
    (folder / "a.md").write_text(f"# Budget agreed\n\n{shared}\n", encoding="utf-8")
    (folder / "b.md").write_text(f"# Council budget\n\n{shared}\n", encoding="utf-8")
    app = make_app(sorted(folder.iterdir()), compare=True)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await settle(pilot)
        screen = app.screen
        index = next(
            i
            for i, link in enumerate(screen.links)
            if "council" in link.a.slice(screen.comparison.a.text)
        )  # type: ignore[attr-defined]
        screen._select(index)  # type: ignore[attr-defined]
        await pilot.press("y")
        await pilot.pause()
    shown = "The council set aside $4.5 million for the #1 priority on Tuesday."
    assert app.clipboard.count(shown) == 2
    assert "\\$" not in app.clipboard and "**" not in app.clipboard
