"""Styles declared once on the app draw on each view exactly as Textual would draw them."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.color import Color
from textual.widget import Widget

from tests.helpers import make_app, settle
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.component_styles import drawn_on
from tui.app.widgets.document_view import DocumentView


class Layered(Widget):
    """A widget that declares, as its own component classes, the kinds of rule the
    document styles use: translucent backgrounds, automatic text colours, attributes."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "layered--tint",
        "layered--muted",
        "layered--boost",
        "layered--bold",
        "layered--solid",
    }
    DEFAULT_CSS = """
    Layered {
        background: $surface;
        & > .layered--tint { background: $warning 40%; text-style: italic; }
        & > .layered--muted { color: $text-muted; }
        & > .layered--boost { color: $text-muted; background: $boost; }
        & > .layered--bold { color: $text; text-style: bold; }
        & > .layered--solid { background: $warning; color: $background; text-style: bold; }
    }
    """


class LayeredApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Layered()


async def test_drawn_on_matches_textual_for_every_theme() -> None:
    app = LayeredApp()
    async with app.run_test(size=(40, 10)) as pilot:
        layered = app.query_one(Layered)
        for theme in sorted(app.available_themes):
            app.theme = theme
            await pilot.pause()
            for component in sorted(Layered.COMPONENT_CLASSES):
                expected = layered.get_component_rich_style(component)
                assert drawn_on(layered, layered.get_component_styles(component)) == expected, (
                    theme,
                    component,
                )


async def test_document_styles_follow_the_theme() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = app.screen.query_one(DocumentView)
        dark = view.component_style("tier-copy"), view.component_style("only", partial=False)
        app.theme = "textual-light"
        await pilot.pause()
        light = view.component_style("tier-copy"), view.component_style("only", partial=False)
        assert light != dark
        # The muted text of "only here" is drawn on the light view's own background.
        assert light[1].bgcolor == view.rich_style.bgcolor


async def test_library_dates_stay_legible_in_every_theme() -> None:
    """The library's muted columns (date, length) contrast with their row in any theme:
    in a light theme they once came out white on white."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        library = app.screen.query_one(ArticleList)
        themes = [name for name in app.available_themes if not name.startswith("ansi")]
        for theme in sorted(themes):  # ANSI themes leave the colours to the terminal
            app.theme = theme
            await pilot.pause()
            strip = library.render_line(2)  # the second article: not under the cursor
            date = next(s for s in strip if s.text.strip() == "2020-09-14")
            assert date.style is not None and date.style.color and date.style.bgcolor
            text = Color.from_rich_color(date.style.color)
            row = Color.from_rich_color(date.style.bgcolor)
            assert abs(text.brightness - row.brightness) > 0.25, theme
