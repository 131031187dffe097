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

from tui.core.language.tokens import DiffToken, TextTokens
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

    A sentence linked several times is diffed several times: its words, their
    offsets and the values of its numbers are taken once, as columns (from an
    article's `TextTokens`, or from a sentence's own `DiffToken` list).
    """

    __slots__ = ("ends", "numbers", "starts", "values", "words")

    def __init__(self, tokens: Sequence[DiffToken]) -> None:
        self.starts: Sequence[int] = tuple(token.start for token in tokens)
        """Offset of each word's first character in the article."""
        self.ends: Sequence[int] = tuple(token.end for token in tokens)
        """Offset one past each word's last character."""
        self.words: Sequence[str] = tuple(token.word for token in tokens)
        """What the diff compares, in order (a tuple, as `TextTokens` slices are)."""
        self.numbers: Sequence[float | None] = tuple(token.value for token in tokens)
        """Each number's value, ``None`` for a word."""
        self.values = {token.value for token in tokens if token.value is not None}
        """The values of its numbers."""

    @classmethod
    def of(cls, tokens: TextTokens, lo: int, hi: int) -> SentenceWords:
        """The words ``lo:hi`` of an article's tokens: slices, no object per word."""
        words = cls.__new__(cls)
        words.starts, words.ends = tokens.starts[lo:hi], tokens.ends[lo:hi]
        words.words, words.numbers = tokens.words[lo:hi], tokens.numbers[lo:hi]
        values: set[float | None] = set(words.numbers)
        values.discard(None)
        words.values = cast(set[float], values)
        return words


def word_diff(a: SentenceWords, b: SentenceWords) -> tuple[DiffOp, ...]:
    """The word operations that turn sentence A into sentence B, with offsets on both sides.

    Args:
        a: The words of the sentence in A (offsets into article A).
        b: The words of the sentence in B (offsets into article B).

    Returns:
        Operations in reading order; an empty tuple when either side has no words.
    """
    words_a, words_b = a.words, b.words
    if not words_a or not words_b:
        return ()
    if words_a == words_b:  # a copy word for word: the one run Levenshtein would give
        whole_a = _new(Span, (a.starts[0], a.ends[-1]))
        whole_b = _new(Span, (b.starts[0], b.ends[-1]))
        return (_new(DiffOp, ("equal", whole_a, whole_b, False, (), ())),)
    values_a, values_b = a.values, b.values
    has_numbers = bool(values_a or values_b)
    ops: list[DiffOp] = []
    append = ops.append
    # rapidfuzz's tags are exactly these four; plain tuples read faster than its Opcodes.
    codes = cast(list[_Code], Levenshtein.opcodes(words_a, words_b).as_list())
    for op, src_start, src_end, dest_start, dest_end in codes:
        span_a = _cover(a, src_start, src_end)
        span_b = _cover(b, dest_start, dest_end)
        if has_numbers and op != "equal":
            figures_a = _figures(a, src_start, src_end, values_b)
            figures_b = _figures(b, dest_start, dest_end, values_a)
            numeric = bool(figures_a or figures_b)
            append(_new(DiffOp, (op, span_a, span_b, numeric, figures_a, figures_b)))
        else:
            append(_new(DiffOp, (op, span_a, span_b, False, (), ())))
    return tuple(ops)


_new = tuple.__new__
"""Builds a named tuple from its fields in C: its own ``__new__`` is Python, and a
report builds one for every span and run of every diff."""


def _cover(words: SentenceWords, start: int, end: int) -> Span:
    """The span from word ``start`` to word ``end`` (exclusive), or the point between."""
    if start < end:
        return _new(Span, (words.starts[start], words.ends[end - 1]))
    point = words.starts[start] if start < len(words.starts) else words.ends[-1]
    return _new(Span, (point, point))


def _figures(words: SentenceWords, start: int, end: int, other: set[float]) -> tuple[Span, ...]:
    """The spans of the numbers among words ``start:end`` whose value is not in ``other``."""
    numbers = words.numbers
    return tuple(
        Span(words.starts[k], words.ends[k])
        for k in range(start, end)
        if (value := numbers[k]) is not None and value not in other
    )
