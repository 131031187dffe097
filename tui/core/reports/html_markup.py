r"""HTML for text from strangers: escaping, and article text with marks laid over it.

Every character of an article, a file name or a headline reaches the page through
this module. Text is escaped (``&``, ``<``, ``>``, and quotes in attributes), the
characters `tui.core.text.safe` makes inert are shown as on screen (``^[``,
``<U+202E>``) inside a ``span.inert``, and lone surrogates (a JSON Lines file may
hold ``"\ud800"``), which no UTF-8 page can carry, become U+FFFD.

Article text is laid out from its `Document` (the blocks the reader shows), so the
page shows what the terminal shows: Markdown markup hidden, ``\$`` as ``$``. A
`Mark` names source offsets and the element to wrap them in; `render_document`
places marks of several levels (a sentence, a changed word inside it, a figure
inside that) and always writes well-nested elements, even for marks that overlap
without nesting: an element cut by another is closed and opened again, and only
its first piece carries its ``id``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Sequence
from itertools import pairwise
from typing import NamedTuple

from tui.core.spans import Span
from tui.core.text.document import Block, Document
from tui.core.text.safe import UNSAFE, one_line

_SURROGATE = re.compile("[\ud800-\udfff]")
_UNSAFE = re.compile(UNSAFE)
_INLINE = {
    "strong": ("strong", ""),
    "em": ("em", ""),
    "strike": ("s", ""),
    "code": ("code", ""),
    "link": ("span", ' class="link"'),
    "image": ("span", ' class="image"'),
}
"""Element of each inline style of a `Block` (link targets are never kept)."""
_BLOCK = {"code": "pre", "rule": "hr"}
"""Element of each block kind other than a paragraph."""
_MAX_INDENT = 8
INLINE_LEVEL = 8
"""Level of a block's own inline styles: inside every mark a report places."""
_INERT_LEVEL = 9


class Mark(NamedTuple):
    """Source characters to wrap in one element."""

    span: Span
    """Offsets into the article text."""
    level: int
    """Nesting depth: a lower level's element holds a higher one's."""
    tag: str
    """The element: ``a``, ``span``, ``del``, ..."""
    attrs: str = ""
    """Attributes of every piece, escaped, with a leading space: ``' class="s"'``."""
    first: str = ""
    """Attributes of the first piece only (an ``id``)."""


class _Run(NamedTuple):
    """A mark placed on one block: display positions and the tags to write."""

    start: int
    end: int
    level: int
    key: int
    """Which mark (or inline style) this is; a lower key wins its level."""
    tag: str
    attrs: str
    first: str


def shown(text: str) -> str:
    """Text already made inert (a `Document`'s), escaped for an element's content."""
    return html.escape(_SURROGATE.sub("\ufffd", text), quote=False)


def attr(text: str) -> str:
    """Text escaped for an attribute value (within double quotes), on one line."""
    return html.escape(_SURROGATE.sub("\ufffd", one_line(text)), quote=True)


def escape(text: str) -> str:
    """Raw text escaped for an element's content, unsafe characters shown inert."""
    parts = []
    position = 0
    for match in _UNSAFE.finditer(text):
        parts.append(shown(text[position : match.start()]))
        parts.append(_inert(match.group()))
        position = match.end()
    parts.append(shown(text[position:]))
    return "".join(parts)


def label(text: str) -> str:
    """A title, outlet or path as one escaped line (whitespace runs collapsed)."""
    return escape(" ".join(text.split()))


def _inert(char: str) -> str:
    stand_in = one_line(char) or "\ufffd"
    return f'<span class="inert" title="U+{ord(char):04X}">{shown(stand_in)}</span>'


