"""The app on messy input: skipped files explained, text shown inert, nothing broken."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.widgets import Static

from tests.helpers import SEEDS, make_app, settle, static_text
from tui.app.screens.compare import CompareScreen
from tui.app.screens.library import LibraryScreen
from tui.app.screens.problems import ProblemsScreen
from tui.app.screens.too_small import TooSmallScreen
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.document_view import DocumentView
from tui.core.reading import on_disk
from tui.core.reading.on_disk import KEPT

WIDE = "# 中文标题 with emoji 🎉 and עברית\n\nCJK 北京时间 text, emoji 👩‍👩‍👧 family, combining é, Arabic مرحبا بالعالم, RTL \u202eoverride\u202c end.\n"
ANSI = "Title \x1b[31mred\x1b[0m here\n\nBody with \x1b]0;evil\x07 title set and [bold]markup[/] too.\n"


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    folder = tmp_path / "messy"
    folder.mkdir()
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00binary")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.md").write_text("   \n\n", encoding="utf-8")
    (folder / "ansi.txt").write_text(ANSI, encoding="utf-8")
    (folder / "wide.md").write_text(WIDE, encoding="utf-8")
    (folder / "latin.txt").write_bytes(
        "Café naïve, latin-1 text. Another sentence.\n".encode("cp1252")
    )
    return folder


def rendered_lines(widget: DocumentView | ArticleList) -> list[str]:
    return [widget.render_line(y).text for y in range(widget.size.height)]


async def test_unreadable_inputs_are_listed_with_reasons_and_the_rest_opens(messy: Path) -> None:
    app = make_app([messy, messy / "missing.txt"])
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert sorted(article.path.name for article in app.state.articles) == [
            "ansi.txt",
            "latin.txt",
            "wide.md",
        ]
        reasons = {problem.path.name: problem.reason for problem in app.state.problems}
        assert set(reasons) == {"image.png", "empty.txt", "blank.md", "missing.txt"}
        assert "not found" in reasons["missing.txt"]
        assert "empty" in reasons["empty.txt"]
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, ProblemsScreen)
        listed = static_text(app.screen.query_one(Static), 120)
        for name, reason in reasons.items():
            assert name in listed and reason in listed
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)


async def test_a_file_changed_while_open_says_so_and_is_listed_as_a_problem(tmp_path: Path) -> None:
    # More files than the texts kept in memory (`KEPT`): most are read again from disk.
    paths = [tmp_path / f"report-{number:02d}.txt" for number in range(KEPT + 6)]
    for number, path in enumerate(paths):
        path.write_text(
            f"Harbour report {number}: pilots back at work\n\n"
            f"Pilots guided {number + 3} ships into the harbour on Tuesday.\n",
            encoding="utf-8",
        )
    app = make_app([tmp_path])
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("exclamation_mark")  # every file read: nothing to list
        assert isinstance(app.screen, LibraryScreen)
        held = {path for path, _ in on_disk._kept}  # texts kept in memory read no file
        changed = next(path for path in reversed(paths) if path not in held)
        changed.write_text(
            "Harbour report: strike resumes\n\nThe pilots walked out.\n", encoding="utf-8"
        )
        for _ in paths:  # move down to it: the reader asks for its text
            if app.screen.reader.article.path == changed:  # type: ignore[attr-defined]
                break
            await pilot.press("j")
        await settle(pilot)
        shown = " ".join(" ".join(rendered_lines(app.screen.reader.view)).split())  # type: ignore[attr-defined]
        if "this file changed or went away" not in shown:
            pytest.fail(f"the changed file shows its old or new text: {shown[:200]!r}")
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, ProblemsScreen)
        listed = static_text(app.screen.query_one(Static), 120)
        assert changed.name in listed and "changed or went away after it was read" in listed
        assert sum(path.name in listed for path in paths) == 1
        assert changed.read_text(encoding="utf-8").startswith("Harbour report: strike")  # untouched


async def test_nothing_readable_says_so(tmp_path: Path) -> None:
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 jpeg")
    app = make_app([tmp_path])
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert app.state.articles == []
        assert "Nothing to read" in app.screen.query_one("#article-header").describe()
        await pilot.press(
            "j", "enter", "slash", "y", "c"
        )  # keys on an empty library do nothing harmful


async def test_control_characters_never_reach_the_terminal(messy: Path) -> None:
    app = make_app([messy / "ansi.txt"])
    async with app.run_test(size=(100, 20)) as pilot:
        await settle(pilot)
        view = app.screen.query_one(DocumentView)
        lines = rendered_lines(view) + rendered_lines(app.screen.query_one(ArticleList))
        assert not any(char in line for line in lines for char in "\x1b\x07")
        assert any("^[[31m" in line for line in lines)
        assert any("[bold]markup[/]" in line for line in lines)


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (44, 12)])
async def test_wide_and_right_to_left_text_stays_inside_the_panes(messy: Path, size) -> None:  # type: ignore[no-untyped-def]
    app = make_app([messy / "wide.md", messy / "latin.txt"])
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        view = app.screen.query_one(DocumentView)
        text_width = view.scrollable_content_region.width
        assert view.line_count > 0
        for index in range(view.line_count):
            assert cell_len(view.line_text(index).rstrip()) <= text_width
        shown = " ".join(view.line_text(index) for index in range(view.line_count))
        assert "北京时间" in shown.replace(" ", "") and "👩‍👩‍👧" in shown
        library = app.screen.query_one(ArticleList)
        for y in range(library.size.height):
            assert library.render_line(y).cell_length == library.scrollable_content_region.width
        assert "<U+202E>" in view.document.blocks[1].text  # a bidi override is shown, not obeyed


async def test_tiny_terminals_and_resizing_never_crash() -> None:
    app = make_app()
    async with app.run_test(size=(20, 6)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, TooSmallScreen)
        for size in [(200, 60), (39, 9), (40, 10), (80, 24), (20, 6), (120, 40)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("c", "enter")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        for size in [(20, 6), (60, 15), (100, 30), (41, 11)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.press("n")
        assert isinstance(app.screen, CompareScreen)


async def test_a_full_session_changes_no_file(tmp_path: Path, messy: Path) -> None:
    story = tmp_path / "story"
    shutil.copytree(SEEDS, story)
    shutil.copytree(messy, story / "messy")
    before = {
        path: (path.read_bytes(), os.stat(path).st_mtime_ns)
        for path in sorted(story.rglob("*"))
        if path.is_file()
    }
    exports = tmp_path / "exports"
    exports.mkdir()
    app = make_app([story])
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter", "space", "slash", *"putin", "enter", "escape")
        await pilot.press("escape", "space", "j", "c")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("n", "n", "s", "2", "y", "e")
        app.screen.query_one("#export-path").value = str(exports / "pair.md")  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("escape", "q")
    after = {
        path: (path.read_bytes(), os.stat(path).st_mtime_ns)
        for path in sorted(story.rglob("*"))
        if path.is_file()
    }
    assert after == before
    assert (exports / "pair.md").exists()
