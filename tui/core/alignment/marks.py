"""How each tier looks, on the screen and in every report: its mark, colour and tint.

The mark lets a tier read without colour.

A module of its own, with no engine behind it, so the app's widgets can name the
marks before the alignment engine (and rapidfuzz) is imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.core.alignment.tiers import Tier

TIER_MARKS: dict[Tier, str] = {"copy": "=", "edit": "~", "quote": '"', "paraphrase": "≈"}
"""The mark of each tier, drawn in the compare screen's gutter and legend and in the
HTML report: copy ``=``, edit ``~``, quote ``"``, paraphrase ``≈``."""

TIER_COLOURS: dict[Tier, str] = {
    "copy": "#56B4E9",
    "edit": "#E69F00",
    "quote": "#CC79A7",
    "paraphrase": "#F0E442",
}
"""Each tier's colour (Okabe-Ito, safe for colour-blind readers): ``$tier-*`` theme
variables in the app, the same tints in the HTML report."""
TIER_TINTS: dict[Tier, int] = {"copy": 30, "edit": 35, "quote": 35, "paraphrase": 22}
"""How strongly (percent) each tier's colour tints a sentence, in the terminal and the page."""
