"""Find text as the reader shows it, and answer with source spans."""

from __future__ import annotations

from tui.core.spans import Span
from tui.core.text.document import Document


def _fold(text: str) -> str:
    """Lower-case ``text`` without changing its length, so positions stay valid."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char.lower() if len(char.lower()) == 1 else char for char in text)


def find_all(document: Document, query: str) -> list[Span]:
    r"""Every case-insensitive occurrence of ``query`` in the displayed text.

    Matching runs on what the reader sees (``$1.5``, not ``\$1.5``; a link's text,
    not its target), block by block, and each match is returned as the source span
    of the characters it covers, ready to highlight or scroll to.
    """
    needle = _fold(query)
    if not needle.strip():
        return []
    matches: list[Span] = []
    for block in document.blocks:
        haystack = _fold(block.text)
        start = haystack.find(needle)
        while start != -1:
            end = start + len(needle)
            matches.append(Span(block.offsets[start], block.offsets[end - 1] + 1))
            start = haystack.find(needle, end)
    return matches
