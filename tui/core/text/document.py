r"""Markdown rendered to display text that remembers where every character came from.

The reader and the compare panes draw the same `Document`: blocks of display text
(markup removed, ``\$`` shown as ``$``, control characters made inert) where each
displayed character carries the offset of the source character it shows. A span of
the article text (a sentence, a find match, a link of the alignment) maps to exactly
the displayed characters that show it, across paragraphs if it crosses them.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from tui.core.spans import Span
from tui.core.text.safe import has_unsafe, inert_char

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_FRONT_MATTER = re.compile(
    r"\A(?:\ufeff)?---[ \t]*\r?\n(?:.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.DOTALL
)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_INLINE_STYLE = {"strong": "strong", "em": "em", "s": "strike", "link": "link"}


@dataclass(frozen=True, slots=True)
class Block:
    """One displayed block: a heading, a paragraph, a list item, a code block, a rule."""

    kind: str
    """``h1``..``h6``, ``p``, ``item``, ``quote``, ``code``, ``rule`` or ``table``."""
    text: str
    """The characters shown (``\\n`` only inside code blocks and at hard breaks)."""
    offsets: tuple[int, ...]
    """Source offset of each displayed character; never decreasing."""
    marks: tuple[tuple[int, int, str], ...] = ()
    """Inline styles as ``(start, end, name)`` in display positions: strong, em, code, link."""
    prefix: str = ""
    """Drawn before the first line (a bullet, a number); not part of the text."""
    indent: int = 0
    """Columns every line is indented by (nesting of lists and quotes)."""

    def display_range(self, span: Span) -> tuple[int, int]:
        """Display positions ``[start, end)`` showing source characters inside ``span``."""
        return bisect_left(self.offsets, span.start), bisect_left(self.offsets, span.end)

    @property
    def source(self) -> Span:
        """The source span this block shows (empty for a rule)."""
        if not self.offsets:
            return Span(0, 0)
        return Span(self.offsets[0], self.offsets[-1] + 1)


@dataclass(frozen=True, slots=True, eq=False, weakref_slot=True)
class Document:
    """An article as the reader shows it: display blocks in source order.

    Compared by identity (its blocks hold a megabyte article's offsets; comparing or
    hashing them would cost more than it could save), and weakly referable, so views
    can cache work per document.
    """

    blocks: tuple[Block, ...]
    """Every block, in the order they appear."""
    _shown: tuple[int, ...] = field(init=False, repr=False, compare=False)
    """Indices of the blocks that show text (rules show none), in source order."""
    _ends: tuple[int, ...] = field(init=False, repr=False, compare=False)
    """Source end of each block in `_shown`; increasing, so spans are found by bisection."""

    @property
    def display_chars(self) -> int:
        """How many characters the document shows, a measure of the work to lay it out."""
        return sum(len(block.text) for block in self.blocks)

    def __post_init__(self) -> None:
        shown = tuple(index for index, block in enumerate(self.blocks) if block.offsets)
        object.__setattr__(self, "_shown", shown)
        object.__setattr__(self, "_ends", tuple(self.blocks[i].offsets[-1] + 1 for i in shown))

    def blocks_overlapping(self, span: Span) -> list[int]:
        """Indices of the blocks showing any character of ``span`` (found by bisection)."""
        found = []
        for position in range(bisect_right(self._ends, span.start), len(self._shown)):
            index = self._shown[position]
            if self.blocks[index].offsets[0] >= span.end:
                break
            found.append(index)
        return found

    def block_at(self, offset: int) -> int | None:
        """Index of the block showing ``offset``, or of the next block after it."""
        position = bisect_right(self._ends, offset)
        return self._shown[position] if position < len(self._shown) else None

    def displayed(self, span: Span) -> str:
        """The text a reader sees for ``span``: block pieces joined by a space."""
        pieces = []
        for index in self.blocks_overlapping(span):
            block = self.blocks[index]
            start, end = block.display_range(span)
            if start < end:
                pieces.append(block.text[start:end])
        return " ".join(pieces)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # Imported on first use, so showing the library does not wait for the parser.
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["strikethrough", "table"])


def _masked(text: str) -> str:
    """Text with YAML front matter blanked (newlines kept) so line numbers stay true."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return text
    head = re.sub(r"[^\r\n]", " ", match.group())
    return head + text[match.end() :]


