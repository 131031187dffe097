"""Snapshots of the library screen: what a reader sees on the bundled story.

Each docstring says what the SVG must show; review it against the picture when a
snapshot changes (``pytest --snapshot-update`` then open the SVG).
"""

from __future__ import annotations

from textual.pilot import Pilot

from tests.helpers import make_app, settle

WIDE = (120, 40)
SMALL = (80, 24)


def test_library_wide(snap_compare: object) -> None:
    """Library on the left (outlet, headline, date, words; first row highlighted), the
    first article on the right with its title, outlet and length above the text."""
    assert snap_compare(make_app(), terminal_size=WIDE, run_before=settle)  # type: ignore[operator]


def test_library_small_terminal_stacks(snap_compare: object) -> None:
    """At 80x24 the library sits above the reader; both stay readable."""
    assert snap_compare(make_app(), terminal_size=SMALL, run_before=settle)  # type: ignore[operator]


def test_second_article_in_reader(snap_compare: object) -> None:
    """After `j` the Moscow Times article (a # heading, a byline link, a date line,
    bold and links rendered without their Markdown markup) is in the reader."""
    assert snap_compare(make_app(), terminal_size=WIDE, press=["j"], run_before=settle)  # type: ignore[operator]


def test_help_screen(snap_compare: object) -> None:
    """`?` opens a panel listing every key, grouped by where it works."""
    assert snap_compare(make_app(), terminal_size=WIDE, press=["question_mark"], run_before=settle)  # type: ignore[operator]


def test_find_state(snap_compare: object) -> None:
    """`/putin` then enter: every match marked, the second one current, `2/9` shown."""

    async def find(pilot: Pilot[object]) -> None:
        await settle(pilot)
        await pilot.press("slash", *"putin", "enter")

    assert snap_compare(make_app(), terminal_size=WIDE, run_before=find)  # type: ignore[operator]


def test_tiny_terminal(snap_compare: object) -> None:
    """Below 40x10 a clear "terminal too small" message replaces the layout."""
    assert snap_compare(make_app(), terminal_size=(36, 8), run_before=settle)  # type: ignore[operator]
