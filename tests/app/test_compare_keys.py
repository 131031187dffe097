"""The compare screen, driven from the keyboard and the mouse."""

from __future__ import annotations

import inspect
import json
import threading
from pathlib import Path

import pytest

from tests.helpers import SEEDS, make_app, settle
from tui.app.screens.compare import CompareScreen
from tui.app.screens.export import ExportScreen
from tui.app.screens.library import LibraryScreen
from tui.app.screens.pick import PickSourceScreen
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.document_view import DocumentView
from tui.core.story import model

PAIR_000_001 = [SEEDS / "000_02b2830ff24b6d49.txt", SEEDS / "001_904d19f1e7a1825b.txt"]
PAIR_002_003 = [SEEDS / "002_854cd6e9c4ecd428.txt", SEEDS / "003_ba42ae4188eed74d.txt"]


async def open_compare(pilot, size=(160, 50)) -> CompareScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, CompareScreen)
    assert screen.comparison is not None
    return screen


async def test_compare_flag_opens_on_the_first_two_articles() -> None:
    app = make_app(PAIR_000_001, compare=True)
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_compare(pilot)
        assert screen.comparison.a.path.name.startswith("000")
        assert screen.comparison.b.path.name.startswith("001")
        assert screen.selected == 0
        assert "pair 1/" in str(screen.query_one("#pair-bar").render())


async def test_n_and_brackets_step_through_pairs_and_scroll_both_panes() -> None:
    app = make_app(PAIR_000_001, compare=True)
    async with app.run_test(size=(160, 30)) as pilot:
        screen = await open_compare(pilot)
        total = len(screen.links)
        await pilot.press("n", "n")
        assert screen.selected == 2
        await pilot.press("right_square_bracket")
        assert screen.selected == 3
        await pilot.press("N", "left_square_bracket")
        assert screen.selected == 1
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert screen.selected == total - 1
        link = screen.links[screen.selected]
        left, right = screen.left.view, screen.right.view
        assert left.line_of(link.a.start) in range(
            int(left.scroll_y), int(left.scroll_y) + left.size.height
        )
        assert right.line_of(link.b.start) in range(
            int(right.scroll_y), int(right.scroll_y) + right.size.height
        )


async def test_number_keys_toggle_tiers() -> None:
    app = make_app(PAIR_000_001, compare=True)
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_compare(pilot)
        all_links = len(screen.links)
        copies = sum(link.tier == "copy" for link in screen.links)
        await pilot.press("1")
        assert "copy" not in screen.tiers
        assert len(screen.links) == all_links - copies
        assert all(link.tier != "copy" for link in screen.links)
        await pilot.press("1")
        assert len(screen.links) == all_links


async def test_s_swaps_the_sides_and_keeps_the_pair() -> None:
    app = make_app(PAIR_000_001, compare=True)
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_compare(pilot)
        await pilot.press("n")
        before = screen.links[screen.selected]
        assert screen.sub_title == "compare 000 with themoscowtimes.com"
        await pilot.press("s")
        after = screen.links[screen.selected]
        assert screen.comparison.a.path.name.startswith("001")
        assert (after.a, after.b) == (before.b, before.a)
        assert screen.left.article.path.name.startswith("001")
        assert screen.sub_title == "compare themoscowtimes.com with 000"


async def test_tab_switches_the_focused_pane_and_slash_finds_in_both() -> None:
    app = make_app(PAIR_000_001, compare=True)
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_compare(pilot)
        assert app.focused is screen.left.view
        await pilot.press("tab")
        assert app.focused is screen.right.view
        await pilot.press("slash", *"loan")
        in_a, in_b = len(screen.left.matches), len(screen.right.matches)
        assert in_a == 2 and in_b == 3  # "$1.5 billion loan" and "government loan", and B's
        count = str(screen.query_one("#find-count").render())
        assert count == f"1/{in_a + in_b} · A {in_a} · B {in_b}"
        await pilot.press("enter", "enter")  # past A's two: the first of B's is current
        assert str(screen.query_one("#find-count").render()).startswith(f"3/{in_a + in_b}")
        current = [
            h.span for h in screen.right.view.highlights("find") if h.style == "find-current"
        ]
        assert current == [screen.right.matches[0]]
        assert not [h for h in screen.left.view.highlights("find") if h.style == "find-current"]


