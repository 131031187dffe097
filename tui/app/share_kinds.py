"""What kind of sharing a matrix cell is: copying or loose paraphrase, and how strong.

A cell's percentage counts every carried sentence alike (the one answer the compare
screen and the reports give too), so a row copied word for word and a row loosely
paraphrased can both read 73%. The matrix therefore marks each cell with its tier
and shades it by strength: each carried sentence weighs what its best link scores
(a copy about 1, a loose paraphrase 0.3), so weak links never count at full weight.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tui.core.alignment.align import Link
from tui.core.alignment.tiers import TIERS, Tier
from tui.core.spans import Span
from tui.core.story.matrix import Cell

DOMINANT = 1 / 3
"""Share of a cell's carried sentences a tier needs to name the cell (the most literal
such tier does: a third of a row copied word for word is copying, whatever else)."""


@dataclass(frozen=True, slots=True)
class CellKind:
    """How one article carries another's sentences."""

    tier: Tier
    """The most literal tier holding at least `DOMINANT` of the carried sentences."""
    strength: float
    """Share of the row's sentences carried, each weighed by its best link's score."""
    low: float
    """Lowest score among the links of the cell."""
    high: float
    """Highest score among them."""


def dominant_tier(cell: Cell) -> Tier | None:
    """The tier that names ``cell``, or None when it carries nothing."""
    if not cell.shared:
        return None
    counts = [share.sentences for share in cell.by_tier]
    for tier, sentences in zip(TIERS, counts, strict=True):
        if sentences >= DOMINANT * cell.shared:
            return tier
    return TIERS[counts.index(max(counts))]


def cell_kind(cell: Cell, sentences: Sequence[tuple[Span, float]]) -> CellKind | None:
    """The kind of ``cell`` given the row article's linked sentences and their scores.

    Args:
        cell: What the column carries of the row.
        sentences: Each link of the pair as (the row's sentence, the link's score).
    """
    tier = dominant_tier(cell)
    if tier is None or not sentences:
        return None
    best: dict[Span, float] = {}
    for span, score in sentences:
        best[span] = max(score, best.get(span, 0.0))
    strength = sum(best.values()) / cell.sentences if cell.sentences else 0.0
    scores = [score for _, score in sentences]
    return CellKind(tier, min(strength, cell.share), min(scores), max(scores))


def cell_kinds(
    cells: Sequence[Sequence[Cell | None]],
    pair_links: Mapping[tuple[int, int], Sequence[Link]],
) -> tuple[tuple[CellKind | None, ...], ...]:
    """The kind of every cell of a matrix; None on the diagonal and where nothing is shared.

    Args:
        cells: ``cells[a][b]``, what ``b`` carries of ``a``.
        pair_links: The links of each aligned pair ``(a, b)``, ``a < b``, ``a`` on side A.
    """
    kinds: list[list[CellKind | None]] = [[None] * len(cells) for _ in cells]
    for (a, b), links in pair_links.items():
        for row, column, side_a in ((a, b, True), (b, a, False)):
            cell = cells[row][column]
            if cell is not None:
                linked = [(link.a if side_a else link.b, link.score) for link in links]
                kinds[row][column] = cell_kind(cell, linked)
    return tuple(tuple(row) for row in kinds)
