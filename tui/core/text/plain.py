r"""One-line plain text from a line of Markdown, safe to show in a list or a table cell.

Titles and bylines come out of article text that may carry Markdown (``**bold**``,
``[link](#)``, ``\$``) and, in hostile or broken files, control characters and ANSI
escape sequences. Metadata values pass through `plain_text` so that none of that
reaches a terminal or a table column.
"""

from __future__ import annotations

import functools
import re

from tui.core.text.safe import UNSAFE

_ESCAPES = r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b.?"
"""ANSI CSI and OSC sequences, then any other ESC with the character after it."""
_CONTROLS = rf"(?:{UNSAFE}|[\t\n])+"
"""Controls and line breaks, each run of them one space in a one-line value."""
_ASCII_PRINTABLE = bytes(range(0x20, 0x7F))
_SCAN_IN_BYTES = 100
"""Length above which `_printable` checks ASCII text in bytes (below, the call costs more)."""

_IMAGE = r"!\[[^\]\n]*\]\([^)\n]*\)"
_LINK = r"\[([^\]\n]*)\]\([^)\n]*\)"
_AUTOLINK = r"<((?:https?|mailto):[^>\s]+)>"
_STRONG = r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"
_EMPHASIS = r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])"
_CODE = r"`+([^`\n]*)`+"
_ESCAPED = r"\\([\\`*_{}\[\]()#+\-.!$<>|~])"
_REWRITES = (
    ("![", _IMAGE, ""),
    ("](", _LINK, r"\1"),
    ("<", _AUTOLINK, r"\1"),
    ("**", _STRONG, r"\2"),
    ("__", _STRONG, r"\2"),
    ("*", _EMPHASIS, r"\2"),
    ("_", _EMPHASIS, r"\2"),
    ("`", _CODE, r"\1"),
    ("\\", _ESCAPED, r"\1"),
)
"""Markdown marks, the pattern each one starts, and what the match becomes, in order.

The patterns are sources, compiled on first use (`_pattern`): most lines hold no
markup and no control character, and many runs never meet one.
"""


def strip_controls(value: str) -> str:
    """``value`` on one line: escape sequences dropped, controls and runs of space made one space."""
    if _printable(value):  # most lines have nothing to remove
        # Printable text holds no whitespace but the ASCII space (every other kind is
        # a separator or a control), so without a double space only the ends change.
        return value.strip(" ") if "  " not in value else " ".join(value.split())
    value = _pattern(_CONTROLS).sub(" ", _pattern(_ESCAPES).sub("", value))
    return " ".join(value.split())


@functools.cache
def _pattern(source: str) -> re.Pattern[str]:
    """``source`` compiled, once."""
    return re.compile(source)


def _printable(value: str) -> bool:
    """``value.isprintable()``, sooner for long ASCII text.

    ``isprintable`` looks each character up in the Unicode tables; for ASCII (a flag
    the string carries) deleting the printable bytes and finding none left is a
    plain table scan, about three times faster on a paragraph.
    """
    if len(value) > _SCAN_IN_BYTES and value.isascii():
        return not value.encode("ascii").translate(None, _ASCII_PRINTABLE)
    return value.isprintable()


def plain_text(line: str) -> str:
    r"""``line`` without Markdown markup, escape sequences or control characters.

    Images vanish, links keep their text, emphasis and code marks go, backslash
    escapes resolve (``\$1.5`` reads ``$1.5``).
    """
    line = strip_controls(line)
    # Every pattern needs one of these characters: most lines have none.
    if not (
        "[" in line or "<" in line or "*" in line or "_" in line or "`" in line or "\\" in line
    ):
        return line
    rewritten = False
    # Each rewrite runs only when its mark is present: most lines have none.
    for mark, pattern, replacement in _REWRITES:
        if mark in line:
            line = _pattern(pattern).sub(replacement, line)
            rewritten = True
    return " ".join(line.split()) if rewritten else line
