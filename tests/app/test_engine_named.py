"""The app says which engine linked the sentences, as the reports do."""

from __future__ import annotations

from tests.app.test_compare_keys import PAIR_000_001, open_compare
from tests.app.test_overview_keys import open_overview
from tests.helpers import make_app, settle, static_text
from tui.app.screens.help import HelpScreen


async def test_compare_help_names_the_engine() -> None:
    app = make_app(PAIR_000_001, compare=True)
    async with app.run_test(size=(160, 50)) as pilot:
        await open_compare(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        shown = " ".join(str(widget.render()) for widget in app.screen.query("Static"))
        assert "Engine: lexical" in shown


async def test_the_overview_legend_names_the_engine() -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_overview(pilot)
        assert "Engine: lexical" in static_text(screen.query_one("#matrix-legend"), 160)
