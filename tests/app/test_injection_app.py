"""The app on the injection corpus: the export writes nothing raw, the screens show it inert."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import make_app, settle
from tests.injection import EVERY, build_corpus, name_safe, raw_found
from tui.app.screens.compare import CompareScreen
from tui.app.screens.export import ExportScreen
from tui.app.screens.overview import OverviewScreen
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.document_view import DocumentView


@pytest.fixture
def corpus(tmp_path: Path) -> dict[str, Path]:
    return build_corpus(tmp_path / "story")


@pytest.mark.parametrize("name", ["pair.md", "pair.json"])
async def test_the_export_of_a_poisoned_pair_writes_nothing_raw(corpus, tmp_path, name) -> None:
    app = make_app([corpus["text"], corpus["plain"]], compare=True)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen) and screen.comparison is not None
        await pilot.press("e")
        assert isinstance(app.screen, ExportScreen)
        target = tmp_path / name
        app.screen.query_one("#export-path").value = str(target)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
    written = target.read_text(encoding="utf-8")
    assert raw_found(written) == []
    if name.endswith(".json"):
        data = json.loads(written)
        text = corpus["text"].read_text(encoding="utf-8")
        assert any(EVERY in text[slice(*link["a"])] for link in data["links"])  # recoverable
    else:
        assert "^\\[]0;PWNED^G" in written  # shown inert, "[" escaped for Markdown


async def test_the_library_and_reader_show_every_payload_inert(corpus) -> None:
    app = make_app([corpus["plain"].parent])
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await settle(pilot)
        await pilot.press("e")  # the corpus makes several stories: open every one
        library = app.screen.query_one(ArticleList)
        shown = [library.render_line(y).text for y in range(library.size.height)]
        for _ in range(library.size.height):
            await pilot.press("j")
            await settle(pilot)
            view = app.screen.query_one(DocumentView)
            shown += [view.line_text(index) for index in range(view.line_count)]
        assert raw_found("\n".join(shown)) == []
        assert any("^[]0;PWNED^G" in line for line in shown)


async def test_no_screen_toast_or_title_passes_a_payload_raw(tmp_path: Path) -> None:
    """The whole screen as drawn (title bar, toasts, dialogs), on a folder named with payloads."""
    files = build_corpus(tmp_path / f"story{name_safe(EVERY)}")
    app = make_app([files["plain"].parent])
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.pause(0.2)
        shown = {"library": app.export_screenshot()}  # with the "Skipped" toast
        for _ in range(6):
            await pilot.press("j")
        await settle(pilot)
        await pilot.press("y")  # "Copied NAME" toast
        await pilot.pause(0.2)
        shown["copied"] = app.export_screenshot()
        await pilot.press("exclamation_mark")
        await settle(pilot)
        shown["problems"] = app.export_screenshot()
        await pilot.press("escape", "c", "enter")
        await settle(pilot)
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        shown["compare"] = app.export_screenshot()
        await pilot.press("escape", "o")
        await settle(pilot)
        assert isinstance(app.screen, OverviewScreen)
        shown["overview"] = app.export_screenshot()
    for name, screen in shown.items():
        assert raw_found(screen) == [], name
    assert "^[]0;PWNED^G" in shown["library"]
