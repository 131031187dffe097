"""The story overview screen, from the keyboard."""

from __future__ import annotations

import random

import pytest
from rich.cells import cell_len
from textual import on
from textual.app import App, ComposeResult
from textual.widgets import OptionList, TabbedContent

from tests.helpers import help_text, make_app, settle
from tui.app.app import TIER_VARIABLES
from tui.app.labels import abbreviate
from tui.app.screens.article import ArticleScreen
from tui.app.screens.compare import CompareScreen
from tui.app.screens.library import LibraryScreen
from tui.app.screens.overview import OverviewScreen
from tui.app.widgets.matrix_layout import heat_level
from tui.app.widgets.share_matrix import ShareMatrix


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

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return TIER_VARIABLES  # the matrix draws cells in the tiers' colours

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


@pytest.mark.parametrize("size", [(160, 50), (120, 40), (80, 24)])
async def test_every_column_shows_on_open_labelled_by_outlet(size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await open_overview(pilot)
        matrix = screen.query_one(ShareMatrix)
        assert not matrix.listed
        header = matrix.render_line(0).text
        rows = [matrix.render_line(y).text for y in range(1, 6)]
        names = [
            header.find(abbreviate(screen.labels[a], matrix.geometry.cell - 1))
            for a in matrix.order
        ]
        assert -1 not in names and names == sorted(names)  # every column, in order
        assert all(row.count("%") == 4 and "—" in row for row in rows)  # 4 cells + the diagonal


async def test_a_cell_shows_its_kind_of_sharing() -> None:
    """AFP's copy in the Moscow Times reads as copying; 004's rewrite as paraphrase."""
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_overview(pilot)
        matrix = screen.query_one(ShareMatrix)
        afp_row = matrix.render_line(1 + matrix.order.index(0)).text
        assert "100%=" in afp_row
        rewrite = matrix.render_line(1 + matrix.order.index(4)).text
        assert "≈" in rewrite and "=" not in rewrite
        kind = screen._kinds[4][0]
        assert kind is not None and kind.strength < screen.overview.cell(4, 0).share
        legend = str(screen.query_one("#matrix-legend").render())
        assert "= copy" in legend and "≈ paraphrase" in legend and "pale: weak links" in legend


@pytest.mark.parametrize("size", [(40, 12), (40, 24)])
async def test_small_sizes_show_the_matrix_as_a_list_of_pairs(size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await open_overview(pilot)
        matrix = screen.query_one(ShareMatrix)
        assert matrix.listed
        first = matrix.render_line(1).text
        assert "100%=" in first and "000" in first  # the most shared pair first
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        assert app.screen.articles == (app.state.articles[0], app.state.articles[1])


async def test_a_short_terminal_shows_the_matrix_or_the_lists() -> None:
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        screen = await open_overview(pilot)
        top, lists = screen.query_one("#overview-top"), screen.query_one("#overview-lists")
        assert top.region.height and not lists.region.height
        await pilot.press("f")
        await pilot.pause()
        assert lists.region.height and not top.region.height
        await pilot.press("m")
        await pilot.pause()
        assert top.region.height and not lists.region.height


async def test_figure_entries_fit_the_width_and_keep_their_figure() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_overview(pilot)
        figures = screen.query_one("#figures-list", OptionList)
        width = figures.scrollable_content_region.width
        entries = [figures.get_option_at_index(i) for i in range(figures.option_count)]
        mentions = [option.prompt for option in entries if not option.disabled]
        assert all(cell_len(prompt.plain) <= width for prompt in mentions)
        afp = next(prompt.plain for prompt in mentions if prompt.plain.startswith(" ↳ 000: "))
        assert "500" in afp  # cut around its figure, not before it
        headlines = [
            p.plain for p in mentions if "Putin pledges 1.5 billion dollar loan" in p.plain
        ]
        assert len(headlines) == 1  # 004 prints its headline twice: listed once


async def test_help_says_how_to_reach_each_panel() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_overview(pilot)
        await pilot.press("question_mark")
        shown = help_text(app.screen)
        for key, panel in (("m", "Matrix"), ("f", "Figures"), ("w", "Quotes")):
            assert f"{key}  " in shown and panel in shown
        assert "u only-here sentences" in shown and "g copy groups" in shown


async def test_a_long_list_fills_in_chunks_and_keeps_every_entry(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Six articles of sixty sentences no other carries: hundreds of only-here entries,
    added a chunk a frame; all are there in the end, each once."""
    rng = random.Random(7)
    letters = "bdfgklmnprstvz"

    def word() -> str:
        return "".join(rng.choice(letters) + rng.choice("aeiou") for _ in range(3))

    for article in range(6):
        sentences = [" ".join(word() for _ in range(9)).capitalize() + "." for _ in range(60)]
        (tmp_path / f"{article}.txt").write_text(
            f"Headline {article}\n\n" + "\n\n".join(sentences), encoding="utf-8"
        )
    app = make_app([tmp_path])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_overview(pilot)
        await pilot.press("u")
        only = screen.query_one("#only-list", OptionList)
        expected = len(screen.overview.only_here) + sum(map(len, screen.overview.only_here))
        assert expected > 300
        for _ in range(50):
            if only.option_count == expected:
                break
            await pilot.pause(0.05)
        assert only.option_count == expected


async def test_a_figure_one_source_gives_is_headed_as_its_sentence_words_it() -> None:
    """The bundled story's 450 reports of torture: one source, headed by its phrase."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_overview(pilot)
        figures = screen.query_one("#figures-list", OptionList)
        entries = [figures.get_option_at_index(i) for i in range(figures.option_count)]
        headings = [option.prompt.plain.split("\n")[0] for option in entries if option.disabled]
        assert "received 450 reports of torture" in headings
        assert "protesters detained  ≠ sources disagree" in headings  # many sources: the label