def render_document(
    document: Document, source: str, marks: Sequence[Mark], clip: Span | None = None
) -> str:
    """The document's blocks as HTML elements, with ``marks`` laid over the text.

    Args:
        document: The article as the reader shows it.
        source: The article text the document was rendered from (to find the
            characters shown inert).
        marks: What to wrap; of several marks at one level over a character, the
            earliest in the list wins.
        clip: Only the characters of this span, as inline HTML with blocks joined
            by a space (a sentence quoted elsewhere on the page).
    """
    ordered = sorted(range(len(marks)), key=lambda index: marks[index].span.start)
    opened: set[int] = set()
    parts: list[str] = []
    blocks = document.blocks
    indices = range(len(blocks)) if clip is None else document.blocks_overlapping(clip)
    pending: list[int] = []
    cursor = 0
    for index in indices:
        block = blocks[index]
        if block.kind == "rule":
            if clip is None:
                parts.append("<hr>")
            continue
        first, last = block.offsets[0], block.offsets[-1] + 1
        while cursor < len(ordered) and marks[ordered[cursor]].span.start < last:
            pending.append(ordered[cursor])
            cursor += 1
        pending = [key for key in pending if marks[key].span.end > first]
        start, end = (0, len(block.text)) if clip is None else block.display_range(clip)
        runs = list(_runs(block, source, marks, pending, start, end))
        inner = _nest(block.text, start, end, runs, opened)
        parts.append(inner if clip is not None else _wrap(block, inner))
    return (" " if clip is not None else "\n").join(parts)


def _runs(
    block: Block, source: str, marks: Sequence[Mark], keys: Sequence[int], start: int, end: int
) -> Iterator[_Run]:
    """Every mark, inline style and inert character of ``block`` inside ``[start, end)``."""
    for key in keys:
        mark = marks[key]
        low, high = block.display_range(mark.span)
        low, high = max(low, start), min(high, end)
        if low < high:
            yield _Run(low, high, mark.level, key, mark.tag, mark.attrs, mark.first)
    for number, (low, high, name) in enumerate(block.marks):
        tag, attrs = _INLINE.get(name, ("span", ""))
        low, high = max(low, start), min(high, end)
        if low < high:
            yield _Run(low, high, INLINE_LEVEL, number, tag, attrs, "")
    if _UNSAFE.search(source, block.offsets[0], block.offsets[-1] + 1) is None:
        return
    offsets = block.offsets
    position = start
    while position < end:
        offset = offsets[position]
        char = source[offset] if offset < len(source) else ""
        stop = position + 1
        while stop < end and offsets[stop] == offset:
            stop += 1
        if char and _UNSAFE.fullmatch(char):
            title = f' title="U+{ord(char):04X}"'
            yield _Run(position, stop, _INERT_LEVEL, offset, "span", ' class="inert"' + title, "")
        position = stop


def _nest(text: str, start: int, end: int, runs: Sequence[_Run], opened: set[int]) -> str:
    """``text[start:end]`` with ``runs`` as well-nested elements.

    Between two consecutive boundaries the open elements are, per level, the active
    run with the lowest key; the elements that differ from the previous stretch are
    closed (innermost first) and the new ones opened. ``opened`` holds the marks
    whose first piece (with its ``id``) is written.
    """
    if not runs:
        return shown(text[start:end])
    cuts = sorted({start, end, *(run.start for run in runs), *(run.end for run in runs)})
    starting: dict[int, list[_Run]] = {}
    for run in runs:
        starting.setdefault(run.start, []).append(run)
    active: list[_Run] = []
    stack: list[_Run] = []
    out: list[str] = []
    for low, high in pairwise(cuts):
        active = [run for run in active if run.end > low] + starting.get(low, [])
        best: dict[int, _Run] = {}
        for run in active:
            held = best.get(run.level)
            if held is None or run.key < held.key:
                best[run.level] = run
        wanted = [best[level] for level in sorted(best)]
        keep = 0
        while keep < min(len(stack), len(wanted)) and stack[keep] == wanted[keep]:
            keep += 1
        out.extend(f"</{run.tag}>" for run in reversed(stack[keep:]))
        for run in wanted[keep:]:
            first = run.first if run.first and run.key not in opened else ""
            if run.first:
                opened.add(run.key)
            out.append(f"<{run.tag}{first}{run.attrs}>")
        stack = wanted
        out.append(shown(text[low:high]))
    out.extend(f"</{run.tag}>" for run in reversed(stack))
    return "".join(out)


def _wrap(block: Block, inner: str) -> str:
    """One block's element: a paragraph (with its kind as class), ``pre`` for code."""
    tag = _BLOCK.get(block.kind, "p")
    classes = block.kind if tag == "p" and block.kind != "p" else ""
    if block.indent:
        classes = f"{classes} ind{min(block.indent // 2, _MAX_INDENT)}".strip()
    attrs = f' class="{classes}"' if classes else ""
    prefix = f'<span class="prefix">{shown(block.prefix)}</span>' if block.prefix else ""
    return f'<{tag}{attrs} dir="auto">{prefix}{inner}</{tag}>'
