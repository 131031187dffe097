"""`e` writes what is on screen to a new file, the name's ending choosing the format."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

from tests.app.test_overview_keys import open_overview
from tests.helpers import make_app, settle
from tui.app.screens.compare import CompareScreen
from tui.app.screens.export import ExportScreen

SHARED = "The council approved a 4.5 million budget for <b>flood</b> defences on Tuesday."
"""A sentence both articles carry word for word: tags and an entity in the text."""


def _pair(folder: Path) -> list[Path]:
    """Two short articles whose text holds markup a browser would obey."""
    folder.mkdir()
    a = folder / "harbour-times.md"
    a.write_text(
        "# Council backs <script>alert(1)</script> flood plan\n\n"
        f"{SHARED}\n\nResidents said the plan &amp; its cost were overdue.\n",
        encoding="utf-8",
    )
    b = folder / "metro-daily.txt"
    b.write_text(
        "Flood plan agreed\n\n"
        f"{SHARED}\n\nThe mayor called it a fair deal for <i>every</i> ward.\n",
        encoding="utf-8",
    )
    return [a, b]


class _Page(HTMLParser):
    """What a browser would see: the text, the tags, every URL it would fetch or follow."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[str] = []
        self.references: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._in_script = tag in ("script", "style")
        for name, value in attrs:
            if name in ("src", "href", "action", "srcset") and value and not value.startswith("#"):
                self.references.append(value)

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if not self._in_script:
            self.text.append(data)


async def _export(pilot, target: Path) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("e")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ExportScreen)
    pilot.app.screen.query_one("#export-path").value = str(target)
    await pilot.press("enter")
    await settle(pilot)
    assert not isinstance(pilot.app.screen, ExportScreen), "the dialog closes once written"


async def test_compare_exports_a_web_page_markdown_and_json(tmp_path: Path) -> None:
    app = make_app(_pair(tmp_path / "story"), compare=True)
    out = tmp_path / "out"
    out.mkdir()
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("e")
        formats = str(app.screen.query_one("#export-formats").render())
        assert ".html" in formats and ".md" in formats and ".json" in formats
        await pilot.press("escape")
        for name in ("pair.html", "pair.htm", "pair.md", "pair.json"):
            await _export(pilot, out / name)

    page = (out / "pair.html").read_text(encoding="utf-8")
    assert page == (out / "pair.htm").read_text(encoding="utf-8")
    parser = _Page()
    parser.feed(page)
    text = "".join(parser.text)
    assert "<script>alert(1)</script>" in text  # shown as written, not run
    assert "Residents said the plan & its cost were overdue." in text  # as the reader shows it
    assert "The mayor called it a fair deal for <i>every</i> ward." in text
    assert parser.tags.count("script") == 1  # the page's own script, none from the articles
    assert "b" not in parser.tags and "i" not in parser.tags
    assert parser.references == []  # nothing fetched from elsewhere, no link away
    assert "Engine: lexical" in text

    markdown = (out / "pair.md").read_text(encoding="utf-8")
    assert markdown.startswith("#") and "harbour-times" in markdown.lower()
    exported = json.loads((out / "pair.json").read_text(encoding="utf-8"))
    assert Path(exported["a"]["path"]).name == "harbour-times.md"
    assert exported["links"], "the shared sentence is linked"


async def test_the_overview_exports_a_web_page_and_never_overwrites(tmp_path: Path) -> None:
    app = make_app(_pair(tmp_path / "story"))
    target = tmp_path / "overview.html"
    async with app.run_test(size=(160, 50)) as pilot:
        await open_overview(pilot)
        await _export(pilot, target)
        page = target.read_text(encoding="utf-8")
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#export-path").value = str(target)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        assert "already exists" in str(app.screen.query_one("#export-status").render())
    assert target.read_text(encoding="utf-8") == page
    parser = _Page()
    parser.feed(page)
    assert parser.references == []
    assert "Story overview of 2 articles" in page
    assert "harbour-times" in page and "metro-daily" in page