async def test_find_answers_from_the_other_pane_when_the_focused_one_has_no_match() -> None:
    app = make_app(PAIR_000_001, compare=True)
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_compare(pilot)
        await pilot.press("slash", *"usurper")  # only B names the "Usurper"
        assert not screen.left.matches and len(screen.right.matches) == 2
        assert str(screen.query_one("#find-count").render()) == "1/2 · A 0 · B 2"
        view = screen.right.view
        line = view.line_of(screen.right.matches[0].start)
        assert line is not None and view.scroll_y <= line < view.scroll_y + view.size.height
        await pilot.press("escape")
        assert app.focused is view  # back in the pane the match is in
        await pilot.press("n")  # n still steps through the pairs
        assert screen.selected == 1


async def test_y_copies_the_selected_pair_with_outlets() -> None:
    app = make_app(PAIR_000_001, compare=True)
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_compare(pilot)
        await pilot.press("y")
        link = screen.links[0]
        assert app.clipboard.startswith("000_02b2830ff24b6d49 (000_")
        assert link.a.slice(screen.comparison.a.text) in app.clipboard
        # B's sentence is a headline: copied as shown, without its Markdown "# ".
        assert "\nPutin Backs Lukashenko as Belarus Leader Vows Closer Ties\n" in app.clipboard
        assert "# Putin" not in app.clipboard
        assert "themoscowtimes.com (001_" in app.clipboard


async def test_e_exports_to_a_new_file_and_never_overwrites(tmp_path: Path) -> None:
    app = make_app(PAIR_000_001, compare=True)
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_compare(pilot)
        await pilot.press("s", "e")
        assert isinstance(app.screen, ExportScreen)
        target = tmp_path / "report.json"
        box = app.screen.query_one("#export-path")
        box.value = str(target)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        exported = json.loads(target.read_text(encoding="utf-8"))
        assert Path(exported["a"]["path"]).name.startswith("001")  # the sides as shown
        assert [link["a"] for link in exported["links"]] == [list(l.a) for l in screen.links]
        before = target.read_bytes()
        await pilot.press("e")
        app.screen.query_one("#export-path").value = str(target)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        assert "already exists" in str(app.screen.query_one("#export-status").render())
        assert target.read_bytes() == before


async def test_a_second_export_proposes_a_free_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app(PAIR_000_001, compare=True)
    async with app.run_test(size=(160, 50)) as pilot:
        await open_compare(pilot)
        written = []
        for _ in range(3):
            await pilot.press("e")
            proposed = Path(app.screen.query_one("#export-path").value)  # type: ignore[attr-defined]
            assert not proposed.exists()
            await pilot.press("enter")
            await settle(pilot)
            assert not isinstance(app.screen, ExportScreen)  # written, the dialog closed
            written.append(proposed.name)
        assert written == [
            "storyreader-000_02b2830ff24b6d49-vs-001_904d19f1e7a1825b.md",
            "storyreader-000_02b2830ff24b6d49-vs-001_904d19f1e7a1825b-2.md",
            "storyreader-000_02b2830ff24b6d49-vs-001_904d19f1e7a1825b-3.md",
        ]
        assert sorted(path.name for path in tmp_path.iterdir()) == sorted(written)


async def test_clicking_a_highlighted_sentence_selects_its_pair() -> None:
    app = make_app(PAIR_002_003, compare=True)
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_compare(pilot)
        target = len(screen.links) - 1
        link = screen.links[target]
        view = screen.right.view
        view.scroll_to_span(link.b)
        await pilot.pause()
        line, column = view.position_of(link.b.start + 1)
        row = line - int(view.scroll_y)
        await pilot.click(view, offset=(column + view.styles.padding.left, row))
        assert screen.links[screen.selected].b == link.b
        linked_twice = [i for i, other in enumerate(screen.links) if other.b == link.b]
        assert len(linked_twice) == 2  # one statement of B carries two sentences of A
        first = screen.selected
        await pilot.click(view, offset=(column + view.styles.padding.left, row))
        assert screen.selected in linked_twice and screen.selected != first


async def test_escape_returns_to_the_library_with_the_selection_kept() -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("j", "space", "j", "j", "c")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.articles[0] is app.state.articles[1]
        assert screen.articles[1] is app.state.articles[3]
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)
        assert app.screen.query_one(ArticleList).selected == 3


async def test_c_without_a_mark_offers_the_others_sorted_by_share() -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, PickSourceScreen)
        shares = [
            picker.shares[int(option.id)] for option in picker.query_one("#pick-list")._options
        ]
        assert len(shares) == 4 and shares == sorted(shares, reverse=True)
        assert picker.query_one("#pick-list")._options[0].id == "1"  # 001 shares most with 000
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)


