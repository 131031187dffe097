"""The story overview screen, from the keyboard."""

from __future__ import annotations

from textual import on
from textual.app import App, ComposeResult
from textual.widgets import OptionList, TabbedContent

from tests.helpers import make_app, settle
from tui.app.screens.article import ArticleScreen
from tui.app.screens.compare import CompareScreen
from tui.app.screens.library import LibraryScreen
from tui.app.screens.overview import OverviewScreen
from tui.app.widgets.share_matrix import ShareMatrix, heat_level


async def open_overview(pilot) -> OverviewScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("o")
    await settle(pilot)
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, OverviewScreen)
    assert screen.overview is not None and screen.overview.complete
    return screen


def detail(screen: OverviewScreen) -> str:
    return str(screen.query_one("#cell-detail").render())


async def test_o_opens_the_matrix_with_a_detail_for_the_cell_under_the_cursor() -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_overview(pilot)
        matrix = screen.query_one(ShareMatrix)
        assert app.focused is matrix
        a, b = (matrix.order[i] for i in matrix.cursor)
        cell = screen.overview.cell(a, b)
        assert f"{cell.shared} of {cell.sentences}" in detail(screen)
        await pilot.press("down", "right")
        a, b = (matrix.order[i] for i in matrix.cursor)
        cell = screen.overview.cell(a, b)
        assert f"{cell.shared} of {cell.sentences}" in detail(screen)
        assert "copy " in detail(screen) and "paraphrase " in detail(screen)


async def test_the_afp_rows_sit_together_and_the_copy_is_total() -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_overview(pilot)
        matrix = screen.query_one(ShareMatrix)
        assert set(matrix.order[:2]) == {0, 1}  # AFP and its reprint lead the similarity order
        assert screen.overview.cell(0, 1).percent == 100
        await pilot.press("s")
        assert matrix.order == (0, 1, 2, 3, 4)


async def test_enter_on_a_cell_compares_with_exactly_its_links() -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_overview(pilot)
        matrix = screen.query_one(ShareMatrix)
        a, b = (matrix.order[i] for i in matrix.cursor)
        await pilot.press("enter")
        await settle(pilot)
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        assert compare.comparison.links == screen.overview.links(a, b)
        await pilot.press("escape")
        assert app.screen is screen


async def test_lists_fill_and_enter_opens_the_sentence() -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_overview(pilot)
        for key, tab in (("w", "quotes"), ("g", "groups"), ("u", "only"), ("f", "figures")):
            await pilot.press(key)
            assert screen.query_one(TabbedContent).active == tab
            assert screen.query_one(f"#{tab}-list", OptionList).option_count > 0
        figures = screen.query_one("#figures-list", OptionList)
        assert app.focused is figures
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.span is not None
        assert "500 protesters" in app.screen.span.slice(app.screen.article.text)
        await pilot.press("escape")
        assert app.screen is screen
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)


def test_heat_levels_grow_with_the_share() -> None:
    assert [heat_level(share) for share in (0, 0.1, 0.3, 0.5, 0.7, 1.0)] == [0, 1, 2, 3, 4, 5]


class MatrixApp(App[None]):
    """A two-article matrix alone, recording what it posts."""

    def __init__(self) -> None:
        super().__init__()
        self.posted: list[tuple[str, int, int]] = []

    def compose(self) -> ComposeResult:
        yield ShareMatrix(id="matrix")

    def on_mount(self) -> None:
        matrix = self.query_one(ShareMatrix)
        matrix.set_matrix(["A", "B"], [[None, None], [None, None]], [0, 0], [0, 1])
        matrix.focus()

    @on(ShareMatrix.CellHighlighted, "#matrix")
    def _highlighted(self, event: ShareMatrix.CellHighlighted) -> None:
        self.posted.append(("highlighted", event.a, event.b))

    @on(ShareMatrix.CellSelected, "#matrix")
    def _selected(self, event: ShareMatrix.CellSelected) -> None:
        self.posted.append(("selected", event.a, event.b))


async def test_enter_posts_only_cell_selected_and_moving_only_cell_highlighted() -> None:
    app = MatrixApp()
    async with app.run_test(size=(80, 10)) as pilot:
        await pilot.pause()
        app.posted.clear()
        await pilot.press("enter")
        await pilot.pause()
        assert app.posted == [("selected", 0, 1)]
        app.posted.clear()
        await pilot.press("down")
        await pilot.pause()
        assert app.posted == [("highlighted", 1, 1)]
