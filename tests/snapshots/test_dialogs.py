"""Snapshots of the dialogs: pick a source, export, skipped files, the command palette."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import make_app
from tests.paths import UI_FOLDER
from tests.snapshots.screens import PAIRS, SIZES, after, typed


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
