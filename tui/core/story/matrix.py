"""The shared-content matrix: how much of each article every other article carries.

Cell (A, B) counts the sentences of A that take part in at least one link with B,
out of A's linkable sentences (prose and headlines with content words), each under
its most literal tier: the summary of A's side of the pair's comparison. The matrix
is not symmetric: a short article fully carried by a long one is 100 % on its row
and a small share on the other's.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence

from tui.core.alignment.comparison import SideSummary, empty_side
from tui.core.story.model import Story

Cell = SideSummary
"""A matrix cell: what the column article carries of the row article (its comparison's
summary of the row's side, so the matrix and the compare screen give one number)."""


def build_cells(
    story: Story, compared: Iterable[tuple[int, int]]
) -> tuple[tuple[Cell | None, ...], ...]:
    """Every cell of the story's matrix; the diagonal is ``None``.

    Args:
        story: The story; its comparisons of the ``compared`` pairs are read.
        compared: The pairs ``(a, b)``, ``a < b``, that were aligned; every other
            pair shares nothing.
    """
    rows: list[list[Cell | None]] = []
    for a in range(len(story)):
        # Summaries are frozen: one empty cell serves the whole row.
        row: list[Cell | None] = [empty_side(story.units(a))] * len(story)
        row[a] = None
        rows.append(row)
    for a, b in compared:
        summary = story.comparison(a, b).summary
        if summary.a.shared:
            rows[a][b], rows[b][a] = summary.a, summary.b
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
            if row is None or not row.shared:
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
