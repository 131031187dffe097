"""Snapshots of the compare screen on a pair of each input, at every size.

Each docstring says what the SVG must show.
"""

from __future__ import annotations

import pytest

from tests.helpers import make_app
from tests.snapshots.screens import PAIRS, SIZES, after, typed


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("pair", PAIRS)
def test_compare_start(snap_compare: object, pair: str, size: str) -> None:
    """Both sources, shared sentences tinted by tier and marked in the gutter (= copy,
    ~ edit, " quote, ≈ paraphrase), unshared ones dimmed, the first pair selected (▶,
    changed words marked) and lined up: both sentences start on the same row. Both
    summary lines on top; `pair 1/N` and the tier legend, then the keys (export, back,
    quit among them) at the bottom. Side by side from 100 columns, stacked at 80."""
    app = make_app(PAIRS[pair], compare=True)
    assert snap_compare(app, terminal_size=SIZES[size], run_before=after())  # type: ignore[operator]


@pytest.mark.parametrize("size", ["80x24", "160x50"])
def test_compare_after_two_pairs(snap_compare: object, size: str) -> None:
    """After `n n`: `pair 3/N`, the third pair's two sentences start on the same row."""
    app = make_app(PAIRS["seeds"], compare=True)
    assert snap_compare(app, terminal_size=SIZES[size], run_before=after("n", "n"))  # type: ignore[operator]


def test_compare_one_pane_at_a_time(snap_compare: object) -> None:
    """At 40x12 pane A alone, with text; both summaries, the pair line, n/N and tab."""
    app = make_app(PAIRS["seeds"], compare=True)
    assert snap_compare(app, terminal_size=(40, 12), run_before=after())  # type: ignore[operator]


def test_compare_swapped(snap_compare: object) -> None:
    """After `s`: the title reads `compare themoscowtimes.com with AFP`, A is the Moscow
    Times, the same pair still selected."""
    app = make_app(PAIRS["seeds"], compare=True)
    assert snap_compare(app, terminal_size=(120, 40), run_before=after("n", "s"))  # type: ignore[operator]


def test_compare_find_in_both(snap_compare: object) -> None:
    """`/usurper`: the one find bar under the panes says `1/2 · A 0 · B 2`; B's hits
    marked, the first current and in view."""
    app = make_app(PAIRS["seeds"], compare=True)
    assert snap_compare(app, terminal_size=(120, 40), run_before=typed(["slash"], "usurper"))  # type: ignore[operator]


def test_compare_copy_tier_off(snap_compare: object) -> None:
    """After `1`: copy links are hidden (no blue tint, the legend says `copy (off)`),
    the paraphrase links of 000 vs 001 remain."""
    app = make_app(PAIRS["seeds"], compare=True)
    assert snap_compare(app, terminal_size=(160, 50), run_before=after("1"))  # type: ignore[operator]


def test_compare_help(snap_compare: object) -> None:
    """`?` on compare: what the tints, marks and italics mean, then its keys: pairs,
    find in both, export, back, swap, copy, other side, tiers 1-4."""
    app = make_app(PAIRS["seeds"], compare=True)
    assert snap_compare(app, terminal_size=(120, 40), run_before=after("question_mark"))  # type: ignore[operator]
