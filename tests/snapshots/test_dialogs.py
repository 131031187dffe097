"""Snapshots of the dialogs: pick a source, export, skipped files, the command palette."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import make_app, settle
from tests.paths import UI_FOLDER
from tests.snapshots.screens import PAIRS, SIZES, after, typed
from tui.app import clipboard


@pytest.mark.parametrize("size", SIZES)
def test_pick_a_source(snap_compare: object, size: str) -> None:
    """`c` on AFP: every other article with the share of AFP it carries, the Moscow
    Times (100%) first, each with its outlet label and headline."""
    app = make_app()
    assert snap_compare(app, terminal_size=SIZES[size], run_before=after("c"))  # type: ignore[operator]


@pytest.mark.parametrize("size", SIZES)
def test_export(
    snap_compare: object, size: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`e` in compare: the proposed file name (relative to the working folder), how the
    format is chosen, enter / escape."""
    monkeypatch.chdir(tmp_path)
    app = make_app(PAIRS["seeds"], compare=True)
    assert snap_compare(app, terminal_size=SIZES[size], run_before=after("e"))  # type: ignore[operator]


@pytest.mark.parametrize("size", SIZES)
def test_skipped_files(snap_compare: object, size: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """`!` lists the one path that could not be read (a file that does not exist) with
    its reason, over the fixture folder's library."""
    monkeypatch.chdir(UI_FOLDER.parent)
    app = make_app([Path(UI_FOLDER.name), Path("missing-article.md")])
    assert snap_compare(app, terminal_size=SIZES[size], run_before=after("exclamation_mark"))  # type: ignore[operator]


@pytest.mark.parametrize("size", SIZES)
def test_command_palette(snap_compare: object, size: str) -> None:
    """`ctrl+p` then `comp`: the one `Compare…` entry leads (no entry per pair), with
    the articles whose outlet or headline match below it."""
    app = make_app([UI_FOLDER])
    assert snap_compare(app, terminal_size=SIZES[size], run_before=typed(["ctrl+p"], "comp"))  # type: ignore[operator]


def test_command_palette_lists_the_story_commands(snap_compare: object) -> None:
    """`ctrl+p` then `over`: the Overview command, described."""
    app = make_app()
    assert snap_compare(app, terminal_size=(120, 40), run_before=typed(["ctrl+p"], "over"))  # type: ignore[operator]


def _open_url(address: str):  # type: ignore[no-untyped-def]
    """Open the Open URL dialog (as the palette does), type ``address``, press enter."""

    async def run(pilot) -> None:  # type: ignore[no-untyped-def]
        await after()(pilot)
        pilot.app.action_open_url()
        await settle(pilot)
        await pilot.press(*address, "enter")
        await settle(pilot)

    return run


@pytest.mark.parametrize("size", ["80x24", "120x40"])
def test_open_url_failure(snap_compare: object, size: str) -> None:
    """Open URL on an address where nothing listens: the address stays in the box and the
    one-line reason (cannot connect: connection refused) shows in red, with what to do."""
    app = make_app()
    run = _open_url("http://127.0.0.1:9/story")
    assert snap_compare(app, terminal_size=SIZES[size], run_before=run)  # type: ignore[operator]


@pytest.mark.parametrize("size", ["80x24", "120x40"])
def test_copy_to_a_file_offer(
    snap_compare: object, size: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`y` where nothing can take the copy (no system clipboard; tmux drops OSC 52): the
    dialog says why and proposes storyreader-copy.txt."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(clipboard, "terminal_drops_osc52", lambda: True)
    app = make_app()
    assert snap_compare(app, terminal_size=SIZES[size], run_before=after("y"))  # type: ignore[operator]


@pytest.mark.parametrize("size", ["80x24", "120x40"])
def test_export_overview(
    snap_compare: object, size: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`e` on the overview: a web page proposed, the three endings named."""
    monkeypatch.chdir(tmp_path)
    app = make_app()
    assert snap_compare(app, terminal_size=SIZES[size], run_before=after("o", "e", settles=3))  # type: ignore[operator]
