r"""Word-level differences inside one linked pair of sentences.

The compare screen marks exactly the words one outlet changed, so the diff works on
words with their offsets on both sides. Words are compared case-insensitively, and
numbers by value: ``\\$1.5 billion`` and ``$1.5 billion`` are equal, ``500`` and
``774`` are a numeric change.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, NamedTuple, cast

from rapidfuzz.distance import Levenshtein

from tui.core.language.tokens import DiffToken
from tui.core.spans import Span

Op = Literal["equal", "insert", "delete", "replace"]
"""What a run of words does: kept, inserted in B, deleted from A, replaced."""
OPS: tuple[Op, ...] = ("equal", "insert", "delete", "replace")
"""The kinds of `DiffOp`."""


class DiffOp(NamedTuple):
    """One run of words: kept, inserted in B, deleted from A, or replaced."""

    op: Op
    """``equal``, ``insert``, ``delete`` or ``replace``."""
    a: Span
    """The words on side A; empty at the insertion point for an insert."""
    b: Span
    """The words on side B; empty at the deletion point for a delete."""
    numeric: bool
    """True when a number in the changed words appears nowhere in the other sentence."""
    figures_a: tuple[Span, ...] = ()
    """The numbers of A's words here whose value B's sentence does not state."""
    figures_b: tuple[Span, ...] = ()
    """The numbers of B's words here whose value A's sentence does not state."""


def word_diff(tokens_a: Sequence[DiffToken], tokens_b: Sequence[DiffToken]) -> tuple[DiffOp, ...]:
    """The word operations that turn sentence A into sentence B, with offsets on both sides.

    Args:
        tokens_a: The tokens of the sentence in A (offsets into article A).
        tokens_b: The tokens of the sentence in B (offsets into article B).

    Returns:
        Operations in reading order; an empty tuple when either side has no words.
    """
    if not tokens_a or not tokens_b:
        return ()
    values_a = _values(tokens_a)
    values_b = _values(tokens_b)
    has_numbers = bool(values_a or values_b)
    ops: list[DiffOp] = []
    codes = Levenshtein.opcodes([t.word for t in tokens_a], [t.word for t in tokens_b])
    for code in codes:
        op = cast(Op, code.tag)  # rapidfuzz's tags are exactly these four
        span_a = _cover(tokens_a, code.src_start, code.src_end)
        span_b = _cover(tokens_b, code.dest_start, code.dest_end)
        if has_numbers and op != "equal":
            figures_a = _figures(tokens_a[code.src_start : code.src_end], values_b)
            figures_b = _figures(tokens_b[code.dest_start : code.dest_end], values_a)
            numeric = bool(figures_a or figures_b)
            ops.append(DiffOp(op, span_a, span_b, numeric, figures_a, figures_b))
        else:
            ops.append(DiffOp(op, span_a, span_b, False))
    return tuple(ops)


def _cover(tokens: Sequence[DiffToken], start: int, end: int) -> Span:
    """The span from token ``start`` to token ``end`` (exclusive), or the point between."""
    if start < end:
        return Span(tokens[start].start, tokens[end - 1].end)
    point = tokens[start].start if start < len(tokens) else tokens[-1].end
    return Span(point, point)


def _figures(tokens: Sequence[DiffToken], other: set[float]) -> tuple[Span, ...]:
    """The spans of the numbers among ``tokens`` whose value is not in ``other``."""
    return tuple(
        Span(token.start, token.end)
        for token in tokens
        if token.value is not None and token.value not in other
    )


def _values(tokens: Sequence[DiffToken]) -> set[float]:
    """The values of the numbers among ``tokens``."""
    return {token.value for token in tokens if token.value is not None}