@pytest.mark.parametrize("size", [(160, 50), (100, 30), (80, 24)])
async def test_layout_side_by_side_or_stacked(size: tuple[int, int]) -> None:
    app = make_app(PAIR_000_001, compare=True)
    async with app.run_test(size=size) as pilot:
        screen = await open_compare(pilot)
        # Where each text is drawn (a reader itself is a container that is not drawn).
        left, right = screen.left.view.region, screen.right.view.region
        if size[0] >= 100:
            assert left.right <= right.x and left.y == right.y
        else:
            assert left.bottom <= right.y
        assert isinstance(app.focused, DocumentView)


async def test_the_palette_compares_through_one_entry_that_asks_for_the_second() -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("j", "j")  # 002
        await pilot.press("ctrl+p", *"compare", "enter")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, PickSourceScreen) and picker.first == 2
        choice = next(
            index
            for index, option in enumerate(picker.query_one("#pick-list")._options)
            if option.id == "4"
        )
        picker.query_one("#pick-list").highlighted = choice  # type: ignore[attr-defined]
        await pilot.press("enter")
        screen = await open_compare(pilot)
        assert screen.comparison.a.path.name.startswith("002")
        assert screen.comparison.b.path.name.startswith("004")


async def test_a_long_pair_shows_loading_and_leaving_cancels_it(tmp_path: Path) -> None:
    """Long pairs align in a worker: the texts show at once, a loading state says why
    the links are missing, and leaving the screen cancels the work."""
    release = threading.Event()

    long_pair = []
    for path in PAIR_000_001:
        copy = tmp_path / path.name
        copy.write_text(path.read_text(encoding="utf-8") * 12, encoding="utf-8")
        long_pair.append(copy)
    app = make_app(long_pair)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        aligned = app.state.comparison

        def slow(a: int, b: int):  # type: ignore[no-untyped-def]
            release.wait(5)
            return aligned(a, b)

        app.state.comparison = slow  # type: ignore[method-assign]
        screen = CompareScreen(app.state, 0, 1)
        await app.push_screen(screen)
        await pilot.pause()
        assert screen.query_one("#aligning").display
        assert "Finding shared sentences" in str(screen.query_one("#aligning").render())
        assert screen.left.view.document.blocks  # the texts show while the links are found
        (worker,) = [w for w in app.workers if w.node is screen]
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)
        release.set()
        await pilot.pause(0.2)
        assert worker.is_cancelled
        assert screen.comparison is None


async def test_differing_figures_stand_out_in_the_selected_pair() -> None:
    """774 arrested (002) against more than 700 detained (004): both figures marked."""
    pair = [SEEDS / "002_854cd6e9c4ecd428.txt", SEEDS / "004_159432c7cf2bb8a3.txt"]
    app = make_app(pair, compare=True)
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_compare(pilot)
        target = next(
            index
            for index, link in enumerate(screen.links)
            if "774" in link.a.slice(screen.comparison.a.text)
        )
        while screen.selected != target:
            await pilot.press("n")
        marked = {
            side: [
                h.span.slice(text) for h in reader.view.highlights("pair") if h.style == "number"
            ]
            for side, reader, text in (
                ("a", screen.left, screen.comparison.a.text),
                ("b", screen.right, screen.comparison.b.text),
            )
        }
        assert marked == {"a": ["774"], "b": ["700"]}


async def test_after_a_second_idle_compare_opens_on_styles_parsed_ahead() -> None:
    """The idle warm-up parses the compare screen's styles; the screen still lays out right."""
    app = make_app(PAIR_000_001)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.pause(1.5)
        await settle(pilot)
        styles = Path(inspect.getfile(CompareScreen)).parent
        for name in ("compare.tcss", "help.tcss", "pick.tcss"):
            assert app.stylesheet.has_source(str((styles / name).resolve()), "")
        await pilot.press("space", "j", "c")
        screen = await open_compare(pilot)
        assert screen.left.view.region.right <= screen.right.view.region.x  # side by side
        assert screen.query_one("#summary-row").region.height == 2


async def test_resting_on_a_partner_aligns_the_pair_ahead_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[tuple[str, str]] = []

    aligned = model.compare_units

    def counted(a, units_a, b, units_b, aligner):  # type: ignore[no-untyped-def]
        calls.append((a.path.name, b.path.name))
        return aligned(a, units_a, b, units_b, aligner)

    monkeypatch.setattr(model, "compare_units", counted)
    app = make_app(PAIR_000_001)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("space", "j")
        await pilot.pause(0.6)
        await app.workers.wait_for_complete()
        assert calls == [(PAIR_000_001[0].name, PAIR_000_001[1].name)]
        await pilot.press("c")
        screen = await open_compare(pilot)
        assert screen.comparison.a.path == PAIR_000_001[0]
        assert len(calls) == 1
