"""Where the share matrix puts things at a width: its columns, or its list form.

Pure arithmetic on cells and labels (no Textual), so the sizes a person will meet
are tested without a terminal: every column shows when the width allows it, the
row labels keep their place, and below a few columns the matrix becomes a list of
pairs, most shared first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len

from tui.app.labels import abbreviate
from tui.app.share_kinds import CellKind
from tui.core.story.matrix import Cell

CELL_MIN = 6
"""Cells of the narrowest column: ``100%=`` and a space."""
CELL_MAX = 16
"""Cells of the widest column, a label of 15 cells and a space; a column is only as
wide as its labels need, or the numbers would only spread apart."""
LABEL_MIN = 6
"""Cells of the narrowest row label."""
LABEL_MAX = 20
"""Cells of the widest row label."""
ONLY = 6
"""Cells of the margin column: ``only`` and the count of sentences no one else has."""
HEAT = (0.2, 0.4, 0.6, 0.8)
"""Strength thresholds between the five shades of a cell."""


def heat_level(strength: float) -> int:
    """0 (nothing carried) to 5 (most of it, strongly): which shade a cell gets."""
    if strength <= 0:
        return 0
    return 1 + sum(strength >= threshold for threshold in HEAT)


@dataclass(frozen=True, slots=True)
class MatrixGeometry:
    """How a matrix of ``count`` articles is drawn at one width."""

    label: int
    """Cells of the row labels, a space included."""
    cell: int
    """Cells of each column, a space included."""
    columns: int
    """Columns in view at once."""

    @property
    def as_list(self) -> bool:
        """Whether the matrix is drawn as a list of pairs instead (too few columns fit)."""
        return self.columns == 0


def matrix_geometry(width: int, labels: Sequence[str]) -> MatrixGeometry:
    """The columns of a matrix of ``labels`` at ``width`` cells, or its list form.

    Row labels take what the longest needs, within `LABEL_MIN` and `LABEL_MAX`, and
    give way first when room is short; columns share the rest evenly, as wide as
    their abbreviated labels need, within `CELL_MIN` and `CELL_MAX`. When not every
    column fits, ``columns`` is 0: the matrix is read as a list (`as_list`).
    """
    count = len(labels)
    longest = max(map(cell_len, labels), default=0)
    label = max(min(longest, LABEL_MAX), LABEL_MIN) + 1
    room = width - ONLY
    if count and room - label < count * CELL_MIN:
        label = max(min(label, room - count * CELL_MIN), LABEL_MIN + 1)
    if count == 0:
        return MatrixGeometry(label, CELL_MIN, 0)
    needed = max(cell_len(abbreviate(name, CELL_MAX - 1)) for name in labels) + 1
    cell = max(min((room - label) // count, needed, CELL_MAX), CELL_MIN)
    columns = min(max((room - label) // cell, 0), count)
    return MatrixGeometry(label, cell, columns if columns == count else 0)


def scrolled_geometry(width: int, labels: Sequence[str]) -> MatrixGeometry:
    """The matrix drawn anyway where not every column fits (the user asked for it).

    The narrowest columns, the row labels in place, the cells scrolling sideways
    under the cursor.
    """
    found = matrix_geometry(width, labels)
    if not found.as_list:
        return found
    columns = max((width - ONLY - found.label) // CELL_MIN, 1)
    return MatrixGeometry(found.label, CELL_MIN, min(columns, len(labels)))


def first_column(current: int, cursor: int, columns: int, count: int) -> int:
    """The first column in view.

    As before unless the cursor left the view, and never leaving blank room on the
    right that earlier columns could fill.
    """
    if columns <= 0:
        return 0
    first = min(current, max(count - columns, 0))
    if cursor < first:
        return cursor
    if cursor >= first + columns:
        return cursor - columns + 1
    return first


def shared_pairs(
    cells: Sequence[Sequence[Cell | None]],
    kinds: Sequence[Sequence[CellKind | None]],
    order: Sequence[int],
) -> list[tuple[int, int]]:
    """The matrix's list form: every cell that carries something.

    As ``(row, column)`` article indices, the largest share first (the stronger links
    among equals, then rows in ``order``).
    """
    position = {article: place for place, article in enumerate(order)}
    found = [
        (a, b)
        for a in order
        for b in order
        if a != b and (cell := cells[a][b]) is not None and cell.shared
    ]

    def strength(pair: tuple[int, int]) -> tuple[float, float, int, int]:
        a, b = pair
        kind = kinds[a][b] if kinds else None
        cell = cells[a][b]
        assert cell is not None
        return (-cell.percent, -(kind.strength if kind else 0.0), position[a], position[b])

    found.sort(key=strength)
    return found
