"""PairBar: where the pair cursor is, what the selected pair is, which tiers are on."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from rich.style import Style
from rich.text import Text
from textual.events import Resize
from textual.widgets import Static

from tui.core.alignment.align import Link
from tui.core.alignment.marks import TIER_MARKS
from tui.core.alignment.tiers import TIERS, Tier


def _legend(
    index: int | None,
    links: list[Link],
    tiers: Collection[Tier],
    styles: Mapping[str, Style],
    form: str,
) -> Text:
    """The pair counter and the legend, in one of three forms: full, short, marks."""
    text = Text(no_wrap=True, overflow="ellipsis")
    if index is None:
        text.append("no shared sentence" if not links else f"{len(links)} pairs", "bold")
    else:
        link = links[index]
        text.append(f"pair {index + 1}/{len(links)}", "bold")
        text.append(f" · {link.tier} {link.score:.2f}")
    text.append("   " if form == "full" else "  ")
    for number, tier in enumerate(TIERS, 1):
        on = tier in tiers
        style = styles[tier] if on else styles["off"]
        if form == "marks":
            text.append(f" {number}", "bold")
            text.append(TIER_MARKS[tier], style)
            continue
        text.append(f" {number} " if form == "full" else f" {number}", "bold")
        name = f"{tier} (italic)" if tier == "quote" and form == "full" else tier
        text.append(f" {TIER_MARKS[tier]} {name}{'' if on else ' (off)'} ", style)
    text.append("   · only here" if form == "full" else "  · only here", styles["only"])
    return text


def pair_line(
    index: int | None,
    links: list[Link],
    tiers: Collection[Tier],
    styles: Mapping[str, Style],
    width: int = 200,
) -> Text:
    """``pair 3/17 · copy 0.93`` then the tier legend with each tier's key and state.

    The legend names the tiers (the quote tier is drawn in italics, and says so); in
    less room it drops that note and some spaces, then keeps each tier's key and mark
    in its colour (``1= 2~ 3" 4≈``).

    Args:
        index: The selected pair among ``links``, if any.
        links: The links of the tiers switched on.
        tiers: The tiers switched on.
        styles: A Rich style for each tier name, and for ``"off"`` and ``"only"``.
        width: Cells the line may take.
    """
    for form in ("full", "short"):
        text = _legend(index, links, tiers, styles, form)
        if text.cell_len <= width:
            return text
    return _legend(index, links, tiers, styles, "marks")


class PairBar(Static):
    """One line under the panes: the pair counter and the tier legend."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[int | None, list[Link], Collection[Tier], Mapping[str, Style]] | None = (
            None
        )
        """What `set_pair` was last given, drawn again for a new width."""

    def on_resize(self, event: Resize) -> None:
        if self._shown is not None:
            self.update(pair_line(*self._shown, self.content_size.width))

    def set_pair(
        self,
        index: int | None,
        links: list[Link],
        tiers: Collection[Tier],
        styles: Mapping[str, Style],
    ) -> None:
        """Redraw for the selected pair ``index`` of ``links``."""
        self._shown = (index, links, tiers, styles)
        self.update(pair_line(index, links, tiers, styles, self.content_size.width or 200))
