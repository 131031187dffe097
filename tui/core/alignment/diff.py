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


_Code = tuple[Op, int, int, int, int]
"""One of rapidfuzz's opcodes as a tuple: the operation, then A's and B's token ranges."""


class SentenceWords:
    """One sentence's tokens as every diff of it reads them, prepared once.

    A sentence linked several times is diffed several times: its word list and
    the values of its numbers are taken from the tokens once.
    """

    __slots__ = ("tokens", "values", "words")

    def __init__(self, tokens: Sequence[DiffToken]) -> None:
        self.tokens = tokens
        """Its words and numbers, with offsets into the article."""
        self.words = [token.word for token in tokens]
        """What the diff compares, in order."""
        self.values = {token.value for token in tokens if token.value is not None}
        """The values of its numbers."""


def word_diff(a: SentenceWords, b: SentenceWords) -> tuple[DiffOp, ...]:
    """The word operations that turn sentence A into sentence B, with offsets on both sides.

    Args:
        a: The words of the sentence in A (offsets into article A).
        b: The words of the sentence in B (offsets into article B).

    Returns:
        Operations in reading order; an empty tuple when either side has no words.
    """
    tokens_a, tokens_b = a.tokens, b.tokens
    if not tokens_a or not tokens_b:
        return ()
    if a.words == b.words:  # a copy word for word: the one run Levenshtein would give
        whole_a = Span(tokens_a[0].start, tokens_a[-1].end)
        return (DiffOp("equal", whole_a, Span(tokens_b[0].start, tokens_b[-1].end), False),)
    values_a, values_b = a.values, b.values
    has_numbers = bool(values_a or values_b)
    ops: list[DiffOp] = []
    append = ops.append
    # rapidfuzz's tags are exactly these four; plain tuples read faster than its Opcodes.
    codes = cast(list[_Code], Levenshtein.opcodes(a.words, b.words).as_list())
    for op, src_start, src_end, dest_start, dest_end in codes:
        span_a = _cover(tokens_a, src_start, src_end)
        span_b = _cover(tokens_b, dest_start, dest_end)
        if has_numbers and op != "equal":
            figures_a = _figures(tokens_a[src_start:src_end], values_b)
            figures_b = _figures(tokens_b[dest_start:dest_end], values_a)
            append(DiffOp(op, span_a, span_b, bool(figures_a or figures_b), figures_a, figures_b))
        else:
            append(DiffOp(op, span_a, span_b, False))
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
