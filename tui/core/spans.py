"""Character spans: the one coordinate system every layer speaks.

Offsets index the article text exactly as Python decoded it (``str`` indices),
end exclusive, so a highlight drawn from a span is always exactly the text matched.
"""

from __future__ import annotations

from typing import NamedTuple


class Span(NamedTuple):
    """A half-open range ``[start, end)`` of character offsets into an article's text."""

    start: int
    """Offset of the first character."""
    end: int
    """Offset one past the last character."""

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        """True when the two spans share at least one character."""
        return self.start < other.end and other.start < self.end

    def slice(self, text: str) -> str:
        """The characters of ``text`` this span covers."""
        return text[self.start : self.end]