class _Builder:
    """Accumulates one block's display characters and their source offsets."""

    def __init__(self, source: str, start: int, end: int) -> None:
        self.source = source
        self.pos = start
        self.end = end
        self.chars: list[str] = []
        self.offsets: list[int] = []
        self.marks: list[tuple[int, int, str]] = []
        self._open: dict[str, int] = {}

    def emit(self, char: str, offset: int) -> None:
        """Show ``char`` (made inert if needed) for the source character at ``offset``."""
        shown = inert_char(char) if has_unsafe(char) else char
        self.chars.append(shown)
        self.offsets.extend([offset] * len(shown))

    def text(self, content: str) -> None:
        """Show ``content``, found in the source from the cursor onwards."""
        source, pos = self.source, self.pos
        if source.startswith(content, pos) and not has_unsafe(content):
            self.chars.append(content)
            self.offsets.extend(range(pos, pos + len(content)))
            self.pos = pos + len(content)
            return
        for char in content:
            self._char(char)

    def cursor(self) -> int:
        """The source offset to show a character at when nothing in the source matches it."""
        return min(self.pos, max(self.end - 1, 0))

    def _char(self, char: str) -> None:
        source, pos = self.source, self.pos
        line_break = _LINE_BREAK.match(source, pos, self.end) if char == " " else None
        if line_break:  # a code span shows its line breaks as spaces
            self.emit(char, pos)
            self.pos = line_break.end()
            return
        if source.startswith("\\" + char, pos):
            self.emit(char, pos + 1)
            self.pos = pos + 2
            return
        entity = _ENTITY.match(source, pos)
        if entity and html.unescape(entity.group()).startswith(char):
            self.emit(char, pos)
            self.pos = entity.end()
            return
        found = source.find(char, pos, self.end)
        if found == -1:  # normalised by the parser (NUL → U+FFFD): show it at the cursor
            self.emit(char, self.cursor())
            return
        self.emit(char, found)
        self.pos = found + 1

    def skip(self, markup: str) -> None:
        """Move the cursor past the next ``markup`` (``**``, ``[``, a backtick run)."""
        if markup:
            found = self.source.find(markup, self.pos, self.end)
            if found != -1:
                self.pos = found + len(markup)

    def skip_link_target(self) -> None:
        """Move past ``](target "title")`` or ``][ref]`` after a link's text."""
        self.skip("]")
        source, pos = self.source, self.pos
        if source.startswith("(", pos):
            depth = 0
            for index in range(pos, self.end):
                if source[index] == "(":
                    depth += 1
                elif source[index] == ")":
                    depth -= 1
                    if depth == 0:
                        self.pos = index + 1
                        return
        elif source.startswith("[", pos):
            self.skip("]")

    def open_mark(self, name: str) -> None:
        """Start an inline style at the current display position."""
        self._open[name] = len(self.offsets)

    def close_mark(self, name: str) -> None:
        """End an inline style opened with `open_mark`."""
        start = self._open.pop(name, None)
        if start is not None and start < len(self.offsets):
            self.marks.append((start, len(self.offsets), name))

    def block(self, kind: str, prefix: str = "", indent: int = 0) -> Block:
        """The finished block."""
        return Block(
            kind=kind,
            text="".join(self.chars),
            offsets=tuple(self.offsets),
            marks=tuple(sorted(self.marks)),
            prefix=prefix,
            indent=indent,
        )


