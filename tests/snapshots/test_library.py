"""Snapshots of the library: what a reader sees first, at every size, on both inputs.

Each docstring says what the SVG must show; review it against the picture when a
snapshot changes (``pytest --snapshot-update`` then open the SVG).
"""

from __future__ import annotations

import pytest

from tests.helpers import make_app
from tests.snapshots.screens import SIZES, STORIES, after, typed


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("story", STORIES)
def test_library(snap_compare: object, story: str, size: str) -> None:
    """Outlet, headline (at least 40 characters of every one from 120 columns up, the
    date when there is room), the first row highlighted; articles without an outlet
    labelled by the short part of their file name (`002`, `carrow`), never a hash. The
    first article in the reader (beside the list, or below it at 80 columns)."""
    app = make_app(STORIES[story])
    assert snap_compare(app, terminal_size=SIZES[size], run_before=after())  # type: ignore[operator]


def test_second_article_in_reader(snap_compare: object) -> None:
    """After `j` the Moscow Times article (a # heading, a byline link, a date line,
    bold and links rendered without their Markdown markup) is in the reader."""
    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=after("j"))  # type: ignore[operator]


@pytest.mark.parametrize("size", SIZES)
def test_help_screen(snap_compare: object, size: str) -> None:
    """`?` opens a panel of every key, the library screen's first (overview, find,
    skipped, copy, library), then the list's, then the app's; it scrolls at 80x24."""
    app = make_app()
    assert snap_compare(app, terminal_size=SIZES[size], run_before=after("question_mark"))  # type: ignore[operator]


def test_find_state(snap_compare: object) -> None:
    """`/putin` then enter: every match marked, the second one current, `2/9` shown;
    the key bar reads `⏎ ↓ Next match  ↑ Previous match  esc Close find`."""
    run = typed(["slash"], "putin")

    async def find(pilot):  # type: ignore[no-untyped-def]
        await run(pilot)
        await pilot.press("enter")

    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=find)  # type: ignore[operator]


def test_smallest_terminal(snap_compare: object) -> None:
    """At 40x12 the list (outlet cut to 6 cells, then the headline) sits above the
    reader; the key bar keeps Read, Quit and Help."""
    assert snap_compare(make_app(), terminal_size=(40, 12), run_before=after())  # type: ignore[operator]


def test_tiny_terminal(snap_compare: object) -> None:
    """Below 40x10 a clear "terminal too small" message replaces the layout."""
    assert snap_compare(make_app(), terminal_size=(36, 8), run_before=after())  # type: ignore[operator]
