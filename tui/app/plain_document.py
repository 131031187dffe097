"""A plain-text article's document, built without the Markdown parser, for the first frame.

The reader shows Markdown through `render_markdown`, whose parser is imported with
the first article, in a thread, so the library's first frame does not wait for it;
the article's text then came a tenth of a second after the rows. Most articles are
plain text, and for those the parser's answer is known: paragraphs between blank
lines, each line's spaces trimmed, lines joined by a space. `plain_document` builds
exactly that for a text in which no character could start Markdown (nor anything a
terminal would act on), so the first frame shows the text; the parser's document
replaces it when it comes, the same on screen.
"""

from __future__ import annotations

import re

from tui.core.text.document import Block, Document
from tui.core.text.safe import has_unsafe

MAX_CHARS = 20_000
"""Longer texts wait for the parser (built in a worker): the first frame must stay quick."""
_MARKUP = re.compile(
    r"[#*_`\[\]<>&\\|~!=]"  # emphasis, headings, links, code, html, escapes, tables
    r"|^[ \t]*(?:[-+]|\d+[.)])(?:[ \t]|$)"  # list items
    r"|^[ \t]*-{2,}"  # rules, setext headings, front matter
    r"|^ {4}|\t"  # indented code, tabs
    r"|[ \t]$",  # trailing spaces (two make a hard break)
    re.MULTILINE,
)
"""Any character or line start the Markdown parser might read as markup."""
_PARAGRAPH = re.compile(r"[^\n]+(?:\n[ \t]*[^\s][^\n]*)*")
"""A run of lines with no blank line between them."""
_LINE = re.compile(r"[^\n]+")


def plain_document(text: str) -> Document | None:
    """The document `render_markdown` would make of ``text``, or None if unsure.

    None when the text is long, or holds a character that Markdown or a terminal
    might act on: the caller then waits for the parser.
    """
    if len(text) > MAX_CHARS or has_unsafe(text) or _MARKUP.search(text):
        return None
    blocks = []
    for paragraph in _PARAGRAPH.finditer(text):
        shown: list[str] = []
        offsets: list[int] = []
        for line in _LINE.finditer(text, paragraph.start(), paragraph.end()):
            raw = line.group()
            start = line.start() + len(raw) - len(raw.lstrip(" \t"))
            end = line.start() + len(raw.rstrip(" \t"))
            if start >= end:
                continue
            if shown:  # the parser's soft break, shown as a space at the line break
                shown.append(" ")
                offsets.append(start - 1)
            shown.append(text[start:end])
            offsets.extend(range(start, end))
        if shown:
            blocks.append(Block("p", "".join(shown), tuple(offsets)))
    return Document(blocks=tuple(blocks))
