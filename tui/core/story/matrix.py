"""The shared-content matrix: how much of each article every other article carries.

Cell (A, B) counts the sentences of A that take part in at least one link with B,
out of A's linkable sentences (prose and headlines with content words), each under
its most literal tier. The matrix is not symmetric: a short article fully carried by
a long one is 100 % on its row and a small share on the other's.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tui.core.alignment.align import TIERS, Link
from tui.core.alignment.units import Prepared
from tui.core.spans import Span


@dataclass(frozen=True, slots=True)
class Cell:
    """What article B (the column) carries of article A (the row)."""

    carried: int
    """Sentences of A linked to at least one sentence of B."""
    total: int
    """A's linkable sentences."""
    by_tier: tuple[int, ...]
    """Carried sentences per tier, in `TIERS` order; each counted once, at its most literal tier."""

    @property
    def share(self) -> float:
        """``carried / total``, 0 for an article without linkable sentences."""
        return self.carried / self.total if self.total else 0.0

    @property
    def percent(self) -> int:
        """`share` as a rounded percentage, the text value a cell shows."""
        return round(100 * self.share)

    def tiers(self) -> dict[str, int]:
        """`by_tier` keyed by tier name."""
        return dict(zip(TIERS, self.by_tier, strict=True))


def linkable_spans(prepared: Prepared) -> tuple[Span, ...]:
    """The spans of the sentences that can take part in a link, in order."""
    if not prepared.has_prose:
        return ()
    return tuple(unit.span for unit in prepared.units if unit.linkable)


def cell(links: Sequence[Link], total: int, side: str = "a") -> Cell:
    """The cell of a row article from its links to the column article.

    Args:
        links: The links between the two articles.
        total: The row article's linkable sentences.
        side: ``"a"`` or ``"b"``: the side of the links the row article is on.
    """
    tier_of: dict[Span, int] = {}
    for link in links:
        span = link.a if side == "a" else link.b
        rank = TIERS.index(link.tier)
        if rank < tier_of.get(span, len(TIERS)):
            tier_of[span] = rank
    counts = [0] * len(TIERS)
    for rank in tier_of.values():
        counts[rank] += 1
    return Cell(len(tier_of), total, tuple(counts))


def build_cells(
    count: int, totals: Sequence[int], links: Mapping[tuple[int, int], Sequence[Link]]
) -> tuple[tuple[Cell | None, ...], ...]:
    """Every cell of a ``count`` x ``count`` matrix; the diagonal is ``None``.

    Args:
        count: Number of articles.
        totals: Linkable sentences of each article.
        links: Links of each aligned pair ``(a, b)`` with ``a < b``, A on side ``a``;
            a missing pair shares nothing.
    """
    rows: list[list[Cell | None]] = []
    for a in range(count):
        # Cells are frozen: one empty cell serves the whole row.
        row: list[Cell | None] = [Cell(0, totals[a], (0,) * len(TIERS))] * count
        row[a] = None
        rows.append(row)
    for (a, b), pair in links.items():
        if not pair:
            continue
        rows[a][b] = cell(pair, totals[a])
        rows[b][a] = cell(pair, totals[b], side="b")
    return tuple(tuple(row) for row in rows)


def similarity_order(cells: Sequence[Sequence[Cell | None]]) -> tuple[int, ...]:
    """Rows ordered so that articles sharing the most sit next to each other.

    Average-linkage clustering on the mean of the two shares of each pair: the two
    closest clusters merge first, the larger (or earlier) one listed first, so copy
    groups and close rewrites end up as adjacent rows. Clusters then follow each
    other by their first article; articles that share nothing come last.
    """
    count = len(cells)
    members: dict[int, list[int]] = {index: [index] for index in range(count)}
    near: dict[int, dict[int, float]] = {index: {} for index in range(count)}
    heap: list[tuple[float, int, int]] = []
    for a in range(count):
        for b in range(a + 1, count):
            row = cells[a][b]
            if row is None or not row.carried:
                continue  # most pairs share nothing: skip them before any arithmetic
            value = _mean_share(row, cells[b][a])
            if value > 0:
                near[a][b] = near[b][a] = value
                heap.append((-value, a, b))
    heapq.heapify(heap)
    new = count
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in members or b not in members or near[a].get(b) != -negative:
            continue  # stale: one side has merged since this entry was pushed
        first, second = members.pop(a), members.pop(b)
        size_a, size_b = len(first), len(second)
        if (-size_b, min(second)) < (-size_a, min(first)):
            first, second = second, first
        near_a, near_b = near.pop(a), near.pop(b)
        near[new] = {}
        for other in (near_a.keys() | near_b.keys()) - {a, b}:
            value = (size_a * near_a.get(other, 0.0) + size_b * near_b.get(other, 0.0)) / (
                size_a + size_b
            )
            near[other].pop(a, None)
            near[other].pop(b, None)
            near[new][other] = near[other][new] = value
            heapq.heappush(heap, (-value, other, new))
        members[new] = first + second
        new += 1
    clusters = sorted(members.values(), key=lambda group: (len(group) == 1, min(group)))
    return tuple(index for group in clusters for index in group)


def _mean_share(row: Cell | None, column: Cell | None) -> float:
    """Symmetric similarity of a pair: the mean of what each carries of the other."""
    if row is None or column is None:
        return 0.0
    return (row.share + column.share) / 2
