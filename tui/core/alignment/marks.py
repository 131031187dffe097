"""How each tier reads without colour: its mark, shared by the screen and every report.

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
