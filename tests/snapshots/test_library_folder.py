"""Snapshot of the library on a folder as users keep one (``tests/fixtures/folder``).

Four outlets in every format (plain text named by a side file, Markdown with front
matter, saved pages, JSON), a cp1252 file and a read-me to skip. Review the SVG
against the docstring when it changes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import make_app, settle
from tests.paths import ROOT

FOLDER = Path("tests") / "fixtures" / "folder"
"""Relative to the checkout, so the paths on screen are the same in every checkout."""


def test_library_on_a_folder_of_every_format(
    snap_compare: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Twelve articles of four stories (a story row each: label, size, date; the
    photo page a story of one): the first story open, its rows Channel Eight, The
    Harbour Times, Northern Ledger and Metro Daily, each with its headline (cut with
    an ellipsis on screen only) and a date; no README row, no dateline as a headline. The reader shows the
    first row's article; a note says two files were skipped: the README, and the page
    with too little text to be an article."""
    monkeypatch.chdir(ROOT)
    assert snap_compare(make_app([FOLDER]), terminal_size=(120, 40), run_before=settle)  # type: ignore[operator]
