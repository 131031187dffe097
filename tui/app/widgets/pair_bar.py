"""PairBar: where the pair cursor is, what the selected pair is, which tiers are on."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from rich.style import Style
from rich.text import Text
from textual.widgets import Static

from tui.core.alignment.align import Link
from tui.core.alignment.marks import TIER_MARKS
from tui.core.alignment.tiers import TIERS, Tier


def pair_line(
    index: int | None, links: list[Link], tiers: Collection[Tier], styles: Mapping[str, Style]
) -> Text:
    """``pair 3/17 · copy 0.93`` then the tier legend with each tier's key and state.

    Args:
        index: The selected pair among ``links``, if any.
        links: The links of the tiers switched on.
        tiers: The tiers switched on.
        styles: A Rich style for each tier name, and for ``"off"``.
    """
    text = Text()
    if index is None:
        text.append("no shared sentence" if not links else f"{len(links)} pairs", "bold")
    else:
        link = links[index]
        text.append(f"pair {index + 1}/{len(links)}", "bold")
        text.append(f" · {link.tier} {link.score:.2f}")
    text.append("   ")
    for number, tier in enumerate(TIERS, 1):
        on = tier in tiers
        text.append(f" {number} ", "bold")
        label = f"{TIER_MARKS[tier]} {tier}{'' if on else ' (off)'}"
        text.append(f" {label} ", styles[tier] if on else styles["off"])
    text.append("   · only here", styles["only"])
    return text


class PairBar(Static):
    """One line under the panes: the pair counter and the tier legend."""

    def set_pair(
        self,
        index: int | None,
        links: list[Link],
        tiers: Collection[Tier],
        styles: Mapping[str, Style],
    ) -> None:
        """Redraw for the selected pair ``index`` of ``links``."""
        self.update(pair_line(index, links, tiers, styles))
