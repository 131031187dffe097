"""Snapshots of the compare screen on two seed pairs, at two sizes.

000 vs 001 is mostly copy (one AFP story reused); 002 vs 003 shares quotes and
paraphrases. Each docstring says what the SVG must show.
"""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from tests.app.test_compare_keys import PAIR_000_001, PAIR_002_003
from tests.helpers import make_app, settle

PAIRS = {"copy-000-001": PAIR_000_001, "quotes-002-003": PAIR_002_003}
SIZES = {"160x50": (160, 50), "100x30": (100, 30)}


async def aligned(pilot: Pilot[object]) -> None:
    await settle(pilot)
    await settle(pilot)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("pair", PAIRS)
def test_compare_start(snap_compare: object, pair: str, size: str) -> None:
    """Both sources with shared sentences tinted by tier and marked in the gutter
    (= copy, ~ edit, " quote, ≈ paraphrase), unshared sentences dimmed, the first pair
    selected (bold, changed words marked), the share summary on top and `pair 1/N`
    with the tier legend at the bottom. Side by side at 160, stacked at 100."""
    app = make_app(PAIRS[pair], compare=True)
    assert snap_compare(app, terminal_size=SIZES[size], run_before=aligned)  # type: ignore[operator]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("pair", PAIRS)
def test_compare_after_two_pairs(snap_compare: object, pair: str, size: str) -> None:
    """After `n n`: `pair 3/N`, both panes scrolled so the third pair is in view."""
    app = make_app(PAIRS[pair], compare=True)
    assert snap_compare(app, terminal_size=SIZES[size], press=["n", "n"], run_before=aligned)  # type: ignore[operator]


def test_compare_copy_tier_off(snap_compare: object) -> None:
    """After `1`: copy links are hidden (no blue tint, legend says `copy (off)`),
    the paraphrase links of 000 vs 001 remain."""
    app = make_app(PAIR_000_001, compare=True)
    assert snap_compare(app, terminal_size=(160, 50), press=["1"], run_before=aligned)  # type: ignore[operator]


def test_compare_help(snap_compare: object) -> None:
    """`?` on the compare screen lists its keys: pairs, swap, tiers 1-4, find, copy,
    export, back."""
    app = make_app(PAIR_002_003, compare=True)
    assert snap_compare(app, terminal_size=(160, 50), press=["question_mark"], run_before=aligned)  # type: ignore[operator]