def _inline(builder: _Builder, children: list[Token]) -> None:
    """Walk inline tokens, moving the source cursor past markup and mapping text."""
    for token in children:
        kind = token.type
        if kind in ("text", "html_inline"):
            builder.text(token.content)
        elif kind == "softbreak":
            newline = _LINE_BREAK.search(builder.source, builder.pos, builder.end)
            offset = newline.start() if newline else builder.cursor()
            builder.emit(" ", offset)
            builder.pos = newline.end() if newline else builder.pos
        elif kind == "hardbreak":
            newline = _LINE_BREAK.search(builder.source, builder.pos, builder.end)
            offset = newline.start() if newline else builder.cursor()
            builder.chars.append("\n")
            builder.offsets.append(offset)
            builder.pos = newline.end() if newline else builder.pos
        elif kind == "code_inline":
            builder.skip(token.markup)
            builder.open_mark("code")
            builder.text(token.content)
            builder.close_mark("code")
            builder.skip(token.markup)
        elif kind == "image":
            builder.skip("![")
            builder.open_mark("image")
            _inline(builder, token.children or [])
            builder.close_mark("image")
            builder.skip_link_target()
        elif kind.endswith("_open"):
            name = kind[: -len("_open")]
            if name == "link":
                builder.skip("<" if token.markup == "autolink" else "[")
            else:
                builder.skip(token.markup)
            builder.open_mark(_INLINE_STYLE.get(name, name))
        elif kind.endswith("_close"):
            name = kind[: -len("_close")]
            builder.close_mark(_INLINE_STYLE.get(name, name))
            if name == "link":
                if token.markup == "autolink":
                    builder.skip(">")
                else:
                    builder.skip_link_target()
            else:
                builder.skip(token.markup)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(match.end() for match in _LINE_BREAK.finditer(text))
    starts.append(len(text))
    return starts


def render_markdown(text: str) -> Document:
    """Parse ``text`` as Markdown into display blocks mapped to source offsets.

    Never raises on odd input: anything the parser keeps is shown, anything it
    drops (link targets, markup) is simply not displayed.
    """
    tokens = _parser().parse(_masked(text))
    starts = _line_starts(text)
    last_line = len(starts) - 2

    def region(token: Token) -> tuple[int, int]:
        first, last = token.map or (0, 0)
        first, last = min(first, last_line + 1), min(last, last_line + 1)
        return starts[first], starts[last]

    blocks: list[Block] = []
    nesting: list[str] = []
    numbers: list[int] = []
    pending_prefix = ""
    heading = ""
    row: _Builder | None = None

    def indent() -> int:
        return sum(2 if kind != "ordered" else 3 for kind in nesting)

    for token in tokens:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            nesting.append("ordered" if kind.startswith("ordered") else "bullet")
            numbers.append(int(token.attrs.get("start", 1) or 1))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            nesting.pop()
            numbers.pop()
        elif kind == "blockquote_open":
            nesting.append("quote")
        elif kind == "blockquote_close":
            nesting.pop()
        elif kind == "list_item_open":
            if nesting[-1] == "ordered":
                pending_prefix = f"{numbers[-1]}. "
                numbers[-1] += 1
            else:
                pending_prefix = "• "
        elif kind == "heading_open":
            heading = token.tag
        elif kind == "heading_close":
            heading = ""
        elif kind == "tr_open":
            row = _Builder(text, *region(token))
        elif kind == "tr_close" and row is not None:
            blocks.append(row.block("table", indent=indent()))
            row = None
        elif kind == "inline" and row is not None:
            if row.chars:
                row.emit(" ", row.pos)
                row.chars.append("│ ")
                row.offsets.extend([row.pos] * 2)
            _inline(row, token.children or [])
        elif kind == "inline":
            start, end = region(token)
            builder = _Builder(text, start, end)
            _inline(builder, token.children or [])
            if heading:
                block_kind = heading
            elif "quote" in nesting:
                block_kind = "quote"
            elif nesting:
                block_kind = "item"
            else:
                block_kind = "p"
            prefix, pending_prefix = pending_prefix, ""
            offset = indent() - (len(prefix) if prefix else 0)
            blocks.append(builder.block(block_kind, prefix=prefix, indent=max(offset, 0)))
        elif kind in ("fence", "code_block", "html_block"):
            start, end = region(token)
            builder = _Builder(text, start, end)
            builder.text(token.content.rstrip("\n"))
            block_kind = "code" if kind != "html_block" else "p"
            blocks.append(builder.block(block_kind, indent=indent()))
        elif kind == "hr":
            blocks.append(Block(kind="rule", text="", offsets=()))
    return Document(blocks=tuple(block for block in blocks if block.text or block.kind == "rule"))
